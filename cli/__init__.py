"""The `sightline` command: every sub-command is a thin shell over a library function."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from errors import SightlineError

app = typer.Typer(
    help="Sightline: line of sight across agencies' safeguarding records, in a Neo4j knowledge graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True)


def _register() -> None:
    from cli import data, explore, generate, query, resolve, server

    app.add_typer(server.app, name="neo4j", help="Start, stop, inspect or empty the bundled Neo4j server.")
    generate.register(app)
    data.register(app)
    query.register(app)
    resolve.register(app)
    explore.register(app)


def main() -> None:
    """Entry point: expected failures become one line on stderr and exit code 1, never a traceback."""
    _register()
    try:
        app()
    except SightlineError as e:
        err.print(f"[bold red]error:[/] {e}", highlight=False)
        sys.exit(1)
