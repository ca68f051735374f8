"""Accounts, roles and sign-in: argon2 hashes, the first administrator, rate-limited sign-in, tokens, and the
`sightline users` commands, each refused to a role that may not use it and the refusal logged. No Neo4j."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from access.accounts import MAX_FAILURES, Accounts, new_password
from access.roles import ROLES, allows, permissions_of
from audit.log import AuditLog
from cli.exits import ExitCode
from errors import AccessError, ConfigError
from tests.test_cli import in_process

PASSWORD = new_password()  # generated each run: no password is written in the code


def test_each_role_has_what_the_one_below_has_and_more() -> None:
    analyst, supervisor, admin = (set(permissions_of(r)) for r in ROLES)
    assert analyst < supervisor < admin
    assert {"search", "worklist", "triage"} <= analyst and "review_links" not in analyst
    assert {"review_links", "audit"} <= supervisor and "load" not in supervisor
    assert {"load", "resolve", "erase", "users", "console"} <= admin
    assert not allows("analyst", "no such permission") and not allows("guest", "search")


def test_passwords_are_kept_as_argon2_hashes_only(tmp_path: Path) -> None:
    store = Accounts(tmp_path / "accounts.sqlite")
    store.add("ada", "analyst", PASSWORD)
    (stored,) = sqlite3.connect(store.path).execute("SELECT hash FROM accounts").fetchone()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert oct(store.path.stat().st_mode & 0o777) == "0o600"
    assert store.sign_in("ada", PASSWORD).role == "analyst"


def test_the_first_administrator_only_while_there_is_none(tmp_path: Path) -> None:
    store = Accounts(tmp_path / "accounts.sqlite")
    store.add("root", "administrator", PASSWORD, first=True)
    with pytest.raises(AccessError, match="only for the first account"):
        store.add("second", "administrator", PASSWORD, first=True)
    with pytest.raises(ConfigError, match="at least 12"):
        store.add("short", "analyst", "short")


def test_sign_in_says_nothing_of_which_names_exist_and_locks_after_failures(tmp_path: Path) -> None:
    store = Accounts(tmp_path / "accounts.sqlite")
    store.add("ada", "analyst", PASSWORD)
    for name in ("ada", "nobody"):
        with pytest.raises(AccessError, match=r"^wrong account name or password$"):
            store.sign_in(name, "guess")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(AccessError):
            store.sign_in("ada", "guess")
    with pytest.raises(AccessError, match="too many failed sign-ins"):
        store.sign_in("ada", PASSWORD)  # even the right password, until the window has passed
    store.set_password("ada", PASSWORD)  # an administrator's reset clears the lock
    assert store.sign_in("ada", PASSWORD).name == "ada"


def test_a_disabled_account_and_its_tokens_stop_working(tmp_path: Path) -> None:
    store = Accounts(tmp_path / "accounts.sqlite")
    store.add("ada", "analyst", PASSWORD)
    token = store.new_token("ada")
    assert store.by_token(token).name == "ada"
    store.set_active("ada", False)
    with pytest.raises(AccessError, match="unknown or revoked"):
        store.by_token(token)
    with pytest.raises(AccessError, match="disabled"):
        store.sign_in("ada", PASSWORD)


@pytest.fixture
def access_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in ("SIGHTLINE_USER", "SIGHTLINE_PASSWORD", "SIGHTLINE_TOKEN"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("SIGHTLINE_ACCOUNTS", str(tmp_path / "accounts.sqlite"))
    monkeypatch.setenv("SIGHTLINE_AUDIT_LOG", str(tmp_path / "s62.jsonl"))
    monkeypatch.setenv("SIGHTLINE_AUDIT_HEAD", str(tmp_path / "head.json"))
    return tmp_path


def _as(monkeypatch: pytest.MonkeyPatch, user: str, password: str) -> None:
    monkeypatch.setenv("SIGHTLINE_USER", user)
    monkeypatch.setenv("SIGHTLINE_PASSWORD", password)


def _password(output: str) -> str:
    return output.strip().rsplit(" ", 1)[-1]


def test_users_commands_for_administrators_only_and_every_change_logged(
    access_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = in_process(capsys, "users", "add", "root", "--first-admin")
    assert first.returncode == 0 and "(administrator)" in first.stdout
    root_password = _password(first.stdout)

    refused = in_process(capsys, "users", "add", "ada")
    assert refused.returncode == ExitCode.REFUSED and "sign in first" in refused.stderr

    _as(monkeypatch, "root", root_password)
    ada = in_process(capsys, "users", "add", "ada", "--role", "analyst")
    assert ada.returncode == 0
    assert in_process(capsys, "users", "set-role", "ada", "supervisor").returncode == 0
    listed = in_process(capsys, "users", "list")
    assert "ada" in listed.stdout and "supervisor" in listed.stdout

    _as(monkeypatch, "ada", _password(ada.stdout))
    denied = in_process(capsys, "users", "disable", "root")
    assert denied.returncode == ExitCode.REFUSED and "needs the administrator role" in denied.stderr
    token = _password(in_process(capsys, "users", "token").stdout)
    monkeypatch.delenv("SIGHTLINE_PASSWORD")
    monkeypatch.setenv("SIGHTLINE_TOKEN", token)
    assert in_process(capsys, "users", "list").returncode == ExitCode.REFUSED  # a token carries the role only

    entries = list(AuditLog.from_settings().entries())
    assert [(e.action, e.what, e.who) for e in entries if e.action == "alteration"] == [
        ("alteration", "users add --first-admin", "root"),
        ("alteration", "users add", "root"),
        ("alteration", "users set-role supervisor", "root"),
        ("alteration", "users token", "ada"),
    ]
    refusals = [(e.who, e.what) for e in entries if e.action == "refusal"]
    assert refusals == [("(nobody)", "add an account"), ("ada", "disable an account"), ("ada", "list the accounts")]
    assert AuditLog.from_settings().verify().ok
