"""S2: an offender reports or is seen in contact with children and no referral to children's social care follows."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, load_fixture

QUERY = "s2_contact_with_children_no_referral"


def offender(fx: FeedFixture, surname: str, dob: str = "1985-04-02", risk: str = "low") -> str:
    """A nominal of team JIG1 under notification requirements from mid-2014."""
    return add_offender(fx, surname, dob=dob, risk=risk, notified_until="2029-06-01")


def associate(
    fx: FeedFixture, nominal: str, relationship: str, forenames: str, surname: str, dob: str | None, recorded: str
) -> str:
    return fx.add(
        "police_associates",
        nominal_id=nominal,
        relationship=relationship,
        surname=surname,
        forenames=forenames,
        date_of_birth=dob,
        recorded_date=recorded,
    )


def build() -> FeedFixture:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "PDU1", "CSC1")

    # planted (review 3.5): he tells probation he spends weekends with his cousin's children; police hold the
    # children as associates (one without a date of birth); no referral ever reaches children's social care.
    planted = offender(fx, "Planted", risk="low")  # a low risk level never hides a flag
    crn = fx.add(
        "probation_cases",
        surname="Planted",
        forenames="Adam",
        date_of_birth="1985-04-02",
        agency_id="PDU1",
        start_date="2014-06-01",
    )
    fx.add(
        "probation_contacts",
        contact_id="PRC1",
        crn=crn,
        contact_date="2019-03-01",
        contact_type="supervision",
        children_contact_reported="Y",
        summary="Reports spending weekends with his cousin's children",
    )
    associate(fx, planted, "cousin", "Mary", "Cousin", "1984-02-02", "2019-03-01")
    associate(fx, planted, "cousin_child", "Sophie", "Cousin", "2012-05-05", "2019-03-01")
    associate(fx, planted, "cousin_child", "Tom", "Cousin", None, "2019-03-01")  # no dob: benefit of the doubt

    # decoy 1 (5.18, what should happen): seen with children at an ARMS interview, referral within days;
    # CSC knows the child by its own record, linked to the police associate by name and date of birth.
    referred = offender(fx, "Referred", dob="1979-07-07")
    fx.add(
        "police_visits",
        visit_id="VIS1",
        nominal_id=referred,
        visit_date="2019-05-01",
        visit_type="interview",
        children_present="Y",
    )
    associate(fx, referred, "cousin_child", "Amy", "Other", "2013-01-01", "2019-05-01")
    fx.add("csc_persons", pers_person_id="PER1", pers_forename="Amy", pers_surname="Other", pers_dob="2013-01-01")
    fx.add(
        "csc_referrals",
        cine_person_id="PER1",
        cine_referral_date="2019-05-15",
        cine_referral_source_code="police",
        cine_referrer_agency_id="JIG1",
    )

    # decoy 2: intelligence of contact with children before he was under notification requirements
    early = offender(fx, "Early", dob="1970-03-03")
    fx.add(
        "police_intelligence",
        intel_id="INT1",
        nominal_id=early,
        report_date="2013-01-10",
        category="contact_with_children",
        summary="Seen with children at the park",
    )

    # decoy 3: a home visit with no children present
    quiet = offender(fx, "Quiet", dob="1975-05-05")
    fx.add(
        "police_visits",
        visit_id="VIS2",
        nominal_id=quiet,
        visit_date="2019-05-01",
        visit_type="home_visit",
        children_present="N",
    )
    return fx


def test_contact_with_children_without_referral_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    load_fixture(graph, fx, tmp_path)
    planted = fx.rows["police_nominals"][0]["nominal_id"]

    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{planted}"]
    flag = flags[0]
    assert sorted(c.name for c in flag.children) == ["Sophie Cousin", "Tom Cousin"]  # not the adult cousin
    assert (flag.evidence[0].feed, flag.evidence[0].record_id) == ("probation_contacts", "PRC1")
    assert {e.feed for e in flag.evidence} == {
        "probation_contacts",
        "police_notification_periods",
        "police_associates",
    }
    assert str(flag.detected_on) == "2019-03-01"  # raised on the day of the contact
    assert (flag.severity, flag.status) == ("high", "")
    assert {a.key for a in flag.agencies} == {"JIG1", "PDU1"}
    assert "no referral" in flag.summary


def test_raised_on_the_day_as_awaiting_and_escalated_when_the_window_passes(graph: Graph, tmp_path: Path) -> None:
    """Raise on the day (issue 11 class 5): awaiting a referral while the 30 days run, high after; one key."""
    load_fixture(graph, build(), tmp_path)
    planted = "Adam Planted"
    assert [f for f in run_query(graph, get_query(QUERY), {"as_of": "2019-02-28"}) if f.subject.name == planted] == []
    by_day = {}
    for day in ("2019-03-01", "2019-03-31", "2019-04-01"):
        (by_day[day],) = [f for f in run_query(graph, get_query(QUERY), {"as_of": day}) if f.subject.name == planted]
    assert [(f.severity, f.status) for f in by_day.values()] == [
        ("medium", "awaiting a referral by 2019-03-31"),
        ("medium", "awaiting a referral by 2019-03-31"),
        ("high", ""),
    ]
    assert len({f.key for f in by_day.values()}) == 1, "the key holds as the flag escalates"
    assert all(str(f.detected_on) == "2019-03-01" for f in by_day.values())


def test_a_contact_referred_within_the_window_is_awaiting_only_until_the_referral(graph: Graph, tmp_path: Path) -> None:
    """Decoy 1 (seen with Amy on 2019-05-01, referred on 2019-05-15) shows as awaiting until the referral."""
    load_fixture(graph, build(), tmp_path)
    (waiting,) = [
        f for f in run_query(graph, get_query(QUERY), {"as_of": "2019-05-10"}) if f.subject.name != "Adam Planted"
    ]
    assert waiting.status == "awaiting a referral by 2019-05-31" and waiting.severity == "medium"
    assert [c.name for c in waiting.children] == ["Amy Other"]
    assert [f.subject.name for f in run_query(graph, get_query(QUERY), {"as_of": "2019-05-15"})] == ["Adam Planted"]


def test_a_child_born_after_the_contact_is_not_named(graph: Graph, tmp_path: Path) -> None:
    """Class 9: every child named is born on the flag's day (a 2016 contact never lists a 2018 baby)."""
    fx = build()
    planted = fx.rows["police_nominals"][0]["nominal_id"]
    associate(fx, planted, "child", "Baby", "Planted", "2020-01-01", "2020-02-01")
    load_fixture(graph, fx, tmp_path)
    (flag,) = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert sorted(c.name for c in flag.children) == ["Sophie Cousin", "Tom Cousin"]


def test_a_referral_after_the_window_does_not_count(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    fx.add("csc_persons", pers_person_id="PER2", pers_forename="Sophie", pers_surname="Cousin", pers_dob="2012-05-05")
    fx.add("csc_referrals", cine_person_id="PER2", cine_referral_date="2019-04-01", cine_referral_source_code="police")
    load_fixture(graph, fx, tmp_path)
    assert len(run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})) == 1


def test_a_note_of_contact_with_a_child_raises_it_from_a_note(graph: Graph, tmp_path: Path) -> None:
    """Issue 11 class 7: the tick box says no, the probation note says he takes a child to nursery; the flag
    says it comes from a note and cites the sentence."""
    fx = build()
    noted = offender(fx, "Noted", dob="1981-01-01")
    crn = fx.add(
        "probation_cases",
        surname="Noted",
        forenames="Adam",
        date_of_birth="1981-01-01",
        agency_id="PDU1",
        start_date="2014-06-01",
    )
    fx.add(
        "probation_contacts",
        contact_id="PRC9",
        crn=crn,
        contact_date="2019-06-03",
        contact_type="supervision",
        children_contact_reported="N",
        summary="Settled at his new partner's. He takes her son to nursery most mornings.",
    )
    load_fixture(graph, fx, tmp_path)
    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    (flag,) = [f for f in flags if f.subject.key == f"police:{noted}"]
    assert flag.confidence == "from a note" and str(flag.detected_on) == "2019-06-03"
    assert flag.evidence[0].feed == "probation_contacts" and flag.evidence[0].record_id == "PRC9"
    assert "nursery" in flag.evidence[0].what and "described in a note" in flag.summary
    assert all(f.confidence == "" for f in flags if f is not flag), "structured triggers are not from a note"
