"""Least privilege in code: no Cypher is built by string formatting anywhere (the code is parsed), and the
explorer's read path cannot write: Neo4j itself refuses a write in its read transaction."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from errors import GraphError
from graph.db import Graph
from settings import REPO_ROOT

ROOMS = ("settings", "errors", "exports", "access", "audit", "graph", "loaders", "linkage", "synthetic", "queries")
ROOMS += ("explorer", "app_pages", "cli", "bench")
RUNS = {"read", "write", "write_in_batches", "run", "execute_query", "run_script", "execute_read", "execute_write"}
CYPHER_WORDS = ("MATCH ", "MERGE ", "CREATE ", "DETACH DELETE", "RETURN ", "UNWIND ", "CALL {")


def _sources() -> list[Path]:
    return [REPO_ROOT / "app.py", *(p for room in ROOMS for p in sorted((REPO_ROOT / room).rglob("*.py")))]


def _built(node: ast.expr) -> bool:
    """Text made at run time: an f-string with a value in it, `+` or `%` on strings, or `.format(...)`."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def _cypher_text(node: ast.AST) -> bool:
    """Whether the literal parts of an expression read as Cypher."""
    text = " ".join(n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    return any(word in text for word in CYPHER_WORDS)  # Cypher keywords as this code base writes them


def _violations(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        runs = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RUNS
        if runs and node.args and _built(node.args[0]) and _cypher_text(node.args[0]):  # type: ignore[attr-defined]
            found.append((node.lineno, f"passes Cypher built from strings to .{node.func.attr}()"))  # type: ignore[attr-defined]
        elif isinstance(node, ast.JoinedStr | ast.BinOp | ast.Call) and _built(node) and _cypher_text(node):
            found.append((node.lineno, "builds Cypher from strings"))
    return found


def test_no_cypher_is_built_from_strings() -> None:
    found = [
        f"{path.relative_to(REPO_ROOT)}:{line} {what}"
        for path in _sources()
        for line, what in _violations(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, "Cypher lives in .cypher files and takes parameters:\n" + "\n".join(found)


BUILT = [
    "graph.read(f\"MATCH (p {{key: '{key}'}}) RETURN p\")",
    'graph.write("MATCH (p) WHERE p.key = \'" + key + "\' DETACH DELETE p")',
    'q = "MATCH (p:{label}) RETURN p".format(label=label)',
    "q = \"MERGE (p {key: '%s'})\" % key",
]


@pytest.mark.parametrize("code", BUILT)
def test_the_check_catches_each_way_of_building_a_statement(code: str) -> None:
    assert _violations(ast.parse(code))


def test_the_check_lets_parameters_and_other_text_through() -> None:
    code = "graph.read(STATEMENTS['x'], key=key)\nf.write(f'{n} rows')\nst.write(f'Loaded {n}: match {x}')"
    assert _violations(ast.parse(code)) == []


@pytest.mark.integration
def test_a_write_through_the_explorers_read_path_is_refused_by_neo4j(graph: Graph) -> None:
    """Every page reads through Graph.read, a read transaction: Neo4j refuses a write sent down it."""
    with pytest.raises(GraphError, match=r"(?i)read"):
        graph.read("CREATE (:Intruder {name: 'x'}) RETURN 1 AS done", name="write through the read path")
    assert graph.read("MATCH (n:Intruder) RETURN count(n) AS n") == [{"n": 0}]
