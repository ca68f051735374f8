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
    report = load_directory(graph, SPEC, feeds, tmp_path / "rejects", notes=False)  # the feeds alone
    assert report.ok and report.skipped == []
    assert {f.feed for f in report.files} == set(SPEC.feeds), "every feed is generated and loaded"
    for f in report.files:
        assert f.read > 0 and (f.loaded, f.rejected) == (f.read, 0), f
    nodes, rels = expected_counts(feeds, SPEC)
    stats = graph_stats(graph)
    # KeyConflict marks people whose NHS number another record gave a different name and date of birth (the
    # generator's nickname with day and month swapped does): a second label on declared nodes, not a node
    labels = {k: v for k, v in stats["by_label"].items() if k != "KeyConflict"}
    assert labels == dict(nodes)
    assert stats["by_label"].get("KeyConflict", 0) <= nodes["Person"] // 100
    assert stats["by_type"] == dict(rels)
    assert set(stats["by_source"]) == set(SPEC.feeds)

    again = load_directory(graph, SPEC, feeds, tmp_path / "rejects-again", notes=False)
    assert [f.loaded for f in again.files] == [f.loaded for f in report.files]
    assert graph_stats(graph) == stats


def test_the_facts_notes_propose_sit_beside_the_records_and_reading_again_changes_nothing(
    graph: Graph, feeds: Path, tmp_path: Path
) -> None:
    """A load reads the notes (notes/): NoteFact nodes, each FROM_RECORD and NOTE_ABOUT; loading again, which
    reads them again, changes nothing."""
    report = load_directory(graph, SPEC, feeds, tmp_path / "rejects")
    stats = graph_stats(graph)
    facts = sum(report.note_facts.values())
    assert facts > 0 and stats["by_label"]["NoteFact"] == facts
    assert stats["by_type"]["FROM_RECORD"] == facts and 0 < stats["by_type"]["NOTE_ABOUT"] <= facts
    again = load_directory(graph, SPEC, feeds, tmp_path / "rejects-again")
    assert again.note_facts == report.note_facts and graph_stats(graph) == stats
