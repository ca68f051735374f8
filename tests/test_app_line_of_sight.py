"""Line of sight page: agencies working with a child against what each holds; S6 gaps marked."""

from __future__ import annotations

from explorer.sight import GAP
from tests.support.population import Population, consultations, explorer_env, open_app, population, texts

__all__ = ["explorer_env", "population"]  # fixtures


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


def test_adults_open_their_household_children_and_plain_states(population: Population) -> None:
    offender = next(r for p in population.case("S1")["people"] for r in p["records"] if r.startswith("police:"))
    at = open_app("line_of_sight", focus=offender)
    assert any("Household children" in m for m in texts(at, "markdown")) or texts(at, "info")
    at = open_app("line_of_sight")
    assert any("Choose a child" in t for t in texts(at, "info"))
