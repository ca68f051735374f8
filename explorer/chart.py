"""From a fetched `Network` to the elements and styles st-link-analysis draws, after the analyst's filters.

Filters are applied here, in Python, on what was fetched: relationship types, a date range, and the
replay date (the network as it stood on a day: links not yet made or already ended, and records not yet
written, drop out, and so do nodes left with no link). Then, as i2 and Bloom charts do, people, addresses
and agencies come first: records of one kind are folded into one node ("12 home visits 2016-2024",
explorer.grouping) that the analyst opens on request; links carry plain names with their dates; a legend
says what each colour and icon means; and the path from an offender to a child is drawn in red when the
chart was opened from a flag.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import wording
from explorer import grouping
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
PATH_COLOUR = "#d7191c"
PATH_LEGEND = "the flag's path from offender to child"
KINSHIP_LINKS = {"ASSOCIATE_OF", "FAMILY_OF", "PARENT_OF"}  # their `relationship` names the link better
HIDDEN_FIELDS = {"loaded_at", "sources", "key", "source", "source_id", "kind"}  # internal or shown otherwise
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
    """What the chart draws: kept nodes and edges (parallel links of one type merged), their style groups,
    the record groups drawn folded, and the ids of the nodes and links on the highlighted path."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    groups: dict[str, tuple[str, str]] = field(default_factory=dict)  # style group -> (colour, icon)
    folded: dict[str, grouping.Group] = field(default_factory=dict)  # group node id -> its records
    path: set[str] = field(default_factory=set)  # node ids and edge ids on the highlighted path


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


def merge_parallel(edges: list[Edge], on_path: set[str] | None = None) -> list[Edge]:
    """One drawn edge per (source, target, type), remembering how many records state it, their period, and
    whether one of them is on the highlighted path."""
    groups: dict[tuple[str, str, str], list[Edge]] = defaultdict(list)
    for e in edges:
        groups[(e.source, e.target, e.type)].append(e)
    out = []
    for (source, target, kind), group in groups.items():
        periods = [e.dates() for e in group]
        starts = [s for s, _ in periods if s]
        ends = [e for _, e in periods if e]
        props: dict[str, Any] = {"records": len(group), "sources": sorted({e.props.get("source", "") for e in group})}
        if starts:
            props["from"] = min(starts)
        if ends and len(ends) == len(periods):  # ended only when every record of it has ended
            props["to"] = max(ends)
        if on_path and any(e.id in on_path for e in group):
            props["on_path"] = True
        out.append(Edge(group[0].id, source, target, kind, props))
    return out


def group_of(node: Node, as_of: dt.date, flags: dict[str, list[str]]) -> tuple[str, str, str]:
    """(style group, colour, icon): people by role (flagged ones marked), agencies and records by agency.

    The style group is also the legend's text, so it is written as an analyst would say it."""
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
    if node.kind == "group":
        agency = str(node.props.get("agency") or "")
        return f"records grouped: {agency}", COLOURS.get(agency, "#999999"), "folder"
    return f"{node.label}: {role}", COLOURS.get(role, "#999999"), RECORD_ICONS.get(node.label, "description")


def flag_signals(node: Node, flags: dict[str, list[str]]) -> list[str]:
    """Signals raised on any of the node's records or its identity (flags index: key -> signals)."""
    found = {s for key in node.record_keys for s in flags.get(key, [])}
    return by_signal(found)


def build_view(
    net: Network,
    f: Filters,
    anchors: set[str],
    as_of: dt.date,
    flags: dict[str, list[str]],
    opened: set[str] | None = None,
    path: Network | None = None,
) -> View:
    """The chart after the filters, with records folded by kind unless their group is in `opened`, and
    `path` (e.g. the offender-child path of a flag) merged in and marked."""
    if path is not None:
        net = _with_path(net, path)
    on_path = set(path.nodes) | set(path.edges) if path is not None else set()
    nodes, edges = apply(net, f, anchors | (on_path & set(net.nodes)))
    nodes, edges, folded = grouping.fold(nodes, edges, as_of, anchors | on_path, opened or set())
    merged = merge_parallel(edges, on_path)
    view = View(nodes=nodes, edges=merged, folded=folded)
    view.path = {n.id for n in nodes if n.id in on_path} | {e.id for e in merged if e.props.get("on_path")}
    for n in nodes:
        group, colour, icon = group_of(n, as_of, flags)
        view.groups[group] = (colour, icon)
    return view


def _with_path(net: Network, path: Network) -> Network:
    out = Network(dict(net.nodes), dict(net.edges), dict(net.shown))
    for nid, node in path.nodes.items():
        out.nodes.setdefault(nid, node)
    out.edges.update({k: v for k, v in path.edges.items() if k not in out.edges})
    return out


def elements(view: View, as_of: dt.date, flags: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """The `elements` argument of st_link_analysis: node data carries what the side panel shows on click
    (plain words only: the panel lists every field but `label`)."""
    nodes = []
    for n in view.nodes:
        group = group_of(n, as_of, flags)[0]
        signals = flag_signals(n, flags)
        caption = ("⚑ " + " ".join(signals) + " · " if signals else "") + n.name
        data: dict[str, Any] = {"id": n.id, "label": group, "name": caption, "kind": n.kind}
        if n.id in view.path:
            data["on_path"] = True
        data.update(node_details(n))
        nodes.append({"data": _safe(data)})
    edges = []
    for e in view.edges:
        data = {
            "id": e.id,
            "source": e.source,
            "target": e.target,
            "label": e.type,
            "caption": edge_caption(e),
            "records": e.props.get("records", 1),
            "from": iso(e.props.get("from")),
            "to": iso(e.props.get("to")),
        }
        if e.props.get("on_path"):
            data["on_path"] = True
        edges.append({"data": _safe(data)})
    return {"nodes": nodes, "edges": edges}


def _safe(data: dict[str, Any]) -> dict[str, Any]:
    """Feed text is data: the component's side panel writes every field as HTML, so <, > and & are escaped
    (quotes are not: the chart's canvas captions show the same text, and O'Brien must read as O'Brien)."""
    return {
        k: html.escape(v, quote=False) if isinstance(v, str) and k not in {"id", "source", "target"} else v
        for k, v in data.items()
    }


def exported(elements: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The chart's elements for the JSON export: node ids renumbered (n1, n2, ...; e1, e2, ... for links), so
    the file carries no record key or graph id, only what the chart shows and how its nodes are linked."""
    ids = {n["data"]["id"]: f"n{i}" for i, n in enumerate(elements["nodes"], 1)}
    nodes = [{"data": n["data"] | {"id": ids[n["data"]["id"]]}} for n in elements["nodes"]]
    edges = [
        {
            "data": e["data"]
            | {"id": f"e{i}", "source": ids.get(e["data"]["source"], ""), "target": ids.get(e["data"]["target"], "")}
        }
        for i, e in enumerate(elements["edges"], 1)
    ]
    return {"nodes": nodes, "edges": edges}


def relationship(kind: str) -> str:
    """A relationship type in plain words ('ASSESSED_IN' -> 'had a risk assessment')."""
    return wording.relationship(kind)


def period(start: dt.date | None, end: dt.date | None) -> str:
    """'2016-2024', 'since 2019', 'until 2020', or '' when the records give no date."""
    if start and end:
        return str(start.year) if start.year == end.year else f"{start.year}{grouping.DASH}{end.year}"
    if start:
        return f"since {start.year}"
    return f"until {end.year}" if end else ""


def edge_caption(e: Edge) -> str:
    """'partner, since 2021' or 'lives at, 2016-2024 (3 records)': the link's plain name (the family
    relationship where the record gives one), its period, how many records state it."""
    when = period(e.props.get("from"), e.props.get("to"))
    count = int(e.props.get("records", 1))
    kin = e.props.get("relationship")
    name = wording.kinship(str(kin)) if kin and e.type in KINSHIP_LINKS else relationship(e.type)
    return name + (f", {when}" if when else "") + (f" ({count} records)" if count > 1 else "")


def node_details(n: Node) -> dict[str, str]:
    """Fields shown on click: born, agencies and how many records for a person; a group's span; a record's
    own fields with its intelligence grading. Never a record key."""
    out: dict[str, str] = {}
    if n.kind in {"person", "record"}:
        dob = n.props.get("dob") or next((r.get("dob") for r in n.records if r.get("dob")), None)
        out["born"] = wording.date(dob, "")
        out["records"] = f"{len(n.records)} record(s): " + ", ".join(
            sorted({wording.agency(r.get("source")) for r in n.records})
        )
        return out
    if n.kind == "group":
        out["records"] = str(n.props.get("count", ""))
        out["first"], out["last"] = wording.date(n.props.get("first"), ""), wording.date(n.props.get("last"), "")
        out["record ids"] = ", ".join(str(r) for r in n.props.get("record_ids", []))
        out["open"] = "double-click to draw each record"
        return out
    if n.props.get("source"):
        out["agency"] = wording.agency(n.props.get("source"))
    if n.props.get("source_id"):
        out["record"] = str(n.props["source_id"])
    for k, v in n.props.items():
        if k not in HIDDEN_FIELDS and v not in (None, ""):
            out[k.replace("_", " ")] = _shown(v)
    grade = grading(n.props)
    if grade:
        out["grading (3x5x2)"] = grade
    return out


def _shown(value: Any) -> str:
    """A record's field value in words: dates written out, yes/no, codes without underscores."""
    if isinstance(value, dt.date):
        return wording.date(value)
    if isinstance(value, bool):
        return wording.yes_no(value)
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    text = str(value)
    return wording.code(text) if text.islower() and "_" in text else text


@dataclass(frozen=True)
class LegendEntry:
    text: str
    colour: str
    icon: str
    count: int


def legend(view: View, as_of: dt.date, flags: dict[str, list[str]]) -> list[LegendEntry]:
    """What each colour and icon on the chart means, with how many nodes of each are drawn, people first;
    the highlighted path last when there is one."""
    counts: dict[str, int] = defaultdict(int)
    for n in view.nodes:
        counts[group_of(n, as_of, flags)[0]] += 1
    entries = [LegendEntry(g, c, i, counts[g]) for g, (c, i) in view.groups.items() if counts[g]]
    entries.sort(key=lambda e: (_legend_rank(e.text), e.text))
    if view.path:
        drawn = len(view.path & {n.id for n in view.nodes})
        entries.append(LegendEntry(PATH_LEGEND, PATH_COLOUR, "route", drawn))
    return entries


def _legend_rank(text: str) -> int:
    for rank, start in enumerate(("offender", "child", "adult", "practitioner", "address", "agency", "records")):
        if text.startswith(start):
            return rank
    return 9


def type_options(net: Network) -> list[str]:
    return sorted({e.type for e in net.edges.values()})


def date_bounds(net: Network) -> tuple[dt.date, dt.date] | None:
    days = [d for e in net.edges.values() for d in e.dates() if d] + [n.date for n in net.nodes.values() if n.date]
    return (min(days), max(days)) if days else None


class _Style:
    """A Cytoscape style rule the component passes through as it is (its own classes only select by label)."""

    def __init__(self, selector: str, style: dict[str, Any]) -> None:
        self.selector, self.style = selector, style

    def dump(self) -> dict[str, Any]:
        return {"selector": self.selector, "style": self.style}


NODE_TEXT = {
    "font-size": 8,
    "min-zoomed-font-size": 3,
    "text-wrap": "wrap",
    "text-max-width": 110,
    "text-background-color": "#ffffff",
    "text-background-opacity": 0.85,
    "text-background-padding": 1,
}
EDGE_TEXT = {
    "font-size": 6,
    "min-zoomed-font-size": 3,
    "text-rotation": "none",  # level captions: rotated ones overlapped and could not be read
    "color": "#303030",
    "text-background-color": "#ffffff",
    "text-background-opacity": 0.9,
    "width": 1.5,
}


def styles(view: View) -> tuple[list[Any], list[Any]]:
    """A NodeStyle per style group present (colour, icon, caption), group nodes drawn as larger rounded
    squares, every edge captioned with its plain name and period, and the highlighted path in red on top."""
    from st_link_analysis import NodeStyle

    nodes: list[Any] = []
    for g, (colour, icon) in sorted(view.groups.items()):
        base = NodeStyle(g, colour, "name", icon).dump()
        nodes.append(_Style(base["selector"], base["style"] | NODE_TEXT))
    nodes.append(_Style("node[kind = 'group']", {"shape": "round-rectangle", "width": 30, "height": 22}))
    nodes.append(_Style("node[?on_path]", {"border-width": 3, "border-color": PATH_COLOUR}))
    edges: list[Any] = [
        _Style("edge", {"label": "data(caption)", "target-arrow-shape": "triangle"} | EDGE_TEXT),
        _Style(
            "edge[?on_path]",
            {"line-color": PATH_COLOUR, "target-arrow-color": PATH_COLOUR, "width": 3.5, "color": PATH_COLOUR},
        ),
    ]
    return nodes, edges
