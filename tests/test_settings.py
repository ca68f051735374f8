"""One settings table: every environment variable Sightline reads is a field of `Settings`, read there and
nowhere else. Fails when a module starts reading a variable of its own (it would be missing from the
README's table), or when a value from the environment is not typed and checked."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from errors import ConfigError
from settings import REPO_ROOT, Settings, documented_settings

ROOMS = (
    "exports",
    "access",
    "audit",
    "graph",
    "loaders",
    "linkage",
    "synthetic",
    "queries",
    "explorer",
    "app_pages",
    "cli",
    "bench",
)


def _python_files() -> list[Path]:
    return [REPO_ROOT / "app.py", *(p for room in ROOMS for p in (REPO_ROOT / room).rglob("*.py"))]


def _is_environ(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ"


def _reads(tree: ast.AST) -> list[str]:
    """Where a module reads a variable itself: os.environ[...], os.environ.get(...), os.getenv(...), and Typer's
    or Click's envvar=... (copying the whole environment for a child process is not reading a setting)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_environ(node.value):
            found.append(f"line {node.lineno}: os.environ[...]")
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in ("get", "setdefault") and _is_environ(func.value):
                found.append(f"line {node.lineno}: os.environ.{func.attr}(...)")
            if isinstance(func, ast.Attribute) and func.attr == "getenv":
                found.append(f"line {node.lineno}: os.getenv(...)")
            found += [f"line {node.lineno}: envvar=" for k in node.keywords if k.arg == "envvar"]
    return found


def test_no_module_reads_the_environment_but_settings() -> None:
    offenders = {
        str(p.relative_to(REPO_ROOT)): reads
        for p in _python_files()
        if (reads := _reads(ast.parse(p.read_text(encoding="utf-8"))))
    }
    assert not offenders, f"read these through settings.Settings instead: {offenders}"


def test_values_are_typed_and_empty_means_default() -> None:
    s = Settings.from_env(
        {
            "SIGHTLINE_BATCH_SIZE": "500",
            "SIGHTLINE_EXPLORER_WARM": "off",
            "SIGHTLINE_NEO4J_DATA": "/tmp/x",
            "NEO4J_USER": "",
        }
    )
    assert s.batch_size == 500 and s.explorer_warm is False and s.data_dir == Path("/tmp/x")
    assert s.neo4j_user == "neo4j", "an empty variable keeps the default"
    assert Settings.from_env({}) == Settings()


def test_a_bad_number_names_its_variable() -> None:
    with pytest.raises(ConfigError, match="SIGHTLINE_BATCH_SIZE"):
        Settings.from_env({"SIGHTLINE_BATCH_SIZE": "many"})


def test_every_field_has_a_variable_and_help() -> None:
    rows = documented_settings()
    assert len({env for env, _, _ in rows}) == len(rows)
    assert all(env and help_text for env, _, help_text in rows)


def test_a_child_process_environment_round_trips() -> None:
    s = Settings(neo4j_uri="bolt://127.0.0.1:1", batch_size=7, explorer_warm=False)
    assert Settings.from_env(s.as_environment()) == s
