"""A whole-graph fingerprint: counts and a digest of every node's labels and properties and every relationship's
type, ends and properties, leaving out what differs between equal graphs built at different times."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from graph.db import Graph

# when a record was loaded, its note read or an identity set written, and which switch of identity sets this is
VOLATILE = {"loaded_at", "read_at", "resolved_at", "generation", "scored_at"}
NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
RELATIONSHIPS = "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS a, b.key AS b, properties(r) AS props"


def lines(graph: Graph) -> list[str]:
    """Every node's labels and properties, then every relationship's type, ends and properties, sorted (times
    aside): two graphs are equal when these are."""

    def clean(props: dict[str, Any]) -> dict[str, str]:
        return {k: str(v) for k, v in props.items() if k not in VOLATILE}

    nodes = sorted(json.dumps([sorted(r["labels"]), clean(r["props"])], sort_keys=True) for r in graph.read(NODES))
    rels = sorted(
        json.dumps([r["type"], r["a"], r["b"], clean(r["props"])], sort_keys=True) for r in graph.read(RELATIONSHIPS)
    )
    return [*nodes, "--", *rels]


def fingerprint(graph: Graph) -> dict[str, Any]:
    """Counts and a digest of `lines`."""
    found = lines(graph)
    cut = found.index("--")
    return {
        "nodes": cut,
        "relationships": len(found) - cut - 1,
        "digest": hashlib.sha256("\n".join(found).encode()).hexdigest(),
    }
