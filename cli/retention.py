"""`sightline review-due`: the source records whose MoPI review date has come (supervisors and administrators:
they decide what is kept and what `sightline erase` removes). Listing them is logged as a consultation."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.table import Table

from cli.options import date_option

out = Console()
COLUMNS = ["feed", "id", "last", "years", "due"]


def review_due_command(
    as_of: Annotated[dt.date | None, date_option("The day to review on", "today")] = None,
    fmt: Annotated[Literal["table", "csv"], typer.Option("--format", help="How to write the result")] = "table",
    reason: Annotated[str, typer.Option("--reason", help="Why you are reviewing (logged, DPA 2018 s.62)")] = "",
) -> None:
    """Source records past their review date: a period in years per feed after the record's last date
    (SIGHTLINE_REVIEW_YEARS), as a table or spreadsheet-safe CSV."""
    from audit.log import AuditLog, justification
    from cli.signin import signed_in
    from exports import csv_text
    from graph.db import Graph
    from loaders.retention import parse_periods, review_due
    from loaders.spec import load_spec
    from settings import Settings

    why = justification(reason or Settings.from_env().reason)
    settings = Settings.from_env()
    periods = parse_periods(settings.review_years, set(load_spec().feeds))
    account = signed_in("review_due", "list records due for review")
    day = as_of or dt.date.today()
    with Graph.connect(settings) as graph:
        rows = review_due(graph, periods, day)
    AuditLog.from_settings(settings).record(
        "consultation",
        "review-due",
        why,
        who=account.name,
        role=account.role,
        params={"as_of": day, "format": fmt},
        rows=len(rows),
    )
    if fmt == "csv":
        sys.stdout.write(csv_text(rows, COLUMNS))
        return
    table = Table(*COLUMNS, title=f"{len(rows)} source record(s) due for review on {day}")
    for row in rows:
        table.add_row(*(str(row[c]) for c in COLUMNS))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("review-due")(review_due_command)
