"""Turn accepted links into identities without chaining different people together.

Links are transitive once they become an identity, so one weak link can join two people: a parent
contact held by a school ("Joanna Walsh", no date of birth) matches every Joanna Walsh on name alone,
and would make a child and two adults one identity. Links are therefore applied strongest first, and a
probabilistic link that would put records with incompatible dates of birth into one identity is held
back for a reviewer instead, as is one that would join two different NHS numbers (twins share a surname
and a birthday; their NHS numbers tell them apart). Forced links (a shared NHS number, a reviewer's
confirmation) always apply: they are evidence no date of birth can outweigh.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jellyfish
import networkx as nx
from networkx.utils import UnionFind

HELD = "held for review: it would join records with different dates of birth"
HELD_NHS = "held for review: it would join records with different NHS numbers"


@dataclass(frozen=True)
class Link:
    left: str
    right: str
    rule: str
    probability: float
    forced: bool = False


def same_birth(a: dt.date, b: dt.date) -> bool:
    """Two recorded dates of birth that can be one person's: equal, day and month swapped, or one typo."""
    if a == b or (a.year == b.year and a.month == b.day and a.day == b.month):
        return True
    return jellyfish.damerau_levenshtein_distance(a.isoformat(), b.isoformat()) <= 1


def _compatible(left: set[dt.date], right: set[dt.date]) -> bool:
    """Every date on each side can be one person's with some date on the other (either side may be empty)."""
    if not left or not right:
        return True
    return all(any(same_birth(x, y) for y in right) for x in left) and all(
        any(same_birth(y, x) for x in left) for y in right
    )


def _order(link: Link) -> tuple[bool, float, str, str]:
    return (not link.forced, -link.probability, link.left, link.right)


def build(
    dobs: dict[str, dt.date | None], links: list[Link], nhs: dict[str, str | None] | None = None
) -> tuple[nx.Graph, dict[Link, str]]:
    """The identity graph (every record a node) and the links held back, each with why: they would join
    different births or different NHS numbers."""
    graph = nx.Graph()
    graph.add_nodes_from(dobs)
    identity = UnionFind(dobs)
    births: dict[str, set[dt.date]] = {key: {d} if d else set() for key, d in dobs.items()}  # by identity root
    numbers: dict[str, set[str]] = {key: {n} if n else set() for key, n in (nhs or {}).items()}
    held: dict[Link, str] = {}
    for link in sorted(links, key=_order):
        a, b = identity[link.left], identity[link.right]
        if a != b and not link.forced:
            if not _compatible(births[a], births[b]):
                held[link] = HELD
                continue
            if numbers.get(a) and numbers.get(b) and not numbers[a] & numbers[b]:
                held[link] = HELD_NHS
                continue
        if a != b:
            identity.union(a, b)
            root = identity[a]
            births[root] = births.pop(a) | births.pop(b)
            numbers[root] = numbers.pop(a, set()) | numbers.pop(b, set())
        if not graph.has_edge(link.left, link.right):
            graph.add_edge(link.left, link.right, rule=link.rule, probability=link.probability)
    return graph, held
