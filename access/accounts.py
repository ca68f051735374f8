"""Local accounts in a small SQLite file outside the graph (emptying the graph never signs anyone out):
argon2id password hashes (argon2-cffi), API tokens kept only as their SHA-256, and a sign-in rate limit."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError

from access.roles import ROLES
from errors import AccessError, ConfigError

MAX_FAILURES = 5  # failed sign-ins of one account within WINDOW lock it until the window has passed
WINDOW = dt.timedelta(minutes=15)
MIN_PASSWORD = 12
_HASHER = PasswordHasher()
_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
    created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (digest TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (name TEXT NOT NULL, at TEXT NOT NULL);
"""


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    active: bool = True
    created: str = ""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_password() -> str:
    """A password to hand over once (printed by `users add`, `reset-password` and `make demo`)."""
    return secrets.token_urlsafe(15)


@dataclass(frozen=True)
class Accounts:
    """The account store at `path` (mode 0600)."""

    path: Path

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        db = sqlite3.connect(self.path, timeout=30)
        try:
            db.executescript(_SCHEMA)
            with db:
                yield db
        finally:
            db.close()

    def count(self) -> int:
        with self._db() as db:
            return int(db.execute("SELECT count(*) FROM accounts").fetchone()[0])

    def add(self, name: str, role: str, password: str, first: bool = False) -> Account:
        """A new account; `first` only while there is none (the first administrator of a deployment)."""
        name = name.strip()
        if not name or role not in ROLES:
            raise ConfigError(f"an account needs a name and one of the roles {', '.join(ROLES)}")
        if len(password) < MIN_PASSWORD:
            raise ConfigError(f"a password has at least {MIN_PASSWORD} characters")
        with self._db() as db:
            if first and db.execute("SELECT count(*) FROM accounts").fetchone()[0]:
                raise AccessError("--first-admin is only for the first account: an administrator adds the others")
            if db.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone():
                raise ConfigError(f"there is already an account {name!r}")
            created = _now().isoformat(timespec="seconds")
            db.execute("INSERT INTO accounts VALUES (?, ?, ?, 1, ?)", (name, role, _HASHER.hash(password), created))
        return Account(name, role, True, created)

    def get(self, name: str) -> Account:
        with self._db() as db:
            row = db.execute("SELECT name, role, active, created FROM accounts WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise ConfigError(f"no account {name!r}")
        return Account(row[0], row[1], bool(row[2]), row[3])

    def all(self) -> list[Account]:
        with self._db() as db:
            rows = db.execute("SELECT name, role, active, created FROM accounts ORDER BY name").fetchall()
        return [Account(r[0], r[1], bool(r[2]), r[3]) for r in rows]

    def set_active(self, name: str, active: bool) -> Account:
        self._update(name, "UPDATE accounts SET active = ? WHERE name = ?", (int(active), name))
        if not active:
            with self._db() as db:
                db.execute("DELETE FROM tokens WHERE name = ?", (name,))
        return self.get(name)

    def set_role(self, name: str, role: str) -> Account:
        if role not in ROLES:
            raise ConfigError(f"role must be one of {', '.join(ROLES)}")
        self._update(name, "UPDATE accounts SET role = ? WHERE name = ?", (role, name))
        return self.get(name)

    def set_password(self, name: str, password: str) -> None:
        if len(password) < MIN_PASSWORD:
            raise ConfigError(f"a password has at least {MIN_PASSWORD} characters")
        self._update(name, "UPDATE accounts SET hash = ? WHERE name = ?", (_HASHER.hash(password), name))
        with self._db() as db:
            db.execute("DELETE FROM failures WHERE name = ?", (name,))

    def _update(self, name: str, sql: str, params: tuple[object, ...]) -> None:
        with self._db() as db:
            if db.execute(sql, params).rowcount == 0:
                raise ConfigError(f"no account {name!r}")

    def sign_in(self, name: str, password: str) -> Account:
        """The account, if the password is right and it is active and not locked; else AccessError. The same
        message for an unknown name and a wrong password (it must not tell which names exist)."""
        with self._db() as db:
            since = (_now() - WINDOW).isoformat()
            db.execute("DELETE FROM failures WHERE at < ?", (since,))
            failures = db.execute("SELECT count(*) FROM failures WHERE name = ?", (name,)).fetchone()[0]
            if failures >= MAX_FAILURES:
                raise AccessError(f"too many failed sign-ins for {name!r}: try again in {WINDOW.seconds // 60} minutes")
            row = db.execute("SELECT hash, role, active, created FROM accounts WHERE name = ?", (name,)).fetchone()
            if row is None or not _verified(row[0], password):
                db.execute("INSERT INTO failures VALUES (?, ?)", (name, _now().isoformat()))  # kept: no raise here
                row = None
            else:
                db.execute("DELETE FROM failures WHERE name = ?", (name,))
                if _HASHER.check_needs_rehash(row[0]):
                    db.execute("UPDATE accounts SET hash = ? WHERE name = ?", (_HASHER.hash(password), name))
        if row is None:
            raise AccessError("wrong account name or password")
        if not row[2]:
            raise AccessError(f"the account {name!r} is disabled")
        return Account(name, row[1], True, row[3])

    def new_token(self, name: str) -> str:
        """An API token for the CLI (shown once; only its SHA-256 is kept)."""
        self.get(name)
        token = "sl_" + secrets.token_urlsafe(32)
        with self._db() as db:
            db.execute("INSERT INTO tokens VALUES (?, ?, ?)", (_digest(token), name, _now().isoformat()))
        return token

    def by_token(self, token: str) -> Account:
        with self._db() as db:
            row = db.execute("SELECT name FROM tokens WHERE digest = ?", (_digest(token),)).fetchone()
        if row is None:
            raise AccessError("unknown or revoked API token")
        account = self.get(row[0])
        if not account.active:
            raise AccessError(f"the account {account.name!r} is disabled")
        return account


def _verified(stored: str, password: str) -> bool:
    try:
        return bool(_HASHER.verify(stored, password))
    except VerificationError:
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
