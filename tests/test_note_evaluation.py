"""Signals raised from notes, measured against the generator's ground truth (issue 11, class 7).

The generator writes every planted order conflict (S9) and its decoy only in a visit note at `note_rate=1`:
"helps out with a local youth football team", "babysits for a neighbour's two children", and, for decoys, the
same words negated or ended ("has stopped helping out ..."). The loader's note step must read them so that S9
(and S13, the same visits being "engaging well") keep recall 1.0 and precision 0.95, and S10 reads the
minimising accounts as before.
"""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from linkage.exact import link_exact
from loaders.load import load_directory
from loaders.spec import load_spec
from queries.evaluate import evaluate, load_truth
from synthetic import generate

FROM_NOTES = ("S9", "S10", "S13")


def test_signals_written_only_in_notes_are_found(graph: Graph, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    generate(people=2000, seed=1, out=feeds, variation_rate=0.0, note_rate=1.0)
    truth = load_truth(feeds / "ground_truth.json")
    in_notes = [
        c for c in truth["cases"] if c["signal"] == "S9" and any(e.startswith("police_visits:") for e in c["evidence"])
    ]
    assert any(not c["decoy"] for c in in_notes), "no S9 case written only in a note"
    assert any(c["decoy"] for c in in_notes), "no S9 decoy written only in a note"
    report = load_directory(graph, load_spec(), feeds, tmp_path / "rejects")
    assert report.ok and report.rejected == 0
    assert report.note_facts.get("child_role", 0) + report.note_facts.get("unsupervised_contact", 0) > 0
    link_exact(graph)
    scores = evaluate(graph, truth)
    for signal in FROM_NOTES:
        score = scores[signal]
        assert score.cases > 0, f"{signal}: no planted case to measure"
        assert score.recall == 1.0, f"{signal} missed {score.missed}"
        assert score.precision is not None and score.precision >= 0.95, f"{signal} false alarms {score.false_alarms}"
