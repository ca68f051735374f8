"""S11: a MERLIN or referral that is late, never sent, or passed back without action."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, load_fixture

MERLIN = "s11_merlin_late_or_passed_back"
REFERRAL = "s11_referral_received_late"


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    add_agencies(fx, "JIG1")
    fx.add("agencies", agency_id="MASHPOL", agency_type="mash_police", name="MASH police")
    fx.add("agencies", agency_id="CSC", agency_type="childrens_social_care", name="Children's Social Care")
    add_agencies(fx, "SCH1")
    ids: dict[str, str] = {}
    nominal = ids["nominal"] = add_offender(fx, "Planted")

    def merlin(surname: str, concern: str, created: str, sent: str | None, outcome: str, to: str | None) -> str:
        return fx.add(
            "police_merlin",
            nominal_id=nominal,
            child_surname=surname,
            child_forenames="Sophie",
            child_date_of_birth="2012-05-05",
            concern_date=concern,
            created_date=created,
            sent_date=sent,
            sent_to_agency_id=to,
            outcome=outcome,
            summary="Contact with cousin's children reported at ARMS",
        )

    # planted 1 (3.5, 5.15-5.16): created within days, sent four months later, passed back by the MASH police
    ids["passed_back"] = merlin("Cousin", "2017-03-01", "2017-03-05", "2017-07-01", "passed_back", "MASHPOL")
    # planted 2: created, never sent
    ids["never_sent"] = merlin("Other", "2023-01-01", "2023-01-03", None, "pending", None)
    # decoy 1: sent in five days and shared with children's social care
    merlin("Timely", "2020-01-01", "2020-01-02", "2020-01-06", "shared_with_csc", "CSC")

    def referral(surname: str, concern: str, received: str) -> str:
        child = fx.add("csc_persons", pers_forename="Ben", pers_surname=surname, pers_dob="2014-04-04")
        return fx.add(
            "csc_referrals",
            cine_person_id=child,
            cine_referral_date=received,
            cine_concern_date=concern,
            cine_referral_source_code="school",
            cine_referrer_agency_id="SCH1",
            cine_summary="Neglect concerns raised by setting",
        )

    # planted 3: the school learned of the concern in January; the referral arrived in April
    ids["late_referral"] = referral("Late", "2020-01-10", "2020-04-20")
    # decoy 2: referral ten days after the concern
    referral("Prompt", "2021-03-01", "2021-03-11")
    return fx, ids


def test_late_or_passed_back_merlin_and_late_referral_are_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)

    flags = run_query(graph, get_query(MERLIN), {"as_of": "2024-12-31"})
    assert [f.evidence[0].record_id for f in flags] == [ids["passed_back"], ids["never_sent"]]
    passed_back, never_sent = flags
    assert passed_back.subject.key == f"police:{ids['nominal']}"
    assert [c.name for c in passed_back.children] == ["Sophie Cousin"]
    assert f"merlin-child:{ids['passed_back']}" in passed_back.children[0].records
    assert str(passed_back.detected_on) == "2017-07-01"
    assert {"key": "MASHPOL", "name": "MASH police"} in [a.to_json() for a in passed_back.agencies]
    assert "passed back" in passed_back.summary
    assert str(never_sent.detected_on) == "2023-02-01"  # concern + 31 days
    assert "not sent" in never_sent.summary

    flags = run_query(graph, get_query(REFERRAL), {"as_of": "2024-12-31"})
    assert [f.evidence[0].record_id for f in flags] == [ids["late_referral"]]
    assert [c.name for c in flags[0].children] == ["Ben Late"]
    assert [a.to_json() for a in flags[0].agencies] == [{"key": "SCH1", "name": "Example Primary"}]
    assert "101 days" in flags[0].summary


def test_replaying_before_the_delay_shows_raises_nothing(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)
    # within 30 days of the concern the MERLIN is not yet late, and the late referral is not yet received
    assert run_query(graph, get_query(MERLIN), {"as_of": "2017-03-30"}) == []
    assert run_query(graph, get_query(REFERRAL), {"as_of": "2020-04-19"}) == []
    # by June 2017 the unsent MERLIN is late, before anyone passes it back
    flags = run_query(graph, get_query(MERLIN), {"as_of": "2017-06-30"})
    assert [f.evidence[0].record_id for f in flags] == [ids["passed_back"]]
    assert "not sent" in flags[0].summary
