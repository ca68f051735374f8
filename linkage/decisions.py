"""What a reviewer may decide about two person records, and the thresholds that leave a pair to a reviewer:
defined once, for `sightline resolve` that applies them and the explorer's Review links page that records them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from errors import QueryError
from linkage.statements import STATEMENTS

if TYPE_CHECKING:  # the thresholds are read by `sightline resolve --help`, which needs no driver
    from graph.db import Graph

SAME, DIFFERENT = "same", "different"
DECISIONS = {SAME: "Same person", DIFFERENT: "Not the same person"}
ACCEPT = 0.9  # Splink match probability at or above which two records are linked automatically
REVIEW = 0.5  # at or above (and below ACCEPT): the pair waits for a reviewer; below: not linked


def decide(graph: Graph, left: str, right: str, decision: str, who: str, note: str = "") -> dt.datetime:
    """Record who decided what on a scored pair, and when; the next `sightline resolve` applies it."""
    if decision not in DECISIONS:
        raise QueryError(f"decision must be one of: {', '.join(DECISIONS)}")
    if not who.strip():
        raise QueryError("give your name in the sidebar: a decision is recorded with who made it")
    left, right = sorted((left, right))  # the order resolve reads decisions in
    at = dt.datetime.now(dt.UTC)
    counters = graph.write(
        STATEMENTS["decide"],
        name="record a link decision",
        left=left,
        right=right,
        decision=decision,
        who=who.strip(),
        note=note.strip(),
        at=at,
    )
    if not counters["relationships_created"]:
        raise QueryError(f"{left} and {right} are no longer a scored pair: `sightline resolve` has run since")
    return at
