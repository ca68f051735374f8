"""`sightline resolve`: probabilistic record linkage of person records into identities (Splink)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from cli.options import Reason, TableOrJson
from cli.signin import acting
from errors import ConfigError
from linkage.decisions import ACCEPT, REVIEW

out = Console()
RESOLVE_REASON = "record linkage of person records"  # an administrator's combination, unless --reason


def resolve_command(
    accept: Annotated[
        float, typer.Option(help="Match probability at or above which records are linked automatically")
    ] = ACCEPT,
    review: Annotated[
        float, typer.Option(help="Match probability at or above which (below --accept) a pair is queued for review")
    ] = REVIEW,
    incremental: Annotated[
        bool, typer.Option(help="Link only records no identity holds yet, with the saved model")
    ] = False,
    truth: Annotated[
        Path | None, typer.Option(help="ground_truth.json: also report precision and recall of the links")
    ] = None,
    fmt: TableOrJson = "table",
    reason: Reason = "",
) -> None:
    """Link person records across agencies into identities with Splink, keeping every source record.

    Pairs between --review and --accept wait for a reviewer in the explorer; reviewers' decisions survive
    every later run. Administrators only; logged as a combination (the reason defaults to record linkage).
    """
    from graph.db import Graph
    from linkage.addresses import address_accuracy
    from linkage.metrics import person_metrics
    from linkage.pipeline import ResolveSettings, resolve
    from loaders.load import address_aliases
    from notes.read import resolve_stays
    from queries.evaluate import load_truth

    if not 0 <= review <= accept <= 1:
        raise ConfigError("thresholds must satisfy 0 <= --review <= --accept <= 1")
    who = acting("resolve", "resolve identities", reason, RESOLVE_REASON)
    data = load_truth(truth) if truth else None
    asked = {"accept": accept, "review": review, "incremental": incremental, "truth": truth}
    with who.failing("combination", "resolve", asked), Graph.connect() as graph:
        report = resolve(graph, ResolveSettings(accept=accept, review=review, incremental=incremental), _stage)
        resolve_stays(graph)  # notes' stays "at his partner's", through the new identities
        if data:
            report.metrics = person_metrics(graph, data) | {
                "address_accuracy": address_accuracy(data, address_aliases(graph))
            }
    done = {"identities": report.identities, "linked": report.accepted, "queued": report.queued}
    who.record("combination", "resolve", asked | done, rows=report.records)
    if fmt == "json":
        print(json.dumps(report.metrics | report.as_dict(), indent=2, default=str))
        return
    out.print(
        f"{report.records} person records -> {report.identities} identities in {report.seconds} s "
        f"(peak memory {report.peak_memory_mb} MB)"
    )
    out.print(report.model)
    out.print(
        f"{report.scored_pairs} pairs scored: {report.accepted} linked, {report.queued} queued for review, "
        f"{report.decisions_applied} reviewer decisions applied"
    )
    for key, value in report.metrics.items():
        out.print(f"{key}: {value}")


def _stage(text: str) -> None:
    """Each stage as a plain log line on stderr, with the time since the start (a terminal or a piped log)."""
    print(f"resolve: {text} ({time.perf_counter() - _STARTED:.0f} s)", file=sys.stderr, flush=True)


_STARTED = time.perf_counter()


def register(app: typer.Typer) -> None:
    app.command("resolve")(resolve_command)
