"""A flag's key is its signal, its offender, its child and its triggering fact, and nothing else (issue 11 class 8),
so triage follows its flag. Fails when a key moves as unrelated records arrive (an S5 flag took a new key each
time a school enrolled its child), or when two facts share one (three overdue assessments had one key)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from explorer import triage
from graph.db import Graph
from queries.library import get_query
from queries.runner import run_query
from tests.queries.test_s5 import birth
from tests.support.fixture import FeedFixture, add_agencies, add_offender, load_fixture

AS_OF = {"as_of": "2024-12-31"}


def _overdue_twice(fx: FeedFixture, nominal: str) -> None:
    """ARMS done 2016 (due 2017, none until 2019) and 2019 (due 2020, none since): two overdue assessments."""
    for day, due in (("2016-02-01", "2017-02-01"), ("2019-03-01", "2020-03-01")):
        fx.add("police_risk_assessments", nominal_id=nominal, assessment_date=day, next_due_date=due, tool="ARMS")


def test_two_overdue_assessments_are_two_flags_with_two_keys(graph: Graph, tmp_path: Path) -> None:
    fx = FeedFixture()
    add_agencies(fx, "JIG1")
    _overdue_twice(fx, add_offender(fx, "Keyes"))
    load_fixture(graph, fx, tmp_path)
    flags = run_query(graph, get_query("s7_risk_assessment_overdue"), AS_OF)
    assert len(flags) == 2 and len({f.key for f in flags}) == 2 and len({f.fact for f in flags}) == 2


def test_a_key_holds_as_records_arrive_and_triage_follows_it(graph: Graph, tmp_path: Path) -> None:
    fx = FeedFixture()
    add_agencies(fx, "JIG1", "HOSP1", "GP1", "SCH1")
    nominal = add_offender(fx, "Keyes", forenames="Luke", dob="1980-01-01")
    birth(fx, "BIR1", ("Keyes", "1980-01-01"), "Ava", "2019-05-01")
    load_fixture(graph, fx, tmp_path / "first")
    query = get_query("s5_birth_to_offender_agencies_unaware")
    (before,) = run_query(graph, query, AS_OF)
    at = dt.date(2024, 12, 31)
    triage.record(graph, before, triage.State(before.key, "under review", "Analyst A"), by="Analyst A", as_of=at)

    # unrelated records arrive: a school enrols the child, a visit is recorded, another birth elsewhere
    fx.add(
        "education_enrolments",
        pupil_id="UPN1",
        surname="Keyes",
        forenames="Ava",
        date_of_birth="2019-05-01",
        setting_id="SCH1",
        start_date="2023-09-01",
    )
    fx.add("police_visits", nominal_id=nominal, visit_date="2022-02-02", visit_type="home_visit")
    load_fixture(graph, fx, tmp_path / "second")
    (after,) = run_query(graph, query, AS_OF)
    assert after.key == before.key, "the same child, offender and birth: the same flag"
    assert after.child_keys() > before.child_keys(), "the child gained the school's record"
    states = triage.states(graph, list(after.triage_keys()))
    assert triage.state_of(states, after) is not None and triage.state_of(states, after).assignee == "Analyst A"
