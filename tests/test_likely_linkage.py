"""Police aliases and likely links of records with part of a name and no date of birth (no Neo4j): "OKAFOR, Mr J"
and "OKAFOR, Jide" at school are the nominal Babajide Oluwaseun OKAFOR (issue 11 classes 1 and 6), and an
unrelated person of the same surname is not."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from linkage import model
from linkage.exact import POLICE_ALIAS, Record, deterministic_pairs
from linkage.likely import likely_pairs
from linkage.names import fold_name, is_short_form, name_agrees
from linkage.prepare import COLUMNS, record_row

HOME, FLAT, ELSEWHERE = "addr:41 harnall row", "addr:flat 9", "addr:2 other street"


def _rec(key: str, surname: str, forenames: str, dob: dt.date | None = None, **kw: object) -> Record:
    return Record(key, fold_name(surname, forenames), dob, None, set(kw.pop("addresses", set())), **kw)  # type: ignore[arg-type]


def _family(*extra: Record) -> list[Record]:
    return [
        _rec("police:N1", "OKAFOR", "Babajide Oluwaseun", dt.date(1983, 2, 19), addresses={FLAT, HOME}),
        _rec("upn:S", "MENSAH", "Samuel", dt.date(2014, 9, 25), addresses={HOME}),
        *extra,
    ]


def test_short_forms_are_leading_or_trailing_syllables() -> None:
    assert is_short_form("jide", "babajide") and is_short_form("tosin", "oluwatosin")
    assert is_short_form("seun", "oluwaseun")
    assert not is_short_form("jo", "joanna"), "two letters say too little"
    assert not is_short_form("bab", "babs"), "a short form is at least two letters shorter"
    assert name_agrees("jide", "babajide") == "short form" and name_agrees("j", "jide") == "initial"
    assert name_agrees("becky", "rebecca") == "nickname" and name_agrees("j", "babajide") is None


def test_an_alias_is_the_nominal_and_names_him_for_exact_linkage() -> None:
    alias = _rec("police-alias:A1", "OKAFOR", "Jide", alias_of="police:N1")
    school = _rec("edu-contact:C2", "OKAFOR", "Jide")
    pairs = deterministic_pairs(_family(alias, school))
    assert ("police-alias:A1", "police:N1", POLICE_ALIAS) in pairs
    assert any(a == "edu-contact:C2" and b in {"police:N1", "police-alias:A1"} for a, b, _ in pairs)


def test_an_initial_of_an_alias_with_a_shared_address_is_a_likely_link() -> None:
    alias = _rec("police-alias:A1", "OKAFOR", "Jide", alias_of="police:N1")
    mr_j = _rec("edu-contact:C1", "OKAFOR", "Mr J", neighbours={"upn:S"})
    records = _family(alias, mr_j)
    found = likely_pairs(records, deterministic_pairs(records))
    assert [(a, b) for a, b, _ in found] == [("edu-contact:C1", "police:N1")]
    assert "initial" in found[0][2] and found[0][2].startswith("probabilistic")


def test_a_short_form_with_a_shared_address_is_a_likely_link_without_an_alias() -> None:
    jide = _rec("edu-contact:C2", "OKAFOR", "Jide", neighbours={"upn:S"})
    records = _family(jide)
    assert [(a, b) for a, b, _ in likely_pairs(records, deterministic_pairs(records))] == [
        ("edu-contact:C2", "police:N1")
    ]


def test_no_likely_link_without_a_shared_address_or_with_two_candidates() -> None:
    far = _rec("edu-contact:C3", "OKAFOR", "Mr B", neighbours={"upn:X"})
    other_child = _rec("upn:X", "SMITH", "Amy", dt.date(2015, 1, 1), addresses={ELSEWHERE})
    records = _family(far, other_child)
    assert likely_pairs(records, deterministic_pairs(records)) == [], "no address shared: not linked"
    brother = _rec("gp:B", "OKAFOR", "Bode", dt.date(1986, 5, 1), addresses={HOME})
    mr_b = _rec("edu-contact:C4", "OKAFOR", "Mr B", neighbours={"upn:S"})
    records = _family(brother, mr_b)
    found = likely_pairs(records, deterministic_pairs(records))
    assert found == [], "two men B. Okafor at the address: a reviewer's call"


def test_a_contact_is_never_linked_to_the_child_it_was_written_about() -> None:
    mrs_s = _rec("edu-contact:C5", "MENSAH", "Mrs S", neighbours={"upn:S"})
    records = _family(mrs_s)
    assert likely_pairs(records, deterministic_pairs(records)) == []


def test_splink_compares_short_forms_as_a_level_of_their_own() -> None:
    """Records with a date of birth are Splink's: "Jide" and "Babajide" meet at a level above "else"."""
    born = dt.date(1983, 2, 19)
    rows = [
        record_row({"key": "police:1", "surname": "OKAFOR", "forenames": "Babajide Oluwaseun", "dob": born}),
        record_row({"key": "gp:1", "surname": "Okafor", "forenames": "Jide", "dob": born}),
        record_row({"key": "gp:2", "surname": "Okafor", "forenames": "Bode", "dob": born}),
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS).astype(object)
    pairs = model.predict(model.linker_for(frame.where(frame.notna(), None), model.default_model()), 0.0)
    level = {frozenset((r.unique_id_l, r.unique_id_r)): r.gamma_first_name for r in pairs.itertuples()}
    assert level[frozenset(("gp:1", "police:1"))] > 0, "Jide is a short form of Babajide"
    assert level[frozenset(("gp:2", "police:1"))] == 0, "Bode is not"
