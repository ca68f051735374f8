"""Constraints and indexes, created idempotently from graph/schema.cypher before any load."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph

SCHEMA_PATH = Path(__file__).with_name("schema.cypher")


def ensure_schema(graph: Graph) -> int:
    """Create every constraint and index that is missing (IF NOT EXISTS), then wait for them to come online."""
    count = graph.run_file(SCHEMA_PATH)
    graph.write("CALL db.awaitIndexes(300)", name="await indexes")
    return count
