"""The `sightline` command: every sub-command is a thin shell over a library function.

The modules here import the heavy libraries (the Neo4j driver, Splink, pandas, Faker) inside the commands that
use them, so that `--help` and a usage error answer at once; tests/test_cli.py checks it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer
import typer.main

from errors import AccessError, SightlineError


def build_app() -> typer.Typer:
    """The whole command tree, built afresh (tests walk it)."""
    from cli import audit, data, erase, explore, generate, notes, query, resolve, retention, server, users
    from cli.exits import epilog  # imported here so that `python -m cli.exits` finds it not yet imported

    app = typer.Typer(
        help="Sightline: line of sight across agencies' safeguarding records, in a Neo4j knowledge graph.",
        epilog=epilog(),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )
    app.add_typer(server.app, name="neo4j", help="Start, stop, inspect or empty the bundled Neo4j server.")
    generate.register(app)
    data.register(app)
    notes.register(app)
    query.register(app)
    resolve.register(app)
    explore.register(app)
    audit.register(app)
    users.register(app)
    erase.register(app)
    retention.register(app)
    return app


def _fail(code: int, message: str) -> None:
    if message:  # empty when Click has already shown the help (a group called without a command)
        print(f"error: {' '.join(message.splitlines())}", file=sys.stderr, flush=True)
    sys.exit(code)


def main(args: Sequence[str] | None = None) -> None:
    """Entry point: every failure is one line on stderr and an exit code of `ExitCode`, never a traceback."""
    from cli.exits import ExitCode

    command = typer.main.get_command(build_app())
    try:
        result = command.main(args, prog_name="sightline", standalone_mode=False)
    except AccessError as e:
        _fail(ExitCode.REFUSED, str(e))
    except SightlineError as e:
        _fail(ExitCode.ERROR, str(e))
    except typer.TyperException as e:  # Click's own: a usage error (its exit code 2), an unreadable file ...
        ctx = getattr(e, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        message = e.format_message()
        _fail(getattr(e, "exit_code", ExitCode.ERROR), message and message + hint)
    except typer.Abort:
        _fail(ExitCode.ERROR, "aborted")
    sys.exit(result if isinstance(result, int) else ExitCode.OK)
