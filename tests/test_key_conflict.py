"""Two records on one strong key (an NHS number) with a different name *and* date of birth: neither overwrites
the other (issue 12: an adult's name was overwritten by a child's). Both are kept, the conflict is flagged and
counted; a record that only corrects a name, or only a date, still updates the person as before."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from graph.stats import graph_stats
from loaders.load import load_directory
from tests.support.fixture import FeedFixture, add_agencies, load_fixture

PERSON = (
    "MATCH (p:Person {key: $key}) RETURN p.surname AS surname, p.forenames AS forenames, p.dob AS dob, "
    "p.key_conflicts AS conflicts, p:KeyConflict AS flagged"
)


def person(graph: Graph, key: str) -> dict[str, object]:
    row = graph.read(PERSON, key=key)[0]
    row["dob"] = str(row["dob"])
    return row


def _registrations(same_batch: bool) -> tuple[FeedFixture, str]:
    fx = FeedFixture()
    add_agencies(fx, "GP1", "HOSP1")
    nhs = fx.nhs()
    fx.add(
        "health_gp_registrations",
        registration_id="R1",
        nhs_number=nhs,
        surname="Adams",
        forenames="Helen",
        date_of_birth="1979-02-11",
        practice_id="GP1",
    )
    if same_batch:
        fx.add(
            "health_gp_registrations",
            registration_id="R2",
            nhs_number=nhs,
            surname="Brook",
            forenames="Tia",
            date_of_birth="2016-08-30",
            practice_id="GP1",
        )
    return fx, nhs


def test_a_different_name_and_birth_on_one_nhs_number_keeps_both_and_flags_it(graph: Graph, tmp_path: Path) -> None:
    fx, nhs = _registrations(same_batch=True)
    load_fixture(graph, fx, tmp_path)
    got = person(graph, f"nhs:{nhs}")
    assert (got["surname"], got["forenames"], got["dob"]) == ("Adams", "Helen", "1979-02-11"), "not overwritten"
    assert got["conflicts"] == ["health_gp_registrations:R2: Tia Brook, born 2016-08-30"]
    assert got["flagged"] is True
    assert graph_stats(graph)["by_label"]["KeyConflict"] == 1
    # loading the same files again changes nothing
    again = load_directory(graph, fx.spec, tmp_path / "feeds", tmp_path / "rejects2")
    assert again.ok and again.rejected == 0
    assert person(graph, f"nhs:{nhs}") == got


def test_a_conflict_across_feeds_and_loads_is_kept_too(graph: Graph, tmp_path: Path) -> None:
    fx, nhs = _registrations(same_batch=False)
    load_fixture(graph, fx, tmp_path / "first")
    later = FeedFixture()
    add_agencies(later, "GP1", "HOSP1")
    later.add(
        "health_births",
        birth_id="B1",
        child_nhs_number=nhs,
        child_surname="Brook",
        child_forenames="Tia",
        date_of_birth="2016-08-30",
        hospital_id="HOSP1",
    )
    load_fixture(graph, later, tmp_path / "second")
    got = person(graph, f"nhs:{nhs}")
    assert (got["surname"], got["dob"]) == ("Adams", "1979-02-11")
    assert got["conflicts"] == ["health_births:B1: Tia Brook, born 2016-08-30"] and got["flagged"] is True


def test_a_corrected_name_or_date_alone_is_not_a_conflict(graph: Graph, tmp_path: Path) -> None:
    fx, nhs = _registrations(same_batch=False)
    fx.add(
        "health_gp_registrations",
        registration_id="R3",
        nhs_number=nhs,
        surname="Carter",
        forenames="Helen",
        date_of_birth="1979-02-11",
        practice_id="GP1",
    )  # married: a new surname, the same date of birth
    fx.add(
        "health_gp_registrations",
        registration_id="R4",
        nhs_number=nhs,
        surname="Carter",
        forenames="Helen",
        date_of_birth="1979-11-02",
        practice_id="GP1",
    )  # a corrected date, the same name
    load_fixture(graph, fx, tmp_path)
    got = person(graph, f"nhs:{nhs}")
    assert (got["surname"], got["dob"], got["conflicts"], got["flagged"]) == ("Carter", "1979-11-02", None, False)
    assert "KeyConflict" not in graph_stats(graph)["by_label"]
