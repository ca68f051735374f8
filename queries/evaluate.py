"""Measure the saved queries against a generator's ground truth: per signal, cases found and missed, and
flags raised outside the planted cases (precision and recall).

A flag finds a case when both are of the same signal and share a source record (`feed:record_id`), and,
when both name children, a child record. Decoys are never cases: a flag that matches only a decoy is a
false alarm. Cases that only record linkage can reveal (`requires_linkage`) count only with
`include_linkage`, once `sightline resolve` has linked identities across spelling variations.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from errors import ConfigError
from graph.db import Graph
from queries.flags import Flag
from queries.library import SIGNALS, SavedQuery, load_library
from queries.runner import run_query


@dataclass
class SignalScore:
    cases: int = 0
    found: int = 0
    flags: int = 0
    true_flags: int = 0
    decoy_flags: int = 0
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.found / self.cases if self.cases else None

    @property
    def precision(self) -> float | None:
        return self.true_flags / self.flags if self.flags else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "found": self.found,
            "missed": len(self.missed),
            "flags": self.flags,
            "false_flags": self.flags - self.true_flags,
            "decoy_flags": self.decoy_flags,
            "precision": self.precision,
            "recall": self.recall,
            "missed_cases": self.missed,
            "false_alarms": self.false_alarms[:20],
        }


def load_truth(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read ground truth {path}: {e}") from e


def _evidence(flag: Flag) -> set[str]:
    return {f"{e.feed}:{e.record_id}" for e in flag.evidence}


def _matches(flag: Flag, case: dict[str, Any]) -> bool:
    if flag.signal != case["signal"] or not (_evidence(flag) & set(case.get("evidence", []))):
        return False
    children = flag.child_keys()
    return not (children and case.get("children")) or bool(children & set(case["children"]))


def score(
    flags: list[Flag], truth: dict[str, Any], as_of: dt.date, include_linkage: bool = False
) -> dict[str, SignalScore]:
    """Per-signal counts; pure function of the flags and the truth, so it is unit-testable."""
    scores = {s: SignalScore() for s in SIGNALS}
    live = [c for c in truth["cases"] if dt.date.fromisoformat(c["dates"]["detectable_from"]) <= as_of]
    cases = [c for c in live if not c["decoy"] and (include_linkage or not c.get("requires_linkage"))]
    excused = [c for c in live if not c["decoy"] and c.get("requires_linkage") and not include_linkage]
    decoys = [c for c in live if c["decoy"]]
    for case in cases:
        scores[case["signal"]].cases += 1
    found: set[str] = set()
    for flag in flags:
        s = scores[flag.signal]
        hits = [c for c in cases if _matches(flag, c)]
        found.update(c["case_id"] for c in hits)
        if hits or any(_matches(flag, c) for c in excused):
            s.flags += 1 if hits else 0
            s.true_flags += 1 if hits else 0
            continue
        s.flags += 1
        if any(_matches(flag, c) for c in decoys):
            s.decoy_flags += 1
        s.false_alarms.append(f"{flag.query}: {flag.summary}")
    for case in cases:
        if case["case_id"] in found:
            scores[case["signal"]].found += 1
        else:
            scores[case["signal"]].missed.append(f"{case['case_id']}: {case['scenario']}")
    return scores


def evaluate(
    graph: Graph,
    truth: dict[str, Any],
    as_of: dt.date | None = None,
    include_linkage: bool = False,
    library: dict[str, SavedQuery] | None = None,
) -> dict[str, SignalScore]:
    """Run every saved query at `as_of` (default: the generator's) and score the flags against the truth."""
    as_of = as_of or dt.date.fromisoformat(truth["generator"]["as_of"])
    flags = [f for q in (library or load_library()).values() for f in run_query(graph, q, {"as_of": as_of})]
    return score(flags, truth, as_of, include_linkage)
