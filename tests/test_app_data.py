"""Data page: check feed files before loading (report and rejects), load with progress, per-source summary."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.e2e.population import Population, explorer_env, open_app, population, texts, widget

__all__ = ["explorer_env", "population"]  # fixtures


def test_checking_a_folder_reports_rows_and_rejects_before_loading(population: Population, tmp_path: Path) -> None:
    shutil.copy(population.directory / "agencies.csv", tmp_path / "agencies.csv")
    with (tmp_path / "agencies.csv").open("a", encoding="utf-8") as f:
        f.write("BAD1,Broken Surgery,not_a_type,,,,,\n")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    at = open_app("data")
    widget(at, "text_input", "…or a folder").input(str(tmp_path))
    next(b for b in at.button if b.label == "Check files").click().run()
    assert not at.exception and not texts(at, "error")
    report = at.dataframe[0].value
    assert report.loc[0, "feed"] == "agencies" and report.loc[0, "rejected"] == 1
    rejects = at.dataframe[1].value
    assert rejects.loc[0, "field"] == "agency_type" and "BAD1" in rejects.loc[0, "record"]
    assert any("notes.csv" in w for w in texts(at, "warning"))


def test_loading_the_same_feeds_again_changes_nothing_and_the_summary_shows_sources(population: Population) -> None:
    at = open_app("data")
    widget(at, "text_input", "…or a folder").input(str(population.directory))
    next(b for b in at.button if b.label == "Check files").click().run()
    next(b for b in at.button if b.label == "Load into the graph").click().run()
    assert not texts(at, "error")
    assert any("Loaded" in s for s in texts(at, "success"))
    summary = at.dataframe[-1].value
    assert "police_nominals" in summary.index


def test_a_folder_that_does_not_exist_is_a_plain_error(population: Population) -> None:
    at = open_app("data")
    widget(at, "text_input", "…or a folder").input("/no/such/folder")
    next(b for b in at.button if b.label == "Check files").click().run()
    assert any("not a folder" in e for e in texts(at, "error"))
