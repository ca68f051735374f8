"""Malformed files: a clear error for the file, or a reject for the line, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from errors import LoadError
from loaders import reader
from loaders.reader import CsvSource


def rows(path: Path, **kw: str) -> list[reader.SourceRow]:
    with CsvSource(path, **kw) as source:
        return list(source.rows())


def write(tmp_path: Path, data: bytes, name: str = "feed.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="file is empty"):
        rows(write(tmp_path, b""))


def test_utf16_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="UTF-16"):
        rows(write(tmp_path, "a,b\n1,2\n".encode("utf-16")))


def test_wrong_delimiter_is_named(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="separated by ';'"):
        rows(write(tmp_path, b"a;b;c\n1;2;3\n"))
    with pytest.raises(LoadError, match="separated by tab"):
        rows(write(tmp_path, b"a\tb\n1\t2\n"))


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    found = rows(write(tmp_path, b"\xef\xbb\xbfa,b\n1,2\n"))
    assert found[0].values == {"a": "1", "b": "2"}


def test_bad_bytes_reject_only_their_line(tmp_path: Path) -> None:
    found = rows(write(tmp_path, b"a,b\n1,Zo\xeb\n2,ok\n"))
    assert found[0].values is None and found[0].line == 2
    assert "not valid utf-8" in found[0].problem[1]
    assert found[1].values == {"a": "2", "b": "ok"} and found[1].line == 3


def test_truncated_last_line_is_rejected_with_the_good_rows_kept(tmp_path: Path) -> None:
    found = rows(write(tmp_path, b"a,b,c\n1,2,3\n4,5"))
    assert found[0].values == {"a": "1", "b": "2", "c": "3"}
    assert found[1].values is None and "expected 3 fields, found 2" in found[1].problem[1]


def test_unterminated_quote_is_a_reject(tmp_path: Path) -> None:
    found = rows(write(tmp_path, b'a,b\n1,2\n3,"open\n'))
    assert found[0].values == {"a": "1", "b": "2"}
    assert found[-1].values is None and "unreadable CSV" in found[-1].problem[1]


def test_quoted_newlines_keep_line_numbers(tmp_path: Path) -> None:
    found = rows(write(tmp_path, b'a,b\n1,"two\nlines"\n2,x\n3\n'))
    assert [r.line for r in found] == [2, 4, 5]
    assert found[0].values == {"a": "1", "b": "two\nlines"}
    assert found[2].values is None


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    assert len(rows(write(tmp_path, b"a,b\n\n1,2\n\n"))) == 1


def test_overlong_line_is_rejected_without_reading_it_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_LINE_BYTES", 64)
    found = rows(write(tmp_path, b"a,b\n" + b"x" * 500 + b",y\n1,2\n"))
    assert found[0].values is None and "longer than 64 bytes" in found[0].problem[1]
    assert found[1].values == {"a": "1", "b": "2"}


def test_other_encodings_through_the_source_option(tmp_path: Path) -> None:
    found = rows(write(tmp_path, "a;b\n1;Zoë\n".encode("cp1252")), encoding="cp1252", delimiter=";")
    assert found[0].values == {"a": "1", "b": "Zoë"}


def test_an_unbalanced_quote_mid_file_loses_only_its_own_line(tmp_path: Path) -> None:
    """A stray quote swallowed the three good rows after it (counted as one reject): recover at the next line."""
    found = rows(write(tmp_path, b'a,b,c\n1,"Smith,2020-01-01\n2,Jones,2020-01-02\n3,Brown,2020-01-03\n4,Khan,x\n'))
    assert [(r.line, r.values is None) for r in found] == [(2, True), (3, False), (4, False), (5, False)]
    assert "unbalanced quote" in found[0].problem[1] and found[0].raw == '1,"Smith,2020-01-01'
    assert found[3].values == {"a": "4", "b": "Khan", "c": "x"}


def test_a_stray_quote_that_closes_later_still_loses_only_its_line(tmp_path: Path) -> None:
    data = b'a,b\n1,"oops\n2,fine\n3,"quoted, with comma"\n4,ok\n'
    found = rows(write(tmp_path, data))
    assert [r.line for r in found if r.values is None] == [2]
    assert [r.values for r in found if r.values] == [
        {"a": "2", "b": "fine"},
        {"a": "3", "b": "quoted, with comma"},
        {"a": "4", "b": "ok"},
    ]


def test_a_quote_inside_an_unquoted_field_is_a_character(tmp_path: Path) -> None:
    found = rows(write(tmp_path, b'a,b\n1,O"Brien\n2,x\n'))
    assert [r.values for r in found] == [{"a": "1", "b": 'O"Brien'}, {"a": "2", "b": "x"}]
