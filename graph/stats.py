"""What the graph holds: counts by label, by relationship type and by source feed."""

from __future__ import annotations

from typing import Any

from graph.db import Graph
from graph.marks import warnings
from graph.statements import STATEMENTS


def graph_stats(graph: Graph) -> dict[str, Any]:
    """Counts for `sightline stats`; JSON keys nodes, relationships, by_label, by_type, by_source, and
    unfinished: a line per load or linkage that began and did not finish (graph/marks.py)."""
    labels = graph.read(STATEMENTS["stats_labels"], name="stats by label")
    types = graph.read(STATEMENTS["stats_types"], name="stats by type")
    sources = graph.read(STATEMENTS["stats_sources"], name="stats by source")
    by_source = {r["source"]: {"nodes": r["nodes"], "relationships": r["relationships"]} for r in sources}
    return {
        "nodes": sum(v["nodes"] for v in by_source.values()),
        "relationships": sum(t["count"] for t in types),
        "by_label": {r["label"]: r["count"] for r in labels},
        "by_type": {r["type"]: r["count"] for r in types},
        "by_source": by_source,
        "unfinished": warnings(graph),
    }
