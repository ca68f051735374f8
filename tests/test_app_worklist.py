"""Worklist and triage page (AppTest on the real test Neo4j with a generated population)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from explorer import triage
from explorer import worklist as wl
from graph.db import Graph
from linkage.exact import link_exact
from loaders.load import load_directory
from loaders.spec import load_spec
from queries.library import load_library
from queries.runner import WorklistRow
from settings import Settings
from tests.support.population import AS_OF, Population, consultations, explorer_env, open_app, population, texts, widget

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
    table = at.dataframe[0].value
    assert len(table) == len(rows)
    assert table["severity"].iloc[0] == "critical"  # most urgent first
    logged = consultations()
    assert [e["what"] for e in logged] == ["worklist"]
    assert logged[0]["who"] == "Test Analyst" and logged[0]["why"] == "automated test"


def test_filters_keep_only_the_chosen_signal(population: Population) -> None:
    at = open_app()
    widget(at, "multiselect", "Signal").select("S1").run()
    table = at.dataframe[0].value
    assert len(table) >= 1 and all("S1" in s.split() for s in table["signals"])


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
    assert any("re-raised" in t for t in at.dataframe[0].value["triage"])
