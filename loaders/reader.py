"""Streaming CSV reading that turns malformed files into clear errors and malformed lines into rejects."""

from __future__ import annotations

import codecs
import csv
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from errors import LoadError

MAX_LINE_BYTES = 1 << 20  # a single record longer than this is rejected, never read whole into memory
_OTHER_DELIMITERS = (";", "\t", "|")


@dataclass(frozen=True)
class SourceRow:
    """One record as read: its first physical line, values by header name, or the reason it is unreadable."""

    line: int
    values: dict[str, str] | None
    problem: tuple[str, str] | None = None
    raw: str = ""


def _lines(stream: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Physical lines, each flagged True when it was cut because it exceeded MAX_LINE_BYTES."""
    while True:
        chunk = stream.readline(MAX_LINE_BYTES)
        if not chunk:
            return
        if len(chunk) == MAX_LINE_BYTES and not chunk.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield b"", True
            continue
        yield chunk, False


def _check_bom(head: bytes, path: Path) -> int:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise LoadError(f"{path.name}: file is UTF-16; save it as UTF-8 CSV, or give its encoding in a mapping")
    return 3 if head.startswith(codecs.BOM_UTF8) else 0


class CsvSource:
    """Iterate a CSV file's records with line numbers; header problems raise LoadError before any row."""

    def __init__(self, path: Path, encoding: str = "utf-8", delimiter: str = ",") -> None:
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter
        self.bad_lines: dict[int, str] = {}
        self._stream: BinaryIO | None = None
        self.header: list[str] = []
        self.bytes_read = 0
        self._raw: dict[int, str] = {}  # what to keep as the raw text of a line not kept whole

    def __enter__(self) -> CsvSource:
        try:
            self._stream = self.path.open("rb")
        except OSError as e:
            raise LoadError(f"{self.path.name}: cannot open: {e.strerror}") from e
        head = self._stream.read(4)
        self._stream.seek(_check_bom(head, self.path) if self.encoding.lower().replace("-", "") == "utf8" else 0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._stream:
            self._stream.close()

    def _text_lines(self) -> Iterator[tuple[int, str]]:
        """Numbered physical lines as text; an undecodable or overlong line is noted in bad_lines."""
        assert self._stream is not None
        for number, (chunk, cut) in enumerate(_lines(self._stream), start=1):
            self.bytes_read += len(chunk)
            if cut:
                self.bad_lines[number] = f"line longer than {MAX_LINE_BYTES} bytes"
                self._raw[number] = f"[line of more than {MAX_LINE_BYTES} bytes not kept]"
                yield number, "\n"
                continue
            try:
                text = chunk.decode(self.encoding)
            except UnicodeDecodeError as e:
                bad = chunk[e.start : e.start + 1].hex()
                self.bad_lines[number] = (
                    f"not valid {self.encoding} text (byte 0x{bad} at column {e.start + 1}); "
                    "re-save the file as UTF-8 or give its encoding in a mapping"
                )
                text = chunk.decode(self.encoding, errors="backslashreplace")
            yield number, text

    def _raw_text(self, group: list[tuple[int, str]]) -> str:
        """The original text of a record's lines (undecodable bytes shown as \\xNN)."""
        return "".join(self._raw.pop(n, text) for n, text in group).rstrip("\r\n")

    def rows(self) -> Iterator[SourceRow]:
        lines = self._text_lines()
        first = _next_record(deque(), lines, self.delimiter)
        if not first:
            raise LoadError(f"{self.path.name}: file is empty: expected a header row")
        if 1 in self.bad_lines:
            raise LoadError(f"{self.path.name}: header {self.bad_lines[1]}")
        try:
            header = next(csv.reader([t for _, t in first], delimiter=self.delimiter, strict=True), [])
        except csv.Error as e:
            raise LoadError(f"{self.path.name}: header row is not readable CSV: {e}") from e
        self.header = [h.strip() for h in header]
        if not any(self.header):
            raise LoadError(f"{self.path.name}: first line is blank: expected a header row")
        if len(self.header) == 1:
            for other in _OTHER_DELIMITERS:
                if other in self.header[0] and other != self.delimiter:
                    shown = "tab" if other == "\t" else repr(other)
                    raise LoadError(
                        f"{self.path.name}: columns are separated by {shown}, not {self.delimiter!r}: "
                        "save as comma-separated CSV, or give the delimiter in a mapping"
                    )
        yield from self._records(lines)

    def _records(self, lines: Iterator[tuple[int, str]]) -> Iterator[SourceRow]:
        """Records after the header. A record whose quote runs on over several lines and does not make a
        well-formed row (an unbalanced quote) is rejected on its first line only; the lines after it are read
        again, so one stray quote never swallows the good rows below it."""
        back: deque[tuple[int, str]] = deque()
        while group := _next_record(back, lines, self.delimiter):
            row = self._row(group)
            if row is not None and row.values is None and len(group) > 1 and not self._bad(group):
                number, text = group[0]
                reason = "unbalanced quote: a quoted field opens here and never closes; the next lines are read again"
                yield SourceRow(number, None, ("", reason), self._raw_text([(number, text)]))
                back.extendleft(reversed(group[1:]))
                continue
            if row is not None:
                yield row

    def _bad(self, group: list[tuple[int, str]]) -> list[str]:
        return [self.bad_lines[n] for n, _ in group if n in self.bad_lines]

    def _row(self, group: list[tuple[int, str]]) -> SourceRow | None:
        """One record from its lines, or None for a blank line."""
        start, width = group[0][0], len(self.header)
        problems = self._bad(group)
        try:
            parsed = list(csv.reader([t for _, t in group], delimiter=self.delimiter, strict=True))
        except csv.Error as e:
            parsed, problems = [], problems or [f"unreadable CSV: {e} (unbalanced quotes or truncated line)"]
        if problems:
            return SourceRow(start, None, ("", problems[0]), self._raw_text(group))
        record = parsed[0] if parsed else []
        if not record or (len(record) == 1 and not record[0].strip()):
            self._raw_text(group)
            return None  # blank line: nothing to load, nothing lost
        raw = self._raw_text(group)
        if len(record) != width:
            reason = f"expected {width} fields, found {len(record)}"
            if len(record) < width:
                reason += " (truncated line?)"
            return SourceRow(start, None, ("", reason), raw)
        return SourceRow(start, dict(zip(self.header, record, strict=True)), None, raw)


def _next_record(
    back: deque[tuple[int, str]], lines: Iterator[tuple[int, str]], delimiter: str
) -> list[tuple[int, str]]:
    """The physical lines of the next record (lines given back first, then the file's): a line ends a record
    unless a quoted field is still open. Empty at the end of the file."""
    group: list[tuple[int, str]] = []
    state = _START
    while item := (back.popleft() if back else next(lines, None)):
        group.append(item)
        state = _scan(item[1], delimiter, state)
        if state != _QUOTED:
            break
    return group


_START, _UNQUOTED, _QUOTED, _CLOSING = range(4)


def _scan(text: str, delimiter: str, state: int) -> int:
    """The CSV state after `text`: is a quoted field (one that began with a quote) still open? A quote
    inside an unquoted field is a character, as the csv module reads it; "" inside quotes is one quote."""
    if '"' not in text:  # most lines: no quote, so only an open quoted field carries on
        return _QUOTED if state == _QUOTED else _START
    for ch in text:
        if state == _QUOTED:
            state = _CLOSING if ch == '"' else _QUOTED
        elif state == _CLOSING and ch == '"':
            state = _QUOTED
        elif ch in (delimiter, "\n", "\r"):
            state = _START
        elif state == _START and ch == '"':
            state = _QUOTED
        else:
            state = _UNQUOTED
    return state
