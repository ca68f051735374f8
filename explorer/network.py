"""The link chart's data: nodes (people by identity, addresses, agencies, records) and their links.

A chart node id is `<kind>|<key>`: kind `person` (an identity), `record` (a person record no identity
links), `address`, `agency`, or `node` (any other node, keyed by element id); the chart adds `group` nodes
of its own (records folded by kind, explorer.grouping). Neighbourhoods are fetched
one node at a time with a cap, so a busy GP practice never freezes the page: the chart says "showing N of
M" and the analyst can ask for more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import wording
from explorer import statements as cypher
from explorer.badges import AGENCY_FAMILY, agency_of_feed, full_name, is_child
from explorer.search import display_name
from graph.db import Graph

NEIGHBOUR_LIMIT = 40  # first page of neighbours per expanded node
HIDDEN_PROPS = {"loaded_at", "sources"}


@dataclass
class Node:
    id: str
    kind: str
    key: str
    labels: list[str]
    props: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """Primary label: Identity/Person/Address/Agency or the record's own label (Referral, Birth...)."""
        for name in self.labels:
            if name not in {"Event", "Offender", "Practitioner"}:
                return name
        return self.labels[0] if self.labels else "Node"

    @property
    def name(self) -> str:
        if self.kind in {"person", "record"}:
            return (
                wording.tidy_name(display_name([{"name": full_name(r)} for r in self.records])) or "name not recorded"
            )
        if self.kind == "address":
            return wording.address(self.props.get("line1") or self.key, self.props.get("postcode"))
        if self.kind == "agency":
            return wording.agency(self.props.get("name") or self.props.get("agency_type"))
        if self.kind == "group":
            return str(self.props.get("caption") or self.key)
        kind = str(self.props.get("kind") or self.label).replace("_", " ")
        day = wording.date(self.props.get("date"), "")
        return f"{kind.capitalize()} {day}".strip()

    @property
    def date(self) -> dt.date | None:
        """When the node came into being: an event's date, a person's date of birth."""
        value = self.props.get("date") if self.kind == "node" else self.props.get("dob")
        return value if isinstance(value, dt.date) else None

    @property
    def record_keys(self) -> set[str]:
        return {r["key"] for r in self.records if r.get("key")} | {self.key}

    def role(self, as_of: dt.date) -> str:
        """offender, practitioner, child or adult for people; the agency family for agencies and records."""
        if self.kind in {"person", "record"}:
            if any(r.get("offender") for r in self.records):
                return "offender"
            if any(r.get("practitioner") for r in self.records):
                return "practitioner"
            dob = self.props.get("dob") or next((r.get("dob") for r in self.records if r.get("dob")), None)
            return "child" if is_child(dob, as_of) else "adult"
        if self.kind == "agency":
            return AGENCY_FAMILY.get(self.props.get("agency_type") or "", "directory")
        if self.kind == "address":
            return "address"
        return agency_of_feed(self.props.get("source"))


@dataclass
class Edge:
    id: str
    source: str
    target: str
    type: str
    props: dict[str, Any]

    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        """The period the link held: from/to, or the single date it was recorded or sent."""
        start = self.props.get("from") or self.props.get("date") or self.props.get("recorded")
        end = self.props.get("to")
        return cypher.as_date(start), cypher.as_date(end)


@dataclass
class Network:
    """Everything fetched so far for one chart, plus the cap state of every expanded node."""

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[str, Edge] = field(default_factory=dict)
    shown: dict[str, tuple[int, int]] = field(default_factory=dict)  # expanded node id -> (shown, total)

    def merge(self, other: Network) -> None:
        self.nodes.update({k: v for k, v in other.nodes.items() if k not in self.nodes})
        self.edges.update(other.edges)
        self.shown.update(other.shown)


def node_id(kind: str, key: str) -> str:
    return f"{kind}|{key}"


def split_id(nid: str) -> tuple[str, str]:
    kind, _, key = nid.partition("|")
    return kind, key


def resolve(graph: Graph, key: str) -> str | None:
    """Chart node id for a key from a search hit, worklist row or saved-query result."""
    rows = cypher.read(graph, "explore/resolve", key=key)
    return node_id(rows[0]["kind"], rows[0]["key"]) if rows else None


def fetch_node(graph: Graph, nid: str) -> Node | None:
    kind, key = split_id(nid)
    rows = cypher.read(graph, "explore/node", kind=kind, key=key)
    if not rows:
        return None
    r = rows[0]
    return Node(nid, kind, key, r["labels"], r["props"], r["records"])


def neighbourhood(graph: Graph, nid: str, limit: int = NEIGHBOUR_LIMIT) -> Network:
    """The node and its first `limit` neighbours (people first), with the count of all of them."""
    kind, key = split_id(nid)
    net = Network()
    centre = fetch_node(graph, nid)
    if centre is None:
        return net
    net.nodes[nid] = centre
    rows = cypher.read(graph, "explore/neighbourhood", kind=kind, key=key, limit=limit)
    total, shown = (rows[0]["total"], rows[0]["shown"]) if rows else (0, [])
    for item in shown:
        other = node_id(item["kind"], item["key"])
        net.nodes[other] = Node(other, item["kind"], item["key"], item["labels"], item["props"], item["records"])
        for rel in item["rels"]:
            source, target = (nid, other) if rel["outgoing"] else (other, nid)
            net.edges[rel["id"]] = Edge(rel["id"], source, target, rel["type"], rel["props"])
    net.shown[nid] = (len(shown), total)
    return net


def properties(node: Node) -> dict[str, str]:
    """A node's own properties as text, provenance last; for people, one line per record."""
    props = {k: cypher.iso(v) for k, v in sorted(node.props.items()) if k not in HIDDEN_PROPS and v is not None}
    for k in ("source", "source_id"):
        if k in props:
            props[k] = props.pop(k)
    return props


def grading(props: dict[str, Any]) -> str | None:
    """The 3x5x2 grading of an intelligence record (source evaluation, assessment, handling), if it has one."""
    parts = [props.get(k) for k in ("source_evaluation", "intelligence_assessment", "handling_code")]
    return " / ".join(str(p) for p in parts) if any(parts) else None
