"""Worklist and triage page (AppTest on the real test Neo4j with a generated population)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from streamlit.testing.v1 import AppTest

from explorer import triage
from explorer import worklist as wl
from graph.db import Graph
from linkage.exact import link_exact
from loaders.load import load_directory
from loaders.spec import load_spec
from queries.library import load_library
from queries.runner import WorklistRow
from settings import REPO_ROOT, Settings
from tests.support.explorer import account
from tests.support.keys import assert_no_internal_keys, page_text
from tests.support.population import (
    AS_OF,
    Population,
    consultations,
    explorer_env,
    open_app,
    population,
    sign_in,
    texts,
    widget,
)
from wording import signal_name, tidy_name

__all__ = ["explorer_env", "population"]  # fixtures


def _rows(settings: Settings) -> list[WorklistRow]:
    with Graph.connect(settings) as graph:
        return wl.fetch(graph, AS_OF, load_library()).rows


def test_no_personal_data_until_the_analyst_signs_in_and_says_why(population: Population) -> None:
    at = open_app(identified=False)
    assert [w.label for w in at.text_input] == ["Account name", "Password"]
    assert not at.dataframe
    at = open_app(reason="")
    assert any("Give the reason for consulting" in t for t in texts(at, "info"))
    assert not at.dataframe
    assert consultations() == []


def test_worklist_lists_flagged_children_and_logs_the_consultation(population: Population, settings: Settings) -> None:
    at = open_app()
    assert not at.exception and not texts(at, "error")
    rows = _rows(settings)
    child = population.case("S1")["children"][0]
    assert any(child in c.records for row in rows for f in row.flags for c in f.children)
    children, compliance = wl.children_first(rows)
    table = at.dataframe[0].value
    assert len(table) == len(children) and children and compliance
    assert len(at.dataframe[1].value) == len(compliance)  # offenders' compliance flags in their own tab
    assert table["severity"].iloc[0] == "critical"  # most urgent first
    logged = consultations()
    assert [e["what"] for e in logged] == ["worklist"]
    assert logged[0]["who"] == "Test Analyst" and logged[0]["why"] == "automated test"


def test_filters_keep_only_the_chosen_signal(population: Population) -> None:
    at = open_app()
    signals = widget(at, "multiselect", "Signal")
    assert "Child at an offender's address (S1)" in signals.options  # the filter names the signal
    signals.select("S1").run()
    table = at.dataframe[0].value
    assert len(table) >= 1 and all(signal_name("S1") in s for s in table["signals"])


def test_triage_is_kept_in_the_graph_and_no_further_action_needs_a_reason(
    population: Population, settings: Settings
) -> None:
    at = open_app(role="supervisor")  # a supervisor may assign flags
    widget(at, "selectbox", "Child to triage").select_index(0).run()
    widget(at, "selectbox", "Status").select(triage.NFA)
    widget(at, "text_input", "Assigned to").input("Sam Analyst")
    next(b for b in at.button if b.label == "Save triage").click().run()
    assert any("reason" in t for t in texts(at, "error"))

    widget(at, "selectbox", "Status").select(triage.NFA)
    widget(at, "text_input", "Assigned to").input("Sam Analyst")
    widget(at, "text_input", "Reason").input("known to CSC; not the same family")
    next(b for b in at.button if b.label == "Save triage").click().run()
    assert not texts(at, "error")
    with Graph.connect(settings) as graph:
        states = triage.states(graph, wl.flag_keys(_rows(settings)))
    saved = [s for s in states.values() if s.status == triage.NFA]
    assert len(saved) == 1
    assert saved[0].assignee == "Sam Analyst" and saved[0].updated_by == "Test Supervisor"
    assert any("no further action" in t for t in at.dataframe[0].value["triage"])
    decisions = [d.value for d in at.dataframe if "by" in d.value.columns]
    assert [(d["by"].tolist(), d["status"].tolist()) for d in decisions] == [(["Test Supervisor"], [triage.NFA])]


def test_triage_survives_a_reload_and_a_flag_back_after_nfa_is_re_raised(
    population: Population, settings: Settings
) -> None:
    flag = next(
        f
        for row in _rows(settings)
        for f in row.flags
        if f.detected_on and (latest := triage.latest_evidence(f)) and latest > f.detected_on
    )
    decided = flag.detected_on
    with Graph.connect(settings) as graph:
        triage.record(graph, flag, triage.State(flag.key, triage.NFA, reason="checked"), "Test Analyst", decided)
        load_directory(graph, load_spec(), population.directory, Path(tempfile.mkdtemp()))  # the same feeds again
        link_exact(graph)
        state = triage.states(graph, [flag.key])[flag.key]
        assert len(triage.history(graph, flag.key)) == 1
    again = next(f for row in _rows(settings) for f in row.flags if f.key == flag.key)
    assert state.status == triage.NFA and state.decided_on == decided
    assert triage.shown_status(again, state) == triage.RE_RAISED
    at = open_app()
    assert any("re-raised" in t for d in at.dataframe[:2] for t in d.value["triage"])


def test_each_child_row_says_from_whom_why_and_since_when(population: Population, settings: Settings) -> None:
    """Fails when a row names no offender or relationship, gives no reason, or shows a bare signal code."""
    at = open_app()
    table = at.dataframe[0].value
    assert list(table.columns[:7]) == [
        "child",
        "age",
        "severity",
        "signals",
        "offender (relationship)",
        "reason",
        "first detected",
    ]
    case = population.case("S1")
    rows = _rows(settings)
    s1 = next(f for r in rows for f in r.flags if f.signal == "S1" and case["children"][0] in f.child_keys())
    assert s1.subject and s1.subject.name
    offender = tidy_name(s1.subject.name)
    lines = table[table["signals"].str.contains(signal_name("S1"))]
    line = lines[lines["offender (relationship)"].str.contains(offender, regex=False)].iloc[0]
    assert f"{offender} (" in line["offender (relationship)"]  # how he stands to the child
    assert line["reason"] and not any(f"S{i} " in line["signals"] + " " for i in range(1, 15))
    assert all(table["age"] != "") and all(table["first detected"] != "")
    assert_no_internal_keys(at)


def test_a_flag_shows_its_reason_evidence_with_named_agencies_and_the_action(population: Population) -> None:
    """Fails when a flag card shows a raw key, a feed name for an agency, or no suggested action."""
    at = open_app()
    widget(at, "selectbox", "Child to triage").select_index(0).run()
    widget(at, "selectbox", "Offender to review").select_index(0).run()
    shown = page_text(at)
    assert "Suggested action:" in shown and "Why:" in shown
    evidence = [d.value for d in at.dataframe if "what it says" in d.value.columns]
    assert evidence and all(set(d.columns) == {"date", "agency", "record", "what it says"} for d in evidence)
    agencies = {a for d in evidence for a in d["agency"]}
    assert not agencies & {"health_births", "police_visits", "childrens_social_care"}
    assert any(a not in {"police", "health", "education", "children's social care"} for a in agencies)  # named
    births = [a for d in evidence for a, r in zip(d["agency"], d["record"], strict=True) if r.startswith("birth")]
    assert all(a != "health" for a in births)  # the hospital is named where the birth record gives it
    assert_no_internal_keys(at)


def test_the_worklist_opens_on_the_day_the_records_end(population: Population, settings: Settings) -> None:
    """The generated population ends in 2024: opened without a date, the explorer replays the records to their
    last day, not to today; a date after it is flagged on the page. Fails if it opens on today."""
    with Graph.connect(settings) as graph:
        end = wl.records_end(graph, dt.date.today())
    assert end and end <= AS_OF
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=180)
    at.run()  # the sign-in form: no date chosen yet
    sign_in(at, account(Settings.from_env().accounts, "analyst"))
    at.session_state["reason"] = "automated test"
    at.run()
    assert at.session_state["as_of"] == end
    assert not any("records end" in w for w in texts(at, "warning"))
    later = open_app(as_of=end + dt.timedelta(days=30))
    assert any(f"The records end on {end.day} {end:%B %Y}" in w for w in texts(later, "warning"))
