"""`sightline erase`: erasing a record, a feed or a person leaves exactly the graph that loading the feeds
without those records leaves (same fingerprint: nodes, relationships, properties; identities rebuilt), logs an
s.62 erasure with its justification and subjects, and is refused to an analyst (exit 5, logged)."""

from __future__ import annotations

import csv
import difflib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from audit.log import AuditLog
from cli.exits import ExitCode
from graph.db import Graph
from linkage.exact import link_exact
from loaders.erase import records_of
from loaders.load import load_directory
from loaders.spec import load_spec
from settings import Settings
from synthetic import generate
from tests.support.fingerprint import fingerprint, lines
from tests.support.signin import sign_in_as
from tests.test_cli import in_process

SPEC = load_spec()


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("erase-feeds")
    generate(120, 3, folder, variation_rate=0.0, cases_per_signal=1)
    return folder


@pytest.fixture
def sign_in(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """The test Neo4j, a throwaway s.62 log and accounts store, an administrator ("root") and an analyst ("ada")."""
    return sign_in_as(monkeypatch, tmp_path / "access", settings, {"root": "administrator", "ada": "analyst"})


def load(graph: Graph, folder: Path, rejects: Path) -> None:
    report = load_directory(graph, SPEC, folder, rejects)
    assert report.ok and report.rejected == 0, report
    link_exact(graph)


def without(feeds: Path, records: list[str], out: Path) -> Path:
    """A copy of the feed files without these records' rows (and without a feed's file when all of it goes)."""
    shutil.copytree(feeds, out)
    gone: dict[str, set[str]] = {}
    for record in records:
        feed, _, rid = record.partition(":")
        gone.setdefault(feed, set()).add(rid)
    for name, ids in gone.items():
        feed = SPEC.feeds[name]
        path = out / feed.file
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=feed.header)
            writer.writeheader()
            writer.writerows(r for r in rows if r[feed.key] not in ids)
    return out


def same_graph(graph: Graph, erased: list[str], feeds: Path, tmp_path: Path) -> None:
    after_erase, erase_lines = fingerprint(graph), lines(graph)
    graph.write_in_batches("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", "empty")
    load(graph, without(feeds, erased, tmp_path / "without"), tmp_path / "r2")
    if fingerprint(graph) != after_erase:
        diff = list(difflib.unified_diff(lines(graph), erase_lines, "loaded without", "erased", n=0, lineterm=""))
        pytest.fail("erasing differs from loading without:\n" + "\n".join(diff[:40]))


def _leaf_feeds() -> set[str]:
    referenced = {c.ref[0] for f in SPEC.feeds.values() for c in f.columns if c.ref}
    return set(SPEC.feeds) - referenced


def test_erasing_a_record_leaves_the_graph_loading_without_it_leaves(
    graph: Graph,
    feeds: Path,
    tmp_path: Path,
    sign_in: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load(graph, feeds, tmp_path / "r1")
    rid = graph.read("MATCH ()-[r {source: 'police_visits'}]->() RETURN min(r.source_id) AS id")[0]["id"]
    sign_in("root")
    done = in_process(capsys, "erase", "--record", f"police_visits:{rid}", "--reason", "MoPI review 2026/14")
    assert done.returncode == 0, done.stderr
    (entry,) = [e for e in AuditLog.from_settings().entries() if e.action == "erasure"]
    assert (entry.who, entry.role, entry.why) == ("root", "administrator", "MoPI review 2026/14")
    assert entry.params["record"] == f"police_visits:{rid}" and entry.subjects and entry.rows == 1
    same_graph(graph, [f"police_visits:{rid}"], feeds, tmp_path)


def test_erasing_a_feed_leaves_the_graph_loading_without_it_leaves(
    graph: Graph,
    feeds: Path,
    tmp_path: Path,
    sign_in: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load(graph, feeds, tmp_path / "r1")
    records = records_of(graph, SPEC, None, "travel", None)
    assert records
    sign_in("root")
    assert in_process(capsys, "erase", "--feed", "travel", "--reason", "feed withdrawn by Border Force").returncode == 0
    same_graph(graph, records, feeds, tmp_path)


def test_erasing_a_person_leaves_the_graph_loading_without_their_records_leaves(
    graph: Graph,
    feeds: Path,
    tmp_path: Path,
    sign_in: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load(graph, feeds, tmp_path / "r1")
    leaves = _leaf_feeds()
    keys = [r["key"] for r in graph.read("MATCH (i:Identity) WHERE i.records > 1 RETURN i.key AS key ORDER BY key")]
    person = next(k for k in keys if {r.partition(":")[0] for r in records_of(graph, SPEC, None, None, k)} <= leaves)
    records = records_of(graph, SPEC, None, None, person)
    sign_in("root")
    assert in_process(capsys, "erase", "--person", person, "--reason", "court order 123").returncode == 0
    (entry,) = [e for e in AuditLog.from_settings().entries() if e.action == "erasure"]
    assert entry.rows == len(records) and entry.subjects
    same_graph(graph, records, feeds, tmp_path)


def test_an_analyst_may_not_erase_and_the_refusal_is_logged(
    graph: Graph, sign_in: Callable[[str], None], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sign_in("ada")
    refused = in_process(capsys, "erase", "--feed", "travel", "--reason", "tidy up")
    assert refused.returncode == ExitCode.REFUSED and "needs the administrator role" in refused.stderr
    entries = list(AuditLog.from_settings().entries())
    assert [(e.action, e.who) for e in entries] == [("refusal", "ada")]
    assert not any(e.action == "erasure" for e in entries)
