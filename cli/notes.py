"""`sightline notes`: read the free-text notes already loaded and propose the facts they state."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from cli.options import TableOrJson

out = Console()


def notes(output: TableOrJson = "table") -> None:
    """Read every note in the graph (visit, contact, booking, referral, intelligence and collection notes) and
    propose the facts they state: minimising accounts of the offence, roles with children, babysitting,
    contact with a child, staying at an address. Each fact keeps its sentence and record and is marked "from
    a note" for an analyst to confirm. `load` does this too; running it again changes nothing."""
    from graph.db import Graph
    from notes.matcher import KINDS
    from notes.read import read_notes

    with Graph.connect() as graph:
        report = read_notes(graph)
    if output == "json":
        print(json.dumps({"notes": report.notes, "facts": report.facts}, indent=2, sort_keys=True))
        return
    table = Table("kind of fact", "proposed", "what it is", title=f"{report.notes} notes read")
    for kind, what in KINDS.items():
        table.add_row(kind, str(report.facts.get(kind, 0)), what)
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command()(notes)
