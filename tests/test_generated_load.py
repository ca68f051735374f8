"""A generated population loads whole on the real Neo4j, and the graph holds exactly what the files declare."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.db import Graph
from graph.stats import graph_stats
from loaders.load import load_directory
from loaders.spec import load_spec
from tests.support.expected import expected_counts
from tests.support.population import VARIED, generated

SPEC = load_spec()


@pytest.fixture(scope="module")
def feeds() -> Path:
    """The files of the shared varied population (2,000 people, seed 4: every feed has rows), loaded here into an
    empty graph by the test itself."""
    return generated(VARIED)


def test_every_feed_loads_and_counts_equal_the_declarations(graph: Graph, feeds: Path, tmp_path: Path) -> None:
    report = load_directory(graph, SPEC, feeds, tmp_path / "rejects")
    assert report.ok and report.skipped == []
    assert {f.feed for f in report.files} == set(SPEC.feeds), "every feed is generated and loaded"
    for f in report.files:
        assert f.read > 0 and (f.loaded, f.rejected) == (f.read, 0), f
    nodes, rels = expected_counts(feeds, SPEC)
    stats = graph_stats(graph)
    assert stats["by_label"] == dict(nodes)
    assert stats["by_type"] == dict(rels)
    assert set(stats["by_source"]) == set(SPEC.feeds)

    again = load_directory(graph, SPEC, feeds, tmp_path / "rejects-again")
    assert [f.loaded for f in again.files] == [f.loaded for f in report.files]
    assert graph_stats(graph) == stats
