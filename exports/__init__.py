"""Tables for people to open in a spreadsheet: every CSV Sightline writes (exports, downloads, rejects.csv,
the audit export) passes its cells through `spreadsheet_safe`, because feed text is data, never a formula.

A cell a spreadsheet would evaluate (beginning `=`, `+`, `-`, `@`, a tab or a carriage return: OWASP's list
for CSV injection) is written with a leading `'`, which spreadsheets show as text and do not keep.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
