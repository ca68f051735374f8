"""One register of Cypher statements: every `.cypher` file in the repository belongs to a room's register (or is
a saved query), and every statement is used by code other than the tests. Fails when a statement is added
and never wired in, when one is left behind after its code goes, or when a file is put where no register
finds it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bench.statements import STATEMENTS as BENCH
from errors import ConfigError
from explorer.statements import STATEMENTS as EXPLORER
from graph.statements import STATEMENTS as GRAPH
from graph.statements import Statements
from linkage.statements import STATEMENTS as LINKAGE
from loaders.spec import load_spec
from loaders.statements import STATEMENTS as LOADERS
from notes.statements import STATEMENTS as NOTES
from queries.library import QUERY_DIR, load_library
from queries.statements import STATEMENTS as QUERIES
from settings import REPO_ROOT

REGISTERS = {
    "graph": GRAPH,
    "loaders": LOADERS,
    "linkage": LINKAGE,
    "notes": NOTES,
    "explorer": EXPLORER,
    "bench": BENCH,
    "queries": QUERIES,
}
SKIP = {".venv", ".git", "tests", "var", "node_modules", "target"}


def _cypher_files() -> list[Path]:
    return [p for p in REPO_ROOT.rglob("*.cypher") if not SKIP & set(p.relative_to(REPO_ROOT).parts)]


def _string_literals(room: str) -> set[str]:
    """Every string constant in a room's Python code (not the tests')."""
    found: set[str] = set()
    for path in (REPO_ROOT / room).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_cypher_file_is_in_a_register_or_the_saved_query_library() -> None:
    registered = {r.path(name) for r in REGISTERS.values() for name in r.names()}
    saved = {q.path for q in load_library().values()}
    stray = sorted(str(p.relative_to(REPO_ROOT)) for p in _cypher_files() if p not in registered | saved)
    assert not stray, f"put these in a room's cypher/ folder (or queries/ as a saved query): {stray}"
    assert all(p.parent == QUERY_DIR for p in saved)


def test_every_registered_statement_is_used_by_its_room() -> None:
    """A statement is used when its room's code names it; a feed's MERGE statement is named by its feed."""
    feeds = {feed.statement_name for feed in load_spec().feeds.values()}
    unused = []
    for room, register in REGISTERS.items():
        named = _string_literals(room) | (feeds if register is LOADERS else set())
        unused += [f"{room}/cypher/{n}.cypher" for n in register.names() if n not in named]
    assert not unused, f"statements no code uses (delete them, or use them): {unused}"


def test_every_feed_has_its_statement_and_nothing_else_hides_there() -> None:
    feeds = {feed.statement_name for feed in load_spec().feeds.values()}
    assert feeds == {n for n in LOADERS.names() if n.startswith("feeds/")}


def test_an_unknown_statement_names_its_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nothing"):
        Statements(tmp_path)["nothing"]
