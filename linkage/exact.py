"""Exact record linkage: which person records across agencies are the same person, by rules that never guess.

Agencies share no identifier, so the graph holds one Person node per source record. An `Identity` node
ties together the records that are the same person, without merging or changing any of them:

1. records with the same NHS number (health feeds share the node; children's social care records carry
   it as `nhs_number` where recorded);
2. records with the same name and date of birth, after folding case, punctuation and spacing, unless they
   carry different NHS numbers (twins) or the name is a placeholder ("Baby 1", "Unknown");
3. a police alias is the nominal it is recorded against (police know him by that name too);
4. a record without a date of birth (a father on a birth record, an adult collecting a child, a
   partner named by police) joins the one identity with its exact name (a nominal's aliases are his
   names too), or, if several share the name, the one that shares an address with it or with the people
   it was written about.

Records that match nothing get an identity of their own, so every saved query can go record -> identity
-> records. Spelling, date and address variations need probabilistic linkage (`sightline resolve`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.db import Graph
from graph.marks import unfinished
from linkage import identities
from linkage.names import fold_name
from linkage.statements import STATEMENTS

METHOD = "exact"
SAME_NHS = "same NHS number"
SAME_NAME_AND_BIRTH = "same name and date of birth"
POLICE_ALIAS = "a police alias of the nominal"
FORCED = frozenset({SAME_NHS, POLICE_ALIAS})  # rules no date of birth or NHS number outweighs


@dataclass
class Record:
    key: str
    name: str | None
    dob: dt.date | None
    nhs: str | None
    addresses: set[str]
    neighbours: set[str] = field(default_factory=set)
    alias_of: str | None = None  # a police alias: the nominal's record key


def as_record(row: dict[str, Any]) -> Record:
    """A record as exact linkage compares it, from a row of person_records.cypher."""
    dob = row["dob"].to_native() if hasattr(row["dob"], "to_native") else row["dob"]
    name = fold_name(row["surname"], row["forenames"])
    return Record(row["key"], name, dob, row["nhs"], set(row["addresses"]), alias_of=row.get("alias_of"))


def fetch_records(graph: Graph) -> list[Record]:
    rows = graph.read(STATEMENTS["person_records"], name="linkage: person records")
    return [as_record(r) for r in rows]


def fetch_context(graph: Graph, records: list[Record]) -> None:
    by_key = {r.key: r for r in records}
    keys = [r.key for r in records if r.dob is None and r.name]
    for start in range(0, len(keys), 2000):
        rows = graph.read(STATEMENTS["record_context"], name="linkage: context", keys=keys[start : start + 2000])
        for row in rows:
            by_key[row["key"]].neighbours = set(row["neighbours"])


def exact_pairs(records: Iterable[Record]) -> list[tuple[str, str, str]]:
    """(record, record, rule) for rules 1 to 3: shared NHS number, the same name and date of birth, an alias.

    Rule 2 never links across different NHS numbers: twins share a surname and a birthday, and a group
    holding two NHS numbers is left to probabilistic linkage and its reviewers (records without a number
    in such a group could be either person)."""
    records = list(records)
    nhs = {r.key: r.nhs for r in records}
    groups: dict[tuple[str, Any], list[str]] = defaultdict(list)
    for r in records:
        if r.nhs:
            groups[(SAME_NHS, r.nhs)].append(r.key)
        if r.name and r.dob:
            groups[(SAME_NAME_AND_BIRTH, (r.name, r.dob))].append(r.key)
    pairs = []
    for (rule, _), keys in groups.items():
        if rule == SAME_NAME_AND_BIRTH and len({nhs[k] for k in keys if nhs[k]}) > 1:
            continue
        pairs += [(keys[0], other, rule) for other in keys[1:]]
    pairs += [(r.key, r.alias_of, POLICE_ALIAS) for r in records if r.alias_of and r.alias_of in nhs]
    return pairs


def components(records: list[Record], pairs: list[tuple[str, str, str]]) -> dict[str, int]:
    g = nx.Graph()
    g.add_nodes_from(r.key for r in records)
    g.add_edges_from((a, b) for a, b, _ in pairs)
    return {key: i for i, comp in enumerate(nx.connected_components(g)) for key in comp}


def context_pairs(records: list[Record], component: dict[str, int]) -> list[tuple[str, str, str]]:
    """Rule 4: (record without a date of birth, a record of the one identity it joins, rule)."""
    by_key = {r.key: r for r in records}
    named: dict[str, set[int]] = defaultdict(set)
    addresses: dict[int, set[str]] = defaultdict(set)
    anchor: dict[int, str] = {}
    for r in records:
        addresses[component[r.key]] |= r.addresses
        if r.name and (r.dob or r.alias_of):  # an alias without a date of birth still names the nominal
            named[r.name].add(component[r.key])
            anchor.setdefault(component[r.key], r.key)
    pairs = []
    for r in records:
        if r.dob or r.alias_of or not r.name or not named.get(r.name):
            continue
        candidates = named[r.name]
        rule = "same name; the only person with it"
        if len(candidates) > 1:
            near = set(r.addresses)
            for n in r.neighbours:
                if n in by_key:
                    near |= addresses[component[n]]
            candidates = {c for c in candidates if addresses[c] & near}
            rule = "same name and a shared address"
        if len(candidates) == 1:
            pairs.append((r.key, anchor[next(iter(candidates))], rule))
    return pairs


def deterministic_pairs(records: list[Record]) -> list[tuple[str, str, str]]:
    """(record, record, rule) for every rule that never guesses: rules 1 to 3, then rule 4 on their groups."""
    pairs = exact_pairs(records)
    return pairs + context_pairs(records, components(records, pairs))


def link_exact(graph: Graph) -> dict[str, int]:
    """Rebuild the exact-linkage identities; returns counts of records, identities and linked records."""
    with unfinished(graph, "linkage"):
        records = fetch_records(graph)
        fetch_context(graph, records)
        pairs = deterministic_pairs(records)
        links = identities.link_graph(records, ((a, b, rule, 1.0) for a, b, rule in pairs))
        built = identities.build(records, links)
        identities.write(graph, built, METHOD)
    linked = sum(len(c["records"]) for c in built if len(c["records"]) > 1)
    return {"records": len(records), "identities": len(built), "linked_records": linked}


def has_resolved_identities(graph: Graph) -> bool:
    """True once `sightline resolve` has built identities: a load must then not replace them."""
    cypher = STATEMENTS["has_resolved"]
    return bool(graph.read(cypher, name="resolved identities?")[0]["resolved"])


def link_after_load(graph: Graph) -> dict[str, int] | None:
    """What every load does next (`sightline load`, the explorer's Data page): rebuild the exact identities,
    unless `sightline resolve` built them (None: its `--incremental` run links the new records)."""
    return None if has_resolved_identities(graph) else link_exact(graph)
