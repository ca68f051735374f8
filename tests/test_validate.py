"""Row validation: each rule names the field and says what is wrong."""

from __future__ import annotations

from loaders.spec import load_spec
from loaders.validate import nhs_number_is_valid, validate_row

NOMINALS = load_spec().feeds["police_nominals"]
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
