"""`sightline resolve`: link person records across agencies into identities, explainably and non-destructively.

Steps: fetch records -> deterministic links (shared NHS number; same name and date of birth; a record
without a date of birth by name and shared address) -> Splink scores every blocked pair -> pairs at or
above `accept` link automatically, pairs between `review` and `accept` wait for a reviewer -> reviewers'
decisions override both -> links apply strongest first, a probabilistic link that would join different
dates of birth waits for a reviewer (clusters.py) -> connected records become one Identity. Source records
are never merged or changed; every link keeps its probability and per-field evidence (`MAY_BE_SAME`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from splink.internals.exceptions import SplinkException

from graph.db import Graph
from graph.marks import unfinished
from linkage import clusters, exact, identities, likely, model
from linkage.addresses import resolve_addresses
from linkage.decisions import ACCEPT, DIFFERENT, REVIEW, SAME
from linkage.prepare import to_frame
from linkage.statements import STATEMENTS

METHOD = "resolved"


@dataclass(frozen=True)
class ResolveSettings:
    """Thresholds on Splink's match probability."""

    accept: float = ACCEPT  # at or above: linked automatically
    review: float = REVIEW  # at or above (and below accept): queued for a reviewer; below: not linked
    incremental: bool = False  # score only pairs involving records no identity holds yet, with the saved model
    retrain: bool = True  # full runs: train a new model (False: score with the saved one)


@dataclass
class ResolveReport:
    records: int = 0
    scored_pairs: int = 0
    accepted: int = 0
    queued: int = 0
    addresses_folded: int = 0
    decisions_applied: int = 0
    identities: int = 0
    model: str = ""  # how the pairs were scored: trained here, or the model used instead and why
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    metrics: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def _fetch(graph: Graph) -> list[dict[str, Any]]:
    return graph.read(STATEMENTS["person_records"], name="resolve: person records")


def _evidence(row: pd.Series) -> str:
    """Per-field comparison level, match weight and Bayes factor, as JSON: what a reviewer reads side by side
    (the explorer's "Review links" page draws them as a waterfall from the prior to the pair's match weight)."""
    fields = {}
    for name in ("first_name", "surname", "dob", "postcode", "nhs"):
        level = row.get(f"gamma_{name}")
        weight = _field_weight(row, name)
        fields[name] = {
            "level": None if level is None else int(level),
            "match_weight": None if weight is None else round(weight, 3),
            "bayes_factor": None if weight is None else float(f"{2.0**weight:.4g}"),
        }
    return json.dumps(fields, sort_keys=True)


def _field_weight(row: pd.Series, name: str) -> float | None:
    """A field's match weight (log2 of its Bayes factor, Splink's `mw_<field>`); None when not finite."""
    weight = row.get(f"mw_{name}")
    return float(weight) if weight is not None and math.isfinite(float(weight)) else None


@dataclass(frozen=True)
class Scoring:
    """The model a full run scores with and how it was chosen, as the report says it."""

    model: dict[str, Any] | None  # None: train one on these records
    how: str


def _choose(records: int, settings: ResolveSettings, saved: dict[str, Any] | None) -> Scoring:
    """Train on a population; score a family (too few records to learn from) with a model trained before."""
    if not settings.retrain and saved is not None:
        return Scoring(saved, "scored with the model saved by an earlier run")
    if records >= model.MIN_TRAINING_RECORDS:
        return Scoring(None, f"model trained on these {records} records")
    return _fallback(f"{records} records are too few to train a model (it takes {model.MIN_TRAINING_RECORDS})", saved)


def _fallback(why: str, saved: dict[str, Any] | None) -> Scoring:
    if saved is not None:
        return Scoring(saved, f"{why}: scored with the model an earlier run trained on this graph")
    return Scoring(model.default_model(), f"{why}: scored with the bundled default model")


def _scored_pairs(
    frame: pd.DataFrame, settings: ResolveSettings, saved: dict[str, Any] | None
) -> tuple[pd.DataFrame, dict[str, Any] | None, str]:
    """Scored pairs, the model to save (one trained now, else None) and how the records were scored."""
    if len(frame) < 2:
        return (
            pd.DataFrame(columns=["unique_id_l", "unique_id_r", "match_probability", "match_weight"]),
            None,
            (f"{len(frame)} record(s) with a name: no pairs to score"),
        )
    scoring = _choose(len(frame), settings, saved)
    if scoring.model is None:
        linker = model.linker_for(frame)
        try:
            model.train(linker)
        except (SplinkException, ArithmeticError, ValueError) as e:  # EM found nothing to learn from
            scoring = _fallback(f"training failed ({type(e).__name__}: {e})", saved)
        else:
            return model.predict(linker, settings.review), linker.misc.save_model_to_json(), scoring.how
    return model.predict(model.linker_for(frame, scoring.model), settings.review), None, scoring.how


def _pair(a: str, b: str) -> tuple[str, str]:
    """A pair of record keys as stored: the smaller first."""
    return (a, b) if a <= b else (b, a)


def _decisions(graph: Graph) -> dict[tuple[str, str], str]:
    rows = graph.read(STATEMENTS["decisions"], name="resolve: decisions")
    return {_pair(r["left"], r["right"]): r["decision"] for r in rows}


def _scored_rows(pairs: pd.DataFrame) -> list[dict[str, Any]]:
    """Splink's scored pairs as the rows stored on MAY_BE_SAME (left < right), evidence as JSON."""
    out = []
    for row in pairs.itertuples(index=False):
        a, b = _pair(row.unique_id_l, row.unique_id_r)
        out.append(
            {
                "left": a,
                "right": b,
                "probability": float(row.match_probability),
                "match_weight": float(row.match_weight),
                "evidence": _evidence(pd.Series(row._asdict())),
            }
        )
    return out


def _with_stored(graph: Graph, scored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Incremental runs: the pairs earlier runs scored, plus the new ones (a pair scored now wins)."""
    stored = graph.read(STATEMENTS["stored_pairs"], name="resolve: stored pairs")
    # likely links are derived again from all the records (likely.py); a stored one may no longer hold
    by_pair = {(r["left"], r["right"]): r for r in stored if not (r.pop("note", None) or "").startswith(likely.RULE)}
    by_pair.update({(r["left"], r["right"]): r for r in scored})
    return list(by_pair.values())


def _with_likely(scored: list[dict[str, Any]], pairs: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """Scored pairs plus the likely links of records with only part of a name (likely.py), which link
    automatically and can be rejected like any scored pair; a pair Splink scored lower takes the likely rule."""
    by_pair = {(p["left"], p["right"]): p for p in scored}
    for a, b, rule in pairs:
        left, right = _pair(a, b)
        found = by_pair.get((left, right))
        if found is None or found["probability"] <= likely.PROBABILITY:
            by_pair[(left, right)] = {
                "left": left,
                "right": right,
                "probability": likely.PROBABILITY,
                "match_weight": float(f"{math.log2(likely.PROBABILITY / (1 - likely.PROBABILITY)):.3f}"),
                "evidence": (found or {}).get("evidence") or "{}",
                "rule": rule,
            }
    return list(by_pair.values())


def _links(
    records: list[exact.Record],
    scored: list[dict[str, Any]],
    settings: ResolveSettings,
    decisions: dict[tuple[str, str], str],
    deterministic: list[tuple[str, str, str]],
) -> tuple[list[clusters.Link], list[dict[str, Any]]]:
    """Links to apply (deterministic, accepted, confirmed; minus rejected) and candidate rows to store."""
    links = [clusters.Link(a, b, rule, 1.0, forced=rule in exact.FORCED) for a, b, rule in deterministic]
    candidates = []
    for pair in _with_likely(scored, likely.likely_pairs(records, deterministic)):
        a, b, p = pair["left"], pair["right"], pair["probability"]
        status = "auto" if p >= settings.accept else "review"
        decided = decisions.get((a, b))
        if decided:
            status = "confirmed" if decided == SAME else "rejected"
        if status == "auto":
            links.append(clusters.Link(a, b, pair.get("rule") or f"probabilistic match (p={p:.3f})", p))
        candidates.append({k: v for k, v in pair.items() if k != "rule"} | {"status": status, "note": pair.get("rule")})
    links += [
        clusters.Link(a, b, "confirmed by a reviewer", 1.0, forced=True)
        for (a, b), decided in decisions.items()
        if decided == SAME
    ]
    return [x for x in links if decisions.get(_pair(x.left, x.right)) != DIFFERENT], candidates


def _hold(candidates: list[dict[str, Any]], held: dict[clusters.Link, str]) -> None:
    """Automatic links the identity graph refused go to the review queue, saying why."""
    why = {_pair(x.left, x.right): reason for x, reason in held.items()}
    for c in candidates:
        if c["status"] == "auto" and (c["left"], c["right"]) in why:
            c["status"], c["note"] = "review", why[(c["left"], c["right"])]


def _write(graph: Graph, built: list[dict[str, Any]], candidates: list[dict[str, Any]]) -> None:
    now = dt.datetime.now(dt.UTC)
    identities.write(graph, built, METHOD)
    for start in range(0, len(candidates), 5000):  # updated in place: a pair scored alike never disappears
        graph.write(
            STATEMENTS["write_candidates"],
            name="resolve: candidates",
            pairs=candidates[start : start + 5000],
            scored_at=now,
        )
    graph.write_in_batches(STATEMENTS["clear_candidates"], name="resolve: drop stale candidates", scored_at=now)


def _saved_model(graph: Graph) -> dict[str, Any] | None:
    rows = graph.read(STATEMENTS["load_model"], name="resolve: load model")
    return json.loads(rows[0]["json"]) if rows else None


def resolve(
    graph: Graph, settings: ResolveSettings | None = None, step: Callable[[str], object] | None = None
) -> ResolveReport:
    """Score blocked pairs, rebuild identities and the review queue.

    A full run scores every blocked pair; an incremental run scores only pairs that involve records no
    identity holds yet (new against existing, and new against new) with the saved model and rebuilds the
    identities from those and the pairs earlier runs scored: the links a full run with that model gives,
    with every reviewer decision applied.
    """
    say = step or (lambda _: None)  # a line per stage: minutes pass between them at 100,000 people
    with unfinished(graph, "resolve"):  # a resolve cut short leaves this mark (and the identities it found)
        return _resolve(graph, settings or ResolveSettings(), say)


def _resolve(graph: Graph, settings: ResolveSettings, say: Callable[[str], object]) -> ResolveReport:
    started = time.perf_counter()
    say("folding addresses")
    folded = resolve_addresses(graph)
    say("reading person records")
    raw = _fetch(graph)
    records = [exact.as_record(r) for r in raw]
    exact.fetch_context(graph, records)
    saved = _saved_model(graph)
    say(f"scoring pairs of {len(records):,} records")
    if settings.incremental and saved is not None:
        new = {r["key"] for r in graph.read(STATEMENTS["unlinked_records"], name="resolve: new")}
        pairs = model.predict_new(to_frame(raw), new, saved, settings.review)
        scored = _with_stored(graph, _scored_rows(pairs))
        how = "new records scored with the model saved by an earlier run"
    else:
        pairs, trained, how = _scored_pairs(to_frame(raw), settings, saved)
        scored = _scored_rows(pairs)
        if trained is not None:
            graph.write(STATEMENTS["save_model"], name="resolve: save model", json=json.dumps(trained))
    say(f"building identities from {len(pairs):,} scored pairs")
    decisions = _decisions(graph)
    deterministic = exact.deterministic_pairs(records)
    links, candidates = _links(records, scored, settings, decisions, deterministic)
    graph_of_links, held = clusters.build({r.key: r.dob for r in records}, links, {r.key: r.nhs for r in records})
    _hold(candidates, held)
    built = identities.build(records, graph_of_links, exact.components(records, deterministic))
    say(f"writing {len(built):,} identities")
    _write(graph, built, candidates)
    return ResolveReport(
        records=len(records),
        scored_pairs=len(pairs),
        accepted=sum(c["status"] in ("auto", "confirmed") for c in candidates),
        queued=sum(c["status"] == "review" for c in candidates),
        addresses_folded=folded,
        decisions_applied=len(decisions),
        identities=len(built),
        model=how,
        seconds=round(time.perf_counter() - started, 1),
        peak_memory_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
