"""S3: an offender's partner is not recorded as told of his conviction, and she has or lives with children."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_gp_patient, add_offender, load_fixture

QUERY = "s3_partner_not_told"


def offender(fx: FeedFixture, surname: str, dob: str, risk: str = "medium") -> str:
    """A nominal of team JIG1 under notification requirements from mid-2014."""
    return add_offender(fx, surname, forenames="Paul", dob=dob, risk=risk, notified_until="2029-06-01")


def partner(fx: FeedFixture, nominal: str, forenames: str, surname: str, dob: str, recorded: str) -> str:
    return fx.add(
        "police_associates",
        nominal_id=nominal,
        relationship="partner",
        surname=surname,
        forenames=forenames,
        date_of_birth=dob,
        from_date="2019-03-01",
        recorded_date=recorded,
    )


def registered(fx: FeedFixture, forenames: str, surname: str, dob: str, line1: str, since: str) -> str:
    """A GP registration at an address; returns the NHS number."""
    return add_gp_patient(
        fx, surname=surname, forenames=forenames, dob=dob, since=since, address_line1=line1, postcode="ZZ1 2AB"
    )


def tell(fx: FeedFixture, nominal: str, forenames: str, surname: str, dob: str, day: str) -> None:
    fx.add(
        "disclosures",
        nominal_id=nominal,
        disclosure_date=day,
        disclosed_by_agency_id="JIG1",
        recipient_type="partner",
        recipient_surname=surname,
        recipient_forenames=forenames,
        recipient_date_of_birth=dob,
        content="conviction",
    )


def build() -> FeedFixture:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "GP1", "HOSP1")

    # planted (review 3.6): a new partner recorded as unaware of his conviction, living with her son; never told
    planted = offender(fx, "Planted", "1985-04-02", risk="low")  # a low risk level never hides a flag
    partner(fx, planted, "Rachel", "Rowe", "1988-01-01", "2019-06-01")
    registered(fx, "Rachel", "Rowe", "1988-01-01", "12 Elm Road", "2015-01-01")
    registered(fx, "Sam", "Rowe", "2015-06-01", "12 Elm Road", "2015-07-01")

    # decoy 1 (3.15, Rec 3): the same situation, and she is told within days
    told = offender(fx, "Told", "1980-02-02")
    partner(fx, told, "Tina", "Tell", "1987-02-02", "2019-06-01")
    registered(fx, "Tina", "Tell", "1987-02-02", "3 Oak Road", "2015-01-01")
    registered(fx, "Tia", "Tell", "2014-03-03", "3 Oak Road", "2015-01-01")
    tell(fx, told, "Tina", "Tell", "1987-02-02", "2019-06-10")

    # decoy 2: a partner with no child and living with none
    alone = offender(fx, "Alone", "1979-03-03")
    partner(fx, alone, "Anna", "Single", "1990-03-03", "2019-06-01")
    registered(fx, "Anna", "Single", "1990-03-03", "5 Ash Road", "2016-01-01")

    # decoy 3: no child when recorded; she has a baby later and is told within the month after the birth
    later = offender(fx, "Later", "1982-04-04")
    partner(fx, later, "Beth", "Baby", "1991-04-04", "2019-06-01")
    mother = registered(fx, "Beth", "Baby", "1991-04-04", "7 Yew Road", "2016-01-01")
    fx.add(
        "health_births",
        birth_id="BIR1",
        child_nhs_number=fx.nhs(),
        child_surname="Baby",
        child_forenames="Ben",
        date_of_birth="2020-02-01",
        mother_nhs_number=mother,
        hospital_id="HOSP1",
    )
    tell(fx, later, "Beth", "Baby", "1991-04-04", "2020-02-20")
    return fx


def test_partner_with_children_never_told_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    load_fixture(graph, fx, tmp_path)
    planted = fx.rows["police_nominals"][0]["nominal_id"]
    assoc = fx.rows["police_associates"][0]["association_id"]

    flags = run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})
    assert [f.subject.key for f in flags] == [f"police:{planted}"]
    flag = flags[0]
    assert [c.name for c in flag.children] == ["Sam Rowe"]
    assert {p.role: p.key for p in flag.people} == {
        "offender": f"police:{planted}",
        "partner": f"police-assoc:{assoc}",
    }
    assert (flag.evidence[0].feed, flag.evidence[0].record_id) == ("police_associates", assoc)
    assert {e.feed for e in flag.evidence} == {
        "police_associates",
        "police_notification_periods",
        "health_gp_registrations",
    }
    assert flag.addresses == ("12 ELM ROAD | ZZ12AB",)
    assert str(flag.detected_on) == "2019-06-01"  # raised the day police recorded her
    assert (flag.severity, flag.status) == ("high", "")


def _planted_on(graph: Graph, day: str) -> list:
    return [f for f in run_query(graph, get_query(QUERY), {"as_of": day}) if f.subject.name == "Paul Planted"]


def test_raised_on_the_day_as_awaiting_and_escalated_after_the_grace_period(graph: Graph, tmp_path: Path) -> None:
    """Raise on the day (issue 11 class 5): awaiting disclosure during the 30 days, high after; one key."""
    load_fixture(graph, build(), tmp_path)
    assert _planted_on(graph, "2019-05-31") == []  # before police recorded her
    (first,) = _planted_on(graph, "2019-06-01")
    (last_day,) = _planted_on(graph, "2019-07-01")
    (after,) = _planted_on(graph, "2019-07-02")
    assert [(f.severity, f.status) for f in (first, last_day, after)] == [
        ("medium", "awaiting disclosure to her by 2019-07-01"),
        ("medium", "awaiting disclosure to her by 2019-07-01"),
        ("high", ""),
    ]
    assert first.key == last_day.key == after.key


def test_a_disclosure_ends_the_flag_from_its_day_even_when_late(graph: Graph, tmp_path: Path) -> None:
    """Class 3: a fact holds until a later fact ends it; told in 2020, Rachel is flagged until then, not after."""
    fx = build()
    tell(fx, fx.rows["police_nominals"][0]["nominal_id"], "Rachel", "Rowe", "1988-01-01", "2020-01-15")
    load_fixture(graph, fx, tmp_path)
    assert [f.severity for f in _planted_on(graph, "2020-01-14")] == ["high"]
    assert _planted_on(graph, "2020-01-15") == []
    # decoy 1, told on day 9 of her grace period, shows as awaiting until then
    assert [
        f.status for f in run_query(graph, get_query(QUERY), {"as_of": "2019-06-05"}) if f.subject.name == "Paul Told"
    ] == ["awaiting disclosure to her by 2019-07-01"]


def test_a_later_birth_with_no_disclosure_is_flagged_from_the_birth(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    fx.rows["disclosures"] = [d for d in fx.rows["disclosures"] if d["recipient_surname"] != "Baby"]
    load_fixture(graph, fx, tmp_path)
    flags = {f.subject.name: f for f in run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})}
    assert sorted(flags) == ["Paul Later", "Paul Planted"]
    assert [c.name for c in flags["Paul Later"].children] == ["Ben Baby"]
    assert str(flags["Paul Later"].detected_on) == "2020-02-01"


def _probation_partner(fx: FeedFixture, nominal: str, knows: str) -> None:
    """His probation case, and a contact on 2019-06-01 naming Rachel Rowe as his new partner."""
    crn = fx.add(
        "probation_cases",
        surname="Planted",
        forenames="Paul",
        date_of_birth="1985-04-02",
        agency_id="PDU1",
        start_date="2014-06-01",
    )
    fx.add(
        "probation_contacts",
        contact_id="PRC9",
        crn=crn,
        contact_date="2019-06-01",
        contact_type="supervision",
        new_partner_reported="Y",
        partner_surname="Rowe",
        partner_forenames="Rachel",
        partner_date_of_birth="1988-01-01",
        partner_knows_of_conviction=knows,
    )


def test_a_partner_known_only_to_probation_is_flagged_and_his_word_is_not_enough(graph: Graph, tmp_path: Path) -> None:
    """Class 6: probation records the new partner on a contact (police have no record of her); "he says she
    knows" (unconfirmed) does not end the flag, a confirmed record does."""
    fx = build()
    planted = fx.rows["police_nominals"][0]["nominal_id"]
    fx.rows["police_associates"] = [a for a in fx.rows["police_associates"] if a["nominal_id"] != planted]
    add_agencies(fx, "PDU1")
    _probation_partner(fx, planted, "unconfirmed")
    load_fixture(graph, fx, tmp_path)
    (flag,) = _planted_on(graph, "2024-12-31")
    assert [c.name for c in flag.children] == ["Sam Rowe"]
    assert (flag.evidence[0].agency, flag.evidence[0].feed, flag.evidence[0].record_id) == (
        "probation",
        "probation_contacts",
        "PRC9",
    )
    assert "unconfirmed" in (flag.evidence[0].what or "") and str(flag.detected_on) == "2019-06-01"


def test_a_probation_record_confirming_she_knows_ends_the_flag(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    planted = fx.rows["police_nominals"][0]["nominal_id"]
    fx.rows["police_associates"] = [a for a in fx.rows["police_associates"] if a["nominal_id"] != planted]
    add_agencies(fx, "PDU1")
    _probation_partner(fx, planted, "confirmed")
    load_fixture(graph, fx, tmp_path)
    assert _planted_on(graph, "2024-12-31") == []
