"""S12: a case closed without telling every agency working with the child, or silent on live order conditions."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, add_order, load_fixture

QUERY = "s12_closure_not_shared_or_silent_on_conditions"


def offender(fx: FeedFixture, surname: str, dob: str, order_end: str | None = None) -> str:
    """A nominal of team JIG1 under notification requirements from 2014, with a SOPO and its conditions."""
    nominal = add_offender(fx, surname, dob=dob)
    add_order(
        fx,
        nominal,
        "NO_UNSUPERVISED_CONTACT_U16",
        "No unsupervised contact with any child under 16",
        start="2014-06-01",
        end=order_end,
    )
    return nominal


def child(fx: FeedFixture, surname: str, father: tuple[str, str] | None) -> tuple[str, str]:
    """A child born 2015 (birth record naming `father` = (surname, dob)), with GP1 and SCH1 and a CSC record
    carrying the NHS number; returns (nhs number, CSC person id)."""
    nhs = fx.nhs()
    fx.add(
        "health_births",
        child_nhs_number=nhs,
        child_surname=surname,
        child_forenames="Joe",
        date_of_birth="2015-02-02",
        mother_nhs_number=fx.nhs(),
        father_surname=father[0] if father else None,
        father_forenames="Adam" if father else None,
        father_date_of_birth=father[1] if father else None,
        hospital_id="HOS1",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=nhs,
        surname=surname,
        forenames="Joe",
        date_of_birth="2015-02-02",
        practice_id="GP1",
        registered_from="2015-02-10",
    )
    fx.add(
        "education_enrolments",
        pupil_id=f"UPN{surname}",
        surname=surname,
        forenames="Joe",
        date_of_birth="2015-02-02",
        setting_id="SCH1",
        start_date="2019-09-01",
    )
    person = fx.add(
        "csc_persons", pers_forename="Joe", pers_surname=surname, pers_dob="2015-02-02", pers_common_child_id=nhs
    )
    return nhs, person


def closed(fx: FeedFixture, person: str, includes_conditions: bool, recipients: list[str]) -> str:
    referral = fx.add(
        "csc_referrals",
        cine_person_id=person,
        cine_referral_date="2020-01-10",
        cine_concern_date="2020-01-07",
        cine_referral_source_code="police",
        cine_summary="Nominal's child: notification",
    )
    closure = fx.add(
        "csc_closures",
        cine_referral_id=referral,
        closure_date="2020-03-01",
        closure_reason="Assessment complete, no further action",
        summary_includes_conditions="Y" if includes_conditions else "N",
        summary="They have not raised any concern in regard to the father. The parents engaged well.",
    )
    for agency in recipients:
        fx.add("csc_closure_recipients", closure_id=closure, agency_id=agency, sent_date="2020-03-02")
    return closure


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1", "SCH1", "HOS1", "HV1")
    ids: dict[str, str] = {}

    # planted (3.20, 5.33): his child's case is closed; the summary goes to the GP only (not the school, not
    # the health visitor who saw the child in the year before) and says nothing of the live SOPO conditions
    ids["planted"] = offender(fx, "Planted", "1985-04-02")
    nhs, person = child(fx, "Planted", ("Planted", "1985-04-02"))
    fx.add("health_contacts", nhs_number=nhs, contact_date="2019-06-01", agency_id="HV1", contact_type="health_visit")
    ids["child"] = person
    ids["closure"] = closed(fx, person, includes_conditions=False, recipients=["GP1"])

    # decoy 1: the same closure done properly: every agency told, conditions stated
    offender(fx, "Proper", "1980-01-01")
    _, person = child(fx, "Proper", ("Proper", "1980-01-01"))
    closed(fx, person, includes_conditions=True, recipients=["GP1", "SCH1"])

    # decoy 2: a child with no link to any offender: the summary need not state conditions
    _, person = child(fx, "Unlinked", None)
    closed(fx, person, includes_conditions=False, recipients=["GP1", "SCH1"])

    # decoy 3: his order expired before the closure: no live conditions to state
    offender(fx, "Expired", "1975-05-05", order_end="2019-01-01")
    _, person = child(fx, "Expired", ("Expired", "1975-05-05"))
    closed(fx, person, includes_conditions=False, recipients=["GP1", "SCH1"])
    return fx, ids


def test_closure_unsent_and_silent_on_conditions_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)

    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [f.evidence[0].record_id for f in flags] == [ids["closure"]]
    flag = flags[0]
    assert flag.subject.key == f"police:{ids['planted']}"
    assert [c.name for c in flag.children] == ["Joe Planted"]
    assert f"csc:{ids['child']}" in flag.children[0].records
    assert {a.key for a in flag.agencies} == {"SCH1", "HV1"}  # the agencies never told
    assert str(flag.detected_on) == "2020-03-01"
    feeds = {e.feed for e in flag.evidence}
    assert {"csc_closures", "education_enrolments", "health_contacts", "health_births", "police_orders"} <= feeds
    assert "silent on the live order conditions of Adam Planted" in flag.summary


def test_replaying_before_the_closure_raises_nothing(graph: Graph, tmp_path: Path) -> None:
    fx, _ = build()
    load_fixture(graph, fx, tmp_path)
    assert run_query(graph, get_query(QUERY), {"as_of": "2020-02-29"}) == []
