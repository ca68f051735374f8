"""Docs that cannot drift: settings and commands the README names exist, and vice versa."""

from __future__ import annotations

from pathlib import Path

from graph.config import documented_settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme_table_with_its_help() -> None:
    for env, help_text in documented_settings():
        assert f"| `{env}` | {help_text} |" in README, env


def test_readme_shows_the_two_commands_and_the_driver_choice() -> None:
    assert "make demo" in README and "make test" in README
    assert "py2neo is end-of-life" in README and "Neo4j 5" in README
