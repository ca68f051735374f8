"""The s.62 log is a hash chain with its head kept apart: an edited, a deleted, an inserted and a cut-off entry
are each caught, and named; concurrent writers keep one unbroken chain. No Neo4j needed."""

from __future__ import annotations

import csv
import io
import itertools
import json
import multiprocessing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from audit.log import AuditLog, FileHead
from cli import build_app
from errors import ConfigError
from tests.support.signin import signed_in_env


def _log(tmp_path: Path) -> AuditLog:
    return AuditLog(tmp_path / "s62.jsonl", (FileHead(tmp_path / "apart" / "head.json"),))


def _fill(log: AuditLog, n: int = 5) -> None:
    for i in range(n):
        log.record(
            "consultation", f"profile {i}", "MASH referral 2024/117", who="A Analyst", subjects=[f"p{i}"], rows=i
        )


def _lines(log: AuditLog) -> list[str]:
    return log.path.read_text(encoding="utf-8").splitlines(keepends=True)


def test_an_untouched_log_holds(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _fill(log)
    verdict = log.verify()
    assert verdict.ok and verdict.entries == 5
    entries = list(log.entries())
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev == "0" * 64 and all(b.prev == a.hash for a, b in itertools.pairwise(entries))
    assert entries[2].subjects == ["p2"] and entries[2].why == "MASH referral 2024/117"
    assert oct(log.path.stat().st_mode & 0o777) == "0o600"


def test_an_edited_entry_is_named(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _fill(log)
    lines = _lines(log)
    lines[2] = lines[2].replace("MASH referral 2024/117", "curiosity")
    log.path.write_text("".join(lines), encoding="utf-8")
    verdict = log.verify()
    assert verdict.broken_line == 3 and "entry 3 was altered" in verdict.problem


def test_a_deleted_entry_is_named(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _fill(log)
    lines = _lines(log)
    del lines[1]
    log.path.write_text("".join(lines), encoding="utf-8")
    verdict = log.verify()
    assert verdict.broken_line == 2 and "entry 3 does not follow" in verdict.problem


def test_a_cut_off_end_is_caught_by_the_head_kept_apart(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _fill(log)
    log.path.write_text("".join(_lines(log)[:3]), encoding="utf-8")
    verdict = log.verify()
    assert not verdict.ok and "ends at entry 3" in verdict.problem and "entry 5" in verdict.problem


def test_a_rewritten_last_entry_with_a_fresh_hash_is_caught(tmp_path: Path) -> None:
    """An editor who recomputes the hash still disagrees with the head kept elsewhere."""
    log = _log(tmp_path)
    _fill(log)
    lines = _lines(log)
    last = json.loads(lines[-1])
    forged = AuditLog(tmp_path / "forged.jsonl")
    forged_entry = type(next(log.entries()))(**(last | {"why": "routine", "hash": ""}))
    last = last | {"why": "routine", "hash": forged_entry.digest()}
    lines[-1] = json.dumps(last, sort_keys=True) + "\n"
    log.path.write_text("".join(lines), encoding="utf-8")
    assert not forged.path.exists()
    verdict = log.verify()
    assert not verdict.ok and "replaced" in verdict.problem


def test_a_missing_head_is_caught(tmp_path: Path) -> None:
    log = _log(tmp_path)
    _fill(log)
    (tmp_path / "apart" / "head.json").unlink()
    assert "missing" in log.verify().problem


@pytest.mark.parametrize("why", ["", "   ", ".", "x", "--"])
def test_a_token_reason_is_refused_and_nothing_is_written(tmp_path: Path, why: str) -> None:
    log = _log(tmp_path)
    with pytest.raises(ConfigError, match="reason"):
        log.record("consultation", "search", why, who="A Analyst")
    assert not log.path.exists()


def test_an_unknown_action_class_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="action class"):
        _log(tmp_path).record("peek", "search", "MASH referral", who="A Analyst")


def _write_many(path: str, head: str, who: str) -> None:
    log = AuditLog(Path(path), (FileHead(Path(head)),))
    for i in range(20):
        log.record("consultation", f"search {i}", "daily worklist", who=who)


def test_concurrent_writers_keep_one_chain(tmp_path: Path) -> None:
    log = _log(tmp_path)
    args = [(str(log.path), str(tmp_path / "apart" / "head.json"), f"analyst {n}") for n in range(4)]
    with multiprocessing.get_context("fork").Pool(4) as pool:
        pool.starmap(_write_many, args)
    verdict = log.verify()
    assert verdict.ok, verdict
    assert verdict.entries == 80 and len({e.who for e in log.entries()}) == 4


def test_the_cli_verifies_and_exports_for_an_auditor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGHTLINE_AUDIT_LOG", str(tmp_path / "s62.jsonl"))
    monkeypatch.setenv("SIGHTLINE_AUDIT_HEAD", str(tmp_path / "apart" / "head.json"))
    supervisor = signed_in_env(tmp_path / "access", "B Supervisor", "supervisor")
    for key in ("SIGHTLINE_ACCOUNTS", "SIGHTLINE_USER", "SIGHTLINE_PASSWORD", "SIGHTLINE_TOKEN", "SIGHTLINE_REASON"):
        monkeypatch.setenv(key, supervisor[key])
    _fill(AuditLog.from_settings())
    AuditLog.from_settings().record(
        "disclosure", '=HYPERLINK("http://x")', "strategy meeting", who="B Supervisor", subjects=["p2"]
    )
    runner = CliRunner()
    ok = runner.invoke(build_app(), ["audit", "verify"])
    assert ok.exit_code == 0 and "6 entries, the chain holds" in ok.output

    exported = runner.invoke(build_app(), ["audit", "export", "--subject", "p2", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(exported.output)))
    assert [(r["who"], r["action"]) for r in rows] == [("A Analyst", "consultation"), ("B Supervisor", "disclosure")]
    assert rows[1]["what"].startswith("'=HYPERLINK")  # neutralised for a spreadsheet

    by_user = runner.invoke(build_app(), ["audit", "export", "--user", "B Supervisor", "--format", "json"])
    assert [(e["seq"], e["action"], e["what"]) for e in json.loads(by_user.output)] == [
        (6, "disclosure", '=HYPERLINK("http://x")'),
        (7, "consultation", "audit verify"),  # the supervisor's own check and export are logged too
        (8, "disclosure", "audit export"),
    ]

    log = tmp_path / "s62.jsonl"
    log.write_text("".join(log.read_text().splitlines(keepends=True)[:-1]))
    cut = log.read_text()
    broken = runner.invoke(build_app(), ["audit", "verify"])
    assert broken.exit_code == 4 and "entries were removed" in broken.output
    assert log.read_text() == cut, "a broken log gets no new entry"


def test_nothing_is_written_after_a_cut(tmp_path: Path) -> None:
    """Appending to a cut log would move the head kept apart past the cut and hide it: the writer refuses."""
    log = _log(tmp_path)
    _fill(log)
    log.path.write_text("".join(_lines(log)[:3]), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tampered with .*entries were removed"):
        log.record("consultation", "search", "MASH referral 2024/117", who="A Analyst")
    assert len(_lines(log)) == 3 and "ends at entry 3" in log.verify().problem
