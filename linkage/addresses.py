"""Address linkage: written forms of one dwelling that the load-time key could not fold (a typo in the
street name, a missing postcode) become one Address, keeping every written form and the old key as an alias."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import jellyfish
import networkx as nx

from graph.db import Graph
from linkage.statements import STATEMENTS
from loaders.addresses import address_key

_KEY = re.compile(r"^(?:FLAT (\w+) )?(\d+[A-Z]?) (.+) \| (\w+)$")
_HOUSE = re.compile(r"^(?:FLAT \w+ )?\d+[A-Z]? \D")  # a numbered dwelling on a named street or building
STREET_SIMILARITY = 0.88  # Jaro-Winkler on the street within one postcode, number and flat


def parse(key: str) -> tuple[str, str, str, str] | None:
    """(postcode, flat, number, street) of a canonical Address key, or None for other shapes."""
    match = _KEY.match(key)
    if not match:
        return None
    flat, number, street, postcode = match.groups()
    return postcode, flat or "", number, street


def address_merges(nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    """(old, new) pairs: within one postcode, number and flat, streets this similar are one dwelling; a first
    line written without a postcode is the dwelling that has it when exactly one postcode has that line."""
    return _typo_merges(nodes) + _postcode_merges(nodes)


def _postcode_merges(nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    """A bare "6 BERESFORD COURT LIGHTWOOD ROAD" (no postcode) -> "... | ST34PL" when no other postcode has it;
    with two candidates (one street name in two towns) it stays apart: a wrong fold would join strangers."""
    with_postcode: dict[str, list[str]] = defaultdict(list)
    bare = []
    for node in nodes:
        line1, sep, postcode = node["key"].rpartition(" | ")
        if sep and postcode and _HOUSE.match(line1):
            with_postcode[line1].append(node["key"])
        elif not sep and _HOUSE.match(node["key"]):
            bare.append(node["key"])
    return [{"old": k, "new": with_postcode[k][0]} for k in sorted(bare) if len(with_postcode.get(k, [])) == 1]


def _typo_merges(nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    groups: dict[tuple[str, str, str], list[tuple[str, str, int]]] = defaultdict(list)
    for node in nodes:
        parts = parse(node["key"])
        if parts:
            groups[parts[:3]].append((node["key"], parts[3], node["degree"]))
    merges = []
    for members in groups.values():
        if len(members) < 2:
            continue
        similar = nx.Graph()
        similar.add_nodes_from(m[0] for m in members)
        for i, (k1, s1, _) in enumerate(members):
            for k2, s2, _ in members[i + 1 :]:
                if jellyfish.jaro_winkler_similarity(s1, s2) >= STREET_SIMILARITY:
                    similar.add_edge(k1, k2)
        degree = {m[0]: m[2] for m in members}
        for comp in nx.connected_components(similar):
            canonical = max(sorted(comp), key=lambda k: degree[k])
            merges += [{"old": k, "new": canonical} for k in sorted(comp) if k != canonical]
    return merges


def resolve_addresses(graph: Graph) -> int:
    """Fold typo'd Address nodes into their dwelling's canonical Address; returns how many were folded."""
    nodes = graph.read(STATEMENTS["address_nodes"], name="resolve: addresses")
    merges = address_merges(nodes)
    for start in range(0, len(merges), 500):
        graph.write(
            STATEMENTS["merge_addresses"],
            name="resolve: merge addresses",
            pairs=merges[start : start + 500],
        )
    return len(merges)


def address_accuracy(truth: dict[str, Any], alias: dict[str, str]) -> float:
    """Share of real dwellings whose written forms all reach one Address that no other dwelling reaches."""
    final: dict[str, set[str]] = {}
    owners: dict[str, set[str]] = defaultdict(set)
    for dwelling in truth["addresses"]:
        keys = {address_key(line1, None, None, postcode) for line1, postcode in dwelling.get("forms", [])}
        final[dwelling["address_id"]] = {alias.get(k, k) for k in keys}
        for k in final[dwelling["address_id"]]:
            owners[k].add(dwelling["address_id"])
    correct = sum(1 for d, keys in final.items() if len(keys) == 1 and owners[next(iter(keys))] == {d})
    return round(correct / len(final), 4) if final else 1.0
