"""`sightline audit ...`: check the s.62 log's hash chain, and give an auditor the entries they ask for."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer
from rich.console import Console

from audit.log import AuditLog, Filter
from cli.exits import ExitCode
from cli.options import CsvOrJson, Reason, iso_date
from cli.signin import acting
from exports import spreadsheet_safe

app = typer.Typer(help="Verify the s.62 log (tamper evidence) and export its entries for an auditor.")
out = Console()
err = Console(stderr=True)
VERIFY_REASON = "integrity check of the s.62 log"  # verify shows no entry's content, only whether the chain holds


@app.command()
def verify(reason: Reason = "") -> None:
    """Walk the hash chain and the chain head kept apart: name the first broken entry (exit 4), else say it holds.

    Supervisors and above. A check that holds is logged as a consultation of the log; a broken log gets no new
    entry (writing after the break would blur it)."""
    who = acting("audit", "verify the s.62 log", reason, VERIFY_REASON)
    log = AuditLog.from_settings(who.settings)
    verdict = log.verify()
    if verdict.ok:
        who.record("consultation", "audit verify", rows=verdict.entries)
        out.print(f"{log.path}: {verdict.entries} entries, the chain holds", soft_wrap=True, highlight=False)
        return
    where = f"line {verdict.broken_line}: " if verdict.broken_line else ""
    err.print(f"{log.path}: {where}{verdict.problem}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(ExitCode.LOG_BROKEN)


def _day(help_text: str, flag: str) -> object:
    return typer.Option(flag, parser=iso_date, metavar="YYYY-MM-DD", help=help_text)


@app.command()
def export(
    since: Annotated[dt.date | None, _day("First day (UTC) of entries to give", "--from")] = None,
    until: Annotated[dt.date | None, _day("Last day (UTC) of entries to give", "--to")] = None,
    user: Annotated[str | None, typer.Option("--user", help="Only this account's entries")] = None,
    subject: Annotated[
        str | None, typer.Option("--subject", help="Only entries that touched this person's key")
    ] = None,
    fmt: CsvOrJson = "csv",
    reason: Reason = "",
) -> None:
    """Entries of the log, oldest first: who looked at this child, and why, is `--subject KEY`.

    Supervisors and above, with a reason; logged as a disclosure naming every person the entries name."""
    who = acting("audit", "export the s.62 log", reason)
    keep = Filter(since, until, user or "", subject or "")
    chosen = [e for e in AuditLog.from_settings(who.settings).entries() if keep.keeps(e)]
    asked = {"from": since, "to": until, "user": user, "subject": subject, "format": fmt}
    who.record("disclosure", "audit export", asked, sorted({k for e in chosen for k in e.subjects}), len(chosen))
    if fmt == "json":
        json.dump([asdict(e) for e in chosen], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    columns = ["seq", "when", "who", "role", "action", "what", "why", "params", "subjects", "rows", "hash"]
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    for e in chosen:
        row = asdict(e) | {"params": json.dumps(e.params, sort_keys=True), "subjects": " ".join(e.subjects)}
        writer.writerow([spreadsheet_safe(row[c]) for c in columns])


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="audit")
