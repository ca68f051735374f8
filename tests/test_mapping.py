"""A YAML mapping turns another force's export into the canonical feed, with no code change."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from errors import ConfigError
from loaders.mapping import load_mapping
from loaders.reader import CsvSource
from loaders.spec import load_spec

MAPPINGS = Path(__file__).resolve().parent.parent / "loaders" / "mappings"
SPEC = load_spec()


def test_example_export_maps_to_the_canonical_sample() -> None:
    mapping = load_mapping(MAPPINGS / "example_police_nominals.yaml", SPEC)
    with CsvSource(MAPPINGS / "samples" / mapping.file, encoding="cp1252", delimiter=";") as source:
        mapped = []
        for row in source.rows():
            values, problems = mapping.apply(row.values or {})
            assert problems == []
            mapped.append(values)
        assert mapping.check_header(source.header) == []
    with (MAPPINGS / "samples" / "police_nominals.csv").open(encoding="utf-8", newline="") as f:
        canonical = list(csv.DictReader(f))
    assert mapped == canonical


def test_bad_values_name_the_canonical_field_and_source(tmp_path: Path) -> None:
    mapping = load_mapping(MAPPINGS / "example_police_nominals.yaml", SPEC)
    _, problems = mapping.apply({"Nominal Ref": "X", "DOB": "1984-03-07", "MAPPA": "Cat 1 / Lvl 1"})
    assert problems == [("date_of_birth", "'1984-03-07' is not a date in the form %d/%m/%Y (from DOB)")]
    _, problems = mapping.apply({"Nominal Ref": "X", "DOB": "07/03/1984", "MAPPA": "level one"})
    assert {f for f, _ in problems} == {"mappa_category", "mappa_level"}


def test_header_problems_are_listed() -> None:
    mapping = load_mapping(MAPPINGS / "example_police_nominals.yaml", SPEC)
    problems = mapping.check_header(["Nominal Ref", "Surprise"])
    assert "missing column(s)" in problems[0] and "Family Name" in problems[0]
    assert "unmapped column(s) Surprise" in problems[1]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("feed: nope\nfile: x.csv\ncolumns: {}\n", "unknown feed 'nope'"),
        ("feed: police_nominals\nfile: x.csv\ncolumns: {surname: {from: A}}\n", "required column(s)"),
        ("feed: police_nominals\nfile: x.csv\ncolumns: {bogus: {from: A}}\n", "bogus not column(s)"),
        ("feed: police_nominals\nfile: x.csv\ncolumns: {surname: {}}\n", "exactly one of"),
        ("feed: [unclosed\n", "cannot read"),
        ("feed: police_nominals\nfile: ../../x.csv\ncolumns: {}\n", "must be a file name in the folder"),
        ("feed: police_nominals\nfile: /etc/passwd\ncolumns: {}\n", "must be a file name in the folder"),
        ("feed: police_nominals\nfile: x.csv\ncolumns: {surname: {from: A, regex: '(?=a)a'}}\n", "RE2"),
    ],
)
def test_broken_mappings_are_clear_errors(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_mapping(path, SPEC)


def test_a_crafted_pattern_matches_in_linear_time(tmp_path: Path) -> None:
    """`(a+)+$` on 'aaaa…b' ran Python's engine for over a minute on one cell (ReDoS); RE2 answers at once."""
    path = tmp_path / "m.yaml"
    mapping = load_mapping(MAPPINGS / "example_police_nominals.yaml", SPEC)
    path.write_text(
        "feed: police_nominals\nfile: x.csv\ncolumns:\n"
        + "".join(f"  {c}: {{from: {c}}}\n" for c in mapping.spec.columns if c != "surname")
        + "  surname: {from: S, regex: '(a+)+$'}\n",
        encoding="utf-8",
    )
    crafted = load_mapping(path, SPEC)
    _, problems = crafted.apply({"S": "a" * 5000 + "b"})
    assert ("surname", f"{'a' * 5000 + 'b'!r} does not match '(a+)+$' (from S)") in problems
