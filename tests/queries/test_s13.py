"""S13: disguised compliance: recorded as "engaging well" while concealing a child or breaching conditions."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, add_order, load_fixture

QUERY = "s13_disguised_compliance"


def offender(fx: FeedFixture, surname: str, dob: str = "1985-04-02") -> str:
    """A nominal of team JIG1 under notification requirements from mid-2014."""
    return add_offender(fx, surname, dob=dob, notified_until="2029-06-01")


def visit(fx: FeedFixture, nominal: str, day: str, engagement: str = "engaging well") -> str:
    return fx.add(
        "police_visits",
        nominal_id=nominal,
        visit_date=day,
        visit_type="home_visit",
        engagement=engagement,
        summary="Engaging well; lives alone; no changes in circumstances reported",
    )


def birth(fx: FeedFixture, surname: str, father_dob: str, day: str, child: str = "Lily") -> str:
    """A baby whose birth record names the nominal (Adam <surname>, born father_dob) as father."""
    return fx.add(
        "health_births",
        child_nhs_number=fx.nhs(),
        child_surname=surname,
        child_forenames=child,
        date_of_birth=day,
        mother_nhs_number=fx.nhs(),
        father_surname=surname,
        father_forenames="Adam",
        father_date_of_birth=father_dob,
        hospital_id="HOS1",
    )


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "PDU1", "HOS1", "SUP1")
    ids: dict[str, str] = {}

    # planted 1 (5.28): a child born in March 2019 that police never record; "engaging well" in April.
    # The January visit came before the birth: the flag is the first visit on a day a reason holds.
    concealed = offender(fx, "Concealed")
    visit(fx, concealed, "2019-01-10")
    ids["birth"] = birth(fx, "Concealed", "1985-04-02", "2019-03-01")
    ids["concealed_visit"] = visit(fx, concealed, "2019-04-20")
    ids["concealed"] = concealed

    # planted 2: a missed annual notification, then "engaging well" at probation supervision (the probation
    # case is the same man, linked by name and date of birth)
    missed = offender(fx, "Missed", dob="1979-07-07")
    ids["notification"] = fx.add(
        "police_notifications",
        nominal_id=missed,
        notification_type="annual",
        due_date="2020-05-01",
        outcome="missed",
    )
    crn = fx.add(
        "probation_cases",
        surname="Missed",
        forenames="Adam",
        date_of_birth="1979-07-07",
        agency_id="PDU1",
        start_date="2019-01-01",
    )
    ids["contact"] = fx.add(
        "probation_contacts",
        contact_id="PRC1",
        crn=crn,
        contact_date="2020-09-01",
        contact_type="supervision",
        engagement="engaging well",
    )
    ids["missed"] = missed

    # planted 3 (3.22): a supermarket job with under-16 staff while his SOPO forbids it, "engaging well" a
    # year into the job
    worker = offender(fx, "Worker", dob="1982-02-02")
    add_order(fx, worker, "NO_WORK_WITH_U16", "No work", start="2016-01-01")
    ids["job"] = fx.add(
        "employment",
        surname="Worker",
        forenames="Adam",
        date_of_birth="1982-02-02",
        employer_id="SUP1",
        job_title="Customer assistant",
        contact_with_children="Y",
        start_date="2021-01-01",
    )
    ids["worker_visit"] = visit(fx, worker, "2022-03-01")
    ids["worker"] = worker

    # decoy 1 (genuinely open): the birth reported and recorded by police as his child the next day
    open_ = offender(fx, "Open", dob="1990-09-09")
    birth(fx, "Open", "1990-09-09", "2019-03-01", child="Rose")
    fx.add(
        "police_associates",
        nominal_id=open_,
        relationship="child",
        surname="Open",
        forenames="Rose",
        date_of_birth="2019-03-01",
        recorded_date="2019-03-02",
    )
    visit(fx, open_, "2019-04-20")

    # decoy 2: the missed notification is more than a year old when he is recorded as engaging well
    old = offender(fx, "Old", dob="1975-05-05")
    fx.add("police_notifications", nominal_id=old, notification_type="annual", due_date="2018-01-01", outcome="missed")
    visit(fx, old, "2020-06-01")

    # decoy 3: a concealed birth, but the officer recorded only partial engagement
    partial = offender(fx, "Partial", dob="1988-08-08")
    birth(fx, "Partial", "1988-08-08", "2019-03-01", child="Jack")
    visit(fx, partial, "2019-04-20", engagement="partial")

    # decoy 4: a child-facing job that began after his order expired
    expired = offender(fx, "Expired", dob="1970-01-01")
    add_order(fx, expired, "NO_WORK_WITH_U16", "No work", start="2014-01-01", end="2019-01-01")
    fx.add(
        "employment",
        surname="Expired",
        forenames="Adam",
        date_of_birth="1970-01-01",
        employer_id="SUP1",
        job_title="Customer assistant",
        contact_with_children="Y",
        start_date="2020-01-01",
    )
    visit(fx, expired, "2021-06-01")
    return fx, ids


def test_engaging_well_while_concealing_or_breaching_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)

    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{ids[k]}" for k in ("concealed", "missed", "worker")]
    concealed, missed, worker = flags

    # the first "engaging well" on a day the concealment holds, with the birth record as the reason
    assert str(concealed.detected_on) == "2019-04-20"
    assert {(e.feed, e.record_id) for e in concealed.evidence} == {
        ("police_visits", ids["concealed_visit"]),
        ("health_births", ids["birth"]),
    }
    assert [c.name for c in concealed.children] == ["Lily Concealed"]
    assert [a.to_json() for a in concealed.agencies] == [{"key": "JIG1", "name": "Jigsaw 1"}]
    assert "concealed the birth of Lily Concealed" in concealed.summary

    assert {(e.feed, e.record_id) for e in missed.evidence} == {
        ("probation_contacts", ids["contact"]),
        ("police_notifications", ids["notification"]),
    }
    assert [a.to_json() for a in missed.agencies] == [{"key": "PDU1", "name": "Probation Unit 1"}]

    assert str(worker.detected_on) == "2022-03-01"
    assert {e.feed for e in worker.evidence} == {"police_visits", "employment"}
    assert ("employment", ids["job"]) in {(e.feed, e.record_id) for e in worker.evidence}


def test_replaying_before_the_disguised_compliance_raises_nothing(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)
    # 2019-04-19: the birth has happened, but the only "engaging well" so far came before it
    assert run_query(graph, get_query(QUERY), {"as_of": "2019-04-19"}) == []
    # a 100-day look-back no longer reaches the notification missed 122 days before the probation contact
    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31", "lookback_days": 100})
    assert [f.subject.key for f in flags] == [f"police:{ids[k]}" for k in ("concealed", "worker")]
