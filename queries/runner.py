"""Run saved queries in read transactions and merge their flags into a child-centred worklist."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from errors import SightlineError
from graph import identity_set, marks
from graph.db import Graph
from queries.flags import Flag, Person, plain
from queries.library import SEVERITIES, SavedQuery, by_signal, load_library, worst

PARALLEL_QUERIES = 4  # saved queries in flight at once for the worklist


def run_query(graph: Graph, query: SavedQuery, given: dict[str, Any] | None = None) -> list[Flag]:
    """Bind and run one saved query; a row missing a result column is an error naming the query. A row that
    names its triggering fact becomes one flag per child (a flag's key is one child's)."""
    params = query.bind(given or {})
    return identity_set.consistent(graph, lambda: _flags(graph, query, params))


def _flags(graph: Graph, query: SavedQuery, params: dict[str, Any]) -> list[Flag]:
    rows = graph.read(query.cypher, name=f"saved query {query.name}", **params)
    return [flag for row in rows for flag in Flag.from_row(query, row).split()]


@dataclass(frozen=True)
class WorklistRow:
    """Everything raised against one child (or, where no child is identified yet, one subject)."""

    child: Person
    flags: tuple[Flag, ...]

    @property
    def key(self) -> str:
        return self.child.key

    @property
    def name(self) -> str | None:
        return self.child.name

    @property
    def dob(self) -> dt.date | None:
        return self.child.dob

    @property
    def severity(self) -> str:
        return worst(f.severity for f in self.flags)

    @property
    def signals(self) -> list[str]:
        return by_signal(f.signal for f in self.flags)

    def to_json(self) -> dict[str, Any]:
        """The row as JSON-ready values (dates as ISO text): what `sightline query worklist --format json` writes."""
        return {
            "key": self.key,
            "name": self.name,
            "dob": plain(self.dob),
            "severity": self.severity,
            "signals": self.signals,
            "flags": [f.to_json() for f in self.flags],
        }


@dataclass
class Worklist:
    """Worklist rows and the saved queries that failed: one broken check must not hide every other flag."""

    rows: list[WorklistRow]
    failures: dict[str, str] = field(default_factory=dict)
    unfinished: list[str] = field(default_factory=list)  # loads or linkage cut short: the graph may be part-written


def worklist(graph: Graph, as_of: dt.date, library: dict[str, SavedQuery] | None = None) -> Worklist:
    """Every saved query, merged to one row per child, highest severity and most signals first.

    The queries run side by side (the driver is thread-safe; Neo4j runs each on its own thread), which about
    halves the wait on two cores; their flags are merged in library order, so the result does not depend on
    which finished first. All of them read one identity set, even while linkage replaces it."""
    queries = library or load_library()
    checks = identity_set.consistent(graph, lambda: _run_all(graph, queries, as_of))
    rows, failures = _merged(checks)
    return Worklist(rows, failures, marks.warnings(graph))


def _run_all(graph: Graph, queries: dict[str, SavedQuery], as_of: dt.date) -> dict[str, list[Flag] | str]:
    """Each query's flags, or the error that stopped it."""
    out: dict[str, list[Flag] | str] = {}
    with ThreadPoolExecutor(max_workers=PARALLEL_QUERIES) as pool:
        futures = {name: pool.submit(_bound_flags, graph, query, as_of) for name, query in queries.items()}
    for name, future in futures.items():
        try:
            out[name] = future.result()
        except SightlineError as e:
            out[name] = str(e)
    return out


def _bound_flags(graph: Graph, query: SavedQuery, as_of: dt.date) -> list[Flag]:
    return _flags(graph, query, query.bind({"as_of": as_of}))


def _merged(checks: dict[str, list[Flag] | str]) -> tuple[list[WorklistRow], dict[str, str]]:
    """One row per child, highest severity and most signals first, and the checks that failed."""
    children: dict[str, Person] = {}
    raised: dict[str, list[Flag]] = {}
    failures: dict[str, str] = {}
    for name, flags in checks.items():
        if isinstance(flags, str):
            failures[name] = flags
            continue
        for flag in flags:
            for target in flag.targets():
                children.setdefault(target.key, target)  # as the first flag raised against them names them
                raised.setdefault(target.key, []).append(flag)
    rows = [WorklistRow(children[key], tuple(found)) for key, found in raised.items()]
    ordered = sorted(rows, key=lambda r: (SEVERITIES.index(r.severity), -len(r.signals), r.name or "", r.key))
    return ordered, failures
