"""S6: agencies working with an offender-linked child hold no record of the offender's status."""

from __future__ import annotations

from pathlib import Path

import pytest

from errors import ConfigError
from graph.db import Graph
from queries.library import get_query, parse_query
from queries.runner import run_query
from queries.statements import FRAGMENTS, STATEMENTS
from tests.support.fixture import FeedFixture, add_offender, load_fixture

QUERY = "s6_agencies_unaware_of_offender"


def gp(fx: FeedFixture, nhs: str, forenames: str, dob: str, practice: str, start: str, **address: str) -> str:
    return fx.add(
        "health_gp_registrations",
        nhs_number=nhs,
        surname="Child",
        forenames=forenames,
        date_of_birth=dob,
        practice_id=practice,
        registered_from=start,
        **address,
    )


def build() -> tuple[FeedFixture, dict[str, str]]:
    fx = FeedFixture()
    ids: dict[str, str] = {}
    for agency_id, kind in [
        ("JIG1", "police_team"),
        ("GP1", "gp_practice"),
        ("GP2", "gp_practice"),
        ("GP3", "gp_practice"),
        ("GP4", "gp_practice"),
        ("GP5", "gp_practice"),
        ("HV1", "health_visiting"),
        ("HOSP1", "hospital"),
        ("NUR1", "nursery"),
        ("CSC1", "childrens_social_care"),
    ]:
        fx.add("agencies", agency_id=agency_id, agency_type=kind, name=f"Agency {agency_id}")

    # planted: Mr Planted is named as father on Sophie's birth record (a low risk level never hides a flag).
    # Her GP is told late, the health visitor never; the nursery is told within the grace period.
    planted = add_offender(fx, "Planted", risk="low")
    sophie = ids["sophie"] = fx.nhs()
    ids["birth"] = fx.add(
        "health_births",
        child_nhs_number=sophie,
        child_surname="Child",
        child_forenames="Sophie",
        date_of_birth="2016-05-10",
        mother_nhs_number=fx.nhs(),
        father_surname="Planted",
        father_forenames="Adam",
        father_date_of_birth="1985-04-02",
        hospital_id="HOSP1",
    )
    ids["sophie_gp"] = gp(fx, sophie, "Sophie", "2016-05-10", "GP1", "2016-05-20")
    ids["sophie_hv"] = fx.add(
        "health_contacts", nhs_number=sophie, contact_date="2016-06-01", agency_id="HV1", contact_type="health_visit"
    )
    fx.add(
        "education_enrolments",
        pupil_id="UPN1",
        surname="Child",
        forenames="Sophie",
        date_of_birth="2016-05-10",
        setting_id="NUR1",
        start_date="2019-09-01",
    )
    for agency, day in [("GP1", "2016-08-01"), ("NUR1", "2019-09-10")]:
        fx.add(
            "disclosures",
            nominal_id=planted,
            disclosure_date=day,
            disclosed_by_agency_id="JIG1",
            recipient_type="agency",
            recipient_agency_id=agency,
            content="conviction_and_conditions",
        )
    # planted too: he stays at 12 Elm Road, where Amy lives; her GP (another practice) is never told
    ids["elm"] = fx.add(
        "police_addresses",
        nominal_id=planted,
        address_type="staying",
        address_line1="12 Elm Road",
        postcode="ZZ1 2AB",
        from_date="2018-10-01",
        notified_date="2018-10-02",
    )
    ids["amy_gp"] = gp(
        fx, fx.nhs(), "Amy", "2012-03-03", "GP5", "2017-01-01", address_line1="12 Elm Road", postcode="ZZ1 2AB"
    )

    # decoy 1 (Rec 4 good practice): police record Tom as Mr Told's child; Tom's GP is told within 30 days
    told = add_offender(fx, "Told", dob="1980-02-02")
    fx.add(
        "police_associates",
        nominal_id=told,
        relationship="child",
        surname="Child",
        forenames="Tom",
        date_of_birth="2013-01-01",
        recorded_date="2018-01-01",
    )
    gp(fx, fx.nhs(), "Tom", "2013-01-01", "GP2", "2015-01-01")
    fx.add(
        "disclosures",
        nominal_id=told,
        disclosure_date="2018-01-15",
        disclosed_by_agency_id="JIG1",
        recipient_type="agency",
        recipient_agency_id="GP2",
        content="conviction",
    )

    # decoy 2: Lily's GP learns of Mr Closed through the closure summary of a referral about Lily
    closed = add_offender(fx, "Closed", dob="1979-03-03")
    lily = fx.nhs()
    fx.add(
        "police_associates",
        nominal_id=closed,
        relationship="child",
        surname="Child",
        forenames="Lily",
        date_of_birth="2014-04-04",
        recorded_date="2019-05-01",
    )
    gp(fx, lily, "Lily", "2014-04-04", "GP3", "2014-05-01")
    person = fx.add(
        "csc_persons", pers_forename="Lily", pers_surname="Child", pers_dob="2014-04-04", pers_common_child_id=lily
    )
    referral = fx.add("csc_referrals", cine_person_id=person, cine_referral_date="2019-04-20")
    closure = fx.add("csc_closures", cine_referral_id=referral, closure_date="2019-05-10")
    fx.add("csc_closure_recipients", closure_id=closure, agency_id="GP3", sent_date="2019-05-12")

    # decoy 3: the child left 3 Oak Road before Mr Moved started staying there
    moved = add_offender(fx, "Moved", dob="1978-04-04")
    fx.add(
        "police_addresses",
        nominal_id=moved,
        address_type="main",
        address_line1="3 Oak Road",
        postcode="ZZ1 3AB",
        from_date="2020-01-01",
        notified_date="2020-01-01",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=fx.nhs(),
        surname="Child",
        forenames="Ben",
        date_of_birth="2012-01-01",
        practice_id="GP4",
        registered_from="2012-02-01",
        registered_to="2019-06-30",
        address_line1="3 Oak Road",
        postcode="ZZ1 3AB",
    )
    ids["planted"] = planted
    return fx, ids


def test_agencies_not_told_are_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx, ids = build()
    load_fixture(graph, fx, tmp_path)
    query = get_query(QUERY)

    flags = run_query(graph, query, {"as_of": "2024-12-31"})
    by_child = {f.children[0].name: f for f in flags}
    assert sorted(by_child) == ["Amy Child", "Sophie Child"]
    assert {f.subject.key for f in flags} == {f"police:{ids['planted']}"}

    sophie = by_child["Sophie Child"]
    assert sorted(sophie.children[0].records) == [f"nhs:{ids['sophie']}", "upn:UPN1"]  # one child, two agencies
    # GP1, told late (2016-08-01), knows from then on (class 3); NUR1 was told in time; HV1 never
    assert [a.key for a in sophie.agencies if a.status == "not told"] == ["HV1"]
    evidence = {(e.feed, e.record_id) for e in sophie.evidence}
    assert ("health_births", ids["birth"]) in evidence
    assert ("health_contacts", ids["sophie_hv"]) in evidence
    assert str(sophie.detected_on) == "2016-06-01"  # the health visitor's first contact
    assert (sophie.severity, sophie.status) == ("high", "")

    amy = by_child["Amy Child"]
    assert [a.key for a in amy.agencies if a.status == "not told"] == ["GP5"]
    assert {("police_addresses", ids["elm"]), ("health_gp_registrations", ids["amy_gp"])} <= {
        (e.feed, e.record_id) for e in amy.evidence
    }
    assert str(amy.detected_on) == "2018-10-01"  # raised the day he starts staying where her GP works with her


def _unaware(flags: list) -> list[tuple[str, list[tuple[str, str]], str, str]]:
    return [
        (
            f.children[0].name,
            [(a.key, a.status) for a in f.agencies if a.status.startswith("not told")],
            f.severity,
            f.status,
        )
        for f in flags
    ]


def test_raised_on_the_day_awaiting_then_escalated_and_ended_by_a_late_disclosure(graph: Graph, tmp_path: Path) -> None:
    """Raise on the day (class 5): the GP shows as awaiting from the day it registers Sophie; it escalates when
    its 30 days pass; a late disclosure ends its gap from that day (class 3). One key throughout."""
    fx, _ids = build()
    load_fixture(graph, fx, tmp_path)
    query = get_query(QUERY)
    assert run_query(graph, query, {"as_of": "2016-05-19"}) == []
    registered = run_query(graph, query, {"as_of": "2016-05-20"})
    assert _unaware(registered) == [
        (
            "Sophie Child",
            [("GP1", "not told yet (due by 2016-06-19)")],
            "medium",
            "awaiting disclosure to Agency GP1 by 2016-06-19",
        )
    ]
    passed = run_query(graph, query, {"as_of": "2016-06-20"})
    assert _unaware(passed) == [
        ("Sophie Child", [("GP1", "not told"), ("HV1", "not told yet (due by 2016-07-01)")], "high", "")
    ]
    told = run_query(graph, query, {"as_of": "2016-08-01"})
    assert _unaware(told) == [("Sophie Child", [("HV1", "not told")], "high", "")]
    assert registered[0].key == passed[0].key == told[0].key
    assert str(registered[0].detected_on) == "2016-05-20"


def test_a_child_linked_after_the_notification_ended_is_shown_at_a_lower_severity(graph: Graph, tmp_path: Path) -> None:
    """Risk is never zero (issue 11 class 4): his period ended in 2018; the child police record as his in 2019
    is still shown, its GP unaware, at medium severity (low while the GP's 30 days run)."""
    fx = FeedFixture()
    for agency_id, kind in [("JIG1", "police_team"), ("GP9", "gp_practice")]:
        fx.add("agencies", agency_id=agency_id, agency_type=kind, name=f"Agency {agency_id}")
    ended = add_offender(fx, "Ended", dob="1977-07-07", notified_until="2018-01-01")
    fx.add(
        "police_associates",
        nominal_id=ended,
        relationship="child",
        surname="Child",
        forenames="Eva",
        date_of_birth="2012-02-02",
        recorded_date="2019-03-01",
    )
    gp(fx, fx.nhs(), "Eva", "2012-02-02", "GP9", "2012-03-01")
    load_fixture(graph, fx, tmp_path)
    query = get_query(QUERY)
    (waiting,) = run_query(graph, query, {"as_of": "2019-03-10"})
    (flag,) = run_query(graph, query, {"as_of": "2024-12-31"})
    assert (waiting.severity, flag.severity) == ("low", "medium")
    assert [a.key for a in flag.agencies if a.status == "not told"] == ["GP9"]
    assert "ended on 2018-01-01" in flag.summary and str(flag.detected_on) == "2019-03-01"
    assert waiting.key == flag.key


def test_s6_reads_residence_exactly_as_s1_does() -> None:
    """Issue 11 class 3: one reading of where he is and where a child lives, spliced into both queries, so a
    fact S1 holds (his own GP registration, a stay, a visit) links a child for S6 too."""
    s1, s6 = get_query("s1_child_at_offender_address"), get_query(QUERY)
    rest = s6.cypher
    for part in FRAGMENTS:
        text = STATEMENTS[part].strip()
        assert text in s1.cypher and text in s6.cypher, part
        rest = rest.replace(text, "")
    assert "// include:" not in rest, "every include line was replaced"


def test_an_unknown_shared_part_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s99_bad.cypher"
    path.write_text(
        "// ---\n// name: s99_bad\n// title: t\n// signal: S1\n// severity: low\n// rationale: r\n// action: a\n"
        "// parameters:\n//   as_of: {type: date, default: today}\n// ---\n// include: nowhere\nRETURN $as_of\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"s99_bad\.cypher: no shared part 'nowhere'"):
        parse_query(path)
