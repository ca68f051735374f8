"""The Cypher console page's logic: the query runs in graph/console.py (read transaction, timeout, row limit);
here its rows become text for a table, and the people they show become the log entry's subjects."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from graph.console import Answer, read_only
from graph.db import Graph
from settings import Settings


def run(graph: Graph, text: str, settings: Settings | None = None) -> Answer:
    s = settings or Settings.from_env()
    return read_only(graph, text, s.console_rows, float(s.console_timeout))


def table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Every value as text (JSON for nodes, lists and maps): a cell is shown as typed, never as markup."""
    return pd.DataFrame([{k: _text(v) for k, v in r.items()} for r in rows])


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, default=str, sort_keys=True)


def keys(rows: list[dict[str, Any]]) -> list[str]:
    """The record and identity keys the rows show (a `key` property at any depth): the entry's subjects."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("key"), str):
                found.add(value["key"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for row in rows:
        walk(row)
    return sorted(found)
