"""The `sightline` command: help everywhere, clear one-line errors, documented exit codes and JSON keys."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli import main
from cli.data import load
from cli.exits import ExitCode
from errors import GraphError
from settings import REPO_ROOT
from tests.support.commands import commands, options
from tests.support.signin import signed_in_env

SAMPLES = REPO_ROOT / "loaders" / "mappings" / "samples"
SIGHTLINE = [sys.executable, "-c", "from cli import main; main()"]
COMMANDS = [[], *(list(path) for path in commands())]
HEAVY = {"neo4j", "splink", "duckdb", "streamlit", "pandas", "plotly", "faker", "spacy"}


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SIGHTLINE, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "sightline")
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:" in result.stdout and len(result.stdout.splitlines()) > 3


def test_help_imports_no_heavy_library() -> None:
    """Every command's --help took 4-7 s because the cli modules imported the driver, Splink, pandas, Faker ...
    at import time. Fails when a cli module (or a library constant it reads) imports one of them again."""
    script = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from cli import build_app\n"
        "from tests.support.commands import commands\n"
        "app = build_app()\n"
        "for path in [(), *commands()]:\n"
        "    result = CliRunner().invoke(app, [*path, '--help'])\n"
        "    assert result.exit_code == 0 and 'Usage:' in result.output, (path, result.output)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    imported = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert not imported & HEAVY, f"import these inside the command that needs them: {sorted(imported & HEAVY)}"


def test_help_shows_the_exit_codes() -> None:
    text = run("--help").stdout
    assert "Exit codes:" in text
    for code in ExitCode:
        assert f" {code.value}  " in text
    assert f"{ExitCode.ROWS_REJECTED.value}: some rows rejected" in " ".join((load.__doc__ or "").split())


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: ExitCode, *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == code, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0]


def in_process(capsys: pytest.CaptureFixture[str], *args: str) -> subprocess.CompletedProcess[str]:
    """`sightline ARGS` run by this process (no interpreter to start): a traceback would fail the test here."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(args, int(exited.value.code or 0), captured.out, captured.err)


FORMAT_COMMANDS = [path for path, command in commands().items() if "--format" in options(command)]


def test_the_commands_that_write_formats() -> None:
    assert {" ".join(p) for p in FORMAT_COMMANDS} == {
        "load",
        "stats",
        "notes",
        "query run",
        "query worklist",
        "evaluate",
        "resolve",
        "audit export",
        "review-due",
    }


@pytest.mark.parametrize("command", FORMAT_COMMANDS, ids=" ".join)
def test_an_unknown_format_is_a_usage_error_naming_the_formats(
    command: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """Fails if a command takes --format as free text again (an unknown one was an error, or silently a table)."""
    allowed = {"query": "'table', 'json', 'csv'", "audit": "'csv', 'json'.", "review-due": "'table', 'csv'."}.get(
        command[0], "'table', 'json'."
    )
    result = in_process(capsys, *command, "--format", "xml")
    assert_one_line_error(result, ExitCode.USAGE, "'--format'", "'xml'", allowed)


@pytest.mark.parametrize(
    "command",
    [
        ["evaluate", "--truth", "x.json"],
        ["query", "worklist"],
        ["generate", "--out", "never-written"],
    ],
    ids=lambda c: c[0] if c[0] != "query" else "query worklist",
)
def test_a_bad_date_is_a_one_line_usage_error(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """`evaluate --as-of 2024-13-45` printed a traceback (date.fromisoformat was called in the command)."""
    result = in_process(capsys, *command, "--as-of", "2024-13-45")
    assert_one_line_error(result, ExitCode.USAGE, "'--as-of'", "'2024-13-45'", "not a date")


@pytest.mark.parametrize(
    "param",
    ["as_of=2024-13-45", "window_days=99999999999999999999", "window_days=many", "colour=red", "as_of"],
)
def test_a_bad_param_is_a_one_line_usage_error(param: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A 20-digit integer reached the driver, which cannot pack it (OverflowError, a traceback)."""
    result = in_process(capsys, "query", "run", "s2_contact_with_children_no_referral", "--param", param)
    assert_one_line_error(result, ExitCode.USAGE, "'--param'")


def test_an_unknown_command_and_a_missing_option_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(in_process(capsys, "nosuch"), ExitCode.USAGE, "No such command")
    assert_one_line_error(in_process(capsys, "evaluate"), ExitCode.USAGE, "--truth")


def test_no_neo4j_is_one_clear_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x"}
    env |= signed_in_env(tmp_path)
    result = run("stats", env=env)
    assert_one_line_error(result, ExitCode.ERROR, "error: cannot reach Neo4j at bolt://127.0.0.1:9")


def test_reset_needs_confirmation_without_a_terminal(tmp_path: Path) -> None:
    result = run("neo4j", "reset", "--data", str(tmp_path))
    assert result.returncode == ExitCode.ERROR and "--yes" in result.stderr and "Traceback" not in result.stderr


def test_load_and_stats_against_the_test_server(graph, cli_env: dict[str, str], tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    shutil.copytree(SAMPLES, feeds)
    mapping = str(SAMPLES.parent / "example_police_nominals.yaml")
    loaded = run(
        "load", str(feeds), "--mapping", mapping, "--rejects", str(tmp_path / "r"), "--format", "json", env=cli_env
    )
    assert loaded.returncode == 0, loaded.stderr
    report = json.loads(loaded.stdout)
    assert [f["loaded"] for f in report["files"]] == [2, 2, 5, 5]
    stats = json.loads(run("stats", "--format", "json", env=cli_env).stdout)
    assert set(stats) == {"nodes", "relationships", "by_label", "by_type", "by_source", "unfinished"}
    assert stats["unfinished"] == []
    assert stats["by_label"]["Offender"] == 5
    assert stats["by_source"]["police_nominals"]["nodes"] == 5


def test_a_date_python_cannot_hold_is_a_graph_error(graph) -> None:
    """`query run s2_contact_with_children_no_referral --param window_days=-10000000` on Case A printed the driver's
    BrokenRecordError traceback: the due date fell before year 1, which Python's date cannot hold."""
    with pytest.raises(GraphError, match=r"due with parameters \['days'\] returned .*Ordinal out of range"):
        graph.read("RETURN date('2024-12-31') + duration({days: $days}) AS due", name="due", days=-10_000_000)


def test_load_exit_codes(graph, cli_env: dict[str, str], tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    shutil.copy(SAMPLES / "agencies.csv", feeds)
    with (feeds / "agencies.csv").open("a", encoding="utf-8") as f:
        f.write("BAD-1,Nowhere,spaceport,,,,,\n")
    rejected = run("load", str(feeds), "--rejects", str(tmp_path / "r1"), env=cli_env)
    assert rejected.returncode == ExitCode.ROWS_REJECTED == 3, "not 2: that is Click's usage error"
    (feeds / "travel.csv").write_bytes(b"")
    result = run("load", str(feeds), "--rejects", str(tmp_path / "r2"), env=cli_env)
    assert result.returncode == ExitCode.ERROR and "file is empty" in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "address"),
    [
        ([], {}, "127.0.0.1"),
        (["--address", "0.0.0.0"], {}, "0.0.0.0"),
        ([], {"SIGHTLINE_EXPLORER_ADDRESS": "10.1.2.3"}, "10.1.2.3"),
    ],
)
def test_explore_listens_on_this_machine_only_unless_told(
    args: list[str],
    env: dict[str, str],
    address: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`sightline explore` listened on every interface (*:8611): it binds 127.0.0.1 unless configured otherwise."""
    started: list[list[str]] = []
    monkeypatch.setattr("cli.explore.subprocess.call", lambda command, cwd: started.append(command) or 0)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = in_process(capsys, "explore", "--port", "8611", *args)
    assert result.returncode == 0
    command = started[0]
    assert command[command.index("--server.address") + 1] == address
    assert f"http://{address}:8611" in result.stdout
