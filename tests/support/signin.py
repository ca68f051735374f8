"""A `sightline` run as a signed-in account: a throwaway accounts store, s.62 log and chain head in a test's
folder, and the variables that sign a command in. Every test helper that runs the CLI builds its environment
here, so that sign-in changes in one place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from access.accounts import Accounts, new_password
from settings import Settings

ADMIN = "test-admin"
REASON = "automated test"  # SIGHTLINE_REASON: consultation commands need one; tests of the rule unset it


def account(folder: Path, name: str, role: str) -> dict[str, str]:
    """An account `name` with `role` added to the store in `folder`, and the variables that sign in as it."""
    password = new_password()
    store = Accounts(folder / "accounts.sqlite")
    store.add(name, role, password, first=store.count() == 0 and role == "administrator")
    return {"SIGHTLINE_USER": name, "SIGHTLINE_PASSWORD": password}


def store_env(folder: Path) -> dict[str, str]:
    """SIGHTLINE_ACCOUNTS, SIGHTLINE_AUDIT_LOG and SIGHTLINE_AUDIT_HEAD in `folder` (created), SIGHTLINE_REASON,
    and an empty SIGHTLINE_TOKEN (one inherited from the shell would win over a password)."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "SIGHTLINE_ACCOUNTS": str(folder / "accounts.sqlite"),
        "SIGHTLINE_AUDIT_LOG": str(folder / "s62.jsonl"),
        "SIGHTLINE_AUDIT_HEAD": str(folder / "head" / "head.json"),
        "SIGHTLINE_REASON": REASON,
        "SIGHTLINE_TOKEN": "",
    }


def signed_in_env(folder: Path, name: str = ADMIN, role: str = "administrator") -> dict[str, str]:
    """`store_env(folder)` with SIGHTLINE_USER and SIGHTLINE_PASSWORD of a new account there (an administrator
    unless told). Merge it over os.environ."""
    return store_env(folder) | account(folder, name, role)


def sign_in_as(
    monkeypatch: pytest.MonkeyPatch, folder: Path, neo4j: Settings, roles: dict[str, str]
) -> Callable[[str], None]:
    """For commands run in this process: the test Neo4j and `store_env(folder)` in the environment, without a
    reason (each command is given its own, or is tested without one), and an account per name in `roles`
    (name -> role; an administrator first). Returns the function that signs in as one of them by name."""
    server = {"NEO4J_URI": neo4j.neo4j_uri, "NEO4J_USER": neo4j.neo4j_user, "NEO4J_PASSWORD": neo4j.neo4j_password}
    for key, value in (server | store_env(folder)).items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("SIGHTLINE_REASON")
    variables = {name: account(folder, name, role) for name, role in roles.items()}

    def sign_in(name: str) -> None:
        for key, value in variables[name].items():
            monkeypatch.setenv(key, value)

    return sign_in
