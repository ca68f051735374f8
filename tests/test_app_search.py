"""Search page: people by a variant of their name (typo, nickname), addresses by postcode, agencies."""

from __future__ import annotations

import re

from explorer import search
from graph.db import Graph
from settings import Settings
from tests.support.keys import assert_no_internal_keys
from tests.support.population import Population, consultations, explorer_env, open_app, population, texts, widget
from tests.support.variations import written_otherwise

__all__ = ["explorer_env", "population"]  # fixtures


def planted_offender(population: Population, settings: Settings) -> tuple[str, str]:
    """(surname as recorded, name as another agency might write it) of the offender of a planted S1 case."""
    key = next(r for p in population.case("S1")["people"] for r in p["records"] if r.startswith("police:"))
    with Graph.connect(settings) as graph:
        row = graph.read("MATCH (p:Person {key: $key}) RETURN p.forenames AS f, p.surname AS s", key=key)[0]
    return row["s"], written_otherwise(row["f"], row["s"])


def test_a_variant_of_the_name_finds_the_person_with_role_and_agency_badges(
    population: Population, settings: Settings
) -> None:
    surname, variant = planted_offender(population, settings)
    assert surname not in variant
    at = open_app("search")
    widget(at, "text_input", "Search").input(variant).run()
    assert not at.exception and not texts(at, "error")
    people = [m for m in texts(at, "markdown") if surname.lower() in m.lower() and "offender" in m and "police" in m]
    assert people, f"no offender found for {variant!r}: {texts(at, 'markdown')[:5]}"
    assert consultations()[-1]["what"] == "search"


def test_open_takes_the_analyst_to_the_profile(population: Population, settings: Settings) -> None:
    _, variant = planted_offender(population, settings)
    at = open_app("search")
    widget(at, "text_input", "Search").input(variant).run()
    next(b for b in at.button if b.label == "Open").click().run()
    assert [t.value for t in at.title] == ["Profile & link chart"]
    assert any("offender" in m for m in texts(at, "markdown"))


def test_postcode_with_or_without_its_space_finds_addresses(population: Population) -> None:
    address = population.case("S1")["addresses"][0]
    postcode = address.rpartition("|")[2].strip()
    spaced = f"{postcode[:-3]} {postcode[-3:]}"
    for typed in (postcode, spaced):
        at = open_app("search")
        widget(at, "text_input", "Search").input(typed).run()
        assert any(m.startswith("Addresses") for m in texts(at, "subheader")), typed
        assert any(spaced in m.upper() for m in texts(at, "markdown")), f"{typed}: the planted address is not listed"


def test_agencies_by_name_and_the_empty_states(population: Population) -> None:
    at = open_app("search")
    assert any("Type a name" in t for t in texts(at, "info"))
    widget(at, "text_input", "Search").input("Jigsaw").run()
    assert any(m.startswith("Agencies") for m in texts(at, "subheader"))
    assert any(m.startswith("**Jigsaw") for m in texts(at, "markdown")), texts(at, "markdown")
    widget(at, "text_input", "Search").input("Zzxqvw Qqzzyx").run()
    assert any("Nothing found" in t for t in texts(at, "info"))


def test_a_british_short_form_and_a_typo_widen_together() -> None:
    """Unit test: "Chas" is Charles (the American nickname table lacks it) while "Freman" is widened by edits."""
    query = search.people_query("Chas Freman")
    assert "charles" in query and "freman~2" in query and " AND " in query


def test_a_nickname_and_a_typo_together_find_the_person(population: Population, settings: Settings) -> None:
    """ "Chas Freman" finds Charles Freeman: a British short form the nickname table lacks, and a typo in the
    surname, in one search. Fails if either widening drops out."""
    with Graph.connect(settings) as graph:
        found = graph.read(
            "MATCH (p:Person) WHERE p.forenames = 'Charles' AND size(p.surname) >= 6 "
            "RETURN p.surname AS s ORDER BY p.key LIMIT 1"
        )
    assert found, "the population has a Charles to look for"
    surname = found[0]["s"]
    typo = surname[:2] + surname[3:]  # one letter dropped
    at = open_app("search")
    widget(at, "text_input", "Search").input(f"Chas {typo}").run()
    assert any(m.startswith(f"**Charles {surname.title()}**") for m in texts(at, "markdown")), texts(at, "markdown")
    assert_no_internal_keys(at)


def test_hits_show_age_and_address_exact_matches_first_and_how_many_matched(
    population: Population, settings: Settings
) -> None:
    """Fails if a hit lacks age or address, if an exact match ranks below a variant, or if the page hides that
    more people matched than it shows."""
    key = next(r for p in population.case("S1")["people"] for r in p["records"] if r.startswith("police:"))
    with Graph.connect(settings) as graph:
        row = graph.read("MATCH (p:Person {key: $key}) RETURN p.forenames AS f, p.surname AS s", key=key)[0]
    at = open_app("search")
    widget(at, "text_input", "Search").input(f"{row['f']} {row['s']}").run()
    hits = [m for m in texts(at, "markdown") if m.startswith("**")]
    assert hits[0].lower().startswith(f"**{row['f']} {row['s']}**".lower()), hits[:3]
    assert "age " in hits[0] and " · " in hits[0] and ", " in hits[0].split(" · ")[1]  # age, then an address
    assert_no_internal_keys(at)
    widget(at, "text_input", "Search").input("Charles").run()
    heading = next(s for s in texts(at, "subheader") if s.startswith("People"))
    assert re.fullmatch(r"People \(20 of \d+\)", heading), heading
