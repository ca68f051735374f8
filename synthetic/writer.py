"""CSV output: one file per feed in feeds.yaml, header = the feed's columns, rows sorted by key."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from loaders.spec import Feed, Spec
from synthetic.world import Row, World

Observer = Callable[[Feed, Row, dict[str, str]], None]


def cell(value: Any) -> str:
    """Canonical text of a value: ISO dates, Y/N booleans, empty string for missing."""
    if value is None:
        return ""
    if value is True:
        return "Y"
    if value is False:
        return "N"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_feeds(world: World, spec: Spec, out: Path, observe: Observer) -> dict[str, int]:
    """Write every feed (an empty file with its header when there are no rows); return rows per file."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for feed in spec.feeds.values():
        header = feed.header
        rows = sorted(world.rows.get(feed.name, []), key=lambda r: str(r[feed.key]))
        with (out / feed.file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                values = [cell(row.get(column)) for column in header]
                writer.writerow(values)
                observe(feed, row, dict(zip(header, values, strict=True)))
        counts[feed.file] = len(rows)
    return counts
