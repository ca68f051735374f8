"""Tables for people to open in a spreadsheet: every CSV Sightline writes (exports, downloads, rejects.csv,
the audit export) passes its cells through `spreadsheet_safe`, because feed text is data, never a formula.

A cell a spreadsheet would evaluate (beginning `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's list
for CSV injection) is written with a leading `'`, which spreadsheets show as text and do not keep.

Exports of personal data leave the tool, so they carry their protective marking and say whose they are:
`marked_csv` puts a first column, `protective_marking`, holding OFFICIAL-SENSITIVE on every row (a column,
not a first line: the file stays one header and rows, so a spreadsheet sorts and filters it, and the marking
goes with any row copied out of it), and `file_name` names the file by what it holds, whose it is and the day
the records stood at ("sightline-chronology-amy-reed-as-of-2024-12-31.csv").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MARKING = "OFFICIAL-SENSITIVE"
MARKING_COLUMN = "protective_marking"


def spreadsheet_safe(value: Any) -> Any:
    """The cell as written: text that a spreadsheet would run as a formula gets a leading `'`; numbers stay."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Rows as spreadsheet-safe CSV text with a header (for downloads and exports)."""
    buffer = io.StringIO()
    # RFC 4180 line ends (\r\n): a cell holding a lone \r is then quoted too. With \n alone it was written bare,
    # and a reader split the row there: "x\r=HYPERLINK(...)" became a cell beginning with a formula.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(c) for c in columns])
    for row in rows:
        writer.writerow([spreadsheet_safe(_cell(row.get(c))) for c in columns])
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    return "" if value is None else value


def marked_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Spreadsheet-safe CSV with the protective marking as its first column, on every row."""
    return csv_text(({MARKING_COLUMN: MARKING, **row} for row in rows), [MARKING_COLUMN, *columns])


def file_name(what: str, whose: str | None, as_of: dt.date, extension: str) -> str:
    """'sightline-<what>-<whose>-as-of-<day>.<extension>', in lower-case ASCII words joined by hyphens."""
    parts = ["sightline", what, whose or "", f"as-of-{as_of.isoformat()}"]
    return "-".join(p for p in (_slug(x) for x in parts) if p) + "." + extension


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
