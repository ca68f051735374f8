"""Reading one identity set while linkage replaces it.

Linkage builds the next identities as drafts beside the current ones and switches them in one transaction
(linkage/identities.py). Neo4j reads at read-committed, so a query (or a worklist of many queries) that runs
while that switch commits could still see part of each set. `consistent` closes that gap: it runs the reads
again when a switch happened, or was announced, while they ran. Every switch is announced in a transaction
of its own before it is made, so a reader that saw nothing announced when it began and the same generation
with nothing announced when it ended read exactly one set."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from graph.db import Graph
from graph.statements import STATEMENTS

T = TypeVar("T")
ATTEMPTS = 6  # a rebuild takes minutes at scale and its switch a moment: readers rarely need a second try
PAUSE = 0.25  # seconds between tries while a switch is announced
STALE = 60  # seconds after which an announced switch is taken as cut short (its writer died)


@dataclass(frozen=True)
class SwitchState:
    generation: int
    pending: bool

    def settled(self) -> bool:
        return not self.pending


def state(graph: Graph) -> SwitchState:
    """The generation of the identity set and whether a switch is announced (one cut short counts as not)."""
    row = graph.read(STATEMENTS["identity_switch"], name="identity set generation")[0]
    return SwitchState(int(row["generation"]), bool(row["pending"]) and int(row["pending_for"]) < STALE)


def consistent(graph: Graph, read: Callable[[], T]) -> T:
    """`read()`'s result, from reads that all saw one identity set (the one before a switch or the one after).

    After ATTEMPTS tries (switches one after another, which no deployment makes) the last result is returned."""
    for _ in range(ATTEMPTS - 1):
        before = state(graph)
        if not before.settled():
            time.sleep(PAUSE)
            continue
        result = read()
        if state(graph) == before:
            return result
    return read()
