"""Marks of work under way: a load, linkage, resolve or erasure marks the graph when it begins and clears the
mark when it ends. One killed or failed on the way leaves its mark, so every reader can say that the graph may
be part-written and what to run again (the worklist, `sightline stats`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from graph.db import Graph
from graph.statements import STATEMENTS


@contextmanager
def unfinished(graph: Graph, what: str, subject: str = "") -> Iterator[None]:
    """Mark the graph for the block's run; the mark stays if the block raises (or the process dies in it)."""
    key = f"{what}:{subject}"
    graph.write(STATEMENTS["mark_begin"], name=f"mark {what} begun", key=key, what=what, subject=subject)
    yield
    graph.write(STATEMENTS["mark_end"], name=f"mark {what} finished", key=key)


def warning(row: dict[str, Any]) -> str:
    """One line for a mark left behind: what began, when (UTC), and what to do."""
    started = row["started"]
    when = started.to_native() if hasattr(started, "to_native") else started
    subject = f" of {row['subject']}" if row.get("subject") else ""
    begun = f"a {row['what']}{subject} begun at {when:%Y-%m-%d %H:%M:%S} UTC"
    return f"{begun} did not finish; re-run it (unless it is still running)"


def warnings(graph: Graph) -> list[str]:
    """A line per run that began and did not finish, oldest first; none when the graph is whole."""
    return [warning(r) for r in graph.read(STATEMENTS["unfinished"], name="unfinished runs")]
