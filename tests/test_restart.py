"""Neo4j stopped and restarted between two loads loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph import server
from graph.db import Graph
from graph.stats import graph_stats
from loaders.load import load_directory
from loaders.spec import load_spec
from settings import Settings

pytestmark = pytest.mark.integration  # starts its own server
SPEC = load_spec()
SAMPLES = Path(__file__).resolve().parent.parent / "loaders" / "mappings" / "samples"


def _connect(info: server.ServerInfo) -> Graph:
    return Graph.connect(Settings(neo4j_uri=info.uri, neo4j_user=info.user, neo4j_password=info.password))


def test_restart_between_loads_keeps_everything(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name in ("agencies.csv", "practitioners.csv"):
        shutil.copy(SAMPLES / name, first / name)
    shutil.copy(SAMPLES / "police_nominals.csv", second / "police_nominals.csv")
    data_dir = tmp_path / "neo4j"
    info = server.start(port=server.free_port(), data_dir=data_dir)
    try:
        with _connect(info) as graph:
            load_directory(graph, SPEC, first, tmp_path / "r1")
            before = graph_stats(graph)
        assert server.stop(data_dir)
        info = server.start(port=info.port, data_dir=data_dir)
        with _connect(info) as graph:
            assert graph_stats(graph) == before
            report = load_directory(graph, SPEC, second, tmp_path / "r2")
            assert report.rejected == 0 and report.files[0].loaded == 5
            after = graph_stats(graph)
    finally:
        server.stop(data_dir)
    assert after["by_label"]["Offender"] == 5
    assert after["by_label"]["Agency"] == before["by_label"]["Agency"]
    assert after["by_type"]["MANAGED_BY"] == 5
