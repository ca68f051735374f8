"""S7: a risk assessment is overdue, or a significant change is not followed by a reassessment."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_home_address, add_offender, load_fixture

OVERDUE = "s7_risk_assessment_overdue"
CHANGE = "s7_change_without_reassessment"


def offender(fx: FeedFixture, surname: str, dob: str) -> str:
    """A nominal of team JIG1 under notification requirements from 2014, first registered at home then."""
    nominal = add_offender(fx, surname, dob=dob)
    add_home_address(fx, nominal, surname)
    return nominal


def arms(fx: FeedFixture, nominal: str, day: str, due: str | None = None) -> str:
    return fx.add(
        "police_risk_assessments",
        nominal_id=nominal,
        assessment_date=day,
        tool="ARMS",
        risk_level="low",
        next_due_date=due,
    )


def partner(fx: FeedFixture, nominal: str, day: str) -> str:
    return fx.add(
        "police_associates",
        nominal_id=nominal,
        relationship="partner",
        surname="Partner",
        forenames="Rose",
        date_of_birth="1990-01-01",
        recorded_date=day,
    )


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    add_agencies(fx, "JIG1")
    fx.add("agencies", agency_id="PDU1", agency_type="probation", name="Probation 1")
    ids: dict[str, str] = {}

    # overdue (planted): the ARMS due on 2016-01-10 is done only on 2016-06-01 (a low risk never hides it)
    late = ids["late"] = offender(fx, "Late", "1981-01-01")
    ids["late_arms"] = arms(fx, late, "2015-01-10", "2016-01-10")
    arms(fx, late, "2016-06-01")
    # overdue decoy: each assessment done before the last one's due date
    on_time = offender(fx, "Ontime", "1982-02-02")
    arms(fx, on_time, "2015-01-10", "2016-01-10")
    arms(fx, on_time, "2016-01-05", "2017-01-05")
    arms(fx, on_time, "2016-12-20")

    # change (planted): a new partner recorded by police and reported to probation on the same day, and no
    # reassessment within 90 days (one flag for the day, both records as evidence)
    changed = ids["changed"] = offender(fx, "Changed", "1983-03-03")
    arms(fx, changed, "2015-06-01")
    ids["changed_partner"] = partner(fx, changed, "2016-03-01")
    crn = fx.add(
        "probation_cases",
        surname="Changed",
        forenames="Adam",
        date_of_birth="1983-03-03",
        agency_id="PDU1",
        start_date="2015-01-01",
    )
    ids["changed_contact"] = fx.add(
        "probation_contacts", crn=crn, contact_date="2016-03-01", new_partner_reported="Y", contact_type="supervision"
    )
    arms(fx, changed, "2016-09-01")
    # change decoy 1 (the generator's decoy): a new partner, reassessed within weeks
    reassessed = offender(fx, "Reassessed", "1984-04-04")
    arms(fx, reassessed, "2015-06-01")
    partner(fx, reassessed, "2016-03-01")
    arms(fx, reassessed, "2016-04-01")
    # change decoy 2: his first registered address is where management began, not a change; a later
    # ex-partner or friend is not a significant change either
    settled = offender(fx, "Settled", "1985-05-05")
    arms(fx, settled, "2015-06-01")
    fx.add(
        "police_associates",
        nominal_id=settled,
        relationship="friend",
        surname="Friend",
        forenames="Sam",
        recorded_date="2016-03-01",
    )
    return fx, ids


def test_overdue_assessment_and_unreassessed_change_are_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)

    overdue = run_query(graph, get_query(OVERDUE), {"as_of": "2017-06-30"})
    assert [f.subject.key for f in overdue] == [f"police:{ids['late']}"]
    assert ("police_risk_assessments", ids["late_arms"]) in {(e.feed, e.record_id) for e in overdue[0].evidence}
    assert str(overdue[0].detected_on) == "2016-01-11"
    assert overdue[0].children == ()
    assert [a.to_json() for a in overdue[0].agencies] == [{"key": "JIG1", "name": "Jigsaw 1"}]

    change = run_query(graph, get_query(CHANGE), {"as_of": "2017-06-30"})
    assert [f.subject.key for f in change] == [f"police:{ids['changed']}"]
    evidence = {(e.feed, e.record_id) for e in change[0].evidence}
    assert {("police_associates", ids["changed_partner"]), ("probation_contacts", ids["changed_contact"])} <= evidence
    assert str(change[0].detected_on) == "2016-03-01"  # raised on the day of the change
    assert (change[0].severity, change[0].status) == ("high", "")

    # replay: before the due date passes nothing is overdue
    assert run_query(graph, get_query(OVERDUE), {"as_of": "2016-01-10"}) == []


def test_a_change_is_raised_on_the_day_awaiting_and_escalates_when_the_window_passes(
    graph: Graph, tmp_path: Path
) -> None:
    """Raise on the day (issue 11 class 5): the new partner shows on 2016-03-01 as awaiting a reassessment, and
    escalates after 90 days with none; the decoy reassessed within weeks shows only until its assessment."""
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)
    query = get_query(CHANGE)
    assert run_query(graph, query, {"as_of": "2016-02-29"}) == []
    on_day = {f.subject.name: f for f in run_query(graph, query, {"as_of": "2016-03-01"})}
    assert sorted(on_day) == ["Adam Changed", "Adam Reassessed"]
    assert {(f.severity, f.status) for f in on_day.values()} == {("medium", "awaiting a reassessment by 2016-05-30")}
    assert [f.subject.key for f in run_query(graph, query, {"as_of": "2016-04-01"})] == [f"police:{ids['changed']}"]
    (last_day,) = run_query(graph, query, {"as_of": "2016-05-30"})
    (after,) = run_query(graph, query, {"as_of": "2016-05-31"})
    assert (last_day.severity, after.severity, after.status) == ("medium", "high", "")
    assert on_day["Adam Changed"].key == last_day.key == after.key
