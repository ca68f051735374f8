"""Chronology page: merged multi-agency timeline for a person or household, agency filter, CSV export."""

from __future__ import annotations

from explorer import chronology as chron
from graph.db import Graph
from settings import Settings
from tests.support.population import Population, consultations, explorer_env, open_app, population, texts, widget

__all__ = ["explorer_env", "population"]  # fixtures


def _child(population: Population) -> str:
    return next(k for k in population.case("S1")["children"] if k.startswith("nhs:"))


def _offender(population: Population) -> str:
    return next(r for p in population.case("S1")["people"] for r in p["records"] if r.startswith("police:"))


def test_person_timeline_with_sources_and_csv(population: Population) -> None:
    at = open_app("chronology", focus=_offender(population))
    assert not at.exception and not texts(at, "error")
    table = at.dataframe[0].value
    assert len(table) >= 1 and {"date", "agency", "kind", "summary", "record"} <= set(table.columns)
    assert list(table["date"]) == sorted(table["date"])
    assert at.get("plotly_chart")
    assert "Export CSV" in [b.label for b in at.get("download_button")]
    assert consultations()[-1]["what"] == "chronology"


def test_household_merges_agencies_and_the_filter_narrows_them(population: Population) -> None:
    at = open_app("chronology", focus=_child(population))
    person = len(at.dataframe[0].value) if at.dataframe else 0
    widget(at, "radio", "Scope").set_value("Household").run()
    household = at.dataframe[0].value
    assert len(household) > person and household["agency"].nunique() >= 2
    agencies = widget(at, "multiselect", "Agencies")
    agencies.set_value([agencies.value[0]]).run()
    assert at.dataframe[0].value["agency"].nunique() == 1


def test_no_person_chosen_and_an_address_are_plain(population: Population) -> None:
    at = open_app("chronology")
    assert any("Choose a person" in t for t in texts(at, "info"))
    at = open_app("chronology", focus=population.case("S1")["addresses"][0])
    assert any("choose a person" in w for w in texts(at, "warning"))


def test_a_person_found_here_replaces_the_one_opened_elsewhere(population: Population, settings: Settings) -> None:
    at = open_app("chronology", focus=_offender(population))
    with Graph.connect(settings) as graph:
        name = "MATCH (p:Person {key: $key}) RETURN p.forenames + ' ' + p.surname AS n"
        child = graph.read(name, key=_child(population))
    widget(at, "text_input", "Whose chronology?").input(child[0]["n"]).run()
    assert not at.exception and not texts(at, "error")
    assert at.session_state["focus"] != _offender(population), "the new choice is the focus"
    shown = [c["params"]["node"] for c in consultations() if c["what"] == "chronology"]
    assert len(shown) == 2 and shown[0] != shown[1], "the page shows the person found here"
    at.run()  # a rerun keeps the choice: the focus opened elsewhere does not come back
    assert at.session_state["focus"] != _offender(population)


def test_summaries_name_the_people_and_agencies_in_words() -> None:
    people = [
        {"link": "BIRTH_OF", "out": True, "name": "Amy Reed"},
        {"link": "mother", "out": True, "name": "Jo Reed"},
        {"link": "father", "out": True, "name": "Karl Smith"},
    ]
    agencies = [{"link": "AT", "name": "Homerton Hospital"}]
    told = chron.summarise("birth", {"nicu_admission": False}, people, agencies)
    assert told == "Birth of Amy Reed at Homerton Hospital; mother Jo Reed; father Karl Smith; admitted to NICU: no."
    visit = chron.summarise(
        "visit",
        {"visit_type": "home_visit", "engagement": "poor"},
        [{"link": "ABOUT", "out": True, "name": "Karl Smith"}],
        [],
        "Seen at home.",
    )
    assert visit == "Home visit about Karl Smith; engagement poor. Seen at home."


def test_the_childs_chronology_names_the_father_and_shows_flags_and_changes(
    population: Population, settings: Settings
) -> None:
    child = _child(population)
    with Graph.connect(settings) as graph:
        father = graph.read(
            "MATCH (:Person {key: $k})<-[r:PARENT_OF {relationship: 'father'}]-(f:Person) "
            "RETURN f.forenames + ' ' + f.surname AS n",
            k=child,
        )
    at = open_app("chronology", focus=child)
    assert not at.exception and not texts(at, "error")
    table = at.dataframe[0].value
    births = table[table["kind"] == "birth"]["summary"]
    assert len(births) and births.iloc[0].startswith("Birth of ")
    if father:
        assert f"father {father[0]['n']}" in births.iloc[0], births.iloc[0]
    assert not table["summary"].str.contains(r"\b[a-z]+_[a-z_]+: ", regex=True).any(), "no field: value text"
    assert (table["kind"] == "address change").any()
    flags = table[table["agency"] == chron.FLAGS]
    assert len(flags) and flags["kind"].str.startswith("flag S").all()
    assert chron.FLAGS in at.get("plotly_chart")[0].proto.spec, "the flags have their row on the timeline"
