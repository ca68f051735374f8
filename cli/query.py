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

from audit.log import current_user, justification, log_consultation
from cli.exits import ExitCode
from cli.options import TableJsonOrCsv, TableOrJson, date_option
from errors import QueryError
from exports import csv_text
from queries.flags import Flag, plain
from queries.library import SavedQuery, get_query, load_library
from settings import Settings

if TYPE_CHECKING:
    from queries.runner import WorklistRow

app = typer.Typer(help="List, show and run the saved risk queries (signals S1-S14), or build the worklist.")
out = Console()
err = Console(stderr=True)
Reason = Annotated[
    str,
    typer.Option(
        "--reason", help="Why you are consulting these records (logged, DPA 2018 s.62)", show_default="SIGHTLINE_REASON"
    ),
]


def _reason(given: str) -> str:
    """--reason, else SIGHTLINE_REASON: why these records are consulted, as the log keeps it."""
    return given or Settings.from_env().reason


@app.command("list")
def list_queries() -> None:
    """Every saved query: name, signal, severity and title."""
    table = Table("name", "signal", "severity", "title")
    for q in load_library().values():
        table.add_row(q.name, q.signal, q.severity, q.title)
    out.print(table)


@app.command()
def show(name: Annotated[str, typer.Argument(help="Saved query name")]) -> None:
    """A saved query's metadata, parameters and Cypher."""
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
    """Run one saved query; every flag names the children, people, addresses, agencies and source records."""
    from graph.db import Graph
    from queries.runner import run_query

    query = get_query(name)
    given = _parse_params(query, param or [])
    with Graph.connect() as graph:
        flags = run_query(graph, query, given)
    log_consultation(current_user(), f"query {name}", _reason(reason), given, len(flags), _subjects(flags))
    _emit(flags, fmt, _flag_row)


@app.command("worklist")
def worklist_command(
    as_of: Annotated[dt.date | None, date_option("Replay the records as they stood on this day", "today")] = None,
    fmt: TableJsonOrCsv = "table",
    reason: Reason = "",
) -> None:
    """Every saved query at once, merged into one row per child: every signal against them, highest severity first."""
    from graph.db import Graph
    from queries.runner import worklist

    day = as_of or dt.date.today()
    with Graph.connect() as graph:
        result = worklist(graph, day)
    flags = [f for row in result.rows for f in row.flags]
    log_consultation(current_user(), "worklist", _reason(reason), {"as_of": day}, len(result.rows), _subjects(flags))
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

    The missed cases name children, so a run is a consultation: it needs a reason and is logged.
    """
    from graph.db import Graph
    from queries.evaluate import evaluate as run_evaluation
    from queries.evaluate import load_truth

    why = justification(_reason(reason))
    data = load_truth(truth)
    with Graph.connect() as graph:
        scores = run_evaluation(graph, data, as_of, include_linkage)
    found = sum(s.flags for s in scores.values())
    log_consultation(current_user(), "evaluate", why, {"truth": truth, "as_of": as_of or "generator's"}, found)
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


def register(main: typer.Typer) -> None:
    main.add_typer(app, name="query")
    main.command()(evaluate)
