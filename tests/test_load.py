"""Loading on the real Neo4j: good rows load, bad rows are kept with reasons, re-loading changes nothing."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from graph.db import Graph
from graph.stats import graph_stats
from loaders.load import load_directory
from loaders.mapping import load_mapping
from loaders.spec import load_spec
from tests.conftest import CLEAR

SPEC = load_spec()
SAMPLES = Path(__file__).resolve().parent.parent / "loaders" / "mappings" / "samples"
MAPPING = SAMPLES.parent / "example_police_nominals.yaml"
SNAPSHOT = (Path(__file__).with_name("snapshot.cypher")).read_text(encoding="utf-8")


def sample_dir(tmp_path: Path, *names: str) -> Path:
    out = tmp_path / "feeds"
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLES / name, out / name)
    return out


def snapshot(graph: Graph) -> list[dict]:
    """Every node with its labels and properties (load times left out) and every relationship."""
    rows = graph.read(SNAPSHOT, name="snapshot")
    for row in rows:
        row["labels"] = sorted(row["labels"])
        row["props"].pop("loaded_at", None)
    return rows


def rejects(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_samples_load_and_a_second_load_changes_nothing(graph: Graph, tmp_path: Path) -> None:
    feeds = sample_dir(tmp_path, "agencies.csv", "practitioners.csv", "police_nominals.csv")
    first = load_directory(graph, SPEC, feeds, tmp_path / "rejects")
    assert [(f.file, f.read, f.loaded, f.rejected) for f in first.files] == [
        ("agencies.csv", 2, 2, 0),
        ("practitioners.csv", 2, 2, 0),
        ("police_nominals.csv", 5, 5, 0),
    ]
    before, counts = snapshot(graph), graph_stats(graph)
    assert counts["by_label"] == {"Agency": 2, "Address": 2, "Person": 7, "Practitioner": 2, "Offender": 5}
    again = load_directory(graph, SPEC, feeds, tmp_path / "rejects2")
    assert all(f.loaded == f.read for f in again.files)
    assert graph_stats(graph) == counts
    assert snapshot(graph) == before


def test_mapped_export_builds_the_same_graph_as_the_canonical_feed(graph: Graph, tmp_path: Path) -> None:
    canonical = sample_dir(tmp_path / "a", "agencies.csv", "practitioners.csv", "police_nominals.csv")
    load_directory(graph, SPEC, canonical, tmp_path / "r1")
    expected = snapshot(graph)
    graph.write_in_batches(CLEAR, name="empty the graph")
    exported = sample_dir(tmp_path / "b", "agencies.csv", "practitioners.csv", "force_b_nominals.csv")
    report = load_directory(graph, SPEC, exported, tmp_path / "r2", [load_mapping(MAPPING, SPEC)])
    assert report.ok and report.rejected == 0
    assert snapshot(graph) == expected


def test_bad_rows_are_rejected_with_file_line_field_and_reason(graph: Graph, tmp_path: Path) -> None:
    feeds = sample_dir(tmp_path, "agencies.csv", "practitioners.csv")
    good = (SAMPLES / "police_nominals.csv").read_text(encoding="utf-8").splitlines()
    bad = [
        "N-BAD-1,Baddate,Row,1984-02-30,M,1,1,medium,POL-JIG-1,",  # line 7: impossible date
        "N-BAD-2,Unknownteam,Row,1984-02-03,M,1,1,medium,NO-SUCH-TEAM,",  # line 8: reference to nothing
        ",Noid,Row,1984-02-03,M,1,1,medium,POL-JIG-1,",  # line 9: required key empty
        "FB-000101,Duplicate,Row,1984-02-03,M,1,1,medium,POL-JIG-1,",  # line 10: repeats line 2
        "N-BAD-5,Short,Row",  # line 11: too few fields
    ]
    body = "\n".join(good + bad).encode("utf-8")
    body += "\nN-BAD-6,Zo\u00eb,Row,1984-02-03,F,1,1,low,POL-JIG-1,".encode("cp1252")  # line 12: not UTF-8
    body += b'\nN-BAD-7,"Unclosed,Row,1984-02-03,M,1,1,low,POL-JIG-1,'  # line 13: truncated quote
    (feeds / "police_nominals.csv").write_bytes(body)
    report = load_directory(graph, SPEC, feeds, tmp_path / "rejects")
    nominals = report.files[-1]
    assert (nominals.read, nominals.loaded, nominals.rejected) == (12, 5, 7)
    kept = rejects(report.rejects_file)
    assert [(r["file"], r["line"], r["field"]) for r in kept] == [
        ("police_nominals.csv", "7", "date_of_birth"),
        ("police_nominals.csv", "8", "managing_team_id"),
        ("police_nominals.csv", "9", "nominal_id"),
        ("police_nominals.csv", "10", "nominal_id"),
        ("police_nominals.csv", "11", ""),
        ("police_nominals.csv", "12", ""),
        ("police_nominals.csv", "13", ""),
    ]
    assert "not a real date" in kept[0]["reason"]
    assert "'NO-SUCH-TEAM' is not a known agencies.agency_id" in kept[1]["reason"]
    assert "repeats the record at line 2" in kept[3]["reason"]
    assert "expected 10 fields, found 3" in kept[4]["reason"]
    assert "N-BAD-5" in kept[4]["record"]
    assert "not valid utf-8" in kept[5]["reason"] and "N-BAD-6" in kept[5]["record"]
    assert "unreadable CSV" in kept[6]["reason"] and "N-BAD-7" in kept[6]["record"]
    assert graph_stats(graph)["by_label"]["Offender"] == 5


def test_malformed_files_get_a_clear_error_and_other_files_still_load(graph: Graph, tmp_path: Path) -> None:
    feeds = sample_dir(tmp_path, "agencies.csv", "practitioners.csv")
    (feeds / "police_nominals.csv").write_bytes(b"")
    (feeds / "travel.csv").write_text("travel_id;passport_number;surname\n1;2;3\n", encoding="utf-8")
    (feeds / "employment.csv").write_text("employment_id,surname,shoe_size\n", encoding="utf-8")
    (feeds / "disclosures.csv").write_text("D1,N1,2020-01-01\n", encoding="utf-8")
    (feeds / "notes.csv").write_text("a,b\n", encoding="utf-8")
    report = load_directory(graph, SPEC, feeds, tmp_path / "rejects")
    errors = {f.file: f.error for f in report.files if f.error}
    assert "file is empty" in errors["police_nominals.csv"]
    assert "separated by ';'" in errors["travel.csv"]
    assert "missing column(s)" in errors["employment.csv"] and "unknown column(s) shoe_size" in errors["employment.csv"]
    assert "no header row" in errors["disclosures.csv"]
    assert report.skipped == ["notes.csv"]
    assert {f.file: f.loaded for f in report.files if not f.error} == {"agencies.csv": 2, "practitioners.csv": 2}


def test_partial_load_references_records_already_in_the_graph(graph: Graph, tmp_path: Path) -> None:
    load_directory(graph, SPEC, sample_dir(tmp_path / "a", "agencies.csv", "practitioners.csv"), tmp_path / "r1")
    report = load_directory(graph, SPEC, sample_dir(tmp_path / "b", "police_nominals.csv"), tmp_path / "r2")
    assert report.files[0].loaded == 5 and report.rejected == 0
