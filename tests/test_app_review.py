"""Review links page (AppTest on the real test Neo4j): the queue of uncertain pairs, a pair side by side with
each field's match weight, and reviewers' decisions, recorded with who and when and applied by the next
`sightline resolve`. The population is the shared resolved one (tests/support/population.py), as test_resolve.py's."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from explorer import review
from explorer.review_ui import SHOWN
from graph.db import Graph
from linkage import decisions
from linkage.pipeline import ResolveSettings, _evidence, resolve
from settings import Settings
from tests.support.population import Population, consultations, explorer_env, open_app, texts, widget

__all__ = ["explorer_env"]  # fixture
RESOLVE = ResolveSettings(accept=0.9, review=0.5)
WAITING = (
    "MATCH (a:Person)-[m:MAY_BE_SAME {status: 'review'}]->(b:Person) "
    "WHERE NOT EXISTS { (:LinkDecision {left: a.key, right: b.key}) } "
    "RETURN a.key AS left, b.key AS right, m.probability AS p ORDER BY p DESC, left, right"
)
IDENTITY = "MATCH (:Person {key: $key})<-[:HAS_RECORD]-(i:Identity) RETURN i.key AS key"


def _read(settings: Settings, cypher: str, **params: Any) -> list[dict[str, Any]]:
    with Graph.connect(settings) as graph:
        return graph.read(cypher, **params)


def _identity(settings: Settings, key: str) -> str:
    return _read(settings, IDENTITY, key=key)[0]["key"]


def _status(settings: Settings, pair: dict[str, str]) -> list[dict[str, Any]]:
    return _read(
        settings, "MATCH (:Person {key: $left})-[m:MAY_BE_SAME]->(:Person {key: $right}) RETURN m.status AS s", **pair
    )


def _decision(settings: Settings, pair: dict[str, str]) -> dict[str, Any]:
    return _read(settings, "MATCH (d:LinkDecision {left: $left, right: $right}) RETURN d {.*} AS d", **pair)[0]["d"]


def _resolve_again(settings: Settings) -> None:
    with Graph.connect(settings) as graph:
        report = resolve(graph, RESOLVE)
    assert report.decisions_applied >= 1


def _decide(at: AppTest, pid: str, button: str, note: str) -> AppTest:
    """Open a pair in the picker and press a decision button with a note."""
    widget(at, "selectbox", "Pair to review").set_value(pid).run()
    assert not at.exception and not texts(at, "error"), texts(at, "error")
    widget(at, "text_area", "Note").input(note)
    next(b for b in at.button if b.label == button).click().run()
    assert not at.exception and not texts(at, "error"), texts(at, "error")
    return at


def _metric(at: AppTest, label: str) -> str:
    return next(str(m.value) for m in at.metric if m.label == label)


def test_resolve_stores_each_fields_level_and_match_weight() -> None:
    row = pd.Series({"gamma_dob": 3, "mw_dob": 11.5, "gamma_nhs": -1, "mw_nhs": 0.0, "gamma_surname": 0})
    stored = json.loads(_evidence(row))
    assert stored["dob"] == {"level": 3, "match_weight": 11.5, "bayes_factor": float(f"{2**11.5:.4g}")}
    assert stored["nhs"]["match_weight"] == 0.0 and stored["nhs"]["bayes_factor"] == 1.0
    assert stored["surname"] == {"level": 0, "match_weight": None, "bayes_factor": None}


def test_weights_run_from_the_prior_to_the_match_weight_with_splinks_level_labels() -> None:
    model = {
        "comparisons": [
            {
                "output_column_name": "dob",
                "comparison_levels": [
                    {"is_null_level": True, "label_for_charts": "dob is NULL"},
                    {"label_for_charts": "exact", "m_probability": 0.9, "u_probability": 0.001},
                    {"label_for_charts": "day and month swapped", "m_probability": 0.05, "u_probability": 0.001},
                    {"label_for_charts": "else", "m_probability": 0.05, "u_probability": 0.998},
                ],
            }
        ]
    }
    assert {k: v["label_for_charts"] for k, v in review.model_levels(model)["dob"].items()} == {
        -1: "dob is NULL",
        2: "exact",
        1: "day and month swapped",
        0: "else",
    }
    evidence = {"dob": {"level": 1, "bayes_factor": None}, "first_name": {"level": 2, "match_weight": 3.0}}
    w = review.weights({"evidence": json.dumps(evidence), "match_weight": 4.0, "probability": 0.94}, model)
    by_field = {f.field: f for f in w.fields}
    assert by_field["date of birth"].comparison == "day and month swapped"
    assert by_field["date of birth"].weight == pytest.approx(math.log2(50))  # from the model when not stored
    assert by_field["first name"].weight == 3.0 and by_field["surname"].weight is None
    assert w.prior + sum(f.weight or 0.0 for f in w.fields) == pytest.approx(w.match_weight)


def test_without_scored_pairs_the_page_says_to_run_resolve(explorer_env: Path, graph: Graph) -> None:
    at = open_app("review_links", role="supervisor", reason="")
    assert not at.dataframe and any("reason for consulting" in t for t in texts(at, "info"))
    at = open_app("review_links", role="supervisor")
    assert not at.exception and not texts(at, "error")
    assert any("No candidate pairs: run `sightline resolve`" in t for t in texts(at, "info"))


def test_the_queue_lists_waiting_pairs_most_probable_first(
    resolved: Population, explorer_env: Path, settings: Settings
) -> None:
    waiting = _read(settings, WAITING)
    assert waiting, "the varied population leaves pairs between the review and accept thresholds"
    at = open_app("review_links", role="supervisor")
    assert not at.exception and not texts(at, "error"), texts(at, "error")
    assert any(f"**{len(waiting)}** pairs waiting" in t for t in texts(at, "markdown")), texts(at, "markdown")
    table = at.dataframe[0].value
    assert len(table) == min(len(waiting), SHOWN)
    assert table["probability"].is_monotonic_decreasing and table["status"].eq("review").all()
    assert table["probability"].iloc[0] == round(waiting[0]["p"], 3)
    logged = consultations()
    assert logged[-1]["what"] == "review links" and logged[-1]["who"] == "Test Supervisor"

    middle = round(waiting[len(waiting) // 2]["p"], 2)
    widget(at, "slider", "Probability").set_range(middle, 1.0).run()
    narrowed = at.dataframe[0].value
    assert 0 < len(narrowed) <= len(table) and (narrowed["probability"] >= middle - 0.005).all()


def test_a_pair_shows_both_records_side_by_side_with_the_weight_of_each_field(
    resolved: Population, explorer_env: Path, settings: Settings
) -> None:
    first = _read(settings, WAITING)[0]
    at = open_app("review_links", role="supervisor")
    widget(at, "selectbox", "Pair to review").select_index(0).run()
    assert not at.exception and not texts(at, "error"), texts(at, "error")
    records = at.dataframe[1].value.set_index("field")
    assert list(records.loc["record key"]) == [first["left"], first["right"]]
    for field in ("name", "date of birth", "sex", "addresses", "NHS number", "feed", "source record id"):
        assert field in records.index
    assert all(key.startswith("identity:") for key in records.loc["identity now"])
    assert _metric(at, "Probability") == f"{first['p']:.3f}"

    weights = at.dataframe[2].value.set_index("field")["match weight"]
    assert list(weights.index) == ["prior", *review.FIELDS.values(), "total"]
    assert weights.drop("total").sum() == pytest.approx(weights["total"], abs=0.05)
    assert weights["prior"] < 0, "two random records are unlikely to be one person"
    chart = at.get("plotly_chart")[0].proto.spec
    bars = json.loads(chart)["data"][0]
    assert bars["type"] == "waterfall" and bars["orientation"] == "h" and len(bars["y"]) == len(weights)

    evidence = _read(
        settings,
        "MATCH (:Person {key: $a})-[m:MAY_BE_SAME]->(:Person {key: $b}) RETURN m.evidence AS e",
        a=first["left"],
        b=first["right"],
    )[0]["e"]
    stored = json.loads(evidence)
    assert all(stored[f]["match_weight"] is not None for f in review.FIELDS), "resolve stores each field's weight"
    assert consultations()[-1]["what"] == "review pair"


def test_not_the_same_person_is_recorded_and_the_next_resolve_keeps_the_records_apart(
    resolved: Population, explorer_env: Path, settings: Settings
) -> None:
    # an automatic link that alone makes a two-record identity: rejecting it must split the identity
    pair = _read(
        settings,
        "MATCH (a:Person)-[:MAY_BE_SAME {status: 'auto'}]->(b:Person), "
        "(a)<-[ha:HAS_RECORD]-(i:Identity)-[hb:HAS_RECORD]->(b) "
        "WHERE i.records = 2 AND ha.rule STARTS WITH 'probabilistic' AND hb.rule STARTS WITH 'probabilistic' "
        "RETURN a.key AS left, b.key AS right ORDER BY left LIMIT 1",
    )[0]
    assert _identity(settings, pair["left"]) == _identity(settings, pair["right"])
    at = open_app("review_links", role="supervisor")
    at.radio(key="review-mode").set_value("Find a record's links").run()
    widget(at, "text_input", "Record or identity key").input(pair["left"]).run()
    assert "auto" in set(at.dataframe[0].value["status"])
    before = dt.datetime.now(dt.UTC)
    at = _decide(at, f"{pair['left']}\n{pair['right']}", "Not the same person", "different dates of birth")

    assert any("Recorded: Not the same person, by Test Supervisor" in t for t in texts(at, "success"))
    decision = _decision(settings, pair)
    assert decision["decision"] == decisions.DIFFERENT and decision["who"] == "Test Supervisor"
    assert decision["note"] == "different dates of birth" and decision["decided_at"].to_native() >= before
    shown = at.dataframe[-1].value  # the pair stays open with its decisions
    assert list(shown["by"]) == ["Test Supervisor"] and list(shown["decision"]) == ["Not the same person"]

    _resolve_again(settings)
    assert _identity(settings, pair["left"]) != _identity(settings, pair["right"])
    assert _status(settings, pair) == [{"s": "rejected"}]
    at = open_app(
        "review_links", role="supervisor", **{"review-mode": "Find a record's links", "review-key": pair["left"]}
    )
    widget(at, "selectbox", "Pair to review").set_value(f"{pair['left']}\n{pair['right']}").run()
    assert _metric(at, "Identities now") == "different" and "rejected" in _metric(at, "Status")
    assert list(at.dataframe[-1].value["by"]) == ["Test Supervisor"], "the decision survives the resolve"


def test_same_person_is_recorded_and_the_next_resolve_links_the_records(
    resolved: Population, explorer_env: Path, settings: Settings
) -> None:
    waiting = _read(settings, WAITING)
    pair = next(
        {"left": r["left"], "right": r["right"]}
        for r in waiting
        if _identity(settings, r["left"]) != _identity(settings, r["right"])
    )
    at = _decide(
        open_app("review_links", role="supervisor"),
        f"{pair['left']}\n{pair['right']}",
        "Same person",
        "same GP practice",
    )
    decision = _decision(settings, pair)
    assert decision["decision"] == decisions.SAME and decision["who"] == "Test Supervisor"
    counts = " ".join(texts(at, "markdown"))
    assert f"**{len(waiting) - 1}** pairs waiting" in counts and "decided, waiting for the next" in counts
    assert _metric(at, "Identities now") == "different", "the page shows the pair just decided, not yet applied"

    _resolve_again(settings)
    assert _identity(settings, pair["left"]) == _identity(settings, pair["right"])
    assert _status(settings, pair) == [{"s": "confirmed"}]
