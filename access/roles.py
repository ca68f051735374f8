"""The roles, each allowed everything the one before it is, and the permission every page and command asks for."""

from __future__ import annotations

ROLES = ("analyst", "supervisor", "administrator")

# permission -> the least role that has it (need to know: an analyst sees children's records, a supervisor
# also decides record links and reads the log, only an administrator changes what the graph holds).
PERMISSIONS = {
    "search": "analyst",
    "profile": "analyst",
    "chronology": "analyst",
    "line_of_sight": "analyst",
    "saved_queries": "analyst",
    "worklist": "analyst",
    "triage": "analyst",
    "evaluate": "analyst",
    "review_links": "supervisor",
    "assign": "supervisor",
    "audit": "supervisor",
    "review_due": "supervisor",  # MoPI review: list records past their review date (cli/retention.py)
    "load": "administrator",
    "resolve": "administrator",
    "erase": "administrator",
    "users": "administrator",
    "console": "administrator",
}


def allows(role: str, permission: str) -> bool:
    """Whether `role` has `permission`; an unknown permission or role allows nothing."""
    least = PERMISSIONS.get(permission)
    return least is not None and role in ROLES and ROLES.index(role) >= ROLES.index(least)


def permissions_of(role: str) -> list[str]:
    return [p for p in PERMISSIONS if allows(role, p)]
