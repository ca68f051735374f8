"""Linkage quality against a generator's ground truth: pairwise precision and recall of person links."""

from __future__ import annotations

from itertools import combinations
from typing import Any

from graph.db import Graph
from linkage.statements import STATEMENTS


def _pairs(groups: list[list[str]], keep: set[str]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for group in groups:
        members = sorted(k for k in group if k in keep)
        out.update(combinations(members, 2))
    return out


def person_metrics(graph: Graph, truth: dict[str, Any]) -> dict[str, float]:
    """Pairwise precision and recall over the records both the graph and the truth know."""
    rows = graph.read(STATEMENTS["identity_pairs"], name="resolve: identity pairs")
    predicted_groups = [r["records"] for r in rows]
    true_groups = [i["records"] for i in truth["identities"]]
    common = {k for g in predicted_groups for k in g} & {k for g in true_groups for k in g}
    predicted, actual = _pairs(predicted_groups, common), _pairs(true_groups, common)
    hits = len(predicted & actual)
    return {
        "person_precision": round(hits / len(predicted), 4) if predicted else 1.0,
        "person_recall": round(hits / len(actual), 4) if actual else 1.0,
        "person_pairs_predicted": len(predicted),
        "person_pairs_true": len(actual),
    }
