"""Search page: people by a variant of their name (typo, nickname), addresses by postcode, agencies."""

from __future__ import annotations

from graph.db import Graph
from settings import Settings
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
    people = [m for m in texts(at, "markdown") if surname in m and "offender" in m and "police" in m]
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
