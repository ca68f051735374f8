"""Record linkage on the populations a MASH really loads: nothing, one record, one family. Fails when Splink's
training is tried on too few records (it raised EMTrainingException, ZeroDivisionError or a math domain
error: issue 11 class 1) or when the model used instead cannot see a father written under a nickname with
day and month swapped."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from linkage.model import MIN_TRAINING_RECORDS, default_model
from linkage.pipeline import resolve
from linkage.statements import STATEMENTS
from tests.support.fixture import FeedFixture, add_agencies, add_gp_patient, add_offender, load_fixture


def _identities(graph: Graph) -> set[frozenset[str]]:
    return {frozenset(r["records"]) for r in graph.read(STATEMENTS["identity_pairs"])}


def test_an_empty_graph_and_one_record_resolve_and_say_why_nothing_was_scored(graph: Graph, tmp_path: Path) -> None:
    assert resolve(graph).model == "0 record(s) with a name: no pairs to score"
    fx = FeedFixture()
    add_agencies(fx, "JIG1")
    add_offender(fx, "Whitlock")
    load_fixture(graph, fx, tmp_path)
    report = resolve(graph)
    assert (report.records, report.identities, report.scored_pairs) == (1, 1, 0)
    assert report.model == "1 record(s) with a name: no pairs to score"


def test_one_family_is_scored_with_the_bundled_model_and_links_the_father(graph: Graph, tmp_path: Path) -> None:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1", "HOSP1")
    nominal = add_offender(fx, "Whitlock", forenames="William", dob="1984-07-03")
    mother = add_gp_patient(fx, surname="Rowe", forenames="Sarah", dob="1990-02-02", since="2015-01-01")
    birth = fx.add(
        "health_births",
        child_nhs_number=fx.nhs(),
        child_surname="Whitlock",
        child_forenames="Sam",
        date_of_birth="2019-05-01",
        mother_nhs_number=mother,
        father_surname="Whitlock",
        father_forenames="Bill",  # the hospital's nickname, and day and month swapped below
        father_date_of_birth="1984-03-07",
        hospital_id="HOSP1",
    )
    load_fixture(graph, fx, tmp_path)
    report = resolve(graph)
    assert report.records < MIN_TRAINING_RECORDS
    assert report.model.endswith("scored with the bundled default model"), report.model
    assert frozenset({f"police:{nominal}", f"birth-father:{birth}"}) in _identities(graph)
    assert not graph.read(STATEMENTS["load_model"]), "a model not trained here is not saved as if it were"


def test_the_bundled_model_is_a_trained_splink_model() -> None:
    model = default_model()
    names = [c["output_column_name"] for c in model["comparisons"]]
    assert names == ["first_name", "surname", "dob", "postcode", "nhs"]
    assert model["probability_two_random_records_match"] < 0.01
    trained = {
        (c["output_column_name"], lvl.get("label_for_charts"))
        for c in model["comparisons"]
        for lvl in c["comparison_levels"]
        if lvl.get("m_probability") and lvl.get("u_probability")
    }
    for level in [
        ("first_name", "nickname (Bill / William)"),
        ("surname", "Exact match on surname"),
        ("dob", "day and month swapped"),
        ("postcode", "Exact match on full postcode"),
    ]:
        assert level in trained, f"{level} was not trained: regenerate with `make default-model`"
