"""S1 from a note (issue 11, classes 7 and 3): "stays at his partner's" in a visit note places him at the address of
the partner his records name, on the note's date; the flag says it comes from a note and cites the sentence."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from notes.read import resolve_stays
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import (
    FeedFixture,
    add_agencies,
    add_gp_patient,
    add_home_address,
    add_offender,
    load_fixture,
)

QUERY = "s1_child_at_offender_address"
NOTE = "Flat tidy. Says he stays at his partner's three nights a week. Devices checked."


def noted(fx: FeedFixture, surname: str, street: str, note: str = NOTE, partner_since: str = "2019-01-10") -> str:
    """An offender at home at "1 <surname> Road", a partner recorded by police at `street`, and a home
    visit on 2019-06-03 whose note alone says where he stays; returns the nominal id."""
    nominal = add_offender(fx, surname, notified_until="2029-06-01")
    add_home_address(fx, nominal, surname)
    fx.add(
        "police_associates",
        nominal_id=nominal,
        relationship="partner",
        surname="Partner",
        forenames=f"Eve {surname}",
        date_of_birth="1988-02-02",
        sex="F",
        address_line1=street or None,
        postcode="ZZ1 5AB" if street else None,
        from_date="2018-11-01",
        recorded_date=partner_since,
    )
    fx.add(
        "police_visits",
        nominal_id=nominal,
        visit_date="2019-06-03",
        visit_type="home_visit",
        address_line1=f"1 {surname} Road",
        postcode="ZZ1 1AB",
        engagement="engaging well",
        children_present="N",
        summary=note,
    )
    return nominal


def test_a_stay_at_his_partners_from_a_note_raises_s1_from_a_note(graph: Graph, tmp_path: Path) -> None:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1")
    planted = noted(fx, "Noted", "5 Partner Road")
    add_gp_patient(
        fx, surname="Partner", forenames="Sophie", dob="2015-03-03", since="2015-04-01",
        address_line1="5 Partner Road", postcode="ZZ1 5AB",
    )  # fmt: skip
    # decoy 1: a stay at a partner's where no child lives
    noted(fx, "Alone", "7 Quiet Road")
    add_gp_patient(
        fx, surname="Adult", forenames="Ann", dob="1960-03-03", since="2010-04-01",
        address_line1="7 Quiet Road", postcode="ZZ1 5AB",
    )  # fmt: skip
    # decoy 2: a stay with someone named, not his partner: nothing to resolve, nothing guessed
    noted(fx, "Named", "9 Other Road", note="Says he stays with Jade three days a week.")
    add_gp_patient(
        fx, surname="Other", forenames="Tom", dob="2014-03-03", since="2014-04-01",
        address_line1="9 Other Road", postcode="ZZ1 5AB",
    )  # fmt: skip
    # decoy 3: the partner was recorded only after the note: no partner on the day, nothing resolved
    noted(fx, "Later", "11 Late Road", partner_since="2019-09-01")
    add_gp_patient(
        fx, surname="Late", forenames="Amy", dob="2013-03-03", since="2013-04-01",
        address_line1="11 Late Road", postcode="ZZ1 5AB",
    )  # fmt: skip
    load_fixture(graph, fx, tmp_path)
    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{planted}"]
    (flag,) = flags
    assert flag.confidence == "from a note" and str(flag.detected_on) == "2019-06-03"
    assert [c.name for c in flag.children] == ["Sophie Partner"]
    assert flag.evidence[0].feed == "police_visits" and flag.evidence[0].what.startswith("from a note:")
    assert flag.from_notes() == (
        f"police_visits {flag.evidence[0].record_id}: Says he stays at his partner's three nights a week.",
    )
    assert "described in a note" in flag.summary
    assert flag.to_json()["confidence"] == "from a note"
    assert run_query(graph, get_query(QUERY), {"as_of": "2019-06-02"}) == []


def test_a_stay_also_registered_is_not_from_a_note(graph: Graph, tmp_path: Path) -> None:
    """When a registration shows the same stay, the flag rests on a record and says nothing of notes."""
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1")
    planted = noted(fx, "Noted", "5 Partner Road")
    fx.add(
        "police_addresses", nominal_id=planted, address_type="staying", address_line1="5 Partner Road",
        postcode="ZZ1 5AB", from_date="2019-07-01", notified_date="2019-07-01",
    )  # fmt: skip
    add_gp_patient(
        fx, surname="Partner", forenames="Sophie", dob="2015-03-03", since="2015-04-01",
        address_line1="5 Partner Road", postcode="ZZ1 5AB",
    )  # fmt: skip
    load_fixture(graph, fx, tmp_path)
    (flag,) = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert str(flag.detected_on) == "2019-06-03" and flag.confidence == ""
    assert any(e.more.get("from_note") for e in flag.evidence)


def test_her_address_is_found_through_her_identity_once_linked(graph: Graph, tmp_path: Path) -> None:
    """Police record the partner without an address; her GP registration (same name and date of birth) gives it.
    The load's reading cannot see it; after linkage, `resolve_stays` (run by `sightline resolve`) does."""
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1")
    planted = noted(fx, "Noted", "")
    add_gp_patient(
        fx, surname="Partner", forenames="Eve Noted", dob="1988-02-02", since="2016-01-01", sex="F",
        address_line1="5 Partner Road", postcode="ZZ1 5AB",
    )  # fmt: skip
    add_gp_patient(
        fx, surname="Partner", forenames="Sophie", dob="2015-03-03", since="2015-04-01",
        address_line1="5 Partner Road", postcode="ZZ1 5AB",
    )  # fmt: skip
    load_fixture(graph, fx, tmp_path)
    assert run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"}) == []
    resolve_stays(graph)
    (flag,) = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert flag.subject.key == f"police:{planted}" and flag.confidence == "from a note"
    assert [c.name for c in flag.children] == ["Sophie Partner"]
