"""Docs that cannot drift: settings and commands the README names exist, and vice versa."""

from __future__ import annotations

from pathlib import Path

from settings import markdown_table

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_readme_settings_table_is_the_one_settings_generates() -> None:
    start = README.index("<!-- settings table")
    table = README[README.index("\n", start) + 1 : README.index("<!-- end of settings table -->")].strip()
    assert table == markdown_table(), "run `python -m settings` and paste its table into the README"


def test_readme_shows_the_two_commands_and_the_driver_choice() -> None:
    assert "make demo" in README and "make test" in README
    assert "py2neo is end-of-life" in README and "Neo4j 5" in README
