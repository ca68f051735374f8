"""Every CSV Sightline writes is spreadsheet-safe: feed text never runs as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest

from exports import csv_text, spreadsheet_safe


@pytest.mark.parametrize("cell", ["=1+1", "+44 7700", "-2+3", "@SUM(A1)", "\tx", "\r=x", '=HYPERLINK("http://x")'])
def test_a_formula_is_written_as_text(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Smith", "O'Brien", "", " =x", 12, -3, 1.5, None])
def test_anything_else_is_left_as_it_is(cell: object) -> None:
    assert spreadsheet_safe(cell) == cell


def test_csv_text_neutralises_every_cell_and_keeps_the_rest() -> None:
    text = csv_text([{"name": "=cmd|' /C calc'!A0", "n": 3, "note": None}], ["name", "n", "note"])
    assert list(csv.reader(io.StringIO(text))) == [["name", "n", "note"], ["'=cmd|' /C calc'!A0", "3", ""]]


def test_a_carriage_return_inside_a_cell_cannot_start_a_new_row() -> None:
    """Found by the fuzz test: with \\n line ends a lone \\r was written unquoted, and a reader split the row."""
    text = csv_text([{"a": 'x\r=HYPERLINK("http://x")', "b": "\r"}], ["a", "b"])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ['x\r=HYPERLINK("http://x")', "'\r"]]
