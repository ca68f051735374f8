"""Run saved queries in read transactions and merge their flags into a child-centred worklist."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from errors import SightlineError
from graph.db import Graph
from queries.flags import Flag, Person, plain
from queries.library import SEVERITIES, SavedQuery, by_signal, load_library, worst

PARALLEL_QUERIES = 4  # saved queries in flight at once for the worklist


def run_query(graph: Graph, query: SavedQuery, given: dict[str, Any] | None = None) -> list[Flag]:
    """Bind and run one saved query; a row missing a result column is an error naming the query. A row that
    names its triggering fact becomes one flag per child (a flag's key is one child's)."""
    params = query.bind(given or {})
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


def worklist(graph: Graph, as_of: dt.date, library: dict[str, SavedQuery] | None = None) -> Worklist:
    """Every saved query, merged to one row per child, highest severity and most signals first.

    The queries run side by side (the driver is thread-safe; Neo4j runs each on its own thread), which about
    halves the wait on two cores; their flags are merged in library order, so the result does not depend on
    which finished first."""
    queries = library or load_library()
    with ThreadPoolExecutor(max_workers=PARALLEL_QUERIES) as pool:
        futures = {name: pool.submit(run_query, graph, query, {"as_of": as_of}) for name, query in queries.items()}
    children: dict[str, Person] = {}
    raised: dict[str, list[Flag]] = {}
    failures: dict[str, str] = {}
    for name, future in futures.items():
        try:
            flags = future.result()
        except SightlineError as e:
            failures[name] = str(e)
            continue
        for flag in flags:
            for target in flag.targets():
                children.setdefault(target.key, target)  # as the first flag raised against them names them
                raised.setdefault(target.key, []).append(flag)
    rows = [WorklistRow(children[key], tuple(found)) for key, found in raised.items()]
    ordered = sorted(rows, key=lambda r: (SEVERITIES.index(r.severity), -len(r.signals), r.name or "", r.key))
    return Worklist(ordered, failures)
