"""S4: intelligence says an offender has a child and nothing follows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, load_fixture

QUERY = "s4_intelligence_of_child_nothing_follows"


def offender(fx: FeedFixture, surname: str, dob: str, risk: str = "medium") -> str:
    """A nominal of team JIG1 under notification requirements from mid-2014."""
    return add_offender(fx, surname, forenames="Mark", dob=dob, risk=risk, notified_until="2029-06-01")


def has_child(
    fx: FeedFixture, nominal: str, intel_id: str, day: str, child: tuple[str, str] | None, category: str = "has_child"
) -> None:
    fx.add(
        "police_intelligence",
        intel_id=intel_id,
        nominal_id=nominal,
        report_date=day,
        category=category,
        summary="Family members said he had dropped his daughter off the night before and left",
        mentioned_forenames=child[0] if child else None,
        mentioned_surname=child[1] if child else None,
    )


def build() -> FeedFixture:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "MASH1", "CSC1", "SCH1")

    # planted (review 3.9): recorded on ViSOR, nothing follows. The daughter is named without a date of birth;
    # her school record (unique name) ties her to an identity.
    planted = offender(fx, "Planted", "1984-01-01", risk="low")  # a low risk level never hides a flag
    has_child(fx, planted, "INT1", "2018-03-10", ("Daisy", "Planted"))
    fx.add(
        "education_enrolments",
        pupil_id="UPN1",
        surname="Planted",
        forenames="Daisy",
        date_of_birth="2012-09-09",
        setting_id="SCH1",
        start_date="2016-09-01",
    )

    # decoy 1: a MERLIN about him within days
    merlin = offender(fx, "Merlin", "1980-02-02")
    has_child(fx, merlin, "INT2", "2018-03-10", ("Rose", "Merlin"))
    fx.add(
        "police_merlin",
        merlin_id="MER1",
        nominal_id=merlin,
        child_forenames="Rose",
        child_surname="Merlin",
        concern_date="2018-03-10",
        created_date="2018-03-12",
        sent_date="2018-03-14",
        sent_to_agency_id="CSC1",
        outcome="shared_with_csc",
    )

    # decoy 2: a referral about the child (CSC's own record, linked to the named child by her unique name)
    referred = offender(fx, "Referred", "1978-03-03")
    has_child(fx, referred, "INT3", "2018-03-10", ("Lily", "Referred"))
    fx.add("csc_persons", pers_person_id="PER1", pers_forename="Lily", pers_surname="Referred", pers_dob="2015-01-01")
    fx.add("csc_referrals", cine_person_id="PER1", cine_referral_date="2018-03-20", cine_referral_source_code="police")

    # decoy 3: intelligence of another kind
    other = offender(fx, "Other", "1976-04-04")
    has_child(fx, other, "INT4", "2018-03-10", None, category="other")
    return fx


def test_intelligence_of_a_child_with_nothing_following_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    load_fixture(graph, fx, tmp_path)
    planted = fx.rows["police_nominals"][0]["nominal_id"]

    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{planted}"]
    flag = flags[0]
    assert [c.name for c in flag.children] == ["Daisy Planted"]
    assert set(flag.children[0].records) == {"intel-mention:INT1", "upn:UPN1"}
    assert flag.children[0].dob == dt.date(2012, 9, 9)  # a date, typed once by the runner
    assert (flag.evidence[0].feed, flag.evidence[0].record_id) == ("police_intelligence", "INT1")
    assert str(flag.detected_on) == "2018-03-10"  # raised the day of the intelligence
    assert (flag.severity, flag.status) == ("high", "")
    assert [a.to_json() for a in flag.agencies] == [{"key": "JIG1", "name": "Jigsaw 1"}]


def test_raised_on_the_day_as_awaiting_and_escalated_when_the_window_passes(graph: Graph, tmp_path: Path) -> None:
    """Raise on the day (issue 11 class 5): each report shows on its day, awaiting a MERLIN or referral (the
    decoys until theirs come), and escalates when the 30 days pass with nothing; the key holds."""
    load_fixture(graph, build(), tmp_path)
    assert run_query(graph, get_query(QUERY), {"as_of": "2018-03-09"}) == []  # before the intelligence
    on_day = {f.subject.name: f for f in run_query(graph, get_query(QUERY), {"as_of": "2018-03-10"})}
    assert sorted(on_day) == ["Mark Merlin", "Mark Planted", "Mark Referred"]
    assert {f.status for f in on_day.values()} == {"awaiting a MERLIN or referral by 2018-04-09"}
    assert {f.severity for f in on_day.values()} == {"medium"}
    # the MERLIN of 2018-03-12 and the referral of 2018-03-20 end the decoys' wait
    assert [f.subject.name for f in run_query(graph, get_query(QUERY), {"as_of": "2018-03-20"})] == ["Mark Planted"]
    (last_day,) = run_query(graph, get_query(QUERY), {"as_of": "2018-04-09"})
    (after,) = run_query(graph, get_query(QUERY), {"as_of": "2018-04-10"})
    assert (last_day.severity, after.severity, after.status) == ("medium", "high", "")
    assert on_day["Mark Planted"].key == last_day.key == after.key


def test_a_report_naming_no_child_names_his_children_known_that_day(graph: Graph, tmp_path: Path) -> None:
    """Class 9: "dropped his daughter off" names no one; the flag names his children on the records that day
    (police record Ella as his child), never a child born after the report."""
    fx = FeedFixture()
    add_agencies(fx, "JIG1")
    nominal = offender(fx, "Unnamed", "1984-01-01")
    has_child(fx, nominal, "INT9", "2018-03-10", None)
    for name, dob, recorded in (("Ella", "2014-02-02", "2016-01-01"), ("Finn", "2019-01-01", "2019-02-01")):
        fx.add(
            "police_associates",
            nominal_id=nominal,
            relationship="child",
            surname="Unnamed",
            forenames=name,
            date_of_birth=dob,
            recorded_date=recorded,
        )
    load_fixture(graph, fx, tmp_path)
    (flag,) = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [c.name for c in flag.children] == ["Ella Unnamed"]
    assert "Ella Unnamed" in flag.summary and "police_associates" in {e.feed for e in flag.evidence}


def test_a_merlin_after_the_window_does_not_count(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    planted = fx.rows["police_nominals"][0]["nominal_id"]
    fx.add(
        "police_merlin",
        merlin_id="MER2",
        nominal_id=planted,
        child_forenames="Daisy",
        child_surname="Planted",
        concern_date="2018-03-10",
        created_date="2018-04-10",
        outcome="pending",
    )
    load_fixture(graph, fx, tmp_path)
    assert len(run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})) == 1
