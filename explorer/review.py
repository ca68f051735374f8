"""Reviewing candidate links between person records: the queue, a pair side by side, each field's match
weight as a waterfall, and the reviewer's decision.

`sightline resolve` scores pairs of person records (`MAY_BE_SAME`) and leaves the uncertain ones to a person.
A decision is a `LinkDecision` node apart from the scored links, so every later resolve rebuilds the links
and still applies it; nothing here re-runs resolve or touches a source record. Weights are Splink's: a
field's match weight is log2 of its Bayes factor, and prior + the fields' weights = the pair's match weight.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from explorer import statements as cypher
from explorer.badges import full_name
from graph.db import Graph
from linkage.decisions import DECISIONS

FIELDS = {
    "first_name": "first name",
    "surname": "surname",
    "dob": "date of birth",
    "postcode": "postcode",
    "nhs": "NHS number",
}
STATUSES = {
    "review": "waits for a reviewer",
    "auto": "linked automatically",
    "confirmed": "linked: confirmed by a reviewer",
    "rejected": "rejected by a reviewer: not linked directly",
}


# --- reading and writing -------------------------------------------------------------------------------


def scored(graph: Graph) -> int:
    """How many pairs resolve scored: none means it has not run, which the page says instead of 'no pairs'."""
    return int(cypher.read(graph, "review/scored")[0]["pairs"])


def queue(graph: Graph, keep: QueueFilter, limit: int) -> Queue:
    """The first `limit` pairs the filter keeps, most probable first, with how many it keeps in all."""
    found = cypher.read(
        graph,
        "review/queue",
        low=keep.low,
        high=keep.high,
        sources=sorted(keep.sources),
        decided=keep.decided,
        limit=limit,
    )[0]
    return Queue(found["rows"], found["matching"], found["waiting"])


def totals(graph: Graph) -> Totals:
    """The whole queue: pairs waiting for review, those already decided, and the feeds to filter by."""
    found = cypher.read(graph, "review/queue_totals")[0]
    return Totals(found["pairs"], found["decided"], sorted(set(found["feeds"])))


def pairs_of(graph: Graph, key: str) -> list[dict[str, Any]]:
    """Every scored pair of a record key or of any record of an identity key: how an auto link is found."""
    return cypher.read(graph, "review/pairs_of", key=key.strip())


def pair(graph: Graph, left: str, right: str) -> dict[str, Any] | None:
    """The scored link and both records (with addresses and current identity); None if no longer scored."""
    rows = cypher.read(graph, "review/pair", left=left, right=right)
    return rows[0] if rows else None


def history(graph: Graph, left: str, right: str) -> list[dict[str, Any]]:
    """Decisions already made on the pair, newest first (who, when, what, note)."""
    left, right = sorted((left, right))
    return cypher.read(graph, "review/decisions", left=left, right=right)


def saved_model(graph: Graph) -> dict[str, Any] | None:
    """The Splink model that scored the pairs (level labels, m and u): it names each field's comparison."""
    rows = cypher.read(graph, "review/model")
    return json.loads(rows[0]["json"]) if rows and rows[0]["json"] else None


# --- the queue -----------------------------------------------------------------------------------------


def pair_id(row: dict[str, Any]) -> str:
    """One string per pair (widget options must be hashable and stable across reruns)."""
    return f"{row['left']}\n{row['right']}"


def split_id(pid: str) -> tuple[str, str]:
    left, _, right = pid.partition("\n")
    return left, right


@dataclass(frozen=True)
class QueueFilter:
    """What the reviewer narrows the queue to; applied by the query (review/queue.cypher)."""

    low: float = 0.0
    high: float = 1.0
    sources: frozenset[str] = frozenset()  # feeds: a pair is kept when either record comes from one
    decided: bool = False  # also show pairs already decided (waiting for the next resolve)


@dataclass(frozen=True)
class Queue:
    rows: list[dict[str, Any]]  # the first `limit` pairs kept, most probable first
    matching: int  # pairs the filter keeps
    waiting: int  # of those, pairs no one has decided


@dataclass(frozen=True)
class Totals:
    pairs: int  # pairs waiting for review, decided or not
    decided: int  # decided, waiting for the next resolve
    feeds: list[str]


def table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """One line per pair: what the reviewer scans before opening one."""
    return pd.DataFrame(
        [
            {
                "probability": round(r["probability"], 3),
                "record A": f"{r['left_name']} ({cypher.iso(r['left_dob']) or 'no dob'})",
                "feed A": r["left_source"] or "",
                "record B": f"{r['right_name']} ({cypher.iso(r['right_dob']) or 'no dob'})",
                "feed B": r["right_source"] or "",
                "status": r["status"],
                "decision": _decision_text(r),
            }
            for r in rows
        ],
        columns=["probability", "record A", "feed A", "record B", "feed B", "status", "decision"],
    )


def _decision_text(row: dict[str, Any]) -> str:
    if not row["decision"]:
        return ""
    return f"{DECISIONS.get(row['decision'], row['decision'])} ({row['decided_by']}, {cypher.iso(row['decided_at'])})"


# --- one pair ------------------------------------------------------------------------------------------


def side_by_side(records: list[dict[str, Any]]) -> pd.DataFrame:
    """The two records as their sources hold them, field by field, with the identity each is in now."""
    lines = {
        "name": [full_name(r) for r in records],
        "date of birth": [cypher.iso(r["dob"]) for r in records],
        "sex": [r["sex"] or "" for r in records],
        "addresses": ["; ".join(sorted(set(r["addresses"]))) for r in records],
        "NHS number": [r["nhs_number"] or "" for r in records],
        "feed": [r["source"] or "" for r in records],
        "source record id": [r["source_id"] or "" for r in records],
        "record key": [r["key"] for r in records],
        "offender": ["yes" if r["offender"] else "" for r in records],
        "identity now": [_identity(r["identity"]) for r in records],
    }
    frame = pd.DataFrame(lines, index=["record A", "record B"]).T
    frame.index.name = "field"
    return frame.reset_index()


def _identity(identity: dict[str, Any] | None) -> str:
    if not identity:
        return "none (run `sightline resolve`)"
    return f"{identity['key']} ({identity['records']} records; this one by: {identity['rule']})"


def same_identity(records: list[dict[str, Any]]) -> bool:
    """Whether both records are in one identity now (after the last resolve)."""
    keys = [(r["identity"] or {}).get("key") for r in records]
    return keys[0] is not None and keys[0] == keys[1]


@dataclass(frozen=True)
class FieldWeight:
    field: str
    comparison: str  # the comparison level's label ("nickname (Bill / William)", "day and month swapped")
    weight: float | None  # log2 Bayes factor; None when neither the evidence nor the model gives it


@dataclass(frozen=True)
class Weights:
    """Prior + each field's weight = match weight; the probability is 2^w / (1 + 2^w)."""

    prior: float
    fields: list[FieldWeight]
    match_weight: float
    probability: float


def weights(link: dict[str, Any], model: dict[str, Any] | None) -> Weights:
    """Each field's comparison and weight from the pair's evidence (the model fills weights evidence lacks);
    the prior is what the fields leave of the match weight: log2 of the odds that two random records match."""
    evidence = json.loads(link["evidence"] or "{}")
    levels = model_levels(model)
    fields = []
    for column, label in FIELDS.items():
        found = evidence.get(column) or {}
        level: int | None = found.get("level")
        known = levels.get(column, {}).get(level, {}) if level is not None else {}
        text = known.get("label_for_charts") or ("not compared" if level is None else f"level {level}")
        fields.append(FieldWeight(label, text, _weight(found, known)))
    total = float(link["match_weight"])
    prior = total - sum(f.weight or 0.0 for f in fields)
    return Weights(prior, fields, total, float(link["probability"]))


def _weight(found: dict[str, Any], level: dict[str, Any]) -> float | None:
    """Stored match weight, else log2 of the stored Bayes factor, else log2(m/u) of the scoring model."""
    if found.get("match_weight") is not None:
        return float(found["match_weight"])
    factor = found.get("bayes_factor")
    if factor:
        return math.log2(float(factor))
    if level.get("is_null_level"):
        return 0.0
    m, u = level.get("m_probability"), level.get("u_probability")
    return math.log2(m / u) if m and u else None


def model_levels(model: dict[str, Any] | None) -> dict[str, dict[int, dict[str, Any]]]:
    """Field -> comparison vector value -> level, numbered as Splink does (null -1, the rest counting down)."""
    out: dict[str, dict[int, dict[str, Any]]] = {}
    for comparison in (model or {}).get("comparisons", []):
        levels = comparison["comparison_levels"]
        value = sum(not lv.get("is_null_level") for lv in levels) - 1
        numbered: dict[int, dict[str, Any]] = {}
        for lv in levels:
            if lv.get("is_null_level"):
                numbered[-1] = lv
            else:
                numbered[value] = lv
                value -= 1
        out[comparison["output_column_name"]] = numbered
    return out


def weights_table(w: Weights) -> pd.DataFrame:
    rows = [{"field": "prior", "comparison": "two records picked at random", "match weight": round(w.prior, 2)}]
    rows += [
        {"field": f.field, "comparison": f.comparison, "match weight": None if f.weight is None else round(f.weight, 2)}
        for f in w.fields
    ]
    return pd.DataFrame([*rows, {"field": "total", "comparison": "", "match weight": round(w.match_weight, 2)}])


def waterfall(w: Weights) -> go.Figure:
    """Splink's waterfall as a horizontal plotly chart: from the prior, each field pushes the weight up
    (agreement, green) or down (disagreement, red) to the pair's match weight and probability."""
    labels = ["prior"] + [f"{f.field}: {f.comparison}" for f in w.fields] + ["match weight"]
    values = [w.prior] + [f.weight or 0.0 for f in w.fields] + [0.0]
    fig = go.Figure(
        go.Waterfall(
            orientation="h",
            y=labels,
            x=values,
            measure=["absolute"] + ["relative"] * len(w.fields) + ["total"],
            text=[f"{v:+.2f}" for v in values[:-1]] + [f"{w.match_weight:.2f}"],
            textposition=["auto"] + ["outside"] * (len(labels) - 1),
            increasing={"marker": {"color": "#1a9850"}},
            decreasing={"marker": {"color": "#d73027"}},
            totals={"marker": {"color": "#4575b4"}},
            connector={"line": {"color": "#999999", "dash": "dot"}},
        )
    )
    fig.update_layout(
        title=f"Match weight {w.match_weight:.2f} = probability {w.probability:.3f}",
        xaxis_title="match weight (log2 of the odds that the two records are one person)",
        yaxis={"autorange": "reversed"},
        height=120 + 42 * len(labels),
        margin={"l": 10, "r": 40, "t": 50, "b": 40},
        showlegend=False,
    )
    return fig


def history_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "decided at": cypher.iso(r["decided_at"]),
                "by": r["who"] or "",
                "decision": DECISIONS.get(r["decision"], r["decision"] or ""),
                "note": r["note"] or "",
                "probability seen": "" if r["probability"] is None else round(r["probability"], 3),
            }
            for r in rows
        ],
        columns=["decided at", "by", "decision", "note", "probability seen"],
    )
