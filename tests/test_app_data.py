"""Data page: check feed files before loading (report and rejects), load with progress, per-source summary."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.db import Graph
from graph.stats import graph_stats
from settings import REPO_ROOT, Settings
from tests.support.population import Population, explorer_env, open_app, population, texts, widget

__all__ = ["explorer_env", "population"]  # fixtures
MAPPINGS = REPO_ROOT / "loaders" / "mappings"


def test_checking_a_folder_reports_rows_and_rejects_before_loading(
    population: Population, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_IMPORT_DIR", str(tmp_path))
    shutil.copy(population.directory / "agencies.csv", tmp_path / "agencies.csv")
    with (tmp_path / "agencies.csv").open("a", encoding="utf-8") as f:
        f.write("BAD1,Broken Surgery,not_a_type,,,,,\n")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    at = open_app("data", role="administrator")
    widget(at, "text_input", "…or a folder").input(str(tmp_path))
    next(b for b in at.button if b.label == "Check files").click().run()
    assert not at.exception and not texts(at, "error")
    report = at.dataframe[0].value
    assert report.loc[0, "feed"] == "agencies" and report.loc[0, "rejected"] == 1
    rejects = at.dataframe[1].value
    assert rejects.loc[0, "field"] == "agency_type" and "BAD1" in rejects.loc[0, "record"]
    assert any("notes.csv" in w for w in texts(at, "warning"))


def test_loading_the_same_feeds_again_changes_nothing_and_the_summary_shows_sources(
    population: Population, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_IMPORT_DIR", str(population.directory.parent))
    with Graph.connect(settings) as graph:
        before = graph_stats(graph)
    at = open_app("data", role="administrator")
    widget(at, "text_input", "…or a folder").input(population.directory.name)  # relative to the import folder
    next(b for b in at.button if b.label == "Check files").click().run()
    next(b for b in at.button if b.label == "Load into the graph").click().run()
    assert not texts(at, "error")
    assert any("Loaded" in s for s in texts(at, "success"))
    summary = at.dataframe[-1].value
    assert "police_nominals" in summary.index
    with Graph.connect(settings) as graph:
        assert graph_stats(graph) == before


def test_a_folder_that_does_not_exist_is_a_plain_error(
    population: Population, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_IMPORT_DIR", str(tmp_path))
    at = open_app("data", role="administrator")
    widget(at, "text_input", "…or a folder").input(str(tmp_path / "no" / "such" / "folder"))
    next(b for b in at.button if b.label == "Check files").click().run()
    assert any("not a folder" in e for e in texts(at, "error"))


@pytest.mark.parametrize("typed", ["/etc", "../..", "{root}/../outside", "{root}/link"])
def test_the_page_reads_nothing_outside_the_import_folder(
    population: Population, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """A folder on the server, or a mapping, showed any file's lines in the rejects table (the Neo4j password)."""
    imports = tmp_path / "imports"
    imports.mkdir()
    (tmp_path / "outside").mkdir()
    (imports / "link").symlink_to(tmp_path / "outside")
    monkeypatch.setenv("SIGHTLINE_IMPORT_DIR", str(imports))
    at = open_app("data", role="administrator")
    widget(at, "text_input", "…or a folder").input(typed.format(root=imports))
    next(b for b in at.button if b.label == "Check files").click().run()
    assert any("outside the import folder" in e for e in texts(at, "error")), texts(at, "error")
    assert "preview" not in at.session_state  # nothing was read, so no report and no rejects


def test_the_data_page_asks_who_and_why_first(population: Population) -> None:
    at = open_app("data", role="administrator", reason="")
    assert any("Give the reason for consulting" in i for i in texts(at, "info"))
    assert not [b for b in at.button if b.label in ("Check files", "Generate and load")]


def test_generate_and_load_refuses_a_graph_that_holds_records(population: Population, settings: Settings) -> None:
    """ "Generate and load" wrote 1,256 made-up people into the live graph."""
    with Graph.connect(settings) as graph:
        before = graph_stats(graph)
    at = open_app("data", role="administrator")
    next(b for b in at.button if b.label == "Generate and load").click().run()
    assert any("only generated into an empty graph" in e for e in texts(at, "error")), texts(at, "error")
    with Graph.connect(settings) as graph:
        assert graph_stats(graph) == before


def test_an_export_with_its_own_columns_loads_through_a_yaml_mapping(
    explorer_env: Path, graph: Graph, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("agencies.csv", "force_b_nominals.csv"):
        shutil.copy(MAPPINGS / "samples" / name, tmp_path / name)
    (tmp_path / "mappings").mkdir()
    shutil.copy(MAPPINGS / "example_police_nominals.yaml", tmp_path / "mappings")
    monkeypatch.setenv("SIGHTLINE_IMPORT_DIR", str(tmp_path))
    at = open_app("data", role="administrator")
    widget(at, "text_input", "…or a folder").input(str(tmp_path))
    widget(at, "text_area", "…or mapping files").input("mappings/example_police_nominals.yaml")
    next(b for b in at.button if b.label == "Check files").click().run()
    assert not at.exception and not texts(at, "error") and not texts(at, "warning")
    report = at.dataframe[0].value.set_index("file")
    assert report.loc["force_b_nominals.csv", "feed"] == "police_nominals"
    assert report.loc["force_b_nominals.csv", "mapping"] == "example_police_nominals.yaml"
    assert report.loc["force_b_nominals.csv", "rejected"] == 0 and report.loc["force_b_nominals.csv", "valid"] > 0
    next(b for b in at.button if b.label == "Load into the graph").click().run()
    assert not texts(at, "error") and any("Loaded" in s for s in texts(at, "success"))
    loaded_report = at.dataframe[-2].value.set_index("file")
    # rows naming an offender manager wait for the staff feed (a reference check made at load): 3 of 5
    assert loaded_report.loc["force_b_nominals.csv", ["loaded", "rejected"]].tolist() == [2, 3]
    with Graph.connect(settings) as graph:
        loaded = graph.read("MATCH (o:Offender {nominal_id: 'FB-000105'}) RETURN o.sex AS sex")
    assert loaded == [{"sex": "U"}], "the Force B nominal is in the graph under its canonical fields"


def test_a_broken_mapping_is_a_plain_error_naming_the_file(
    population: Population, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_IMPORT_DIR", str(tmp_path))
    bad = tmp_path / "bad.yaml"
    bad.write_text("feed: police_nominals\nfile: x.csv\ncolumns: {nominal_id: {from: Ref}}\n", encoding="utf-8")
    at = open_app("data", role="administrator")
    widget(at, "text_input", "…or a folder").input(str(tmp_path))
    widget(at, "text_area", "…or mapping files").input(str(bad))
    next(b for b in at.button if b.label == "Check files").click().run()
    assert any("bad.yaml" in e and "not mapped" in e for e in texts(at, "error"))
