"""Line of sight page: agencies working with a child against what each holds; S6 gaps marked."""

from __future__ import annotations

import pandas as pd

from explorer import sight
from explorer.sight import GAP
from graph.db import Graph
from queries.runner import worklist
from settings import Settings
from tests.support.population import AS_OF, Population, consultations, explorer_env, open_app, population, texts

__all__ = ["explorer_env", "population"]  # fixtures
NAMES = (
    "MATCH (:Person {key: $key})<-[:HAS_RECORD]-(:Identity)-[:HAS_RECORD]->(r:Person) "
    "RETURN r.forenames + ' ' + r.surname AS n"
)


def test_a_planted_s6_child_shows_agencies_that_do_not_know(population: Population) -> None:
    case = population.case("S6")
    at = open_app("line_of_sight", focus=case["children"][0])
    assert not at.exception
    assert any("no record of the offender's status (S6)" in e for e in texts(at, "error"))
    matrix = next(d.value for d in at.dataframe if "agency" in d.value.columns)
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


def test_the_count_of_unaware_agencies_is_the_s6_flags(population: Population, settings: Settings) -> None:
    """The page and the S6 flag for the same child count the same agencies: the current ones not told."""
    case = population.case("S6")
    with Graph.connect(settings) as graph:
        rows = worklist(graph, AS_OF).rows
    child_records = set(case["children"])
    s6 = [
        f
        for r in rows
        for f in r.flags
        if f.signal == "S6" and child_records & {k for c in f.children for k in c.record_keys}
    ]
    assert s6, "the planted S6 case raises its flag"
    unaware = {a.key for f in s6 for a in f.agencies if a.status.startswith("not told")}
    at = open_app("line_of_sight", focus=case["children"][0])
    assert not at.exception
    message = next(e for e in texts(at, "error") if "no record of the offender's status (S6)" in e)
    assert int(message.split(" ")[0]) == len(unaware), (message, unaware)
    links = at.dataframe[0].value
    assert {"offender", "link began", "days since"} <= set(links.columns)
    assert (links["days since"] >= 0).all()
    matrix = next(d.value for d in at.dataframe if "agency" in d.value.columns)
    assert "until" in matrix.columns


def test_a_setting_the_child_has_left_is_not_working_with_them(population: Population, settings: Settings) -> None:
    """An enrolment that ended before the as-of date is listed apart, never in the matrix or its count."""
    with Graph.connect(settings) as graph:
        ended = graph.read(
            "MATCH (c:Person)-[e:ENROLLED_AT]->(g:Agency) WHERE e.to < $as_of - duration({days: 400}) "
            "AND NOT EXISTS { (c)-[f:ENROLLED_AT]->(g) WHERE f.to IS NULL OR f.to >= $as_of } "
            "AND NOT EXISTS { (c)-[:HAD_CONTACT]->(:Event)-[:WITH_AGENCY]->(g) } "
            "MATCH (c)<-[:HAS_RECORD]-(:Identity) "
            "RETURN c.key AS child, g.name AS setting LIMIT 1",
            as_of=AS_OF,
        )
    assert ended, "the population holds a child who left a setting"
    at = open_app("line_of_sight", focus=ended[0]["child"])
    assert (not at.exception and not texts(at, "error")) or all("(S6)" in e for e in texts(at, "error"))
    shown = [d.value for d in at.dataframe]
    assert not any(ended[0]["setting"] in set(frame.get("agency", [])) for frame in shown)
    assert any(ended[0]["setting"] in c for c in texts(at, "caption")), "listed apart, with its end"


def test_the_s6_line_counts_the_flags_agencies_and_says_other_gaps_apart() -> None:
    frame = pd.DataFrame(
        [
            {"agency": "Elm Surgery", "offender status: Karl Smith": GAP},
            {"agency": "Homerton Hospital", "offender status: Karl Smith": GAP},
            {"agency": "Elm School", "offender status: Karl Smith": "2 May 2020 (disclosure)"},
        ]
    )
    lines = sight.gap_lines(frame, {"GP1": "Elm Surgery"}, "Amy Reed")
    assert lines == [
        "1 agency working with Amy Reed holds no record of the offender's status (S6): Elm Surgery.",
        "Also holding no record of a linked offender's status: Homerton Hospital.",
    ]
    assert sight.gap_lines(frame, {}, "Amy Reed") == [
        "Also holding no record of a linked offender's status: Elm Surgery, Homerton Hospital."
    ]
