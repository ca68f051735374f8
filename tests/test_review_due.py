"""`sightline review-due`: source records past their MoPI review date (a period per feed after the record's
last date), as a table and spreadsheet-safe CSV, logged as a consultation; supervisors and administrators only."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from audit.log import AuditLog
from cli.exits import ExitCode
from graph.db import Graph
from loaders.retention import parse_periods
from settings import Settings
from tests.support.fixture import FeedFixture, add_agencies, load_fixture
from tests.support.signin import sign_in_as
from tests.test_cli import in_process


@pytest.fixture
def sign_in(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """The test Neo4j, a throwaway s.62 log and accounts store, one account per role; review periods of 6 years,
    10 for convictions."""
    monkeypatch.setenv("SIGHTLINE_REVIEW_YEARS", "6,police_convictions=10")
    roles = {"root": "administrator", "sue": "supervisor", "ada": "analyst"}
    return sign_in_as(monkeypatch, tmp_path / "access", settings, roles)


def test_records_on_both_sides_of_the_review_date(
    graph: Graph,
    sign_in: Callable[[str], None],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fx = FeedFixture()
    add_agencies(fx, "JIG1")
    nominal = fx.add("police_nominals", surname="Doe", managing_team_id="JIG1")
    fx.add("police_convictions", conviction_id="C-OLD", nominal_id=nominal, conviction_date="2014-06-30")
    fx.add("police_convictions", conviction_id="C-NEW", nominal_id=nominal, conviction_date="2014-07-01")
    fx.add(
        "police_intelligence",
        intel_id="=I-OLD",
        nominal_id=nominal,
        report_date="2018-06-30",
        summary="seen with a child",
    )
    fx.add(
        "police_intelligence",
        intel_id="I-NEW",
        nominal_id=nominal,
        report_date="2018-07-01",
        summary="seen with a child",
    )
    load_fixture(graph, fx, tmp_path)
    sign_in("sue")
    got = in_process(capsys, "review-due", "--as-of", "2024-06-30", "--format", "csv", "--reason", "MoPI review Q2")
    assert got.returncode == 0, got.stderr
    rows = list(csv.DictReader(io.StringIO(got.stdout)))
    due = {(r["feed"], r["id"]) for r in rows}
    assert ("police_convictions", "C-OLD") in due and ("police_convictions", "C-NEW") not in due  # 10 years
    assert ("police_intelligence", "'=I-OLD") in due and ("police_intelligence", "I-NEW") not in due  # 6 years
    old = next(r for r in rows if r["id"] == "C-OLD")
    assert (old["last"], old["years"], old["due"]) == ("2014-06-30", "10", "2024-06-30")
    table = in_process(capsys, "review-due", "--as-of", "2024-06-30", "--reason", "MoPI review Q2")
    assert table.returncode == 0 and "C-OLD" in table.stdout and "C-NEW" not in table.stdout
    entries = [e for e in AuditLog.from_settings().entries() if e.what == "review-due"]
    assert next((e.action, e.who, e.why, e.rows) for e in entries) == (
        "consultation",
        "sue",
        "MoPI review Q2",
        len(rows),
    )


def test_an_analyst_is_refused_and_a_reason_is_needed(
    graph: Graph, sign_in: Callable[[str], None], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sign_in("ada")
    refused = in_process(capsys, "review-due", "--reason", "curious")
    assert refused.returncode == ExitCode.REFUSED
    assert [(e.action, e.who) for e in AuditLog.from_settings().entries()] == [("refusal", "ada")]
    sign_in("root")
    assert in_process(capsys, "review-due").returncode == ExitCode.ERROR  # no reason: nothing read or logged


def test_review_periods_are_checked() -> None:
    feeds = {"police_orders", "travel"}
    assert parse_periods("6,police_orders=10", feeds).by_feed == {"police_orders": 10}
    for bad in ("police_orders=10", "6,nosuch=3", "six"):
        with pytest.raises(Exception, match="SIGHTLINE_REVIEW_YEARS"):
            parse_periods(bad, feeds)
