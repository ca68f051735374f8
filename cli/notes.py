"""`sightline notes`: read the free-text notes already loaded and propose the facts they state."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from cli.options import Reason, TableOrJson
from cli.signin import acting

out = Console()
NOTES_REASON = "reading loaded notes for the facts they state"  # an administrator's alteration, unless --reason


def notes(output: TableOrJson = "table", reason: Reason = "") -> None:
    """Read every note in the graph (visit, contact, booking, referral, intelligence and collection notes) and
    propose the facts they state: minimising accounts of the offence, roles with children, babysitting,
    contact with a child, staying at an address. Each fact keeps its sentence and record and is marked "from
    a note" for an analyst to confirm. `load` does this too; running it again changes nothing.

    Administrators only (it writes facts to the graph); logged as an alteration: the facts are added to
    records already held (the reason defaults to reading the notes)."""
    from graph.db import Graph
    from notes.matcher import KINDS
    from notes.read import read_notes

    who = acting("load", "read notes into facts", reason, NOTES_REASON)
    with who.failing("alteration", "notes", {}), Graph.connect() as graph:
        report = read_notes(graph)
    who.record("alteration", "notes", {"notes": report.notes} | report.facts, rows=report.total)
    if output == "json":
        print(json.dumps({"notes": report.notes, "facts": report.facts}, indent=2, sort_keys=True))
        return
    table = Table("kind of fact", "proposed", "what it is", title=f"{report.notes} notes read")
    for kind, what in KINDS.items():
        table.add_row(kind, str(report.facts.get(kind, 0)), what)
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command()(notes)
