"""The explorer as the browser test, the AppTests and the page benchmark start it: a headless Streamlit on
127.0.0.1 through the same command `sightline explore` runs, pointed at a given Neo4j, a consultation log and
an account store of its own, and signed in as an account of a chosen role."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Page

from access.accounts import Accounts, new_password
from cli.explore import APP, streamlit_command
from errors import ConfigError
from settings import REPO_ROOT, Settings

PASSWORD = new_password()  # every test account's, generated each run (no password is written in the code)
ACCOUNTS = {"analyst": "Test Analyst", "supervisor": "Test Supervisor", "administrator": "Test Administrator"}


def environment(settings: Settings, audit: Path) -> dict[str, str]:
    """The environment that points an explorer process at `settings`' Neo4j and a consultation log of its own
    (the browser test, the AppTests and the page benchmark)."""
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        "SIGHTLINE_AUDIT_LOG": str(audit),
        "SIGHTLINE_AUDIT_HEAD": str(audit.with_suffix(".head.json")),
        "SIGHTLINE_ACCOUNTS": str(audit.with_suffix(".accounts.sqlite")),
    }


def account(store: Path, role: str = "analyst", name: str | None = None) -> str:
    """An account of `role` (password PASSWORD) in the account store at `store`, created once; its name."""
    name = name or ACCOUNTS[role]
    accounts = Accounts(store)
    if name not in {a.name for a in accounts.all()}:
        accounts.add(name, role, PASSWORD)
    return name


def sign_in(page: Page, name: str, reason: str, password: str = PASSWORD) -> None:
    """Sign a browser page in through the explorer's form, then give the reason for consulting."""
    page.get_by_role("textbox", name="Account name").fill(name)
    page.get_by_label("Password", exact=True).fill(password)  # a password box has no textbox role
    page.get_by_role("button", name="Sign in").click()
    box = page.get_by_role("textbox", name="Reason for consulting")
    box.fill(reason)
    box.press("Enter")


@contextmanager
def serving(
    port: int, env: Mapping[str, str], log: Path, script: Path = APP, module: str = "explorer.serve", wait: float = 120
) -> Iterator[str]:
    """A headless explorer (or another Streamlit script) on 127.0.0.1:port for a test or a benchmark; yields its
    URL once Streamlit answers its health check, and stops it afterwards. Its output goes to `log`."""
    command = streamlit_command(port, True, script=script, module=module)
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=REPO_ROOT, env=dict(env), stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(f"{url}/_stcore/health", proc, log, wait)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ConfigError(f"streamlit exited with {proc.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise ConfigError(f"streamlit did not answer at {url} within {wait:.0f} s: {log.read_text()}")
