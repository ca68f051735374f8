"""A flag in plain words (explorer/flagtext.py): unit tests, no Neo4j."""

from __future__ import annotations

import datetime as dt

from explorer import flagtext
from queries.flags import Agency, Evidence, Flag, Person
from tests.support.keys import INTERNAL


def _flag(summary: str, evidence: tuple[Evidence, ...] = ()) -> Flag:
    return Flag(
        "s1_child_at_offender_address",
        "S1",
        "high",
        "t",
        children=(Person("identity:nhs:1", "amy brown", records=("nhs:1",)),),
        subject=Person("police:N1", "JOHN SMITH"),
        people=(Person("police:N1", "JOHN SMITH", role="offender (father)"),),
        agencies=(Agency("HOSP1", "Elm Hospital"),),
        evidence=evidence,
        summary=summary,
    )


def test_keys_codes_and_dates_become_words() -> None:
    """Fails when a record key, an address key, a feed name, a code or an ISO date reaches the analyst."""
    flag = _flag(
        "amy brown lives at FLAT 2 24 ANNE DRIVE | L159TL where JOHN SMITH stays (nhs:1, identity:nhs:1, "
        "person|identity:nhs:1, birth-father:BIR9, police_visits VIS12) since 2020-01-02; outcome passed_back; "
        "NO_WORK_WITH_U16"
    )
    text = flagtext.reason(flag)
    assert text == (
        "Amy Brown lives at Flat 2, 24 Anne Drive, L15 9TL where John Smith stays (Amy Brown, Amy Brown, Amy Brown, "
        "John Smith, police home visit VIS12) since 2 January 2020; outcome passed back; no work with under-16s"
    )
    assert not any(p.search(text) for p in INTERNAL.values())


def test_evidence_names_the_agency_and_the_record() -> None:
    birth = Evidence("health", "health_births", "BIR9", dt.date(2023, 5, 18), "birth at Elm Hospital")
    visit = Evidence("police", "police_visits", "VIS1", dt.date(2023, 6, 1), "home_visit: engaging well")
    frame = flagtext.evidence(_flag("x", (birth, visit)), {"VIS1": "Jigsaw 1"})
    rows = frame.to_dict("records")
    assert [(r["date"], r["agency"], r["record"]) for r in rows] == [
        ("18 May 2023", "Elm Hospital", "birth record BIR9"),
        ("1 June 2023", "Jigsaw 1", "police home visit VIS1"),
    ]
    assert rows[1]["what it says"] == "home visit: engaging well"
    assert flagtext.action(_flag("x")).startswith("Refer")  # the saved query's metadata
