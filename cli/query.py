"""`sightline query ...` and `sightline evaluate`: saved risk queries from the command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from cli.exits import ExitCode
from cli.options import Reason, TableJsonOrCsv, TableOrJson, date_option
from cli.signin import acting
from errors import QueryError
from exports import csv_text
from queries.flags import Flag, plain
from queries.library import SavedQuery, get_query, load_library

if TYPE_CHECKING:
    from queries.evaluate import SignalScore
    from queries.runner import WorklistRow

app = typer.Typer(help="List, show and run the saved risk queries (signals S1-S14), or build the worklist.")
out = Console()
err = Console(stderr=True)


@app.command("list")
def list_queries() -> None:
    """Every saved query: name, signal, severity and title (the library's metadata, no person: open to all)."""
    table = Table("name", "signal", "severity", "title")
    for q in load_library().values():
        table.add_row(q.name, q.signal, q.severity, q.title)
    out.print(table)


@app.command()
def show(name: Annotated[str, typer.Argument(help="Saved query name")]) -> None:
    """A saved query's metadata, parameters and Cypher (no person: open to all)."""
    q = get_query(name)
    out.print(f"[bold]{q.title}[/]  ({q.name}, {q.signal}, severity {q.severity})")
    out.print(f"Why: {q.rationale}")
    out.print(f"Action: {q.action}")
    for p in q.parameters:
        out.print(f"  --param {p.name}=<{p.type}>  default {p.default}: {p.help}")
    out.print(q.cypher, highlight=False, markup=False)


def _subjects(flags: Sequence[Flag]) -> list[str]:
    """The people the consultation showed, as the s.62 log keeps them: children, subjects and people named."""
    return sorted({k for f in flags for k in f.person_keys()})


def _parse_params(query: SavedQuery, pairs: list[str]) -> dict[str, str]:
    """--param key=value pairs the saved query takes; a bad one is a usage error (before anything is read)."""
    params = {}
    try:
        for pair in pairs:
            key, sep, value = pair.partition("=")
            if not sep or not key:
                raise QueryError(f"--param takes key=value, got {pair!r}")
            params[key.strip()] = value.strip()
        query.bind(params)
    except QueryError as e:
        raise typer.BadParameter(str(e), param_hint="'--param'") from None
    return params


@app.command()
def run(
    name: Annotated[str, typer.Argument(help="Saved query name (see `sightline query list`)")],
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="Parameter as key=value (repeatable)")
    ] = None,
    fmt: TableJsonOrCsv = "table",
    reason: Reason = "",
) -> None:
    """Run one saved query; every flag names the children, people, addresses, agencies and source records.

    Analysts and above, with a reason; logged as a consultation naming every person shown."""
    from graph.db import Graph
    from queries.runner import run_query

    query = get_query(name)
    given = _parse_params(query, param or [])
    who = acting("saved_queries", f"run saved query {name}", reason)
    with Graph.connect() as graph:
        flags = run_query(graph, query, given)
    who.record("consultation", f"query run {name}", given | {"format": fmt}, _subjects(flags), len(flags))
    _emit(flags, fmt, _flag_row)


@app.command("worklist")
def worklist_command(
    as_of: Annotated[dt.date | None, date_option("Replay the records as they stood on this day", "today")] = None,
    fmt: TableJsonOrCsv = "table",
    reason: Reason = "",
) -> None:
    """Every saved query at once, merged into one row per child: every signal against them, highest severity first.

    Analysts and above, with a reason; logged as a consultation naming every person shown."""
    from graph.db import Graph
    from queries.runner import worklist

    day = as_of or dt.date.today()
    who = acting("worklist", "see the worklist", reason)
    with Graph.connect() as graph:
        result = worklist(graph, day)
    flags = [f for row in result.rows for f in row.flags]
    who.record("consultation", "query worklist", {"as_of": day, "format": fmt}, _subjects(flags), len(result.rows))
    _emit(result.rows, fmt, _worklist_row)
    for line in result.unfinished:
        err.print(f"warning: {line}", markup=False, highlight=False, soft_wrap=True)
    for name, error in result.failures.items():
        err.print(f"[red]saved query {name} failed, its flags are missing from this worklist:[/red] {error}")
    if result.failures:
        raise typer.Exit(ExitCode.ERROR)


def _flag_row(flag: Flag) -> dict[str, str]:
    return {
        "signal": flag.signal,
        "severity": flag.severity,
        "children": "; ".join(f"{c.name} ({c.key})" for c in flag.children),
        "subject": (flag.subject.name if flag.subject else "") or "",  # rich and csv show None as ""
        "detected_on": plain(flag.detected_on) or "",
        "summary": flag.summary,
        "evidence": "; ".join(f"{e.feed}:{e.record_id} {plain(e.date) or ''}" for e in flag.evidence),
    }


def _worklist_row(row: WorklistRow) -> dict[str, str]:
    return {
        "child": f"{row.name} ({row.key})",
        "dob": plain(row.dob) or "",
        "severity": row.severity,
        "signals": " ".join(row.signals),
        "flags": str(len(row.flags)),
        "first": "; ".join(sorted({f.summary for f in row.flags}))[:200],
    }


class _Exported(Protocol):
    def to_json(self) -> dict[str, Any]: ...


Item = TypeVar("Item", bound=_Exported)


def _emit(items: Sequence[Item], fmt: str, flatten: Callable[[Item], dict[str, str]]) -> None:
    """JSON as the typed objects export themselves; table and CSV through `flatten`, one line an item."""
    if fmt == "json":
        print(json.dumps([i.to_json() for i in items], indent=2, default=str))
        return
    rows = [flatten(i) for i in items]
    if fmt == "csv":
        sys.stdout.write(csv_text(rows, list(rows[0]) if rows else ["result"]))
        return
    if not rows:
        out.print("nothing raised")
        return
    table = Table(*rows[0])
    for r in rows:
        table.add_row(*r.values())
    out.print(table)
    out.print(f"{len(rows)} row(s)")


def evaluate(
    truth: Annotated[Path, typer.Option("--truth", help="ground_truth.json written by `sightline generate`")],
    as_of: Annotated[dt.date | None, date_option("Evaluate as of this day", "the generator's")] = None,
    fmt: TableOrJson = "table",
    include_linkage: Annotated[bool, typer.Option(help="Also count cases only record linkage can reveal")] = False,
    reason: Reason = "",
) -> None:
    """Per signal: planted cases found and missed, and flags raised outside them (precision and recall).

    The missed cases and false alarms name children, so a run is a consultation: analysts and above, with a
    reason; logged with the children of the missed cases when they are shown (`--format json`).
    """
    from graph.db import Graph
    from queries.evaluate import evaluate as run_evaluation
    from queries.evaluate import load_truth

    who = acting("evaluate", "evaluate the saved queries", reason)
    data = load_truth(truth)
    with Graph.connect() as graph:
        scores = run_evaluation(graph, data, as_of, include_linkage)
    found = sum(s.flags for s in scores.values())
    asked = {"truth": truth, "as_of": as_of or "generator's", "include_linkage": include_linkage, "format": fmt}
    who.record("consultation", "evaluate", asked, _missed_children(scores, data) if fmt == "json" else (), found)
    if fmt == "json":
        print(json.dumps({s: v.as_dict() for s, v in scores.items()}, indent=2))
        return
    table = Table("signal", "cases", "found", "missed", "flags", "false", "precision", "recall")
    for signal, s in scores.items():
        p = "-" if s.precision is None else f"{s.precision:.3f}"
        r = "-" if s.recall is None else f"{s.recall:.3f}"
        table.add_row(
            signal, str(s.cases), str(s.found), str(len(s.missed)), str(s.flags), str(s.flags - s.true_flags), p, r
        )
    out.print(table)


def _missed_children(scores: dict[str, SignalScore], truth: dict[str, Any]) -> list[str]:
    """The children of the planted cases a run reports missed (their case and scenario are shown)."""
    missed = {m.split(":", 1)[0] for s in scores.values() for m in s.missed}
    return sorted({k for c in truth["cases"] if c["case_id"] in missed for k in c.get("children", [])})


def register(main: typer.Typer) -> None:
    main.add_typer(app, name="query")
    main.command()(evaluate)
