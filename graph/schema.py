"""Constraints and indexes, created idempotently from graph/cypher/schema.cypher before any load."""

from __future__ import annotations

from graph.db import Graph
from graph.statements import STATEMENTS


def ensure_schema(graph: Graph) -> int:
    """Create every constraint and index that is missing (IF NOT EXISTS), then wait for them to come online."""
    count = graph.run_script(STATEMENTS["schema"], name="schema")
    graph.write(STATEMENTS["await_indexes"], name="await indexes")
    return count
