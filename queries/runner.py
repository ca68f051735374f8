"""Run saved queries in read transactions and merge their flags into a child-centred worklist."""

from __future__ import annotations

import datetime as dt
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from errors import QueryError, SightlineError
from graph.db import Graph
from queries.library import SEVERITIES, SavedQuery, by_signal, load_library, worst

PARALLEL_QUERIES = 4  # saved queries in flight at once for the worklist

# Every saved query returns these columns, so a flag can be explained without another query.
RESULT_COLUMNS = (
    "children",
    "subject",
    "people",
    "addresses",
    "agencies",
    "path",
    "evidence",
    "detected_on",
    "summary",
)


@dataclass(frozen=True)
class Flag:
    """One row of a saved query: who is at risk, who and what is involved, and the records behind it."""

    query: str
    signal: str
    severity: str
    title: str
    children: list[dict[str, Any]]
    subject: dict[str, Any] | None
    people: list[dict[str, Any]]
    addresses: list[str]
    agencies: list[dict[str, Any]]
    path: list[str]
    evidence: list[dict[str, Any]]
    detected_on: dt.date | None
    summary: str

    @property
    def key(self) -> str:
        """Stable identity of a flag across re-runs and re-loads: query, subject, child records, addresses.

        Triage state (assignee, status, notes) hangs on this key, so it survives every re-run.
        """
        children = sorted(r for c in self.children for r in c.get("records", [c.get("key", "")]))
        parts = [self.query, (self.subject or {}).get("key", ""), *children, "|", *sorted(self.addresses)]
        return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key} | {k: _plain(v) for k, v in vars(self).items()}


def _plain(value: Any) -> Any:
    """Neo4j temporal values and nested containers as JSON-ready Python values."""
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def run_query(graph: Graph, query: SavedQuery, given: dict[str, Any] | None = None) -> list[Flag]:
    """Bind and run one saved query; a row missing a result column is an error naming the query."""
    params = query.bind(given or {})
    rows = graph.read(query.cypher, name=f"saved query {query.name}", **params)
    flags = []
    for row in rows:
        missing = [c for c in RESULT_COLUMNS if c not in row]
        if missing:
            raise QueryError(f"{query.name} returned no {', '.join(missing)}: see docs/queries.md for the contract")
        detected = row["detected_on"].to_native() if hasattr(row["detected_on"], "to_native") else row["detected_on"]
        flags.append(
            Flag(
                query.name,
                query.signal,
                query.severity,
                query.title,
                row["children"] or [],
                row["subject"],
                row["people"] or [],
                row["addresses"] or [],
                row["agencies"] or [],
                row["path"] or [],
                row["evidence"] or [],
                detected,
                row["summary"] or "",
            )
        )
    return flags


@dataclass
class WorklistRow:
    """Everything raised against one child (or, where no child is identified yet, one subject)."""

    key: str
    name: str
    dob: Any
    flags: list[Flag] = field(default_factory=list)

    @property
    def severity(self) -> str:
        return worst(f.severity for f in self.flags)

    @property
    def signals(self) -> list[str]:
        return by_signal(f.signal for f in self.flags)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "dob": _plain(self.dob),
            "severity": self.severity,
            "signals": self.signals,
            "flags": [f.as_dict() for f in self.flags],
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
    rows: dict[str, WorklistRow] = {}
    failures: dict[str, str] = {}
    for name, future in futures.items():
        try:
            flags = future.result()
        except SightlineError as e:
            failures[name] = str(e)
            continue
        for flag in flags:
            targets = flag.children or ([flag.subject] if flag.subject else [])
            for target in targets:
                row = rows.setdefault(
                    target["key"], WorklistRow(target["key"], target.get("name", ""), target.get("dob"))
                )
                row.flags.append(flag)
    ordered = sorted(rows.values(), key=lambda r: (SEVERITIES.index(r.severity), -len(r.signals), r.name or "", r.key))
    return Worklist(ordered, failures)
