"""The administrators' read-only Cypher console: an administrator's own query, run in a read transaction (Neo4j
refuses any write in it), with a server-side timeout and a row limit, so that a mistaken query neither changes
the graph nor holds the server. Only the first `limit` rows travel; the rest are discarded on the server."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

import neo4j

from graph.db import Graph


@dataclass(frozen=True)
class Answer:
    rows: list[dict[str, Any]]  # at most the limit
    more: bool  # the query had more rows than the limit


def read_only(graph: Graph, text: str, limit: int, timeout: float) -> Answer:
    """Run `text` once (no retry) in a read transaction with `timeout` seconds; GraphError when Neo4j refuses it
    (a write, a syntax error, the timeout)."""
    with (
        graph._errors("console query", {}),
        graph.driver.session(
            database=graph.database, default_access_mode=neo4j.READ_ACCESS, fetch_size=limit + 1
        ) as session,
        session.begin_transaction(timeout=timeout) as tx,
    ):
        result = tx.run(text)  # type: ignore[arg-type]  # an administrator's query, as typed: nothing is built
        rows = [r.data() for r in islice(result, limit + 1)]
        result.consume()  # discard what is left
        tx.rollback()  # nothing to keep: a read
    return Answer(rows[:limit], len(rows) > limit)
