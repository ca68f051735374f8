"""The simulated analysts of `make bench` (bench/analysts.py), briefly, on the explorer's population: every
action runs without error, each consultation lands in one log whose hash chain holds under concurrent appends,
and the report gives p50/p95 per action alone and together. No assertion on time."""

from __future__ import annotations

from bench.analysts import ACTIONS, measure
from settings import Settings
from tests.support.population import Population, explorer_env, population

__all__ = ["explorer_env", "population"]  # fixtures


def test_simulated_analysts_work_together_without_error(settings: Settings, population: Population) -> None:
    report = measure(settings, analysts=2, seconds=4.0)
    assert report["errors"] == 0, report["first_errors"]
    assert report["audit_log_intact"]
    for action in ACTIONS:
        alone, together = report["actions"][action]["alone"], report["actions"][action]["together"]
        assert alone["count"] > 0 and together["count"] > 0
        assert {"p50_ms", "p95_ms"} <= alone.keys() and {"p50_ms", "p95_ms"} <= together.keys()
        assert alone["p95_ms"] >= alone["p50_ms"]
    logged = sum(report["actions"][a][side]["count"] for a in ACTIONS for side in ("alone", "together"))
    assert report["audit_entries"] == logged
