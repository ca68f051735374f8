"""Integration tests of graph/server.py against the real bundled Neo4j (no mocks; each start is a JVM).

One server is shared by the module and the tests run in file order: the last ones restart, reset and stop it.
A machine without Java 17 or Maven fails these tests (ConfigError), it does not skip them.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError
from typer.testing import CliRunner

from cli import server as server_cli
from errors import ConfigError, ServerError
from graph import server
from graph.db import Graph
from graph.stats import graph_stats
from loaders.load import load_directory
from loaders.spec import load_spec
from settings import Settings

pytestmark = pytest.mark.integration  # starts its own servers
SAMPLES = Path(__file__).resolve().parent.parent / "loaders" / "mappings" / "samples"


def _query(info: server.ServerInfo, cypher: str, **params: object) -> list[dict[str, object]]:
    with GraphDatabase.driver(info.uri, auth=(info.user, info.password)) as driver:
        records, _, _ = driver.execute_query(cypher, params)
    return [record.data() for record in records]


def _connect(info: server.ServerInfo) -> Graph:
    return Graph.connect(Settings(neo4j_uri=info.uri, neo4j_user=info.user, neo4j_password=info.password))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("neo4j")
    yield path
    server.stop(path)  # whatever happened, leave no JVM behind


@pytest.fixture(scope="module")
def running(data_dir: Path) -> server.ServerInfo:
    return server.start(port=server.free_port(), data_dir=data_dir)


def test_started_server_serves_bolt_with_auth(running: server.ServerInfo) -> None:
    assert running.uri == f"bolt://127.0.0.1:{running.port}"
    assert running.user == "neo4j"
    _query(running, "CREATE (:Probe {name: $name})", name="first")
    assert _query(running, "MATCH (p:Probe) RETURN p.name AS name") == [{"name": "first"}]
    with (
        GraphDatabase.driver(running.uri, auth=(running.user, "not-the-password")) as driver,
        pytest.raises(AuthError),
    ):
        driver.verify_connectivity()


def test_password_file_is_private(running: server.ServerInfo, data_dir: Path) -> None:
    path = data_dir / "password"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert server.read_password(data_dir) == running.password
    assert len(running.password) >= 20


def test_second_start_returns_the_running_server(running: server.ServerInfo, data_dir: Path) -> None:
    again = server.start(port=running.port, data_dir=data_dir)
    assert again.pid == running.pid
    assert again == running


def test_status_reports_the_running_server(running: server.ServerInfo, data_dir: Path) -> None:
    assert server.status(data_dir) == running
    state = json.loads((data_dir / "server.json").read_text())
    assert state == {"uri": running.uri, "user": "neo4j", "port": running.port, "pid": running.pid}
    assert "password" not in state


def test_port_in_use_is_refused(running: server.ServerInfo, tmp_path: Path) -> None:
    with pytest.raises(ServerError, match=rf"port {running.port} is in use"):
        server.start(port=running.port, data_dir=tmp_path / "other")
    with socket.socket() as listener:  # a port held by something that is not Neo4j at all
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        with pytest.raises(ServerError, match=rf"port {port} is in use.*--port"):
            server.start(port=port, data_dir=tmp_path / "other")
    assert server.status(tmp_path / "other") is None


def test_bad_memory_setting_is_a_config_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SIGHTLINE_NEO4J_HEAP", "lots")
    with pytest.raises(ConfigError, match="SIGHTLINE_NEO4J_HEAP"):
        server.start(port=server.free_port(), data_dir=tmp_path)


def test_death_during_start_reports_the_cause(running: server.ServerInfo, data_dir: Path, tmp_path: Path) -> None:
    # A second data dir whose store is the running server's: the new JVM finds the store locked and exits.
    other = tmp_path / "shares-store"
    other.mkdir()
    (other / "data").symlink_to(data_dir / "data")
    with pytest.raises(ServerError, match=r"exited during start: .*locked by another process"):
        server.start(port=server.free_port(), data_dir=other)
    assert server.status(other) is None
    assert not (other / "server.json").exists()
    assert _query(running, "MATCH (p:Probe) RETURN count(p) AS n") == [{"n": 1}]  # the first one is unharmed


def test_restart_keeps_the_data(running: server.ServerInfo, data_dir: Path, tmp_path: Path) -> None:
    """Nodes and loaded feeds survive a restart, and a load after it finds what the load before it wrote (the
    offenders' teams, MANAGED_BY). One restart for both: each is a JVM start."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name in ("agencies.csv", "practitioners.csv"):
        shutil.copy(SAMPLES / name, first / name)
    shutil.copy(SAMPLES / "police_nominals.csv", second / "police_nominals.csv")
    _query(running, "CREATE (:Probe {name: $name})", name="persisted")
    with _connect(running) as graph:
        load_directory(graph, load_spec(), first, tmp_path / "r1")
        before = graph_stats(graph)
    assert server.stop(data_dir) is True
    assert server.status(data_dir) is None
    # A lost password file is regenerated and the store follows it (the file is the source of truth).
    (data_dir / "password").unlink()
    restarted = server.start(port=server.free_port(), data_dir=data_dir)
    assert restarted.pid != running.pid
    assert restarted.password != running.password
    names = _query(restarted, "MATCH (p:Probe) RETURN p.name AS name ORDER BY name")
    assert names == [{"name": "first"}, {"name": "persisted"}]
    with _connect(restarted) as graph:
        assert graph_stats(graph) == before
        report = load_directory(graph, load_spec(), second, tmp_path / "r2")
        assert report.rejected == 0 and report.files[0].loaded == 5
        after = graph_stats(graph)
    assert after["by_label"]["Offender"] == 5
    assert after["by_label"]["Agency"] == before["by_label"]["Agency"]
    assert after["by_type"]["MANAGED_BY"] == 5


def test_reset_empties_the_database_and_keeps_the_password(data_dir: Path) -> None:
    before = server.status(data_dir)
    assert before is not None
    server.reset(data_dir)
    after = server.status(data_dir)
    assert after is not None, "reset restarts a server that was running"
    assert after.password == before.password
    assert after.port == before.port
    assert _query(after, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_stop_stops_and_then_reports_nothing(data_dir: Path) -> None:
    info = server.status(data_dir)
    assert info is not None
    assert server.stop(data_dir) is True
    assert server.status(data_dir) is None
    assert not (data_dir / "server.json").exists()
    with pytest.raises(ProcessLookupError):
        os.kill(info.pid, 0)
    assert server.stop(data_dir) is False


def test_cli_status_and_reset_without_confirmation(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(server_cli.app, ["status", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "not running" in result.output
    result = runner.invoke(server_cli.app, ["reset", "--data", str(tmp_path)], input="")
    assert result.exit_code == 1
    assert "--yes" in result.output
    for command in ("start", "stop", "status", "reset"):
        assert runner.invoke(server_cli.app, [command, "--help"]).exit_code == 0
