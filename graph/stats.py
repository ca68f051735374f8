"""What the graph holds: counts by label, by relationship type and by source feed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.db import Graph, read_cypher

_CYPHER = Path(__file__).with_name("cypher")


def graph_stats(graph: Graph) -> dict[str, Any]:
    """Counts for `sightline stats`; JSON keys nodes, relationships, by_label, by_type, by_source."""
    labels = graph.read(read_cypher(_CYPHER / "stats_labels.cypher"), name="stats by label")
    types = graph.read(read_cypher(_CYPHER / "stats_types.cypher"), name="stats by type")
    sources = graph.read(read_cypher(_CYPHER / "stats_sources.cypher"), name="stats by source")
    by_source = {r["source"]: {"nodes": r["nodes"], "relationships": r["relationships"]} for r in sources}
    return {
        "nodes": sum(v["nodes"] for v in by_source.values()),
        "relationships": sum(t["count"] for t in types),
        "by_label": {r["label"]: r["count"] for r in labels},
        "by_type": {r["type"]: r["count"] for r in types},
        "by_source": by_source,
    }
