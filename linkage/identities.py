"""The one place identities are built and written, for exact linkage (`sightline link`, every load) and for
`sightline resolve` alike: each connected group of linked person records becomes one Identity, named after
its first record with a name and a date of birth, and each record says which link joined it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol

import networkx as nx

from graph import identity_set
from graph.db import Graph
from linkage.statements import STATEMENTS

BATCH = 2000


class Named(Protocol):
    """A person record as linkage holds it: its key, folded "surname|forenames" and date of birth."""

    key: str
    name: str | None
    dob: dt.date | None


def link_graph(records: Iterable[Named], links: Iterable[tuple[str, str, str, float]]) -> nx.Graph:
    """Every record a node, every (record, record, rule, probability) link an edge."""
    g = nx.Graph()
    g.add_nodes_from(r.key for r in records)
    for a, b, rule, probability in links:
        g.add_edge(a, b, rule=rule, probability=probability)
    return g


def build(records: Iterable[Named], links: nx.Graph, groups: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """One identity row per connected group of records (write_identities.cypher's `clusters`), by key.

    `groups` (resolve): each record's group of deterministic links. Records of one identity in different
    groups are the same person only through a probabilistic or reviewed link, which is what S14 reads."""
    by_key = {r.key: r for r in records}
    out = []
    for comp in nx.connected_components(links):
        keys = sorted(comp)
        best = next((by_key[k] for k in keys if by_key[k].dob and by_key[k].name), by_key[keys[0]])
        surname, _, forenames = (best.name or "|").partition("|")
        members = []
        for k in keys:
            edges = sorted(links[k].values(), key=lambda e: -e["probability"])
            first = edges[0] if edges else {"rule": "alone", "probability": 1.0}
            group = None if groups is None else f"{keys[0]}#{groups.get(k, -1)}"
            members.append({"key": k, "rule": first["rule"], "probability": first["probability"], "group": group})
        out.append(
            {
                "key": f"identity:{keys[0]}",
                "surname": surname,
                "forenames": forenames,
                "dob": best.dob,
                "records": members,
            }
        )
    return sorted(out, key=lambda c: c["key"])


def write(graph: Graph, identities: list[dict[str, Any]], method: str) -> int:
    """Replace every Identity with these, so that readers see the old set or the new one, never part of each:
    the new set is written as drafts beside the old (any number of batches), announced, then switched in one
    transaction; the retired set is deleted after. A rebuild cut short leaves the old set in place (and drafts,
    cleared by the next). Source records and reviewers' decisions are never touched. Returns the generation."""
    graph.write_in_batches(STATEMENTS["clear_identities"], name=f"{method} linkage: clear unfinished drafts")
    now = dt.datetime.now(dt.UTC)
    for start in range(0, len(identities), BATCH):
        graph.write(
            STATEMENTS["write_identities"],
            name=f"{method} linkage: write identity drafts",
            clusters=identities[start : start + BATCH],
            method=method,
            resolved_at=now,
        )
    graph.write(STATEMENTS["identities_pending"], name=f"{method} linkage: announce the switch")
    graph.write(STATEMENTS["switch_identities"], name=f"{method} linkage: switch identities")
    graph.write_in_batches(STATEMENTS["clear_identities"], name=f"{method} linkage: delete retired identities")
    return identity_set.state(graph).generation
