"""Streaming CSV reading that turns malformed files into clear errors and malformed lines into rejects."""

from __future__ import annotations

import codecs
import csv
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
        self._pending: list[str] = []  # text of the physical lines of the record being read

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

    def _text_lines(self) -> Iterator[str]:
        assert self._stream is not None
        for number, (chunk, cut) in enumerate(_lines(self._stream), start=1):
            self.bytes_read += len(chunk)
            if cut:
                self.bad_lines[number] = f"line longer than {MAX_LINE_BYTES} bytes"
                self._pending.append(f"[line of more than {MAX_LINE_BYTES} bytes not kept]\n")
                yield "\n"
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
            self._pending.append(text)
            yield text

    def _take_raw(self) -> str:
        """The original text of the record just read (undecodable bytes shown as \\xNN)."""
        raw = "".join(self._pending).rstrip("\r\n")
        self._pending.clear()
        return raw

    def rows(self) -> Iterator[SourceRow]:
        reader = csv.reader(self._text_lines(), delimiter=self.delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise LoadError(f"{self.path.name}: file is empty: expected a header row") from None
        except csv.Error as e:
            raise LoadError(f"{self.path.name}: header row is not readable CSV: {e}") from e
        if 1 in self.bad_lines:
            raise LoadError(f"{self.path.name}: header {self.bad_lines[1]}")
        self.header = [h.strip() for h in header]
        self._take_raw()
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
        yield from self._records(reader)

    def _records(self, reader: Iterator[list[str]]) -> Iterator[SourceRow]:
        width = len(self.header)
        previous_end = 1
        while True:
            start = previous_end + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                previous_end = getattr(reader, "line_num", start)
                problem = ("", f"unreadable CSV: {e} (unbalanced quotes or truncated line)")
                yield SourceRow(start, None, problem, self._take_raw())
                continue
            previous_end = reader.line_num  # type: ignore[attr-defined]
            raw = self._take_raw()
            problems = [self.bad_lines[n] for n in range(start, previous_end + 1) if n in self.bad_lines]
            if problems:
                yield SourceRow(start, None, ("", problems[0]), raw)
            elif not record or (len(record) == 1 and not record[0].strip()):
                continue  # blank line: nothing to load, nothing lost
            elif len(record) != width:
                reason = f"expected {width} fields, found {len(record)}"
                if len(record) < width:
                    reason += " (truncated line?)"
                yield SourceRow(start, None, ("", reason), raw)
            else:
                yield SourceRow(start, dict(zip(self.header, record, strict=True)), None, raw)
