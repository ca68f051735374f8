"""The Audit log page's logic: the s.62 log's entries a supervisor asks for (days, account, person), as a
table and as spreadsheet-safe CSV. "Who looked at this child, and why?" is the subject filter."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict

import pandas as pd

from audit.log import AuditLog, Entry, Filter
from exports import csv_text

COLUMNS = ["seq", "when", "who", "role", "action", "what", "why", "params", "subjects", "rows", "hash"]


def chosen(log: AuditLog, keep: Filter) -> list[Entry]:
    """The entries the filter keeps, newest first (a damaged line raises ValueError naming it)."""
    return [e for e in reversed(list(log.entries())) if keep.keeps(e)]


def accounts(entries: Iterable[Entry]) -> list[str]:
    return sorted({e.who for e in entries})


def _row(e: Entry) -> dict[str, object]:
    return asdict(e) | {"params": json.dumps(e.params, sort_keys=True), "subjects": " ".join(e.subjects)}


def table(entries: list[Entry]) -> pd.DataFrame:
    """One line per entry, shown as text (a dataframe cell is never read as markup)."""
    return pd.DataFrame([_row(e) for e in entries], columns=COLUMNS)


def as_csv(entries: list[Entry]) -> str:
    """The entries as an auditor opens them in a spreadsheet: no cell runs as a formula (exports/)."""
    return csv_text((_row(e) for e in entries), COLUMNS)
