"""Records drawn as one node per kind: "12 home visits 2016-2024" instead of twelve discs around an offender.

An analyst reads a chart for its people, addresses and agencies; the records (visits, notifications,
assessments) are why the links exist, not what the chart is about. Records of one kind, from one agency,
that link to the same drawn nodes are folded into one group node; the analyst opens a group to see its
records one by one (the group's id is kept in the chart state). A record on the highlighted path is never
folded: the path must stay visible.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass

from explorer.network import Edge, Node

PLURALS = {  # a record kind -> how an analyst says several of them
    "visit": "visits",
    "home_visit": "home visits",
    "interview": "interviews",
    "station_attendance": "station attendances",
    "notification": "notifications",
    "risk_assessment": "risk assessments",
    "conviction": "convictions",
    "intelligence": "intelligence reports",
    "merlin": "MERLIN reports",
    "disclosure": "disclosures",
    "probation_contact": "probation contacts",
    "health_contact": "health contacts",
    "referral": "referrals",
    "assessment": "assessments",
    "strategy_discussion": "strategy discussions",
    "closure": "closure summaries",
    "birth": "births",
    "maternity_booking": "maternity bookings",
    "collection": "collections seen",
    "employment": "employment records",
    "travel": "journeys",
    "note_fact": "facts read from notes",
}
DASH = "\N{EN DASH}"  # between years: 2016-2024 as typeset
SUBTYPES = ("visit_type", "contact_type", "notification_type")  # a finer kind, named when a whole group shares it


@dataclass(frozen=True)
class Group:
    """Records folded into one chart node."""

    id: str
    kind: str  # the record kind ("visit")
    agency: str  # the agency family the records come from
    members: tuple[Node, ...]

    @property
    def dates(self) -> list[dt.date]:
        return sorted(d for d in (m.date for m in self.members) if d)

    @property
    def caption(self) -> str:
        """'12 home visits 2016-2024': how many, of what, over which years."""
        dates = self.dates
        years = ""
        if dates:
            first, last = dates[0].year, dates[-1].year
            years = f" {first}" if first == last else f" {first}{DASH}{last}"
        return f"{len(self.members)} {plural(self.kind, self.members)}{years}"

    def node(self) -> Node:
        dates = self.dates
        props = {
            "kind": self.kind,
            "caption": self.caption,
            "count": len(self.members),
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "agency": self.agency,
            "record_ids": [m.props.get("source_id") for m in self.members if m.props.get("source_id")],
        }
        return Node(self.id, "group", self.id, ["Records"], props)


def plural(kind: str, members: tuple[Node, ...]) -> str:
    """The kind in the plural, or the finer kind every member shares ("home visits")."""
    for field in SUBTYPES:
        values = {m.props.get(field) for m in members}
        if len(values) == 1 and (only := values.pop()) and only in PLURALS:
            return PLURALS[str(only)]
    return PLURALS.get(kind, kind.replace("_", " ") + " records")


def record_kind(node: Node) -> str:
    return str(node.props.get("kind") or node.label).lower()


def group_id(kind: str, agency: str, ends: frozenset[str]) -> str:
    """Stable across reruns and expansions: the same records around the same nodes are the same group."""
    digest = hashlib.sha1("\n".join([kind, agency, *sorted(ends)]).encode()).hexdigest()[:10]
    return f"group|{kind}|{digest}"


def groups(nodes: list[Node], edges: list[Edge], as_of: dt.date, keep: set[str]) -> list[Group]:
    """Groups of two or more records (kind, agency, the same non-record neighbours), none of them in `keep`."""
    records = {n.id: n for n in nodes if n.kind == "node" and n.id not in keep}
    ends: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        for a, b in ((e.source, e.target), (e.target, e.source)):
            if a in records and b not in records:
                ends[a].add(b)
    buckets: dict[tuple[str, str, frozenset[str]], list[Node]] = defaultdict(list)
    for nid, node in records.items():
        buckets[(record_kind(node), node.role(as_of), frozenset(ends[nid]))].append(node)
    return [
        Group(group_id(kind, agency, around), kind, agency, tuple(sorted(members, key=_by_date)))
        for (kind, agency, around), members in sorted(buckets.items(), key=lambda kv: kv[0][:2])
        if len(members) > 1
    ]


def _by_date(node: Node) -> tuple[dt.date, str]:
    return node.date or dt.date.min, node.id


def fold(
    nodes: list[Node], edges: list[Edge], as_of: dt.date, keep: set[str], opened: set[str]
) -> tuple[list[Node], list[Edge], dict[str, Group]]:
    """Nodes and edges with every unopened group drawn as one node; its members' links now end at the group.

    Returns the groups drawn folded, by id (the page lists their records and opens them on request)."""
    folded = {g.id: g for g in groups(nodes, edges, as_of, keep) if g.id not in opened}
    into = {m.id: g.id for g in folded.values() for m in g.members}
    kept = [n for n in nodes if n.id not in into] + [g.node() for g in folded.values()]
    moved = []
    for e in edges:
        source, target = into.get(e.source, e.source), into.get(e.target, e.target)
        if source != target:
            moved.append(e if (source, target) == (e.source, e.target) else Edge(e.id, source, target, e.type, e.props))
    return kept, moved, folded


def opened_groups(nodes: list[Node], edges: list[Edge], as_of: dt.date, keep: set[str]) -> dict[str, Group]:
    """Every group the records would form, opened or not (for "fold again")."""
    return {g.id: g for g in groups(nodes, edges, as_of, keep)}
