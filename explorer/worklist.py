"""The child-centred worklist as tables: filters (signal, severity, agency, area), triage status per row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from explorer.statements import iso
from explorer.triage import NEW, State, shown_status, state_of
from graph.db import Graph
from loaders.addresses import postcode_in
from queries.flags import Flag
from queries.library import SEVERITIES, SavedQuery, by_signal
from queries.runner import WorklistRow, worklist


@dataclass
class Fetched:
    """Worklist rows plus the saved queries that failed (one broken check must not hide every other flag),
    and when the checks ran: the page keeps the result for a while and says how old it is."""

    rows: list[WorklistRow]
    failures: dict[str, str]
    ran_at: dt.datetime
    unfinished: tuple[str, ...] = ()  # loads or linkage cut short: the graph may be part-written


def fetch(graph: Graph, as_of: dt.date, library: dict[str, SavedQuery]) -> Fetched:
    """Every saved query, merged to one row per child (typed, frozen flags: st.cache_data pickles them)."""
    result = worklist(graph, as_of, library)
    return Fetched(result.rows, result.failures, dt.datetime.now(), tuple(result.unfinished))


def _named(flag: Flag) -> set[str]:
    """Keys a flag names a person by: its children's identities and records, and its subject."""
    return set(flag.child_keys()) | ({flag.subject.key} if flag.subject else set())


def flag_index(rows: list[WorklistRow]) -> dict[str, list[str]]:
    """Record or identity key -> signals raised, for children and subjects: marks flags on chart nodes."""
    index: dict[str, set[str]] = {}
    for row in rows:
        for flag in row.flags:
            for key in _named(flag) - {""}:
                index.setdefault(key, set()).add(flag.signal)
    return {k: by_signal(v) for k, v in index.items()}


def agencies_of(flag: Flag) -> set[str]:
    """Agencies a flag involves: evidence agencies (police, health...) and named agencies."""
    return {e.agency for e in flag.evidence if e.agency} | {a.name for a in flag.agencies if a.name}


def areas_of(flag: Flag) -> set[str]:
    """Postcode districts of the flag's addresses ("… | E81AB" -> "E8")."""
    postcodes = (postcode_in(key) or "" for key in flag.addresses)
    return {p[:-3] for p in (p.replace(" ", "") for p in postcodes) if len(p) > 3}


@dataclass(frozen=True)
class RowFilter:
    signals: frozenset[str] = frozenset()
    severities: frozenset[str] = frozenset()
    agencies: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()

    def keeps(self, flag: Flag) -> bool:
        return (
            (not self.signals or flag.signal in self.signals)
            and (not self.severities or flag.severity in self.severities)
            and (not self.agencies or bool(agencies_of(flag) & self.agencies))
            and (not self.areas or bool(areas_of(flag) & self.areas))
        )


def options(rows: list[WorklistRow]) -> dict[str, list[str]]:
    """Values each filter can take in these rows."""
    flags = [f for r in rows for f in r.flags]
    return {
        "signals": by_signal(f.signal for f in flags),
        "severities": [s for s in SEVERITIES if any(f.severity == s for f in flags)],
        "agencies": sorted({a for f in flags for a in agencies_of(f)}),
        "areas": sorted({a for f in flags for a in areas_of(f)}),
    }


def filtered(rows: list[WorklistRow], keep: RowFilter) -> list[WorklistRow]:
    """Rows with only the flags the filter keeps (severity and signals follow them); rows left with none drop out."""
    out = []
    for row in rows:
        flags = tuple(f for f in row.flags if keep.keeps(f))
        if flags:
            out.append(replace(row, flags=flags))
    return out


def table(rows: list[WorklistRow], states: dict[str, State]) -> pd.DataFrame:
    """One line per child: the table the analyst scans."""
    lines = []
    for row in rows:
        found = [state_of(states, f) for f in row.flags]
        statuses = [shown_status(f, s) for f, s in zip(row.flags, found, strict=True)]
        assignees = sorted({s.assignee for s in found if s} - {""})
        lines.append(
            {
                "child (or subject)": row.name,
                "born": iso(row.dob),
                "severity": row.severity,
                "signals": " ".join(row.signals),
                "flags": len(row.flags),
                "first detected": min((iso(f.detected_on) for f in row.flags), default=""),
                "triage": _summary(statuses),
                "assigned to": ", ".join(assignees),
                "areas": " ".join(sorted({a for f in row.flags for a in areas_of(f)})),
            }
        )
    return pd.DataFrame(lines)


def _summary(statuses: list[str]) -> str:
    """Re-raised first, then new, then the other statuses with their counts."""
    counts = {s: statuses.count(s) for s in dict.fromkeys(sorted(statuses, key=_urgency))}
    return ", ".join(f"{n} {s}" for s, n in counts.items())


def _urgency(status: str) -> int:
    order = ["re-raised", NEW]
    return order.index(status) if status in order else 2


def flag_keys(rows: list[WorklistRow]) -> list[str]:
    """Every key triage may be kept under for these flags (theirs, and any they had before)."""
    return sorted({k for r in rows for f in r.flags for k in f.triage_keys()})


def flags_for(rows: list[WorklistRow], keys: set[str]) -> list[Flag]:
    """Every flag naming one of these record or identity keys as a child or as the subject, once each."""
    found: dict[str, Flag] = {}
    for row in rows:
        for flag in row.flags:
            if _named(flag) & keys:
                found[flag.key] = flag
    return list(found.values())
