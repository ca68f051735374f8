"""The explorer's Cypher statements (explorer/cypher/explore, review, triage), by name, run through `Graph`.

Reads always go through `Graph.read` (read transactions); values are always parameters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph
from graph.statements import Statements
from queries.flags import native  # one conversion of Neo4j's temporal values, shared with the flags

__all__ = ["STATEMENTS", "as_date", "iso", "native", "read", "write"]

STATEMENTS = Statements.beside(__file__)


def read(graph: Graph, name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a named read query, with Neo4j temporal values turned into Python ones."""
    return [native(row) for row in graph.read(STATEMENTS[name], name=name, **params)]


def write(graph: Graph, name: str, **params: Any) -> dict[str, int]:
    return graph.write(STATEMENTS[name], name=name, **params)


def as_date(value: Any) -> dt.date | None:
    """A day from a Neo4j or Python date or date-time, or ISO text (flags as JSON); None for anything else."""
    value = native(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if isinstance(value, str) and value else None
    except ValueError:
        return None


def iso(value: Any) -> str:
    """A date (or anything) as text for tables and exports; '' for none."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
