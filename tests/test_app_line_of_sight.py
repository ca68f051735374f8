"""Line of sight page: agencies working with a child against what each holds; S6 gaps marked."""

from __future__ import annotations

from explorer.sight import GAP
from graph.db import Graph
from settings import Settings
from tests.support.population import Population, consultations, explorer_env, open_app, population, texts

__all__ = ["explorer_env", "population"]  # fixtures
NAMES = (
    "MATCH (:Person {key: $key})<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(r:Person) "
    "RETURN r.forenames + ' ' + r.surname AS n"
)


def test_a_planted_s6_child_shows_agencies_that_do_not_know(population: Population) -> None:
    case = population.case("S6")
    at = open_app("line_of_sight", focus=case["children"][0])
    assert not at.exception
    assert any("hold no record of the offender's status (S6)" in e for e in texts(at, "error"))
    matrix = at.dataframe[0].value
    status = [c for c in matrix.columns if c.startswith("offender status")]
    assert status and matrix[status].apply(lambda col: col.astype(str).str.startswith(GAP)).to_numpy().any()
    assert {"working with the child since", "order conditions", "disclosures", "referrals"} <= set(matrix.columns)
    assert consultations()[-1]["what"] == "line of sight"


def test_adults_open_their_household_children_and_plain_states(population: Population, settings: Settings) -> None:
    case = population.case("S3")  # a new partner with children: she lives with them
    partner = next(r for p in case["people"] if p["role"] == "partner" for r in p["records"])
    with Graph.connect(settings) as graph:  # every spelling of each child's name across their records
        names = [{r["n"] for r in graph.read(NAMES, key=key)} for key in case["children"]]
    at = open_app("line_of_sight", focus=partner)
    assert not at.exception and not texts(at, "error")
    assert not any("No child in this person's household" in t for t in texts(at, "info"))
    listed = next(m for m in texts(at, "markdown") if m.startswith("Household children: "))
    assert all(any(f"**{n}**" in listed for n in spellings) for spellings in names), (listed, names)
    tabs = {t.label for t in at.tabs}
    assert all(spellings & tabs for spellings in names), f"a tab per child: {tabs}"
    at = open_app("line_of_sight")
    assert any("Choose a child" in t for t in texts(at, "info"))
