"""Triage of flags: assignee, status and note per flag, kept in the graph apart from the loaded records.

State hangs on `Flag.key`, which is stable across re-loads and re-runs. A flag closed with "no further
action" that comes back with evidence dated after the decision is shown as re-raised: the benefit of the
doubt goes to the child (review 6.3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from errors import QueryError
from explorer import statements as cypher
from graph import schema
from graph.db import Graph
from queries.flags import Flag

NEW = "new"
NFA = "no further action"
STATUSES = (NEW, "under review", "referred to children's social care", "strategy discussion", NFA)
RE_RAISED = "re-raised"
_ensured: set[str] = set()


@dataclass(frozen=True)
class State:
    flag_key: str
    status: str = NEW
    assignee: str = ""
    note: str = ""
    reason: str = ""
    decided_on: dt.date | None = None  # the records' date the decision was made against (the as-of date)
    updated_by: str = ""
    updated_at: dt.datetime | None = None


def ensure_schema(graph: Graph) -> None:
    """The schema (with the FlagState key constraint), once per process and database: a graph the explorer
    writes triage to may never have been loaded by `sightline load`, which applies it too."""
    if graph.uri + graph.database not in _ensured:
        schema.ensure_schema(graph)
        _ensured.add(graph.uri + graph.database)


def states(graph: Graph, keys: list[str]) -> dict[str, State]:
    rows = cypher.read(graph, "triage/states", keys=keys) if keys else []
    fields = State.__dataclass_fields__
    return {r["flag_key"]: State(**{k: v for k, v in r.items() if k in fields and v is not None}) for r in rows}


def state_of(states: dict[str, State], flag: Flag) -> State | None:
    """A flag's triage state: under its key, else under the key it had before its query named facts."""
    return next((states[k] for k in flag.triage_keys() if k in states), None)


def record(graph: Graph, flag: Flag, state: State, by: str, as_of: dt.date) -> None:
    """Save a decision on a flag; NFA needs a reason, as the review asks."""
    if state.status not in STATUSES:
        raise QueryError(f"status must be one of: {', '.join(STATUSES)}")
    if state.status == NFA and not state.reason.strip():
        raise QueryError("give the reason for no further action: it is read when the flag comes back")
    ensure_schema(graph)
    cypher.write(
        graph,
        "triage/update",
        flag_key=flag.key,
        query=flag.query,
        signal=flag.signal,
        status=state.status,
        assignee=state.assignee.strip(),
        note=state.note.strip(),
        reason=state.reason.strip(),
        decided_on=as_of,
        at=dt.datetime.now(dt.UTC),
        by=by,
    )


def history(graph: Graph, flag_key: str) -> list[dict[str, Any]]:
    return cypher.read(graph, "triage/history", flag_key=flag_key)


def shown_status(flag: Flag, state: State | None) -> str:
    """The status to show: re-raised when evidence dated after an NFA decision has come in."""
    if state is None:
        return NEW
    latest = latest_evidence(flag)
    if state.status == NFA and state.decided_on and latest and latest > state.decided_on:
        return RE_RAISED
    return state.status


def latest_evidence(flag: Flag) -> dt.date | None:
    """The day of the flag's latest evidence (a date-time counts as its day, to compare with the decision's)."""
    days = [d for d in (cypher.as_date(e.date) for e in flag.evidence) if d is not None]
    return max(days) if days else None
