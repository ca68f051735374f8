"""Plain empty, loading-new-data and error states: an empty graph, a synthetic population made from the
Data page, and no Neo4j at all. Runs after the population tests: it empties the graph."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from graph import server
from graph.db import Graph
from tests.support.population import explorer_env, open_app, texts, widget

__all__ = ["explorer_env"]  # fixture
PAGES = [
    "worklist",
    "search",
    "profile",
    "chronology",
    "line_of_sight",
    "saved_queries",
    "review_links",
    "data",
    "console",
]


def test_an_empty_graph_says_so(explorer_env: Path, graph: Graph) -> None:
    at = open_app("worklist")
    assert any("No flags" in t for t in texts(at, "info"))
    at = open_app("data", role="administrator")
    assert any("graph is empty" in t for t in texts(at, "info"))


def test_generate_and_load_a_synthetic_population(explorer_env: Path, graph: Graph) -> None:
    at = open_app("data", role="administrator")
    widget(at, "number_input", "People").set_value(300)
    widget(at, "number_input", "Seed").set_value(5)
    next(b for b in at.button if b.label == "Generate and load").click().run()
    assert not at.exception and not texts(at, "error")
    assert graph.read("MATCH (p:Person) RETURN count(p) AS n")[0]["n"] > 0


@pytest.mark.parametrize("page", PAGES)
def test_no_neo4j_is_one_plain_error_on_every_page(page: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{server.free_port()}")
    monkeypatch.setenv("SIGHTLINE_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    monkeypatch.setenv("SIGHTLINE_AUDIT_HEAD", str(tmp_path / "audit.head.json"))
    monkeypatch.setenv("SIGHTLINE_ACCOUNTS", str(tmp_path / "accounts.sqlite"))
    st.cache_resource.clear()
    st.cache_data.clear()
    at = open_app(page, role="administrator", focus="identity:anyone")
    assert not at.exception
    assert any("Cannot reach Neo4j" in e for e in texts(at, "error")), texts(at, "error")
    st.cache_resource.clear()
