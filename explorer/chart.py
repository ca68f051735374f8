"""From a fetched `Network` to the elements and styles st-link-analysis draws, after the analyst's filters.

Filters are applied here, in Python, on what was fetched: relationship types, a date range, and the
replay date (the network as it stood on a day: links not yet made or already ended, and records not yet
written, drop out, and so do nodes left with no link).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from explorer.badges import COLOURS
from explorer.network import Edge, Network, Node, grading
from explorer.statements import iso
from queries.library import by_signal

PERSON_STYLES = {  # role -> (colour, icon)
    "offender": ("#b2182b", "person"),
    "child": ("#f4a582", "person"),
    "adult": ("#6baed6", "person"),
    "practitioner": ("#bdbdbd", "badge"),
}
FLAGGED = {"offender": ("#67001f", "flag"), "child": ("#d6604d", "flag"), "adult": ("#2166ac", "flag")}
AGENCY_ICONS = {
    "police": "assured_workload",
    "probation": "account_balance",
    "children's social care": "group",
    "health": "medical_services",
    "education": "business",
    "employment": "factory",
    "Border Force": "flight",
}
RECORD_ICONS = {
    "Intelligence": "campaign",
    "Travel": "flight",
    "Conviction": "lock",
    "Order": "key",
    "Condition": "key",
    "Birth": "medical_information",
    "Employment": "factory",
}


@dataclass(frozen=True)
class Filters:
    types: frozenset[str] | None = None  # relationship types to keep; None = all
    start: dt.date | None = None
    end: dt.date | None = None
    replay: dt.date | None = None  # show the network as it stood on this day


@dataclass
class View:
    """What the chart draws: kept nodes and edges (parallel links of one type merged) and their style groups."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    groups: dict[str, tuple[str, str]] = field(default_factory=dict)  # style group -> (colour, icon)


def _within(day: dt.date | None, f: Filters) -> bool:
    if day is None:
        return True
    if f.replay and day > f.replay:
        return False
    if f.start and day < f.start:
        return False
    return not (f.end and day > f.end)


def keep_edge(edge: Edge, f: Filters) -> bool:
    if f.types is not None and edge.type not in f.types:
        return False
    start, end = edge.dates()
    if f.replay and ((start and start > f.replay) or (end and end < f.replay)):
        return False
    if f.start and end and end < f.start:
        return False
    return not (f.end and start and start > f.end)


def apply(net: Network, f: Filters, anchors: set[str]) -> tuple[list[Node], list[Edge]]:
    """Nodes and edges left by the filters; a node with no link left goes too, unless the analyst opened it."""
    nodes = {k: n for k, n in net.nodes.items() if k in anchors or _within(n.date, f)}
    edges = [e for e in net.edges.values() if e.source in nodes and e.target in nodes and keep_edge(e, f)]
    linked = {e.source for e in edges} | {e.target for e in edges} | anchors
    return [n for k, n in nodes.items() if k in linked], edges


def merge_parallel(edges: list[Edge]) -> list[Edge]:
    """One drawn edge per (source, target, type), remembering how many records state it and their period."""
    groups: dict[tuple[str, str, str], list[Edge]] = defaultdict(list)
    for e in edges:
        groups[(e.source, e.target, e.type)].append(e)
    out = []
    for (source, target, kind), group in groups.items():
        starts = [s for s, _ in (e.dates() for e in group) if s]
        props: dict[str, Any] = {"records": len(group), "sources": sorted({e.props.get("source", "") for e in group})}
        if starts:
            props["from"] = min(starts)
        out.append(Edge(group[0].id, source, target, kind, props))
    return out


def group_of(node: Node, as_of: dt.date, flags: dict[str, list[str]]) -> tuple[str, str, str]:
    """(style group, colour, icon): people by role (flagged ones marked), agencies and records by agency."""
    role = node.role(as_of)
    if node.kind in {"person", "record"}:
        if flag_signals(node, flags) and role in FLAGGED:
            colour, icon = FLAGGED[role]
            return f"{role} (flagged)", colour, icon
        colour, icon = PERSON_STYLES[role]
        return role, colour, icon
    if node.kind == "address":
        return "address", "#525252", "home"
    if node.kind == "agency":
        return f"agency: {role}", COLOURS.get(role, "#999999"), AGENCY_ICONS.get(role, "business")
    return f"{node.label}: {role}", COLOURS.get(role, "#999999"), RECORD_ICONS.get(node.label, "description")


def flag_signals(node: Node, flags: dict[str, list[str]]) -> list[str]:
    """Signals raised on any of the node's records or its identity (flags index: key -> signals)."""
    found = {s for key in node.record_keys for s in flags.get(key, [])}
    return by_signal(found)


def build_view(net: Network, f: Filters, anchors: set[str], as_of: dt.date, flags: dict[str, list[str]]) -> View:
    nodes, edges = apply(net, f, anchors)
    view = View(nodes=nodes, edges=merge_parallel(edges))
    for n in nodes:
        group, colour, icon = group_of(n, as_of, flags)
        view.groups[group] = (colour, icon)
    return view


def elements(view: View, as_of: dt.date, flags: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """The `elements` argument of st_link_analysis: node data carries what the side panel shows on click."""
    nodes = []
    for n in view.nodes:
        group = group_of(n, as_of, flags)[0]
        signals = flag_signals(n, flags)
        caption = ("⚑ " + " ".join(signals) + " · " if signals else "") + n.name
        data: dict[str, Any] = {"id": n.id, "label": group, "name": caption, "kind": n.kind, "key": n.key}
        data.update(node_details(n))
        nodes.append({"data": data})
    edges = [
        {
            "data": {
                "id": e.id,
                "source": e.source,
                "target": e.target,
                "label": e.type,
                "records": e.props.get("records", 1),
                "from": iso(e.props.get("from")),
                "sources": ", ".join(e.props.get("sources", [])),
            }
        }
        for e in view.edges
    ]
    return {"nodes": nodes, "edges": edges}


def node_details(n: Node) -> dict[str, str]:
    """Properties shown on click: identity records per agency, provenance, intelligence grading."""
    out: dict[str, str] = {}
    if n.kind in {"person", "record"}:
        dob = n.props.get("dob") or next((r.get("dob") for r in n.records if r.get("dob")), None)
        out["dob"] = iso(dob)
        out["records"] = "; ".join(f"{r.get('source')}:{r.get('key')}" for r in n.records)
        return out
    for k, v in n.props.items():
        if k not in {"loaded_at", "sources", "key"} and v not in (None, ""):
            out[k] = iso(v)
    grade = grading(n.props)
    if grade:
        out["grading (3x5x2)"] = grade
    return out


def type_options(net: Network) -> list[str]:
    return sorted({e.type for e in net.edges.values()})


def date_bounds(net: Network) -> tuple[dt.date, dt.date] | None:
    days = [d for e in net.edges.values() for d in e.dates() if d] + [n.date for n in net.nodes.values() if n.date]
    return (min(days), max(days)) if days else None


def styles(view: View) -> tuple[list[Any], list[Any]]:
    """NodeStyle per style group present and a directed, captioned EdgeStyle per relationship type.

    The component hides captions below a zoom where most family-sized charts sit; ours stay readable.
    """
    from st_link_analysis import EdgeStyle, NodeStyle

    class Readable:
        def __init__(self, inner: Any, extra: dict[str, Any]) -> None:
            self.inner, self.extra = inner, extra

        def dump(self) -> dict[str, Any]:
            out = self.inner.dump()
            out["style"] |= self.extra
            return out

    node_text = {"font-size": 7, "min-zoomed-font-size": 4, "text-wrap": "ellipsis", "text-max-width": 90}
    edge_text = {"font-size": 5, "min-zoomed-font-size": 4}
    nodes = [
        Readable(NodeStyle(g, colour, "name", icon), node_text) for g, (colour, icon) in sorted(view.groups.items())
    ]
    types = sorted({e.type for e in view.edges})
    edges = [Readable(EdgeStyle(t, caption="label", directed=True, labeled=None), edge_text) for t in types]
    return nodes, edges
