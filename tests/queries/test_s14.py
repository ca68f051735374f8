"""S14: a link to a child that only record linkage reveals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from graph.db import Graph
from linkage import identities
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, load_fixture

S14 = get_query("s14_hidden_identity")


def _offender(fx: FeedFixture, surname: str, forenames: str, dob: str) -> str:
    return add_offender(
        fx, surname, forenames=forenames, dob=dob, risk=None, notified_from="2014-01-01", notified_until="2029-01-01"
    )


def _base() -> FeedFixture:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1", "HOSP1")
    return fx


def test_address_written_otherwise_by_police_is_flagged_not_the_same_form(graph: Graph, tmp_path: Path) -> None:
    fx = _base()
    hidden = _offender(fx, "Hidden", "Adam", "1984-01-01")
    fx.add(
        "police_addresses",
        nominal_id=hidden,
        address_type="staying",
        address_line1="2/10 High St",
        postcode="ZZ1 1AB",
        from_date="2019-01-01",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Kid",
        forenames="Ann",
        date_of_birth="2015-01-01",
        address_line1="Flat 2, 10 High Street",
        postcode="ZZ1 1AB",
        practice_id="GP1",
        registered_from="2015-02-01",
    )
    plain = _offender(fx, "Plain", "Ben", "1980-01-01")  # decoy: police and GP write the address alike (S1, not S14)
    fx.add(
        "police_addresses",
        nominal_id=plain,
        address_type="staying",
        address_line1="4 Mill Lane",
        postcode="ZZ1 2AB",
        from_date="2019-01-01",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Kid",
        forenames="Bob",
        date_of_birth="2015-01-01",
        address_line1="4 Mill Lane",
        postcode="ZZ1 2AB",
        practice_id="GP1",
        registered_from="2015-02-01",
    )
    load_fixture(graph, fx, tmp_path)
    flags = run_query(graph, S14, {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{hidden}"]
    assert flags[0].addresses == ("FLAT 2 10 HIGH STREET | ZZ11AB",)
    assert [c.name for c in flags[0].children] == ["Ann Kid"]
    assert run_query(graph, S14, {"as_of": "2018-12-31"}) == []


def test_father_linked_only_probabilistically_is_flagged(graph: Graph, tmp_path: Path) -> None:
    fx = _base()
    nominal = _offender(fx, "Whitlock", "William", "1984-03-07")
    birth = fx.add(
        "health_births",
        child_nhs_number=fx.nhs(),
        child_surname="Whitlock",
        child_forenames="Sam",
        date_of_birth="2019-05-01",
        mother_nhs_number=fx.nhs(),
        father_surname="Whitlock",
        father_forenames="Bill",
        father_date_of_birth="1984-07-03",
        hospital_id="HOSP1",
    )
    load_fixture(graph, fx, tmp_path)
    assert run_query(graph, S14, {"as_of": "2024-12-31"}) == [], "exact linkage alone cannot see it"
    # what `sightline resolve` writes when Splink links the nickname and swapped date to the nominal record
    identities.write(
        graph,
        [
            {
                "key": "identity:test",
                "surname": "whitlock",
                "forenames": "william",
                "dob": dt.date(1984, 3, 7),
                "records": [
                    {"key": f"police:{nominal}", "rule": "first record", "probability": 1.0},
                    {"key": f"birth-father:{birth}", "rule": "probabilistic match (p=0.970)", "probability": 0.97},
                ],
            }
        ],
        "resolved",
    )
    flags = run_query(graph, S14, {"as_of": "2024-12-31"})
    assert len(flags) == 1 and flags[0].subject.key == f"police:{nominal}"
    assert [c.name for c in flags[0].children] == ["Sam Whitlock"]
    assert str(flags[0].detected_on) == "2019-05-01"
    assert run_query(graph, S14, {"as_of": "2019-04-30"}) == []
