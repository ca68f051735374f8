"""Who is running a command: the account named by SIGHTLINE_USER with SIGHTLINE_PASSWORD, or an API token
(SIGHTLINE_TOKEN), never the operating-system user; whether its role allows the command; and why it acts.
A refusal is logged in the s.62 log like the action it refused; every command that reads or writes personal
data signs in through `acting` and writes its one entry through `Acting.record`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from access.accounts import Account, Accounts
from access.roles import PERMISSIONS, allows
from audit.log import AuditLog, Entry, justification
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


@dataclass(frozen=True)
class Acting:
    """A signed-in account acting for one justification: the entries a command writes carry both."""

    account: Account
    why: str
    settings: Settings

    def record(
        self,
        action: str,
        what: str,
        params: dict[str, Any] | None = None,
        subjects: Sequence[str] = (),
        rows: int = 0,
    ) -> Entry:
        """The command's s.62 entry: who and role from the sign-in, when now, the justification given."""
        return AuditLog.from_settings(self.settings).record(
            action,
            what,
            self.why,
            who=self.account.name,
            role=self.account.role,
            params={k: v for k, v in (params or {}).items() if v is not None},
            subjects=subjects,
            rows=rows,
        )

    @contextmanager
    def failing(self, action: str, what: str, params: dict[str, Any]) -> Iterator[None]:
        """Around a command that writes to the graph: if it fails part-way, what it may already have written
        is still logged (with the failure), then the failure goes on."""
        try:
            yield
        except (Exception, KeyboardInterrupt) as e:
            self.record(action, what, params | {"outcome": f"failed: {e or type(e).__name__}"})
            raise


def acting(permission: str, what: str, reason: str = "", default: str = "") -> Acting:
    """Sign in for `permission` (refused: exit 5, logged), then the justification: `--reason`, else
    SIGHTLINE_REASON, else `default`. Only collection and combination by an administrator have a default (the
    command is its own purpose); consultation and disclosure without a real reason are refused (exit 1)."""
    settings = Settings.from_env()
    account = signed_in(permission, what, settings)
    return Acting(account, justification(reason or settings.reason or default), settings)
