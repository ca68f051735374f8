"""Path finder and "connected network": chains of links between people, addresses and agencies, with
one person's records drawn as one node (their identity)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import networkx as nx

from explorer import statements as cypher
from explorer.network import Edge, Network, Node, node_id, split_id
from graph.db import Graph

CONNECTED_LIMIT = 3000  # relationships fetched for the connected network (enough for a family, bounded)


def seeds(graph: Graph, nid: str) -> list[str]:
    kind, key = split_id(nid)
    return [r["id"] for r in cypher.read(graph, "explore/seeds", kind=kind, key=key)]


def raw_node(raw: dict[str, Any]) -> Node:
    """A stored node from a path or subgraph row as a chart node (records collapse into their identity)."""
    labels, props = raw["labels"], raw["props"]
    if raw.get("identity"):
        nid, kind, key = node_id("person", raw["identity"]), "person", raw["identity"]
    elif "Identity" in labels:
        nid, kind, key = node_id("person", props["key"]), "person", props["key"]
    elif "Person" in labels:
        nid, kind, key = node_id("record", props["key"]), "record", props["key"]
    elif "Address" in labels or "Agency" in labels:
        kind = "address" if "Address" in labels else "agency"
        nid, key = node_id(kind, props["key"]), props["key"]
    else:
        nid, kind, key = node_id("node", raw["id"]), "node", raw["id"]
    records = [props | {"offender": "Offender" in labels, "practitioner": "Practitioner" in labels}]
    is_record = "Person" in labels
    return Node(
        nid,
        kind,
        key,
        ["Identity"] if kind == "person" else labels,
        {} if is_record or kind == "person" else props,
        records if is_record else [],
    )


def _add(net: Network, node: Node) -> None:
    if node.id in net.nodes:
        net.nodes[node.id].records += [r for r in node.records if r not in net.nodes[node.id].records]
    else:
        net.nodes[node.id] = node


def shortest_path(graph: Graph, a: str, b: str, through_agencies: bool = False) -> tuple[Network, list[str]]:
    """The path as a small network plus its steps in words ("(Karl Armstrong)-[REGISTERED_AT]->(...)")."""
    rows = cypher.read(
        graph, "explore/path", **{"from": seeds(graph, a)}, to=seeds(graph, b), through_agencies=through_agencies
    )
    net = Network()
    if not rows:
        return net, []
    by_id = {}
    for raw in rows[0]["nodes"]:
        node = raw_node(raw)
        by_id[raw["id"]] = node.id
        _add(net, node)
    steps = []
    for rel in rows[0]["rels"]:
        start, end = by_id[rel["start"]], by_id[rel["end"]]
        if start == end:  # a hop between two records of one identity
            continue
        net.edges[rel["id"]] = Edge(rel["id"], start, end, rel["type"], rel["props"])
        steps.append(f"({net.nodes[start].name})-[{rel['type']}]->({net.nodes[end].name})")
    return net, steps


def connected(graph: Graph, nid: str, hops: int = 4) -> Network:
    """People, addresses and linking records within a few links of the node (never via agencies).

    Breadth first, one query per hop, so each stored node is expanded once and the total stays bounded.
    """
    net = Network()
    frontier, seen = seeds(graph, nid), set()
    for _ in range(hops):
        seen |= set(frontier)
        budget = CONNECTED_LIMIT - len(net.edges)
        if not frontier or budget <= 0:
            break
        rows = cypher.read(graph, "explore/connected", frontier=frontier, limit=budget)
        found = set()
        for row in rows:
            start, end = raw_node(row["start"]), raw_node(row["end"])
            _add(net, start)
            _add(net, end)
            found |= {row["start"]["id"], row["end"]["id"]}
            if start.id != end.id:
                net.edges[row["id"]] = Edge(row["id"], start.id, end.id, row["type"], {})
        frontier = sorted(found - seen)
    return net


@dataclass(frozen=True)
class Hub:
    id: str
    name: str
    role: str
    score: float
    children: int  # children this person lies on a shortest offender-child path to


def hubs(net: Network, as_of: dt.date, top: int = 10) -> tuple[list[Hub], int, int]:
    """People and addresses ranked by betweenness between offenders and children in the subgraph (networkx).

    Returns (ranking, offenders, children). Offenders and children themselves are not ranked: the point
    is who ties them together (a partner, a relative, a shared address's other residents).
    """
    g = nx.Graph()
    g.add_nodes_from(net.nodes)
    g.add_edges_from((e.source, e.target) for e in net.edges.values())
    roles = {k: n.role(as_of) for k, n in net.nodes.items()}
    offenders = [k for k, r in roles.items() if r == "offender"]
    children = [k for k, r in roles.items() if r == "child"]
    if not offenders or not children:
        return [], len(offenders), len(children)
    scores = nx.betweenness_centrality_subset(g, sources=offenders, targets=children, normalized=True)
    ranked = []
    for k, score in sorted(scores.items(), key=lambda kv: -kv[1]):
        node = net.nodes[k]
        if score <= 0 or node.kind not in {"person", "record", "address"} or roles[k] == "offender" or k in children:
            continue
        reach = sum(1 for c in children if any(k in p for p in _paths(g, offenders, c)))
        ranked.append(Hub(k, node.name, roles[k], round(score, 4), reach))
        if len(ranked) >= top:
            break
    return ranked, len(offenders), len(children)


def _paths(g: nx.Graph, offenders: list[str], child: str) -> list[list[str]]:
    out = []
    for o in offenders:
        if nx.has_path(g, o, child):
            out += list(nx.all_shortest_paths(g, o, child))[:20]
    return out
