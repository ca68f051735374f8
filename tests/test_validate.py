"""Row validation: each rule names the field and says what is wrong."""

from __future__ import annotations

import datetime as dt

from loaders.spec import load_spec
from loaders.validate import nhs_number_is_valid, validate_row
from tests.support.fixture import FeedFixture

NOMINALS = load_spec().feeds["police_nominals"]
BIRTHS = load_spec().feeds["health_births"]
CONVICTIONS = load_spec().feeds["police_convictions"]
ORDERS = load_spec().feeds["police_orders"]
GP = load_spec().feeds["health_gp_registrations"]
GOOD = {
    "nominal_id": "N1",
    "surname": "Examplar",
    "forenames": "Jonah",
    "date_of_birth": "1984-03-07",
    "sex": "M",
    "mappa_category": "1",
    "mappa_level": "1",
    "risk_level": "medium",
    "managing_team_id": "T1",
    "offender_manager_id": "",
}


def problems(feed, **changes: str) -> dict[str, str]:
    row, found = validate_row(feed, {**GOOD, **changes} if feed is NOMINALS else changes)
    assert (row is None) == bool(found)
    return dict(found)


def test_a_good_row_is_typed() -> None:
    row, found = validate_row(NOMINALS, GOOD)
    assert found == []
    assert row is not None and row["date_of_birth"].isoformat() == "1984-03-07"
    assert row["offender_manager_id"] is None


def test_dates_must_be_real_iso_dates() -> None:
    assert "not a real date" in problems(NOMINALS, date_of_birth="1984-02-30")["date_of_birth"]
    assert "yyyy-mm-dd" in problems(NOMINALS, date_of_birth="07/03/1984")["date_of_birth"]


def test_required_enum_and_length_rules() -> None:
    assert problems(NOMINALS, surname="  ")["surname"] == "required value is empty"
    assert "allowed values" in problems(NOMINALS, risk_level="none")["risk_level"]
    assert "at most 200" in problems(NOMINALS, surname="x" * 201)["surname"]


def test_several_problems_are_all_reported() -> None:
    found = problems(NOMINALS, sex="X", mappa_level="9", managing_team_id="")
    assert set(found) == {"sex", "mappa_level", "managing_team_id"}


def test_nhs_numbers_and_postcodes() -> None:
    assert nhs_number_is_valid("9434765919")
    assert not nhs_number_is_valid("9434765918")
    base = {
        "registration_id": "R1",
        "nhs_number": "9434765919",
        "surname": "A",
        "forenames": "B",
        "date_of_birth": "2016-05-01",
        "practice_id": "GP1",
        "registered_from": "2016-05-02",
        "postcode": "e8 1ab",
    }
    row, found = validate_row(GP, base)
    assert found == [] and row is not None and row["postcode"] == "E8 1AB"
    assert "NHS number" in problems(GP, **{**base, "nhs_number": "1234567890"})["nhs_number"]
    assert "postcode" in problems(GP, **{**base, "postcode": "NOT A CODE"})["postcode"]


def row_of(feed_name: str, **values: str) -> dict[str, str]:
    """A valid row of a feed (the fixture's defaults) with `values` changed."""
    fx = FeedFixture()
    fx.add(feed_name, **values)
    return fx.rows[feed_name][-1]


def test_placeholder_nhs_numbers_are_nobodys() -> None:
    """Two GP registrations with 0000000000 (it passes the check digit) became one Person."""
    for placeholder in ("0000000000", "1111111111", "9999999999", "000 000 0000"):
        found = dict(validate_row(GP, row_of("health_gp_registrations", nhs_number=placeholder))[1])
        assert "placeholder NHS number" in found["nhs_number"]
    csc = load_spec().feeds["csc_persons"]
    row, found = validate_row(csc, row_of("csc_persons", pers_common_child_id="0000000000"))
    assert found == [] and row is not None and row["pers_common_child_id"] is None  # optional: not recorded


def test_events_after_today_are_refused_but_ends_and_plans_may_lie_ahead() -> None:
    """A date of birth in 2090 and a conviction in 2031 loaded silently."""
    assert "after today" in problems(NOMINALS, date_of_birth="2090-03-07")["date_of_birth"]
    today = dt.date(2026, 1, 1)
    convicted = validate_row(CONVICTIONS, row_of("police_convictions", conviction_date="2031-01-01"), today)[1]
    assert "after today" in dict(convicted)["conviction_date"]
    assert validate_row(ORDERS, row_of("police_orders", end_date="2035-01-01"), today)[1] == []


def test_a_baby_recorded_as_its_own_mother_is_refused() -> None:
    row = row_of("health_births", child_nhs_number="9434765919", mother_nhs_number="9434765919")
    assert "one person recorded as two" in dict(validate_row(BIRTHS, row)[1])["mother_nhs_number"]


def test_control_characters_in_names_and_keys_are_refused() -> None:
    assert "control character (0x00)" in problems(NOMINALS, surname="Exam\x00plar")["surname"]
    assert "control character (0x1b)" in problems(NOMINALS, nominal_id="N\x1b[31m1")["nominal_id"]
    assert problems(NOMINALS, forenames="Jonah") == {}


def test_records_without_a_date_of_birth_or_a_known_parent_load() -> None:
    """Issue 11 class 6: an employer's return without a date of birth, a birth with neither parent known,
    and a police alias without one are rows agencies really hold; each loads (a missing id still fails)."""
    spec = load_spec()
    employment = {"employment_id": "E1", "surname": "Okafor", "forenames": "Jide", "employer_id": "EMP1"}
    employment |= {"job_title": "Driver", "contact_with_children": "N", "start_date": "2022-01-10"}
    assert problems(spec.feeds["employment"], **employment) == {}
    birth = {"birth_id": "B1", "child_nhs_number": "9993122912", "child_surname": "Unknown"}
    birth |= {"date_of_birth": "2022-09-14", "hospital_id": "H1"}
    assert problems(spec.feeds["health_births"], **birth) == {}
    alias = {
        "alias_id": "A1",
        "nominal_id": "N1",
        "surname": "OKAFOR",
        "forenames": "Jide",
        "recorded_date": "2015-07-08",
    }
    assert problems(spec.feeds["police_aliases"], **alias) == {}
    assert "alias_id" in problems(spec.feeds["police_aliases"], **{**alias, "alias_id": ""})
