"""S8: notification breaches (travel, passport, missed or late notification, unnotified address, unregistered stay)."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.flags import Flag
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_home_address, add_offender, load_fixture

QUERIES = (
    "s8_travel_not_notified",
    "s8_passport_not_notified",
    "s8_notification_missed_or_late",
    "s8_address_not_notified",
    "s8_unregistered_stay",
)


def offender(fx: FeedFixture, surname: str, dob: str) -> str:
    """A nominal of team JIG1 under notification requirements from 2014, registered at home since then."""
    nominal = add_offender(fx, surname, dob=dob)
    add_home_address(fx, nominal, surname, notified="2014-06-02")
    return nominal


def trip(fx: FeedFixture, surname: str, dob: str, passport: str, issued: str, departure: str) -> str:
    return fx.add(
        "travel",
        passport_number=passport,
        surname=surname,
        forenames="Adam",
        date_of_birth=dob,
        passport_issued_date=issued,
        departure_date=departure,
        destination="Spain",
    )


def note(fx: FeedFixture, nominal: str, kind: str, due: str, done: str | None, outcome: str = "complied") -> str:
    return fx.add(
        "police_notifications",
        nominal_id=nominal,
        notification_type=kind,
        due_date=due,
        notification_date=done,
        outcome=outcome,
    )


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1")
    ids: dict[str, str] = {}

    # Mr Breach (low risk: never hidden) breaks every requirement once
    breach = ids["breach"] = offender(fx, "Breach", "1981-01-01")
    # travel not notified, on a passport issued before management began (not a new passport)
    ids["trip"] = trip(fx, "Breach", "1981-01-01", "P100", "2010-01-01", "2018-05-01")
    # a new passport issued in 2019, never notified; the journey on it was notified
    ids["new_passport_trip"] = trip(fx, "Breach", "1981-01-01", "P200", "2019-02-01", "2019-03-01")
    note(fx, breach, "travel", "2019-03-01", "2019-02-15")
    # a missed annual notification and a late one
    ids["missed"] = note(fx, breach, "annual", "2017-06-01", None, "missed")
    ids["late"] = note(fx, breach, "annual", "2018-06-01", "2018-06-20", "late")
    note(fx, breach, "annual", "2019-06-01", "2019-05-25")
    # an address officers found, never notified, where a child lives
    ids["found"] = fx.add(
        "police_addresses",
        nominal_id=breach,
        address_type="additional",
        address_line1="5 Birch Road",
        postcode="ZZ1 5AB",
        from_date="2020-01-01",
    )
    ids["child_gp"] = fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Child",
        forenames="Sophie",
        date_of_birth="2015-05-05",
        practice_id="GP1",
        registered_from="2016-01-01",
        address_line1="5 Birch Road",
        postcode="ZZ1 5AB",
    )
    # intelligence that he stays at an address he never registered, where the same child's friend lives
    ids["intel"] = fx.add(
        "police_intelligence",
        nominal_id=breach,
        report_date="2021-03-01",
        category="staying_at_address",
        summary="Neighbours report he stays here most nights",
        address_line1="7 Cedar Road",
        postcode="ZZ1 7AB",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Child",
        forenames="Amy",
        date_of_birth="2014-04-04",
        practice_id="GP1",
        registered_from="2014-05-01",
        address_line1="7 Cedar Road",
        postcode="ZZ1 7AB",
    )

    # Mr Compliant (the generator's decoy): new passport and travel notified in advance, as required;
    # annual notification on time; a new address notified in time; intelligence at his registered address
    good = offender(fx, "Compliant", "1982-02-02")
    trip(fx, "Compliant", "1982-02-02", "P300", "2017-03-01", "2018-05-01")
    note(fx, good, "passport", "2017-03-04", "2017-03-02")
    note(fx, good, "travel", "2018-05-01", "2018-04-10")
    note(fx, good, "annual", "2017-06-01", "2017-05-20")
    fx.add(
        "police_addresses",
        nominal_id=good,
        address_type="additional",
        address_line1="9 Fir Road",
        postcode="ZZ1 9AB",
        from_date="2020-01-01",
        notified_date="2020-01-03",
    )
    fx.add(
        "police_intelligence",
        nominal_id=good,
        report_date="2021-03-01",
        category="staying_at_address",
        summary="Seen at his home address",
        address_line1="1 Compliant Road",
        postcode="ZZ1 1AB",
    )
    # a journey before his notification requirements began is no breach
    trip(fx, "Compliant", "1982-02-02", "P300", "2017-03-01", "2014-01-01")
    return fx, ids


def run(graph: Graph, as_of: str) -> dict[str, list[Flag]]:
    return {name: run_query(graph, get_query(name), {"as_of": as_of}) for name in QUERIES}


def records(flag: Flag) -> set[tuple[str, str]]:
    return {(e.feed, e.record_id) for e in flag.evidence}


def test_each_breach_is_flagged_once_and_compliance_is_not(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)
    flags = run(graph, "2024-12-31")
    subject = f"police:{ids['breach']}"
    assert {f.subject.key for fs in flags.values() for f in fs} == {subject}

    (travel,) = flags["s8_travel_not_notified"]
    assert records(travel) == {("travel", ids["trip"])}
    assert str(travel.detected_on) == "2018-05-01"

    (passport,) = flags["s8_passport_not_notified"]
    assert records(passport) == {("travel", ids["new_passport_trip"])}
    assert str(passport.detected_on) == "2019-02-05"

    missed = flags["s8_notification_missed_or_late"]
    assert [records(f) for f in missed] == [
        {("police_notifications", ids["missed"])},
        {("police_notifications", ids["late"])},
    ]

    (found,) = flags["s8_address_not_notified"]
    assert found.addresses == ("5 BIRCH ROAD | ZZ15AB",)
    assert [c.name for c in found.children] == ["Sophie Child"]
    assert records(found) == {("police_addresses", ids["found"]), ("health_gp_registrations", ids["child_gp"])}
    assert str(found.detected_on) == "2020-01-05"

    (stay,) = flags["s8_unregistered_stay"]
    assert stay.addresses == ("7 CEDAR ROAD | ZZ17AB",)
    assert [c.name for c in stay.children] == ["Amy Child"]
    assert ("police_intelligence", ids["intel"]) in records(stay)

    # replay: at the end of 2017 only the 2017 missed notification had happened
    early = run(graph, "2017-12-31")
    assert [(name, records(f)) for name, fs in early.items() for f in fs] == [
        ("s8_notification_missed_or_late", {("police_notifications", ids["missed"])})
    ]
