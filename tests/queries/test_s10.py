"""S10: an account of the offence given to an agency contradicts the recorded conviction."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_gp_patient, add_nominal, load_fixture

QUERY = "s10_minimising_account_of_offence"
FALSE_ACCOUNT = "Low mood. Says partner's conviction was because he bought a second-hand laptop with images on it."


def offender(fx: FeedFixture, surname: str, dob: str, convicted: str) -> str:
    """A nominal of team JIG1, convicted on `convicted`, under notification requirements from then."""
    nominal = add_nominal(fx, surname, dob=dob)
    fx.add(
        "police_convictions",
        nominal_id=nominal,
        offence="Make indecent photograph of a child",
        offence_category="indecent_images",
        schedule_3="Y",
        conviction_date=convicted,
    )
    fx.add("police_notification_periods", nominal_id=nominal, start_date=convicted)
    return nominal


def patient(fx: FeedFixture, surname: str, forenames: str, dob: str) -> str:
    """A woman registered with GP1 (her NHS number, name and date of birth)."""
    return add_gp_patient(fx, surname=surname, forenames=forenames, dob=dob, since="2010-01-01")


def gp_note(fx: FeedFixture, nhs: str, day: str, text: str) -> str:
    return fx.add(
        "health_contacts",
        nhs_number=nhs,
        contact_date=day,
        agency_id="GP1",
        contact_type="gp_appointment",
        summary=text,
    )


def partner(fx: FeedFixture, nominal: str, surname: str, forenames: str, dob: str) -> str:
    return fx.add(
        "police_associates",
        nominal_id=nominal,
        relationship="partner",
        surname=surname,
        forenames=forenames,
        date_of_birth=dob,
        recorded_date="2019-01-01",
    )


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1", "HOS1")
    ids: dict[str, str] = {}

    # planted 1 (3.25): his partner, known to police as an associate, tells her GP the "second-hand laptop" story
    ids["planted"] = offender(fx, "Planted", "1985-04-02", "2016-01-11")
    ids["assoc"] = partner(fx, ids["planted"], "Blake", "Tina", "1988-03-03")
    tina = patient(fx, "Blake", "Tina", "1988-03-03")
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Blake",
        forenames="Maisie",
        date_of_birth="2015-06-06",
        practice_id="GP1",
        registered_from="2015-06-10",
    )
    fx.add(
        "health_births",
        child_nhs_number=fx.nhs(),
        child_surname="Blake",
        child_forenames="Noah",
        date_of_birth="2021-02-02",
        mother_nhs_number=tina,
        hospital_id="HOS1",
    )
    ids["note"] = gp_note(fx, tina, "2023-05-20", FALSE_ACCOUNT)

    # planted 2 (3.28): a mother whose maternity booking names him as her partner says at the booking that
    # he was "taken off the register" (the booking partner is his record by name and date of birth)
    ids["booked"] = offender(fx, "Booked", "1979-07-07", "2015-03-03")
    kim = patient(fx, "Stone", "Kim", "1990-10-10")
    ids["booking"] = fx.add(
        "health_maternity_bookings",
        mother_nhs_number=kim,
        booking_date="2022-02-02",
        hospital_id="HOS1",
        partner_surname="Booked",
        partner_forenames="Adam",
        partner_date_of_birth="1979-07-07",
        social_history="Lives with partner; says he was taken off the register years ago",
    )

    # decoy 1: a partner who was told gives her GP an accurate account of the conviction
    told = offender(fx, "Told", "1980-08-08", "2015-01-01")
    partner(fx, told, "Green", "Ann", "1987-07-07")
    ann = patient(fx, "Green", "Ann", "1987-07-07")
    gp_note(fx, ann, "2023-01-01", "Discussed partner's history: he has a conviction for indecent images of children.")

    # decoy 2: the same phrase about a woman with no link to any offender
    eve = patient(fx, "Free", "Eve", "1986-06-06")
    gp_note(fx, eve, "2023-01-01", "Eye strain; bought a second-hand laptop for an online course.")

    # decoy 3: the partner's account comes before the conviction police hold
    later = offender(fx, "Later", "1977-02-02", "2021-01-01")
    partner(fx, later, "Brown", "Sue", "1984-04-04")
    sue = patient(fx, "Brown", "Sue", "1984-04-04")
    gp_note(fx, sue, "2020-06-01", FALSE_ACCOUNT)
    return fx, ids


def test_false_account_by_a_connected_person_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)

    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{ids['booked']}", f"police:{ids['planted']}"]
    booking, note = flags

    assert str(note.detected_on) == "2023-05-20"
    assert ("health_contacts", ids["note"]) in {(e.feed, e.record_id) for e in note.evidence}
    assert ("police_associates", ids["assoc"]) in {(e.feed, e.record_id) for e in note.evidence}
    assert {e.feed for e in note.evidence} == {"health_contacts", "police_convictions", "police_associates"}
    assert [p.name for p in note.people] == ["Adam Planted", "Tina Blake"]
    # the children at risk are hers under 18 on the day: Noah on his birth record (Maisie is not linked to her)
    assert [c.name for c in note.children] == ["Noah Blake"]
    assert "second-hand laptop" in note.summary
    assert {"key": "GP1", "name": "Example Surgery"} in [a.to_json() for a in note.agencies]

    assert ("health_maternity_bookings", ids["booking"]) in {(e.feed, e.record_id) for e in booking.evidence}
    assert "taken off the register" in booking.summary


def test_replaying_before_the_account_raises_nothing(graph: Graph, tmp_path: Path) -> None:
    fx, _ = build()
    load_fixture(graph, fx, tmp_path)
    assert run_query(graph, get_query(QUERY), {"as_of": "2022-01-01"}) == []
