"""`sightline users ...`: local accounts, managed by administrators (the first one by `add --first-admin`)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from access.accounts import new_password
from access.roles import ROLES
from audit.log import AuditLog
from cli.signin import accounts, signed_in
from errors import AccessError, ConfigError

app = typer.Typer(help="Add, disable, enable, list and change local accounts; API tokens for the CLI.")
out = Console()
ADMINISTRATION = "account administration"  # the justification logged with every change to an account
DEMO = "demo"  # the administrator `make demo` creates and signs in as


def _role(value: str) -> str:
    if value not in ROLES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(ROLES)}")
    return value


Role = Annotated[str, typer.Option("--role", parser=_role, help=f"One of {', '.join(ROLES)}")]
Name = Annotated[str, typer.Argument(help="Account name")]


def _changed(who: str, role: str, what: str, name: str) -> None:
    AuditLog.from_settings().record(
        "alteration", f"users {what}", ADMINISTRATION, who=who, role=role, params={"account": name}
    )


@app.command()
def add(
    name: Name,
    role: Role = "analyst",
    first_admin: Annotated[
        bool, typer.Option("--first-admin", help="The deployment's first account, an administrator")
    ] = False,
) -> None:
    """A new account with a generated password, printed once: hand it over safely."""
    store = accounts()
    password = new_password()
    if first_admin:
        created = store.add(name, "administrator", password, first=True)
        _changed(created.name, created.role, "add --first-admin", name)
    else:
        admin = signed_in("users", "add an account")
        created = store.add(name, role, password)
        _changed(admin.name, admin.role, "add", name)
    out.print(f"account {created.name} ({created.role}) added; password: {password}", highlight=False)


@app.command()
def disable(name: Name) -> None:
    """Stop an account signing in (its API tokens are revoked); its entries in the log stay."""
    _set_active(name, False)


@app.command()
def enable(name: Name) -> None:
    _set_active(name, True)


def _set_active(name: str, active: bool) -> None:
    verb = "enable" if active else "disable"
    admin = signed_in("users", f"{verb} an account")
    accounts().set_active(name, active)
    _changed(admin.name, admin.role, verb, name)
    out.print(f"account {name} {verb}d")


@app.command("set-role")
def set_role(name: Name, role: Annotated[str, typer.Argument(parser=_role, help=f"One of {', '.join(ROLES)}")]) -> None:
    admin = signed_in("users", "change a role")
    if name == admin.name and role != "administrator":
        raise ConfigError("an administrator cannot take their own role away: ask another administrator")
    accounts().set_role(name, role)
    _changed(admin.name, admin.role, f"set-role {role}", name)
    out.print(f"account {name} is now {role}")


@app.command("reset-password")
def reset_password(name: Name) -> None:
    """A new generated password for the account, printed once."""
    admin = signed_in("users", "reset a password")
    password = new_password()
    accounts().set_password(name, password)
    _changed(admin.name, admin.role, "reset-password", name)
    out.print(f"new password for {name}: {password}", highlight=False)


@app.command("list")
def list_accounts() -> None:
    signed_in("users", "list the accounts")
    table = Table("name", "role", "active", "created")
    for a in accounts().all():
        table.add_row(a.name, a.role, "yes" if a.active else "no", a.created)
    out.print(table)


@app.command()
def token() -> None:
    """An API token for the signed-in account (SIGHTLINE_TOKEN), printed once; any role may have one."""
    me = signed_in("search", "make an API token")
    made = accounts().new_token(me.name)
    _changed(me.name, me.role, "token", me.name)
    out.print(made, highlight=False)


@app.command("demo")
def demo_account() -> None:
    """The demo deployment's administrator `demo`, for `make demo`: created as the first account, or given a new
    password when it is the only account. Prints the password alone on stdout (for a script); refused where
    any other account exists (a real deployment resets passwords with `reset-password`, as an administrator)."""
    store = accounts()
    password = new_password()
    names = [a.name for a in store.all()]
    if not names:
        store.add(DEMO, "administrator", password, first=True)
    elif names == [DEMO] and store.get(DEMO).role == "administrator":
        store.set_password(DEMO, password)
        store.set_active(DEMO, True)
    else:
        message = "`users demo` is for a demo deployment only: this one has other accounts (see `users reset-password`)"
        AuditLog.from_settings().record("refusal", "reset the demo account", message, who="(nobody)")
        raise AccessError(message)
    _changed(DEMO, "administrator", "demo", DEMO)
    print(password)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="users")
