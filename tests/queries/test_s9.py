"""S9: order-condition conflicts (child-facing work, unsupervised contact with an under-16)."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_home_address, add_offender, add_order, load_fixture

WORK = "s9_child_contact_work_during_order"
CONTACT = "s9_unsupervised_contact_during_order"


def offender(fx: FeedFixture, surname: str, dob: str, code: str, end: str | None) -> str:
    """A nominal under notification requirements from 2014 with a SOPO from 2015 carrying one prohibition."""
    nominal = add_offender(fx, surname, dob=dob)
    add_home_address(fx, nominal, surname)
    add_order(fx, nominal, code, f"{code} (wording)", start="2015-01-01", end=end)
    return nominal


def job(fx: FeedFixture, surname: str, dob: str, start: str, contact: str = "Y") -> str:
    return fx.add(
        "employment",
        surname=surname,
        forenames="Adam",
        date_of_birth=dob,
        employer_id="SHOP1",
        job_title="Customer assistant",
        contact_with_children=contact,
        start_date=start,
    )


def pupil(fx: FeedFixture, pupil_id: str, forenames: str, dob: str) -> None:
    fx.add(
        "education_enrolments",
        pupil_id=pupil_id,
        surname="Child",
        forenames=forenames,
        date_of_birth=dob,
        setting_id="NUR1",
        start_date="2017-09-01",
    )


def collection(fx: FeedFixture, pupil_id: str, surname: str, day: str, alone: str, who: str = "family_friend") -> str:
    return fx.add(
        "education_collections",
        pupil_id=pupil_id,
        setting_id="NUR1",
        observed_date=day,
        contact_id=f"C-{surname}",
        adult_surname=surname,
        adult_forenames="Adam",
        adult_relationship=who,
        unaccompanied=alone,
    )


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    for agency_id, kind in [("JIG1", "police_team"), ("SHOP1", "employer"), ("NUR1", "nursery")]:
        fx.add("agencies", agency_id=agency_id, agency_type=kind, name=f"Agency {agency_id}")
    ids: dict[str, str] = {}

    # planted (3.23): a supermarket job with under-16 staff while the order forbids such work
    ids["worker"] = offender(fx, "Worker", "1981-01-01", "NO_WORK_WITH_U16", "2020-01-01")
    ids["job"] = job(fx, "Worker", "1981-01-01", "2019-11-01")
    # decoys: a job without contact with children during the order; a child-facing job started after it expired
    offender(fx, "Later", "1982-02-02", "NO_WORK_WITH_U16", "2020-01-01")
    job(fx, "Later", "1982-02-02", "2018-01-01", contact="N")
    job(fx, "Later", "1982-02-02", "2020-03-01")

    # planted (3.22): collects his partner's child from nursery alone while the order forbids it
    ids["collector"] = offender(fx, "Collector", "1983-03-03", "NO_UNSUPERVISED_CONTACT_U16", None)
    pupil(fx, "UPN1", "Sophie", "2015-01-01")
    ids["alone"] = collection(fx, "UPN1", "Collector", "2018-10-10", "Y")
    # decoys: the generator's (a collection with the child's mother), and a 17-year-old collected alone
    collection(fx, "UPN1", "Collector", "2018-10-11", "N")
    pupil(fx, "UPN2", "Tom", "2001-01-01")
    collection(fx, "UPN2", "Collector", "2018-10-12", "Y", who="relative")
    return fx, ids


def test_order_conflicts_are_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)

    (work,) = run_query(graph, get_query(WORK), {"as_of": "2024-12-31"})
    assert work.subject.key == f"police:{ids['worker']}"
    assert ("employment", ids["job"]) in {(e.feed, e.record_id) for e in work.evidence}
    assert "police_orders" in {e.feed for e in work.evidence}
    assert str(work.detected_on) == "2019-11-01"
    assert work.agencies[0].key == "SHOP1"

    (contact,) = run_query(graph, get_query(CONTACT), {"as_of": "2024-12-31"})
    assert contact.subject.key == f"police:{ids['collector']}"
    assert [c.name for c in contact.children] == ["Sophie Child"]
    assert contact.children[0].records == ("upn:UPN1",)
    assert ("education_collections", ids["alone"]) in {(e.feed, e.record_id) for e in contact.evidence}
    assert str(contact.detected_on) == "2018-10-10"

    # replay: before the job started / before the collection, nothing is raised
    assert run_query(graph, get_query(WORK), {"as_of": "2019-10-31"}) == []
    assert run_query(graph, get_query(CONTACT), {"as_of": "2018-10-09"}) == []
