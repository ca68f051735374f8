"""A small builder of hand-made feed files for tests: name only the columns that matter to the case.

    fx = FeedFixture()
    team = fx.add("agencies", agency_id="JIG1", agency_type="police_team")
    nominal = fx.add("police_nominals", surname="Examplar", forenames="Jon", date_of_birth="1980-01-01",
                     managing_team_id=team)
    fx.write(tmp_path)   # canonical CSV files, ready for load_directory

Unnamed required columns get harmless defaults (an id, a name, 2020-01-01, the first allowed value), so a
test states only what the signal depends on. Every value is a string, as in a real CSV.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from loaders.spec import Column, Feed, load_spec
from loaders.validate import nhs_number_is_valid

_DEFAULTS = {"str": "Example", "text": "", "date": "2020-01-01", "bool": "N", "int": "0", "postcode": "ZZ1 1AA"}


class FeedFixture:
    """Rows per feed, written as canonical CSV files."""

    def __init__(self) -> None:
        self.spec = load_spec()
        self.rows: dict[str, list[dict[str, str]]] = {}
        self._ids = itertools.count(1)
        self._nhs = itertools.count(900000000)

    def nhs(self) -> str:
        """A fresh valid NHS number (modulus 11)."""
        while True:
            base = str(next(self._nhs))
            for check in "0123456789":
                if nhs_number_is_valid(base + check):
                    return base + check

    def _default(self, feed: Feed, col: Column) -> str:
        if col.name == feed.key or col.type == "id":
            return f"{feed.name[:3].upper()}{next(self._ids):05d}"
        if col.type == "enum":
            return col.values[0]
        if col.type == "nhs":
            return self.nhs()
        return _DEFAULTS[col.type]

    def add(self, feed_name: str, **values: str | None) -> str:
        """Add one row; returns its key. Unknown column names fail loudly (a typo would hide a case)."""
        feed = self.spec.feeds[feed_name]
        unknown = set(values) - set(feed.header)
        if unknown:
            raise KeyError(f"{feed_name} has no column(s) {sorted(unknown)}")
        row = {}
        for col in feed.columns:
            given = values.get(col.name)
            if given is not None:
                row[col.name] = str(given)
            elif col.required:
                row[col.name] = self._default(feed, col)
            else:
                row[col.name] = ""
        self.rows.setdefault(feed_name, []).append(row)
        return row[feed.key]

    def write(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        for name, rows in self.rows.items():
            feed = self.spec.feeds[name]
            with (directory / feed.file).open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=feed.header)
                writer.writeheader()
                writer.writerows(rows)
        return directory


def load_fixture(graph: object, fx: FeedFixture, directory: Path) -> None:
    """Write, load and link a fixture, failing on any reject (a fixture with a bad row tests nothing)."""
    from loaders.linkage import link_exact
    from loaders.load import load_directory

    report = load_directory(graph, fx.spec, fx.write(directory / "feeds"), directory / "rejects")  # type: ignore[arg-type]
    bad = [(f.file, f.error, f.rejected) for f in report.files if f.error or f.rejected]
    assert not bad, f"fixture rows rejected: {bad}; see {report.rejects_file}"
    link_exact(graph)  # type: ignore[arg-type]
