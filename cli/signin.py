"""Who is running a command: the account named by SIGHTLINE_USER with SIGHTLINE_PASSWORD, or an API token
(SIGHTLINE_TOKEN), never the operating-system user; and whether its role allows the command. A refusal is
logged in the s.62 log like the action it refused."""

from __future__ import annotations

from access.accounts import Account, Accounts
from access.roles import PERMISSIONS, allows
from audit.log import AuditLog
from errors import AccessError
from settings import Settings


def accounts(settings: Settings | None = None) -> Accounts:
    return Accounts((settings or Settings.from_env()).accounts)


def signed_in(permission: str, what: str, settings: Settings | None = None) -> Account:
    """The signed-in account, if its role has `permission`; else AccessError (exit 5), logged as a refusal."""
    s = settings or Settings.from_env()
    store = accounts(s)
    try:
        if s.token:
            account = store.by_token(s.token)
        elif s.user and s.password:
            account = store.sign_in(s.user, s.password)
        else:
            raise AccessError(
                "sign in first: set SIGHTLINE_USER and SIGHTLINE_PASSWORD, or SIGHTLINE_TOKEN (`sightline users token`)"
            )
    except AccessError as e:
        _refused(s, s.user or "(nobody)", "", what, str(e))
        raise
    if not allows(account.role, permission):
        message = f"{account.name} ({account.role}) may not {what}: it needs the {PERMISSIONS[permission]} role"
        _refused(s, account.name, account.role, what, message)
        raise AccessError(message)
    return account


def _refused(settings: Settings, who: str, role: str, what: str, why: str) -> None:
    AuditLog.from_settings(settings).record("refusal", what, why, who=who, role=role)
