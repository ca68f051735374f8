"""Crash safety: a load cut short, by SIGKILL to the Neo4j server or to the loader itself, and then run again,
leaves exactly the graph a clean load leaves: the same nodes, relationships and properties, nothing
duplicated, nothing lost. The clean load is on the session's server, the cut ones on a server of the test's own (it
is killed), on the real bundled Neo4j."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import server
from graph.db import Graph
from loaders.load import load_directory
from loaders.spec import load_spec
from settings import REPO_ROOT, Settings
from synthetic import generate
from tests.support.fingerprint import fingerprint
from tests.support.signin import signed_in_env

pytestmark = pytest.mark.integration  # starts and kills its own server
COUNT = "MATCH (n) RETURN count(n) AS n"


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-feeds")
    generate(250, 11, folder)
    return folder


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("crash-neo4j")
    yield path
    server.stop(path)


def _settings(info: server.ServerInfo) -> Settings:
    return Settings(neo4j_uri=info.uri, neo4j_user=info.user, neo4j_password=info.password)


def _load(info: server.ServerInfo, feeds: Path, rejects: Path) -> dict[str, Any]:
    with Graph.connect(_settings(info)) as graph:
        return _load_into(graph, feeds, rejects)


def _load_into(graph: Graph, feeds: Path, rejects: Path) -> dict[str, Any]:
    report = load_directory(graph, load_spec(), feeds, rejects)
    assert report.ok and report.rejected == 0, report
    return fingerprint(graph)


def _empty(info: server.ServerInfo) -> None:
    with Graph.connect(_settings(info)) as graph:
        graph.write_in_batches("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", "empty")


def _loader(info: server.ServerInfo, feeds: Path, rejects: Path) -> subprocess.Popen[bytes]:
    """`sightline load` in its own process, in small transactions so that there is a middle to cut it in."""
    env = dict(os.environ) | _settings(info).as_environment()
    env |= {"SIGHTLINE_BATCH_SIZE": "100", "SIGHTLINE_RETRY_SECONDS": "2"}  # fails soon once its server is gone
    env |= signed_in_env(rejects.with_name(rejects.name + "-access"))
    command = [str(Path(sys.executable).parent / "sightline"), "load", str(feeds), "--rejects", str(rejects)]
    return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _nodes(info: server.ServerInfo) -> int:
    with Graph.connect(_settings(info)) as graph:
        return int(graph.read(COUNT)[0]["n"])


def _midway(info: server.ServerInfo, loader: subprocess.Popen[bytes], at_least: int) -> int:
    """Wait until the running load has written `at_least` nodes; returns how many it had."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        written = _nodes(info)
        if written >= at_least:
            return written
        assert loader.poll() is None, "the load finished before it could be cut short: use a larger population"
        time.sleep(0.05)
    raise AssertionError("the load wrote nothing in 5 minutes")


def test_a_load_killed_midway_then_run_again_equals_a_clean_load(
    graph: Graph, feeds: Path, data_dir: Path, tmp_path: Path
) -> None:
    clean = _load_into(graph, feeds, tmp_path / "clean")  # on the session's server: what a clean load leaves
    assert clean["nodes"] > 300
    info = server.start(port=server.free_port(), data_dir=data_dir)

    # 1. The loader process is killed in the middle of the load.
    loader = _loader(info, feeds, tmp_path / "killed-loader")
    cut_at = _midway(info, loader, clean["nodes"] // 4)
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    assert cut_at < clean["nodes"] and _nodes(info) < clean["nodes"], "the kill came after the load had finished"
    assert _load(info, feeds, tmp_path / "after-loader-kill") == clean
    _empty(info)

    # 2. The Neo4j server is killed (SIGKILL: no shutdown, no checkpoint) in the middle of the load.
    loader = _loader(info, feeds, tmp_path / "killed-server")
    _midway(info, loader, clean["nodes"] // 4)
    os.kill(info.pid, signal.SIGKILL)
    assert loader.wait(timeout=300) != 0, "the load must fail when its server dies, not report success"
    restarted = server.start(port=server.free_port(), data_dir=data_dir)
    assert restarted.pid != info.pid
    assert 0 < _nodes(restarted) < clean["nodes"], "the server came back with the part-load it had committed"
    assert _load(restarted, feeds, tmp_path / "after-server-kill") == clean
