"""The `sightline` command: help everywhere, clear one-line errors, documented exit codes and JSON keys."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from errors import GraphError

SAMPLES = Path(__file__).resolve().parent.parent / "loaders" / "mappings" / "samples"
SIGHTLINE = [sys.executable, "-c", "from cli import main; main()"]
COMMANDS = [
    [],
    ["neo4j"],
    ["neo4j", "start"],
    ["neo4j", "stop"],
    ["neo4j", "status"],
    ["neo4j", "reset"],
    ["generate"],
    ["load"],
    ["stats"],
    ["explore"],
]


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


def test_no_neo4j_is_one_clear_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "x"}
    result = run("stats", env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert "Traceback" not in result.stderr


def test_reset_needs_confirmation_without_a_terminal(tmp_path: Path) -> None:
    result = run("neo4j", "reset", "--data", str(tmp_path))
    assert result.returncode == 1 and "--yes" in result.stderr and "Traceback" not in result.stderr


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
    assert set(stats) == {"nodes", "relationships", "by_label", "by_type", "by_source"}
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
    assert run("load", str(feeds), "--rejects", str(tmp_path / "r1"), env=cli_env).returncode == 2
    (feeds / "travel.csv").write_bytes(b"")
    result = run("load", str(feeds), "--rejects", str(tmp_path / "r2"), env=cli_env)
    assert result.returncode == 1 and "file is empty" in result.stdout
