"""`sightline neo4j ...`: start, stop, inspect and empty the bundled Neo4j server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.exits import ExitCode
from cli.options import Reason
from cli.signin import acting
from graph import server
from settings import Settings

app = typer.Typer(
    help="Run the bundled Neo4j server: a local, password-protected Bolt server kept in a data folder.",
    no_args_is_help=True,
)

RESET_REASON = "emptying the whole graph"  # an administrator's own maintenance, unless --reason
DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Folder holding the store, the password file and the logs.",
        show_default="SIGHTLINE_NEO4J_DATA, var/neo4j",
        file_okay=False,
    ),
]


def _data(given: Path | None) -> Path:
    """--data, else the folder every other command reads (SIGHTLINE_NEO4J_DATA in settings.Settings)."""
    return given or Settings.from_env().data_dir


PortOption = Annotated[int, typer.Option("--port", help="Loopback port for Bolt.", min=1, max=65535)]


@app.command()
def start(port: PortOption = server.DEFAULT_PORT, data: DataOption = None) -> None:
    """Start the server (builds the launcher on first use) and wait until it answers; no-op if running."""
    data = _data(data)
    running = server.status(data)
    if running is None:
        typer.echo(f"Starting Neo4j on port {port} (data in {data})...", err=True)
    info = running or server.start(port=port, data_dir=data)
    state = "already running" if running else "running"
    typer.echo(f"Neo4j {state} at {info.uri} (pid {info.pid})")
    typer.echo(f"user:     {info.user}")
    typer.echo(f"password: in {info.data_dir / server.PASSWORD_FILE}")


@app.command()
def stop(data: DataOption = None) -> None:
    """Stop the server cleanly (SIGTERM; SIGKILL only if it hangs)."""
    data = _data(data)
    stopped = server.stop(data)
    typer.echo("Neo4j stopped" if stopped else "Neo4j was not running")


@app.command()
def status(data: DataOption = None) -> None:
    """Say whether the server runs; exit code 0 if it does, 1 if not."""
    data = _data(data)
    info = server.status(data)
    if info is None:
        typer.echo(f"Neo4j is not running (data in {data})")
        raise typer.Exit(ExitCode.ERROR)
    typer.echo(f"Neo4j running at {info.uri} (pid {info.pid}, user {info.user}, data in {info.data_dir})")


@app.command()
def reset(
    data: DataOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    reason: Reason = "",
) -> None:
    """Delete every node and relationship (the store itself); the password is kept.

    It erases every record: administrators only, logged as an erasure (the reason defaults to emptying it)."""
    data = _data(data)
    if not yes:
        try:
            confirmed = typer.confirm(f"Delete the whole Neo4j database in {data}?", default=False)
        except typer.Abort:  # no terminal / end of input: refuse rather than guess
            typer.echo("error: not confirmed: pass --yes to reset without a prompt", err=True)
            raise typer.Exit(ExitCode.ERROR) from None
        if not confirmed:
            typer.echo("Nothing deleted.", err=True)
            raise typer.Exit(ExitCode.ERROR)
    who = acting("erase", "empty the graph", reason, RESET_REASON)
    with who.failing("erasure", "neo4j reset", {"data": data}):
        server.reset(data)
    who.record("erasure", "neo4j reset", {"data": data})
    typer.echo("Neo4j database emptied" + (" and restarted" if server.status(data) else ""))
