"""The child-centred worklist as tables: filters (signal, severity, agency, area), triage status per row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from explorer import flagtext
from explorer import statements as cypher
from explorer.triage import NEW, State, shown_status, state_of
from graph.db import Graph
from loaders.addresses import postcode_in
from queries.flags import Flag
from queries.library import SEVERITIES, SavedQuery, by_signal
from queries.runner import WorklistRow, worklist
from wording import address, age, agency, date, kinship, signal_name, tidy_name


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
    """Agencies a flag involves, in words: evidence agencies (police, health...) and named agencies."""
    return {agency(e.agency) for e in flag.evidence if e.agency} | {a.name for a in flag.agencies if a.name}


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


def is_compliance(row: WorklistRow) -> bool:
    """A row about an offender alone (an overdue risk assessment, a missed notification): no child is named."""
    return not any(f.children for f in row.flags)


def children_first(rows: list[WorklistRow]) -> tuple[list[WorklistRow], list[WorklistRow]]:
    """The children's rows, and the offender-only compliance rows, each in worklist order."""
    return [r for r in rows if not is_compliance(r)], [r for r in rows if is_compliance(r)]


# (offender record key, child key) -> how the offender stands to the child, in words ("father", "partner's child")
Relations = dict[tuple[str, str], str]
_ASSOCIATE = {  # ASSOCIATE_OF.relationship: what the child is to the offender -> what he is to the child
    "child": "parent",
    "cousin_child": "parent's cousin",
    "parent": "child",
    "partner": "partner",
    "ex_partner": "ex-partner",
}
_FAMILY = {  # FAMILY_OF from the child: "the child is the ... of the offender" -> what he is to the child
    "parent": "child",
    "grandparent": "grandchild",
    "aunt_uncle": "niece or nephew",
}


def relations(graph: Graph, rows: list[WorklistRow]) -> Relations:
    """How each offender named on a child's flags stands to that child, from both identities' records."""
    pairs = {
        (f.subject.key, row.key): {"offender": f.subject.key, "child": row.key, "records": _records(row)}
        for row in rows
        for f in row.flags
        if f.subject and f.subject.key != row.key
    }
    found = cypher.read(graph, "worklist/relations", pairs=list(pairs.values())) if pairs else []
    return {(r["offender"], r["child"]): _relation(r) for r in found}


def _records(row: WorklistRow) -> list[str]:
    return sorted({row.key} | {r for f in row.flags for c in f.children if c.key == row.key for r in c.records})


def _relation(found: dict[str, Any]) -> str:
    """The closest tie first: parent, family record, police associate, a partner's child, an address shared."""
    if found["parent"]:
        return kinship(found["parent"][0])
    if found["family_of_child"]:
        return kinship(found["family_of_child"][0])
    if found["child_family_of"]:
        value = found["child_family_of"][0]
        return _FAMILY.get(value, kinship(value))
    if found["associate"]:
        value = found["associate"][0]
        return _ASSOCIATE.get(value, kinship(value))
    if found["partner"]:
        return f"parent's {kinship(found['partner'][0])}"
    if found["address"]:
        return f"uses the child's address ({address(found['address'][0])})"
    return "no family tie recorded"


def offenders(row: WorklistRow, known: Relations) -> str:
    """The offenders a child's flags name, each with how he stands to the child: "Joe Austin (father)"."""
    named: dict[str, str] = {}
    for flag in row.flags:
        if flag.subject and flag.subject.key != row.key:
            how = known.get((flag.subject.key, row.key)) or _role(flag)
            named.setdefault(tidy_name(flag.subject.name) or "name not recorded", how)
    return "; ".join(f"{name} ({how})" if how else name for name, how in named.items())


def _role(flag: Flag) -> str:
    """The role the query gave the offender, when the graph was not asked ("offender (father)" -> "father")."""
    role = next((p.role for p in flag.people if flag.subject and p.key == flag.subject.key), "")
    return role[role.find("(") + 1 : -1] if "(" in role else ""


def _worst_flag(row: WorklistRow) -> Flag:
    """The flag a row is ranked by: the most severe, the earliest detected among those."""
    return min(row.flags, key=lambda f: (SEVERITIES.index(f.severity), f.detected_on or dt.date.max))


def signals_text(row: WorklistRow) -> str:
    """The row's signals by name, in S1..S14 order."""
    return "; ".join(signal_name(s) for s in row.signals)


def table(
    rows: list[WorklistRow], states: dict[str, State], as_of: dt.date, known: Relations | None = None
) -> pd.DataFrame:
    """One line per child: the table the analyst scans. Names, dates and signals in words, never keys."""
    known = known or {}
    lines = []
    for row in rows:
        lines.append(
            {
                "child": tidy_name(row.name) or "name not recorded",
                "age": age(row.dob, as_of),
                "severity": row.severity,
                "signals": signals_text(row),
                "offender (relationship)": offenders(row, known),
                "reason": flagtext.reason(_worst_flag(row)),
                "first detected": date(min((f.detected_on for f in row.flags if f.detected_on), default=None), ""),
            }
            | _triage(row, states)
        )
    return pd.DataFrame(lines)


def compliance_table(rows: list[WorklistRow], states: dict[str, State], as_of: dt.date) -> pd.DataFrame:
    """One line per offender whose flags name no child (compliance): offender, age, signals, reason, triage."""
    lines = [
        {
            "offender": tidy_name(row.name) or "name not recorded",
            "age": age(row.dob, as_of),
            "severity": row.severity,
            "signals": signals_text(row),
            "reason": flagtext.reason(_worst_flag(row)),
            "first detected": date(min((f.detected_on for f in row.flags if f.detected_on), default=None), ""),
        }
        | _triage(row, states)
        for row in rows
    ]
    return pd.DataFrame(lines)


def _triage(row: WorklistRow, states: dict[str, State]) -> dict[str, str]:
    found = [state_of(states, f) for f in row.flags]
    statuses = [shown_status(f, s) for f, s in zip(row.flags, found, strict=True)]
    assignees = sorted({s.assignee for s in found if s} - {""})
    return {"triage": _summary(statuses), "assigned to": ", ".join(assignees)}


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


def records_end(graph: Graph, today: dt.date) -> dt.date | None:
    """The latest record date on or before today; None for a graph without dated records."""
    rows = cypher.read(graph, "worklist/records_end", today=today)
    return cypher.as_date(rows[0]["day"]) if rows else None


def evidence_agencies(graph: Graph, rows: list[WorklistRow]) -> dict[str, str]:
    """Record id -> the named agency behind it (a hospital, a health visiting team, the offender's police
    team), for every record the rows' flags cite: so evidence says "Homerton Hospital", not "health"."""
    ids = sorted({e.record_id for r in rows for f in r.flags for e in f.evidence if e.record_id})
    found = cypher.read(graph, "worklist/evidence_agencies", records=ids) if ids else []
    return {r["id"]: r["name"] for r in found if r["name"]}
