"""Saved queries page: library, a form from the declared parameters, results as table and graph, exports."""

from __future__ import annotations

import datetime as dt
import json

from queries.library import load_library
from tests.support.population import AS_OF, Population, consultations, explorer_env, open_app, population, texts, widget

__all__ = ["explorer_env", "population"]  # fixtures


def test_library_form_run_and_exports(population: Population) -> None:
    at = open_app("saved_queries")
    assert len(at.dataframe[0].value) == len(load_library())
    widget(at, "selectbox", "Query").set_value("s1_child_at_offender_address").run()
    assert any("Set the parameters" in t for t in texts(at, "info"))
    assert widget(at, "date_input", "as of").value == AS_OF, "a date starts at the sidebar's replay date"
    next(b for b in at.button if b.label == "Run").click().run()
    assert not at.exception and not texts(at, "error")
    assert any("flag(s)" in s for s in texts(at, "subheader"))
    table = at.dataframe[-1].value
    assert len(table) >= 1 and {"children", "subject", "summary"} <= set(table.columns)
    downloads = {b.label: b for b in at.get("download_button")}
    assert {"Export CSV", "Export JSON"} <= set(downloads)
    assert consultations()[-1]["what"] == "saved query s1_child_at_offender_address"


def test_an_early_as_of_date_replays_to_no_flags(population: Population) -> None:
    at = open_app("saved_queries")
    widget(at, "selectbox", "Query").set_value("s1_child_at_offender_address").run()
    widget(at, "date_input", "as of").set_value(dt.date(2001, 1, 1))
    next(b for b in at.button if b.label == "Run").click().run()
    assert any("No flags" in t for t in texts(at, "info"))
    assert json.loads(json.dumps(consultations()[-1]))["params"]["as_of"] == "2001-01-01"
