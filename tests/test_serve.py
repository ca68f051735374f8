"""The explorer's start (explorer.serve): it warms Neo4j without changing anything, and says nothing when
Neo4j cannot be reached (the pages say so)."""

from __future__ import annotations

import pytest

from explorer.serve import warm_neo4j
from explorer.statements import STATEMENTS
from graph import server
from graph.db import Graph
from graph.schema import ensure_schema
from settings import Settings

WRITES = {"review/decide", "triage/update"}  # the explorer's only writes: a read transaction refuses them
COUNTS = "MATCH (n) RETURN count(n) AS nodes"


def test_every_read_statement_is_planned_and_nothing_changes(
    graph: Graph, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEO4J_URI", settings.neo4j_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.neo4j_password)
    reads = [n for n in STATEMENTS.names() if n not in WRITES]
    ensure_schema(graph)  # the search statements read full-text indexes
    warm_neo4j()
    # every read statement ran: a statement with a parameter that has no stand-in would be missing here
    assert capsys.readouterr().out.startswith(f"Neo4j warmed: 0 worklist rows, {len(reads)} explorer statements")
    assert graph.read(COUNTS) == [{"nodes": 0}]


def test_no_neo4j_no_word(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{server.free_port()}")
    monkeypatch.setenv("NEO4J_PASSWORD", "unused")
    warm_neo4j()
    assert capsys.readouterr().out == ""
