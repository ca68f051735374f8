"""S1: a child lives at an address an offender lives at, stays at or frequents."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, load_fixture


def offender(fx: FeedFixture, surname: str, risk: str = "low") -> str:
    """A nominal of team JIG1 under notification requirements from 2014."""
    return add_offender(fx, surname, risk=risk, notified_until="2029-06-01")


def test_child_at_an_address_the_offender_frequents_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1")
    planted = offender(fx, "Planted", risk="low")  # a low risk level never hides a flag
    fx.add(
        "police_addresses",
        nominal_id=planted,
        address_type="frequents",
        address_line1="12 Elm Road",
        postcode="ZZ1 2AB",
        from_date="2018-10-01",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Child",
        forenames="Sophie",
        date_of_birth="2016-05-10",
        address_line1="12 Elm Road",
        postcode="ZZ1 2AB",
        practice_id="GP1",
        registered_from="2016-06-01",
    )
    # decoy 1: the child moved out before the offender started using the address
    moved = offender(fx, "Moved")
    fx.add(
        "police_addresses",
        nominal_id=moved,
        address_type="staying",
        address_line1="3 Oak Road",
        postcode="ZZ1 3AB",
        from_date="2020-01-01",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Child",
        forenames="Tom",
        date_of_birth="2012-01-01",
        address_line1="3 Oak Road",
        postcode="ZZ1 3AB",
        practice_id="GP1",
        registered_from="2012-02-01",
        registered_to="2019-06-30",
    )
    # decoy 2: another flat in the same building
    flat = offender(fx, "Flat")
    fx.add(
        "police_addresses",
        nominal_id=flat,
        address_type="main",
        address_line1="Flat 1, 8 Ash Road",
        postcode="ZZ1 4AB",
        from_date="2019-01-01",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Child",
        forenames="Amy",
        date_of_birth="2015-01-01",
        address_line1="Flat 2, 8 Ash Road",
        postcode="ZZ1 4AB",
        practice_id="GP1",
        registered_from="2015-02-01",
    )
    load_fixture(graph, fx, tmp_path)

    flags = run_query(graph, get_query("s1_child_at_offender_address"), {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{planted}"]
    flag = flags[0]
    assert [c.name for c in flag.children] == ["Sophie Child"]
    assert flag.addresses == ("12 ELM ROAD | ZZ12AB",)
    assert {e.feed for e in flag.evidence} == {"police_addresses", "health_gp_registrations"}
    assert str(flag.detected_on) == "2018-10-01"
    assert [a.to_json() for a in flag.agencies] == [{"key": "JIG1", "name": "Jigsaw 1"}]

    # replaying an earlier day: before the offender used the address, nothing is raised
    assert run_query(graph, get_query("s1_child_at_offender_address"), {"as_of": "2018-09-30"}) == []
