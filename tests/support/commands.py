"""The `sightline` command tree, walked: every command and group by the words that call it."""

from __future__ import annotations

from typing import Any

from typer.main import get_command

from cli import build_app


def commands() -> dict[tuple[str, ...], Any]:
    """Every command and group below `sightline` (("neo4j",), ("neo4j", "start"), ("load",) ...), with its Click
    command."""
    found: dict[tuple[str, ...], Any] = {}

    def walk(command: Any, path: tuple[str, ...]) -> None:
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            found[(*path, name)] = sub
            walk(sub, (*path, name))

    walk(get_command(build_app()), ())
    return found


def options(command: Any) -> set[str]:
    """The option names a Click command takes (--format, --as-of ...)."""
    return {name for param in command.params for name in getattr(param, "opts", ()) if name.startswith("--")}
