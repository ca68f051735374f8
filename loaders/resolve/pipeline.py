"""`sightline resolve`: link person records across agencies into identities, explainably and non-destructively.

Steps: fetch records -> deterministic links (shared NHS number; same name and date of birth; a record
without a date of birth by name and shared address) -> Splink scores every blocked pair -> pairs at or
above `accept` link automatically, pairs between `review` and `accept` wait for a reviewer -> reviewers'
decisions override both -> connected records become one Identity. Source records are never merged or
changed; every link keeps its probability and per-field evidence (`MAY_BE_SAME`).
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from graph.db import Graph, read_cypher
from loaders import linkage
from loaders.resolve import model
from loaders.resolve.addresses import resolve_addresses
from loaders.resolve.prepare import to_frame

_CYPHER = Path(__file__).resolve().parent.parent / "cypher" / "resolve"
_LINKAGE = Path(__file__).resolve().parent.parent / "cypher" / "linkage"
METHOD = "resolved"


@dataclass(frozen=True)
class ResolveSettings:
    """Thresholds on Splink's match probability."""

    accept: float = 0.9  # at or above: linked automatically
    review: float = 0.5  # at or above (and below accept): queued for a reviewer; below: not linked
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
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    metrics: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(vars(self))


def _fetch(graph: Graph) -> list[dict[str, Any]]:
    return graph.read(read_cypher(_LINKAGE / "person_records.cypher"), name="resolve: person records")


def _evidence(row: pd.Series) -> str:
    """Per-field comparison label and match weight, as JSON: what a reviewer reads side by side."""
    fields = {}
    for name in ("first_name", "surname", "dob", "postcode", "nhs"):
        level = row.get(f"gamma_{name}")
        weight = row.get(f"bf_{name}")
        fields[name] = {
            "level": None if level is None else int(level),
            "bayes_factor": None if weight is None else round(float(weight), 3),
        }
    return json.dumps(fields, sort_keys=True)


def _scored_pairs(
    frame: pd.DataFrame, settings: ResolveSettings, trained: dict[str, Any] | None
) -> tuple[pd.DataFrame, dict[str, Any]]:
    linker = model.linker_for(frame, trained)
    if trained is None:
        model.train(linker)
    pairs = model.predict(linker, settings.review)
    return pairs, linker.misc.save_model_to_json()


def _decisions(graph: Graph) -> dict[tuple[str, str], str]:
    rows = graph.read(read_cypher(_CYPHER / "decisions.cypher"), name="resolve: decisions")
    return {tuple(sorted((r["left"], r["right"]))): r["decision"] for r in rows}  # type: ignore[misc]


def _links(
    records: list[linkage.Record], pairs: pd.DataFrame, settings: ResolveSettings, decisions: dict[tuple[str, str], str]
) -> tuple[nx.Graph, list[dict[str, Any]]]:
    """The link graph (deterministic + accepted + confirmed, minus rejected) and candidate rows to store."""
    exact = linkage.exact_pairs(records)
    exact += linkage.context_pairs(records, linkage.components(records, exact))
    links = nx.Graph()
    links.add_nodes_from(r.key for r in records)
    for a, b, rule in exact:
        links.add_edge(a, b, rule=rule, probability=1.0)
    candidates = []
    for row in pairs.itertuples(index=False):
        a, b = sorted((row.unique_id_l, row.unique_id_r))
        p = float(row.match_probability)
        status = "auto" if p >= settings.accept else "review"
        decided = decisions.get((a, b))
        if decided:
            status = "confirmed" if decided == "same" else "rejected"
        if status in ("auto", "confirmed") and not links.has_edge(a, b):
            rule = "confirmed by a reviewer" if status == "confirmed" else f"probabilistic match (p={p:.3f})"
            links.add_edge(a, b, rule=rule, probability=p)
        candidates.append(
            {
                "left": a,
                "right": b,
                "probability": p,
                "match_weight": float(row.match_weight),
                "status": status,
                "evidence": _evidence(pd.Series(row._asdict())),
            }
        )
    for (a, b), decided in decisions.items():
        if decided == "different" and links.has_edge(a, b):
            links.remove_edge(a, b)
        if decided == "same" and a in links and b in links and not links.has_edge(a, b):
            links.add_edge(a, b, rule="confirmed by a reviewer", probability=1.0)
    return links, candidates


def _clusters(records: list[linkage.Record], links: nx.Graph) -> list[dict[str, Any]]:
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
            members.append({"key": k, "rule": first["rule"], "probability": first["probability"]})
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


def _write(
    graph: Graph, clusters: list[dict[str, Any]], candidates: list[dict[str, Any]], keep_candidates: bool = False
) -> None:
    now = dt.datetime.now(dt.UTC)
    graph.write_in_batches(read_cypher(_LINKAGE / "clear_identities.cypher"), name="resolve: clear identities")
    if not keep_candidates:
        graph.write_in_batches(read_cypher(_CYPHER / "clear_candidates.cypher"), name="resolve: clear candidates")
    for start in range(0, len(clusters), 2000):
        graph.write(
            read_cypher(_LINKAGE / "write_identities.cypher"),
            name="resolve: identities",
            clusters=clusters[start : start + 2000],
            method=METHOD,
            resolved_at=now,
        )
    for start in range(0, len(candidates), 5000):
        graph.write(
            read_cypher(_CYPHER / "write_candidates.cypher"),
            name="resolve: candidates",
            pairs=candidates[start : start + 5000],
            scored_at=now,
        )


def _saved_model(graph: Graph) -> dict[str, Any] | None:
    rows = graph.read(read_cypher(_CYPHER / "load_model.cypher"), name="resolve: load model")
    return json.loads(rows[0]["json"]) if rows else None


def resolve(graph: Graph, settings: ResolveSettings | None = None) -> ResolveReport:
    """Score blocked pairs, rebuild identities and the review queue.

    A full run scores every blocked pair; an incremental run scores only pairs that involve records no
    identity holds yet (new against existing, and new against new) with the saved model, and keeps the
    existing identities as they are: the same links a full run with that model gives.
    """
    settings = settings or ResolveSettings()
    started = time.perf_counter()
    folded = resolve_addresses(graph)
    raw = _fetch(graph)
    records = [linkage.as_record(r) for r in raw]
    linkage.fetch_context(graph, records)
    saved = _saved_model(graph) if (settings.incremental or not settings.retrain) else None
    existing: list[list[str]] = []
    if settings.incremental and saved is not None:
        new = {r["key"] for r in graph.read(read_cypher(_CYPHER / "unlinked_records.cypher"), name="resolve: new")}
        existing = [
            r["records"]
            for r in graph.read(read_cypher(_CYPHER / "identity_members.cypher"), name="resolve: identities")
        ]
        pairs = model.predict_new(to_frame(raw), new, saved, settings.review)
    else:
        pairs, trained = _scored_pairs(to_frame(raw), settings, saved)
        if saved is None:
            graph.write(
                read_cypher(_CYPHER / "save_model.cypher"), name="resolve: save model", json=json.dumps(trained)
            )
    decisions = _decisions(graph)
    links, candidates = _links(records, pairs, settings, decisions)
    for members in existing:  # incremental: what earlier runs linked stays linked
        links.add_edges_from(
            (members[0], m, {"rule": "linked by an earlier run", "probability": 1.0})
            for m in members[1:]
            if not links.has_edge(members[0], m)
        )
    clusters = _clusters(records, links)
    _write(graph, clusters, candidates, keep_candidates=bool(existing))
    return ResolveReport(
        records=len(records),
        scored_pairs=len(pairs),
        accepted=sum(c["status"] in ("auto", "confirmed") for c in candidates),
        queued=sum(c["status"] == "review" for c in candidates),
        addresses_folded=folded,
        decisions_applied=len(decisions),
        identities=len(clusters),
        seconds=round(time.perf_counter() - started, 1),
        peak_memory_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
