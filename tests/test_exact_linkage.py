"""Exact linkage rules on records in memory (no Neo4j): what they link and, as much, what they must not."""

from __future__ import annotations

import datetime as dt

from linkage.exact import Record, deterministic_pairs
from linkage.names import fold_name, is_placeholder

BORN = dt.date(2019, 5, 1)


def _rec(key: str, surname: str, forenames: str, dob: dt.date | None = BORN, nhs: str | None = None) -> Record:
    return Record(key, fold_name(surname, forenames), dob, nhs, set())


def test_twins_are_not_one_person_by_name_and_birthday() -> None:
    """Issue 11 class 2: "Baby 1" and "Baby 2" Whitlock, one birthday, two NHS numbers became one identity."""
    twins = [_rec("nhs:1", "Whitlock", "Baby 1", nhs="1"), _rec("nhs:2", "Whitlock", "Baby 2", nhs="2")]
    assert deterministic_pairs(twins) == []
    named = [_rec("gp:1", "Whitlock", "Amy", nhs="1"), _rec("gp:2", "Whitlock", "Amy", nhs="2")]
    assert deterministic_pairs(named) == [], "same name and birthday, different NHS numbers: two people"
    either = [*named, _rec("school:1", "Whitlock", "Amy")]
    assert deterministic_pairs(either) == [], "a record without a number could be either twin: not linked"


def test_same_name_and_birthday_still_links_when_numbers_agree_or_are_absent() -> None:
    records = [_rec("gp:1", "O'Neil-Smith", "Jo", nhs="1"), _rec("school:1", "ONEIL SMITH", "jo")]
    assert deterministic_pairs(records) == [("gp:1", "school:1", "same name and date of birth")]


def test_placeholder_forenames_say_nothing() -> None:
    assert all(is_placeholder(n) for n in ("Baby 1", "BABY BOY", "Twin 2", "Unknown", "Not known", "Girl A"))
    assert not any(is_placeholder(n) for n in ("Babette", "Boyd", "Baby Smith", "Chantal", None, ""))
    assert fold_name("Whitlock", "Baby 1") is None and fold_name("Whitlock", "Sam") == "whitlock|sam"
