"""Address keys (issue 11, class 1): every way agencies write one dwelling folds to one key, and two dwellings
never share one. Pairs are (police form, other agency's form), as the hand-written cases record them."""

from __future__ import annotations

import pytest

from linkage.addresses import address_merges
from loaders.addresses import address_key, canonical_line1

SAME = [
    ("Flat 6, Beresford Court, Lightwood Road", "6 Beresford Court, Lightwood Rd"),
    ("Flat 6, Beresford Court, Lightwood Road", "Apartment 6 Beresford Ct, Lightwood Rd."),
    ("Flat 6, Beresford Court", "Beresford Court Flat 6"),
    ("Flat 6A Beresford Court", "Apt 6A, Beresford Ct"),
    ("Unit 3, 4 Mill Lane", "Flat 3, 4 Mill Ln"),
    ("Flat No. 2, 10 High Road", "2/10 High Rd"),
    ("Flat 2, 10 High Road", "10 HIGH ROAD FLAT 2"),
    ("12 St John's Road", "12 St Johns Rd"),
    ("4 Acacia Avenue", "4 acacia ave"),
    ("9 Elm Close", "9, Elm Cl."),
    ("1 Rose Drive", "1 Rose Dr"),
    ("8 Kings Gardens", "8 Kings Gdns"),
    ("3 Moor Crescent", "3 Moor Cres"),
    ("5 Bell Place", "5 Bell Pl"),
    ("7 Park Square", "7 Park Sq"),
    ("2 Bank Terrace", "2 Bank Tce"),
    ("11 Hope Street", "11 Hope St."),
]

DIFFERENT = [
    ("Flat 6, Beresford Court, Lightwood Road", "Flat 7, Beresford Court, Lightwood Road"),
    ("6 Beresford Court, Lightwood Road", "7 Beresford Court, Lightwood Rd"),
    ("Flat 6, Beresford Court", "Beresford Court"),
    ("Flat 2, 10 High Road", "10 High Road"),
    ("Flat 2, 10 High Road", "2 High Road"),
    ("Flat 2, 10 High Road", "Flat 3, 10 High Road"),
    ("10 High Road", "12 High Road"),
    ("10 High Road", "10 High Street"),
    ("6A Beresford Court", "6B Beresford Court"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_written_forms_of_one_dwelling_share_a_key(one: str, other: str) -> None:
    assert address_key(one, None, None, "ST3 4PL") == address_key(other, "Longton", None, "st34pl")


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_dwellings_never_share_a_key(one: str, other: str) -> None:
    assert address_key(one, None, None, "ST3 4PL") != address_key(other, None, None, "ST3 4PL")


def test_postcode_spacing_and_case_fold_but_a_different_postcode_does_not() -> None:
    assert address_key("4 Acacia Avenue", None, None, "e8 1ab") == address_key("4 Acacia Avenue", None, None, "E81AB")
    assert address_key("4 Acacia Avenue", None, None, "E8 1AB") != address_key("4 Acacia Avenue", None, None, "E8 1AD")


def test_saint_after_a_number_is_not_a_street() -> None:
    assert canonical_line1("12 St Johns Rd") == "12 ST JOHNS ROAD"
    assert canonical_line1("6 Beresford Ct, Lightwood Rd") == "6 BERESFORD COURT LIGHTWOOD ROAD"


def _nodes(*keys: str) -> list[dict[str, object]]:
    return [{"key": k, "degree": 1} for k in keys]


def test_a_missing_postcode_folds_when_one_dwelling_fits() -> None:
    bare = address_key("6 Beresford Ct, Lightwood Rd", None, None, None)
    full = address_key("Flat 6, Beresford Court, Lightwood Road", None, None, "ST3 4PL")
    other = address_key("Flat 7, Beresford Court, Lightwood Road", None, None, "ST3 4PL")
    assert address_merges(_nodes(bare, full, other)) == [{"old": bare, "new": full}]


def test_a_missing_postcode_stays_apart_when_two_dwellings_fit() -> None:
    bare = address_key("10 High Road", None, None, "")
    assert address_merges(_nodes(bare, "10 HIGH ROAD | E81AB", "10 HIGH ROAD | N11AA")) == []
    assert address_merges(_nodes(bare, "FLAT 2 10 HIGH ROAD | E81AB")) == []
