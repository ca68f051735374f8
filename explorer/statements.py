"""The explorer's Cypher statements (explorer/cypher/explore, review, triage), by name, run through `Graph`.

Reads always go through `Graph.read` (read transactions); values are always parameters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.db import Graph
from graph.statements import Statements

STATEMENTS = Statements.beside(__file__)


def read(graph: Graph, name: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of a named read query, with Neo4j temporal values turned into Python ones."""
    return [native(row) for row in graph.read(STATEMENTS[name], name=name, **params)]


def write(graph: Graph, name: str, **params: Any) -> dict[str, int]:
    return graph.write(STATEMENTS[name], name=name, **params)


def native(value: Any) -> Any:
    """Neo4j dates and date-times as Python ones, through nested lists and maps."""
    if hasattr(value, "to_native"):
        return value.to_native()
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [native(v) for v in value]
    return value


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
