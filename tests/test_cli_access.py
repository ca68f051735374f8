"""Every `sightline` command that reads or writes personal data signs in, checks the role and writes one s.62
entry (who, role, when, action class, what, subjects, rows, why); signed out or under the wrong role it is
refused (exit 5) and the refusal logged. The refusals need no Neo4j (they come before any connection); the
entries of real runs are checked on the test Neo4j."""

from __future__ import annotations

import getpass
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from access.accounts import Accounts, new_password
from audit.log import AuditLog, Entry, FileHead
from cli.exits import ExitCode
from settings import REPO_ROOT
from tests.support.commands import commands
from tests.support.signin import ADMIN, account, signed_in_env
from tests.test_cli import in_process, run

QUERY = "s1_child_at_offender_address"
# Each command that reads or writes personal data, with arguments that would run it, and the least role.
DATA = {
    ("load",): (["load", "never-read"], "administrator"),
    ("link",): (["link"], "administrator"),
    ("notes",): (["notes"], "administrator"),
    ("resolve",): (["resolve"], "administrator"),
    ("neo4j", "reset"): (["neo4j", "reset", "--yes", "--data", "never-reset"], "administrator"),
    ("audit", "verify"): (["audit", "verify"], "supervisor"),
    ("audit", "export"): (["audit", "export"], "supervisor"),
    ("query", "run"): (["query", "run", QUERY], "analyst"),
    ("query", "worklist"): (["query", "worklist"], "analyst"),
    ("evaluate",): (["evaluate", "--truth", "never-read.json"], "analyst"),
    ("stats",): (["stats"], "analyst"),
}
# No personal data: the saved queries' metadata, synthetic data, the server's process, the explorer (which signs
# in itself) and the account commands (which check their own role: tests/test_access.py).
USERS = ("add", "disable", "enable", "list", "set-role", "reset-password", "token", "demo")
OPEN = {
    ("generate",),
    ("explore",),
    ("neo4j", "start"),
    ("neo4j", "stop"),
    ("neo4j", "status"),
    ("query", "list"),
    ("query", "show"),
    *(("users", name) for name in USERS),
}
ELSEWHERE = {("erase",), ("review-due",)}  # issue 12's erasure branch: its own tests check their refusals
ROLES_BELOW = {"administrator": ("analyst", "supervisor"), "supervisor": ("analyst",), "analyst": ()}


@pytest.fixture
def access_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Accounts and the log in the test's folder; nobody signed in and no reason in the environment."""
    env = signed_in_env(tmp_path / "access")
    for key in ("SIGHTLINE_USER", "SIGHTLINE_PASSWORD", "SIGHTLINE_TOKEN", "SIGHTLINE_REASON"):
        monkeypatch.delenv(key, raising=False)
    for key in ("SIGHTLINE_ACCOUNTS", "SIGHTLINE_AUDIT_LOG", "SIGHTLINE_AUDIT_HEAD"):
        monkeypatch.setenv(key, env[key])
    monkeypatch.chdir(tmp_path)
    return tmp_path / "access"


def _as(monkeypatch: pytest.MonkeyPatch, folder: Path, role: str) -> str:
    """Sign in (through the environment) as a new account with `role`; its name."""
    name = f"a-{role}-{len(Accounts(folder / 'accounts.sqlite').all())}"
    for key, value in account(folder, name, role).items():
        monkeypatch.setenv(key, value)
    return name


def _entries() -> list[Entry]:
    return list(AuditLog.from_settings().entries())


def test_every_command_is_either_open_or_signs_in() -> None:
    """Fails when a command is added without deciding whether it touches personal data (add it to DATA or OPEN)."""
    leaves = {path for path, command in commands().items() if not getattr(command, "commands", None)}
    assert leaves - set(DATA) - OPEN - ELSEWHERE == set()


@pytest.mark.parametrize("command", list(DATA), ids=" ".join)
def test_signed_out_every_data_command_is_refused_and_logged(
    command: tuple[str, ...], access_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args, _ = DATA[command]
    result = in_process(capsys, *args)
    assert result.returncode == ExitCode.REFUSED, result.stderr
    assert "sign in first" in result.stderr and "Traceback" not in result.stderr
    (entry,) = _entries()
    assert (entry.action, entry.who, entry.role) == ("refusal", "(nobody)", "")
    assert "sign in first" in entry.why
    assert not Path("never-reset").exists()


def test_a_name_without_its_password_is_not_signed_in(
    access_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SIGHTLINE_USER alone (an account that exists) signs nobody in: the operating-system user never did either."""
    monkeypatch.setenv("SIGHTLINE_USER", ADMIN)
    result = in_process(capsys, "stats")
    assert result.returncode == ExitCode.REFUSED and "sign in first" in result.stderr
    (entry,) = _entries()
    assert (entry.who, entry.role, entry.action) == (ADMIN, "", "refusal")
    assert getpass.getuser() not in {e.who for e in _entries()}


def test_a_wrong_password_is_refused_and_logged(
    access_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SIGHTLINE_USER", ADMIN)
    monkeypatch.setenv("SIGHTLINE_PASSWORD", "not the password at all")
    result = in_process(capsys, "query", "run", QUERY, "--reason", "MASH 2024/117")
    assert result.returncode == ExitCode.REFUSED and "wrong account name or password" in result.stderr
    assert [(e.action, e.who, e.what) for e in _entries()] == [("refusal", ADMIN, f"run saved query {QUERY}")]


@pytest.mark.parametrize(
    ("command", "role"),
    [(c, r) for c, (_, least) in DATA.items() for r in ROLES_BELOW[least]],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else v,
)
def test_each_role_is_refused_what_it_may_not_do_and_the_refusal_is_logged(
    command: tuple[str, ...],
    role: str,
    access_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An analyst may not load, resolve, read notes into facts, empty the graph or read the log; a supervisor
    may read the log but not change the graph."""
    name = _as(monkeypatch, access_dir, role)
    args, least = DATA[command]
    result = in_process(capsys, *args, "--reason", "MASH 2024/117")
    assert result.returncode == ExitCode.REFUSED, result.stderr
    assert f"{name} ({role}) may not" in result.stderr and f"needs the {least} role" in result.stderr
    (entry,) = _entries()
    assert (entry.action, entry.who, entry.role) == ("refusal", name, role)


@pytest.mark.parametrize("command", [("query", "run"), ("query", "worklist"), ("evaluate",), ("audit", "export")])
@pytest.mark.parametrize("reason", [None, ".", " x "])
def test_consultation_and_disclosure_need_a_real_reason(
    command: tuple[str, ...],
    reason: str | None,
    access_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Signed in with the role, but no reason (neither --reason nor SIGHTLINE_REASON) or a token one: nothing is
    read, nothing logged."""
    _as(monkeypatch, access_dir, "administrator")
    args, _ = DATA[command]
    result = in_process(capsys, *args, *(["--reason", reason] if reason is not None else []))
    assert result.returncode == ExitCode.ERROR and "give a reason" in result.stderr
    assert _entries() == []


def _password(output: str) -> str:
    return output.strip().splitlines()[-1]


def test_users_demo_makes_the_first_administrator_then_only_resets_its_password(
    access_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make demo`'s account: created on an empty store, a new password on every re-run (the old one stops
    working), and refused once the deployment has other accounts."""
    (access_dir / "accounts.sqlite").unlink()  # the fixture's test administrator: this store starts empty
    store = Accounts(access_dir / "accounts.sqlite")
    first = in_process(capsys, "users", "demo")
    assert first.returncode == 0
    assert store.sign_in("demo", _password(first.stdout)).role == "administrator"
    again = in_process(capsys, "users", "demo")
    assert again.returncode == 0 and _password(again.stdout) != _password(first.stdout)
    assert store.sign_in("demo", _password(again.stdout)).name == "demo"
    with pytest.raises(Exception, match="wrong account name or password"):
        store.sign_in("demo", _password(first.stdout))
    store.add("ada", "analyst", new_password())
    refused = in_process(capsys, "users", "demo")
    assert refused.returncode == ExitCode.REFUSED and "demo deployment only" in refused.stderr
    assert [(e.action, e.what) for e in _entries()] == [
        ("alteration", "users demo"),
        ("alteration", "users demo"),
        ("refusal", "reset the demo account"),
    ]
    assert AuditLog.from_settings().verify().ok


# ---- on the test Neo4j: each command's entry --------------------------------------------------------------------


def _signed_in(cli_env: dict[str, str], folder: Path, role: str, reason: str | None = None) -> dict[str, str]:
    """cli_env's server and log, signed in as a new account with `role` (and a reason, or none)."""
    env = cli_env | account(Path(cli_env["SIGHTLINE_ACCOUNTS"]).parent, f"{folder.name}-{role}", role)
    return env | {"SIGHTLINE_REASON": reason or ""}


def _sightline(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = run(*args, env=env, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    return result


def _last(cli_env: dict[str, str]) -> Entry:
    return list(AuditLog(Path(cli_env["SIGHTLINE_AUDIT_LOG"])).entries())[-1]


def _shown(flags: list[dict[str, Any]]) -> set[str]:
    """Every person a flag shows in JSON: its children, its subject and the people involved."""
    people = [p for f in flags for p in (*f["children"], *f["people"], *([f["subject"]] if f["subject"] else []))]
    return {p["key"] for p in people}


def test_each_command_writes_its_entry(graph, cli_env: dict[str, str], tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    _sightline("generate", "--people", "300", "--seed", "3", "--out", str(feeds), env=cli_env)
    admin = _signed_in(cli_env, tmp_path, "administrator")
    analyst = _signed_in(cli_env, tmp_path, "analyst", reason="MASH referral 2024/117")
    supervisor = _signed_in(cli_env, tmp_path, "supervisor")

    _sightline("load", str(feeds), "--rejects", str(tmp_path / "r"), env=admin)
    loaded = _last(cli_env)
    assert (loaded.action, loaded.what, loaded.who, loaded.role) == (
        "collection",
        "load",
        admin["SIGHTLINE_USER"],
        "administrator",
    )
    assert loaded.why == "loading agency feed files" and loaded.rows > 1000
    assert loaded.params["directory"] == str(feeds) and loaded.params["rejected"] == "0"
    assert "identities" in loaded.params["exact_linkage"]

    _sightline("resolve", "--reason", "weekly linkage run", env=admin)
    resolved = _last(cli_env)
    assert (resolved.action, resolved.what, resolved.why) == ("combination", "resolve", "weekly linkage run")
    assert resolved.rows > 0 and resolved.params["accept"] and "identities" in resolved.params

    _sightline("notes", env=admin)
    assert (_last(cli_env).action, _last(cli_env).what) == ("alteration", "notes")

    worklist = json.loads(_sightline("query", "worklist", "--format", "json", env=analyst).stdout)
    entry = _last(cli_env)
    assert (entry.action, entry.what, entry.who, entry.role) == (
        "consultation",
        "query worklist",
        analyst["SIGHTLINE_USER"],
        "analyst",
    )
    assert entry.why == "MASH referral 2024/117" and entry.rows == len(worklist) > 0
    assert set(entry.subjects) == _shown([f for row in worklist for f in row["flags"]])

    query = worklist[0]["flags"][0]["query"]
    flags = json.loads(_sightline("query", "run", query, "--format", "json", env=analyst).stdout)
    entry = _last(cli_env)
    assert (entry.action, entry.what, entry.rows) == ("consultation", f"query run {query}", len(flags))
    assert flags and set(entry.subjects) == _shown(flags) and entry.params["format"] == "json"

    truth = str(feeds / "ground_truth.json")
    _sightline("evaluate", "--truth", truth, "--reason", "signal tuning", env=analyst)
    entry = _last(cli_env)
    assert (entry.action, entry.what, entry.why) == ("consultation", "evaluate", "signal tuning")

    _sightline("stats", env=analyst)
    entry = _last(cli_env)
    assert (entry.action, entry.what, entry.subjects, entry.rows > 0) == ("consultation", "stats", [], True)

    child = sorted(_shown(flags))[0]
    exported = _sightline(
        "audit", "export", "--subject", child, "--format", "json", "--reason", "DPO audit", env=supervisor
    )
    looked = json.loads(exported.stdout)
    assert [e["who"] for e in looked][-1] == analyst["SIGHTLINE_USER"]
    entry = _last(cli_env)
    assert (entry.action, entry.what, entry.who, entry.role) == (
        "disclosure",
        "audit export",
        supervisor["SIGHTLINE_USER"],
        "supervisor",
    )
    assert entry.why == "DPO audit" and entry.params["subject"] == child and child in entry.subjects
    assert entry.rows == len(looked)

    verified = _sightline("audit", "verify", env=supervisor)
    assert "the chain holds" in verified.stdout
    assert (_last(cli_env).action, _last(cli_env).what) == ("consultation", "audit verify")
    log = AuditLog(Path(cli_env["SIGHTLINE_AUDIT_LOG"]), (FileHead(Path(cli_env["SIGHTLINE_AUDIT_HEAD"])),))
    assert log.verify().ok


def test_a_load_that_fails_part_way_is_still_logged(cli_env: dict[str, str], tmp_path: Path) -> None:
    """Neo4j gone mid-command: the entry says what was asked and that it failed (some rows may be written)."""
    feeds = tmp_path / "feeds"
    shutil.copytree(REPO_ROOT / "loaders" / "mappings" / "samples", feeds)
    env = cli_env | {"NEO4J_URI": "bolt://127.0.0.1:9"}
    result = run("load", str(feeds), env=env, cwd=REPO_ROOT)
    assert result.returncode == ExitCode.ERROR and "cannot reach Neo4j" in result.stderr
    entry = _last(cli_env)
    assert entry.action == "collection" and entry.params["outcome"].startswith("failed: cannot reach Neo4j")
