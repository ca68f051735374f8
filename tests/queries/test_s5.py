"""S5: a child is born to an offender, with no referral or the hospital and GP unaware: raised on the day of the
birth (awaiting while the window is open), and after his notification period ended at a lower severity."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.support.fixture import FeedFixture, add_agencies, add_offender, load_fixture

QUERY = "s5_birth_to_offender_agencies_unaware"


def offender(fx: FeedFixture, surname: str, dob: str, period_end: str = "2029-06-01", risk: str = "medium") -> str:
    """A nominal of team JIG1 under notification requirements from mid-2014."""
    return add_offender(fx, surname, forenames="Luke", dob=dob, risk=risk, notified_until=period_end)


def birth(fx: FeedFixture, birth_id: str, father: tuple[str, str], baby: str, born: str) -> str:
    """A birth at HOSP1 naming the father as the mother gave him, and the baby's GP registration at GP1."""
    child_nhs = fx.nhs()
    fx.add(
        "health_births",
        birth_id=birth_id,
        child_nhs_number=child_nhs,
        child_surname=father[0],
        child_forenames=baby,
        date_of_birth=born,
        mother_nhs_number=fx.nhs(),
        father_surname=father[0],
        father_forenames="Luke",
        father_date_of_birth=father[1],
        hospital_id="HOSP1",
        nicu_admission="Y",
    )
    fx.add(
        "health_gp_registrations",
        nhs_number=child_nhs,
        surname=father[0],
        forenames=baby,
        date_of_birth=born,
        practice_id="GP1",
        registered_from=born,
    )
    return child_nhs


def tell(fx: FeedFixture, nominal: str, agency: str, day: str) -> None:
    fx.add(
        "disclosures",
        nominal_id=nominal,
        disclosure_date=day,
        disclosed_by_agency_id="JIG1",
        recipient_type="agency",
        recipient_agency_id=agency,
        content="conviction_and_conditions",
    )


def build() -> FeedFixture:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "HOSP1", "GP1")

    # planted (review 3.4): his child is born and nursed on NICU; no referral, hospital and GP unaware
    offender(fx, "Planted", "1985-04-02", risk="low")  # a low risk level never hides a flag
    birth(fx, "BIR1", ("Planted", "1985-04-02"), "Sky", "2016-05-10")

    # decoy 1 (good practice): hospital told before the birth, referral within days, GP told within weeks
    known = offender(fx, "Known", "1980-02-02")
    baby = birth(fx, "BIR2", ("Known", "1980-02-02"), "Kit", "2018-07-01")
    tell(fx, known, "HOSP1", "2018-03-01")
    fx.add(
        "csc_persons",
        pers_person_id="PER1",
        pers_forename="Kit",
        pers_surname="Known",
        pers_dob="2018-07-01",
        pers_common_child_id=baby,
    )
    fx.add("csc_referrals", cine_person_id="PER1", cine_referral_date="2018-07-08", cine_referral_source_code="health")
    tell(fx, known, "GP1", "2018-07-20")

    # risk is never zero (issue 11 class 4): a birth after his notification requirements ended is raised, lower
    offender(fx, "Ended", "1978-03-03", period_end="2019-06-30")
    birth(fx, "BIR3", ("Ended", "1978-03-03"), "Eve", "2020-01-15")
    return fx


def test_birth_to_an_offender_with_agencies_unaware_is_flagged_not_the_decoys(graph: Graph, tmp_path: Path) -> None:
    fx = build()
    load_fixture(graph, fx, tmp_path)
    planted, _known, ended = (r["nominal_id"] for r in fx.rows["police_nominals"])

    flags = {f.subject.key: f for f in run_query(graph, get_query(QUERY), {"as_of": "2024-12-31"})}
    assert set(flags) == {f"police:{planted}", f"police:{ended}"}, "good practice (Known) is not raised"
    flag = flags[f"police:{planted}"]
    assert [c.name for c in flag.children] == ["Sky Planted"]
    assert f"nhs:{fx.rows['health_births'][0]['child_nhs_number']}" in flag.children[0].records
    assert (flag.evidence[0].feed, flag.evidence[0].record_id) == ("health_births", "BIR1")
    assert str(flag.detected_on) == "2016-05-10"  # the hospital was not told: raised on the day of the birth
    assert {a.key for a in flag.agencies} == {"JIG1", "HOSP1", "GP1"}
    assert "no referral" in flag.summary and (flag.severity, flag.status) == ("critical", "")

    after = flags[f"police:{ended}"]
    assert [c.name for c in after.children] == ["Eve Ended"] and str(after.detected_on) == "2020-01-15"
    assert after.severity == "high", "an ended notification period lowers the severity; it never hides the child"
    assert "notification requirements ended on 2019-06-30" in after.summary


def test_replay_before_the_birth_raises_nothing(graph: Graph, tmp_path: Path) -> None:
    load_fixture(graph, build(), tmp_path)
    assert run_query(graph, get_query(QUERY), {"as_of": "2016-05-09"}) == []
    assert len(run_query(graph, get_query(QUERY), {"as_of": "2016-05-10"})) == 1


def test_hospital_told_but_no_referral_awaits_on_the_day_and_escalates_after_the_window(
    graph: Graph, tmp_path: Path
) -> None:
    """Raise on the day (issue 11 class 5): the birth shows at once as awaiting the referral, and escalates
    when the 60 days pass without one."""
    fx = build()
    del fx.rows["csc_referrals"]
    load_fixture(graph, fx, tmp_path)
    known = f"police:{fx.rows['police_nominals'][1]['nominal_id']}"

    def known_flags(day: str) -> list:
        return [f for f in run_query(graph, get_query(QUERY), {"as_of": day}) if f.subject.key == known]

    assert known_flags("2018-06-30") == []
    (awaiting,) = known_flags("2018-07-01")
    assert (awaiting.severity, str(awaiting.detected_on)) == ("medium", "2018-07-01")
    assert awaiting.status == "awaiting a referral and the GP practice told by 2018-08-30"
    (still,) = known_flags("2018-08-30")
    assert still.status == "awaiting a referral by 2018-08-30", "the GP practice was told on 2018-07-20"
    (escalated,) = known_flags("2018-08-31")
    assert (escalated.severity, escalated.status) == ("critical", "")
    assert escalated.key == awaiting.key, "one flag, escalated: triage follows it"
    assert {e.feed for e in escalated.evidence} >= {"health_births", "disclosures"}
