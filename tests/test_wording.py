"""The one way values are written for people (wording/): unit tests, no Neo4j."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from loaders.spec import load_spec
from queries.library import SIGNALS, load_library
from wording import (
    address,
    age,
    age_years,
    agency,
    agency_of_feed,
    date,
    kinship,
    offence,
    period,
    person_name,
    postcode,
    relationship,
    signal_label,
    signal_name,
    tidy_name,
    yes_no,
)
from wording.facts import OFFENCE_CATEGORIES
from wording.records import CONDITIONS, RECORDS, code, condition, record
from wording.relationships import KINSHIP, RELATIONSHIPS

ROOT = Path(__file__).resolve().parents[1]
AS_OF = dt.date(2024, 12, 31)


@pytest.mark.parametrize(
    ("forenames", "surname", "expected"),
    [
        ("JOHN", "SMITH", "John Smith"),
        ("mary-jane", "o'brien", "Mary-Jane O'Brien"),
        ("ian", "mcdonald", "Ian McDonald"),
        (None, "SMITH", "Smith"),
        ("Jo", None, "Jo"),
        ("Dominic", "DeSouza", "Dominic DeSouza"),  # mixed case as the feed wrote it is kept
        ("  ", None, "name not recorded"),
    ],
)
def test_person_name_is_title_case_and_handles_missing_parts(
    forenames: str | None, surname: str | None, expected: str
) -> None:
    assert person_name(forenames, surname) == expected


def test_tidy_name_of_a_whole_name() -> None:
    assert tidy_name("charles freeman") == "Charles Freeman"
    assert tidy_name(None) == ""


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("FLAT 2 24 ANNE DRIVE | L159TL", None, "Flat 2, 24 Anne Drive, L15 9TL"),
        ("FLAT 2 24 ANNE DRIVE", "L159TL", "Flat 2, 24 Anne Drive, L15 9TL"),
        ("10 HIGH ROAD", "e8 1ab", "10 High Road, E8 1AB"),
        ("10 High Road", None, "10 High Road"),
        (None, None, "address not recorded"),
    ],
)
def test_address_reads_like_a_letter_never_like_the_key(line: str | None, code: str | None, expected: str) -> None:
    assert address(line, code) == expected


def test_address_with_line_two_and_town() -> None:
    assert address("3 ACACIA AVENUE", "N1 2AB", None, "LONDON") == "3 Acacia Avenue, London, N1 2AB"
    assert postcode("n12ab") == "N1 2AB" and postcode("BFPO 1") == "BFPO1"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("health_births", "health"),
        ("csc_referrals", "children's social care"),
        ("childrens_social_care", "children's social care"),
        ("police_visits", "police"),
        ("gp_practice", "GP practice"),
        ("disclosures", "police"),
        ("Homerton University Hospital", "Homerton University Hospital"),
        ("HOMERTON HOSPITAL", "Homerton Hospital"),
        ("NSPCC", "NSPCC"),
        (None, "agency not recorded"),
    ],
)
def test_agency_is_a_named_agency_never_a_feed_or_a_code(raw: str | None, expected: str) -> None:
    assert agency(raw) == expected


def test_every_feed_belongs_to_the_agency_its_catalogue_gives() -> None:
    """Fails when a feed is added whose name does not say its agency and FEEDS does not list it."""
    for name, feed in load_spec().feeds.items():
        assert agency_of_feed(name) == feed.agency, name
        assert agency(name) != name or name == feed.agency


def test_dates_and_periods_in_words() -> None:
    assert date(dt.date(2024, 3, 3)) == "3 March 2024"
    assert date(dt.datetime(2024, 3, 3, 14, 5)) == "3 March 2024"
    assert date("2024-03-03") == "3 March 2024"
    assert date(None) == "date not recorded" and date(None, missing="") == ""
    assert period(dt.date(2020, 1, 1), dt.date(2023, 1, 1), AS_OF) == "from 1 January 2020 to 1 January 2023"
    assert period(dt.date(2020, 1, 1), None, AS_OF) == "since 1 January 2020"
    assert period(dt.date(2020, 1, 1), dt.date(2030, 1, 1), AS_OF) == "since 1 January 2020, until 1 January 2030"
    assert period(None, None) == ""


def test_ages_in_years_and_a_baby_in_months() -> None:
    assert age(dt.date(2017, 1, 1), AS_OF) == "7"
    assert age(dt.date(2024, 7, 30), AS_OF) == "5 months"
    assert age(dt.date(2024, 12, 10), AS_OF) == "3 weeks"
    assert age(dt.date(2025, 2, 1), AS_OF) == "not yet born"
    assert age(None, AS_OF) == "age unknown"
    assert age_years(dt.date(2006, 12, 31), AS_OF) == 18 and age_years(dt.date(2007, 1, 1), AS_OF) == 17


def test_offence_categories_and_yes_no() -> None:
    assert offence("indecent_images") == "indecent images of children"
    assert offence("new_kind") == "new kind" and offence(None) == "offence not recorded"
    assert (yes_no(True), yes_no("N"), yes_no(None)) == ("yes", "no", "not recorded")


def test_every_offence_category_in_the_catalogue_has_words() -> None:
    field = next(f for f in load_spec().feeds["police_convictions"].columns if f.name == "offence_category")
    assert set(field.values or ()) <= set(OFFENCE_CATEGORIES)


def _relationship_types() -> set[str]:
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for room in ("loaders", "linkage", "notes", "explorer", "graph")
        for p in (ROOT / room).rglob("*.cypher")
    )
    declared = {r.type for feed in load_spec().feeds.values() for r in feed.relationships}
    return declared | set(re.findall(r"\[[a-z_0-9]*:([A-Z_]+)", text))


def test_every_relationship_type_in_the_schema_has_plain_words() -> None:
    """Fails when a loader, linkage or note statement writes a relationship type the chart would show raw."""
    types = _relationship_types()
    assert {"ASSESSED_IN", "LIVES_AT", "PARENT_OF"} <= types
    assert sorted(types - set(RELATIONSHIPS)) == []
    assert relationship("ASSESSED_IN") == "had a risk assessment"
    assert relationship("NEW_THING") == "new thing"


def test_every_family_relationship_value_has_words() -> None:
    spec = load_spec()
    values = {
        v
        for feed in spec.feeds.values()
        for f in feed.columns
        if f.name in {"relationship", "rela_relationship"}
        for v in f.values or ()
    }
    assert values and values <= set(KINSHIP)
    assert kinship("cousin_child") == "cousin's child" and kinship("ex_partner") == "ex-partner"


def test_every_signal_of_the_library_has_a_name() -> None:
    assert {q.signal for q in load_library().values()} <= set(SIGNALS)
    for signal in SIGNALS:
        assert signal_name(signal) != signal
    assert signal_label("S1") == "Child at an offender's address (S1)"


def test_every_feed_has_words_for_its_records_and_every_condition_code_too() -> None:
    """Fails when a feed is added without saying what one of its records is called."""
    spec = load_spec()
    assert set(spec.feeds) <= set(RECORDS)
    assert record("health_births", "BIR1") == "birth record BIR1" and record("police_visits") == "police home visit"
    field = next(f for f in spec.feeds["police_order_conditions"].columns if f.name == "condition_code")
    assert set(field.values) <= set(CONDITIONS)
    assert condition("NO_WORK_WITH_U16") == "no work with under-16s"
    assert code("passed_back") == "passed back" and code("new_code") == "new code"
