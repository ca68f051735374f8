"""Test fixtures: one throwaway bundled Neo4j per session. If it cannot start, integration tests fail (never skip)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import server
from graph.db import Graph
from settings import Settings
from synthetic import generate

CLEAR = (Path(__file__).with_name("clear.cypher")).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[server.ServerInfo]:
    """A throwaway Neo4j on a free port in a temporary folder, stopped and removed at the end."""
    data_dir = Path(tempfile.mkdtemp(prefix="sightline-test-neo4j-"))
    info = server.start(port=server.free_port(), data_dir=data_dir)
    try:
        yield info
    finally:
        server.stop(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def settings(neo4j_server: server.ServerInfo) -> Settings:
    return Settings(neo4j_uri=neo4j_server.uri, neo4j_user=neo4j_server.user, neo4j_password=neo4j_server.password)


@pytest.fixture(scope="session")
def cli_env(settings: Settings) -> dict[str, str]:
    """Environment for `sightline` subprocesses: points them at the throwaway server."""
    env = dict(os.environ)
    env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user, NEO4J_PASSWORD=settings.neo4j_password)
    return env


@pytest.fixture
def graph(settings: Settings) -> Iterator[Graph]:
    """A connection to an empty graph."""
    with Graph.connect(settings) as g:
        g.write_in_batches(CLEAR, name="clear test graph")
        yield g


@pytest.fixture(scope="session")
def varied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Feed files of 3,000 generated people whose records vary across agencies (linkage and review tests)."""
    out = tmp_path_factory.mktemp("varied")
    generate(people=3000, seed=4, out=out, variation_rate=0.1)
    return out
