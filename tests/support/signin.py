"""A `sightline` run as a signed-in account: a throwaway accounts store, s.62 log and chain head in a test's
folder, and the variables that sign a command in. Every test helper that runs the CLI builds its environment
here, so that sign-in changes in one place."""

from __future__ import annotations

from pathlib import Path

from access.accounts import Accounts, new_password

ADMIN = "test-admin"
REASON = "automated test"  # SIGHTLINE_REASON: consultation commands need one; tests of the rule unset it


def account(folder: Path, name: str, role: str) -> dict[str, str]:
    """An account `name` with `role` added to the store in `folder`, and the variables that sign in as it."""
    password = new_password()
    store = Accounts(folder / "accounts.sqlite")
    store.add(name, role, password, first=store.count() == 0 and role == "administrator")
    return {"SIGHTLINE_USER": name, "SIGHTLINE_PASSWORD": password}


def signed_in_env(folder: Path, name: str = ADMIN, role: str = "administrator") -> dict[str, str]:
    """SIGHTLINE_ACCOUNTS, SIGHTLINE_AUDIT_LOG and SIGHTLINE_AUDIT_HEAD in `folder` (created), SIGHTLINE_USER and
    SIGHTLINE_PASSWORD of a new account there (an administrator unless told), SIGHTLINE_REASON, and an empty
    SIGHTLINE_TOKEN (one inherited from the shell would win over the password). Merge it over os.environ."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "SIGHTLINE_ACCOUNTS": str(folder / "accounts.sqlite"),
        "SIGHTLINE_AUDIT_LOG": str(folder / "s62.jsonl"),
        "SIGHTLINE_AUDIT_HEAD": str(folder / "head" / "head.json"),
        "SIGHTLINE_REASON": REASON,
        "SIGHTLINE_TOKEN": "",
        **account(folder, name, role),
    }
