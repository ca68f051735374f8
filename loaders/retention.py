"""MoPI review: the source records whose review date has come, by a review period per feed in years after the
record's last date (SIGHTLINE_REVIEW_YEARS; the defaults and their basis are in docs/security.md). Listing is a
consultation of what the records are; the review itself (keep, or `sightline erase`) is a person's decision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from errors import ConfigError
from graph.db import Graph
from loaders.statements import STATEMENTS


@dataclass(frozen=True)
class Periods:
    """Review periods in years: a default and one per feed."""

    default: int
    by_feed: dict[str, int]


def parse_periods(text: str, feeds: set[str]) -> Periods:
    """ "6,police_convictions=10": the default first, then FEED=YEARS; a bad one is a ConfigError naming it."""
    default: int | None = None
    by_feed: dict[str, int] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        name, sep, value = part.rpartition("=")
        if not value.strip().isdigit() or int(value) < 1:
            raise ConfigError(f"SIGHTLINE_REVIEW_YEARS: {part!r} is not a number of years (1 or more)")
        if not sep:
            default = int(value)
        elif name.strip() in feeds:
            by_feed[name.strip()] = int(value)
        else:
            raise ConfigError(f"SIGHTLINE_REVIEW_YEARS: {name.strip()!r} is not a known feed")
    if default is None:
        raise ConfigError("SIGHTLINE_REVIEW_YEARS needs a default number of years first, e.g. 6,police_orders=10")
    return Periods(default, by_feed)


def review_due(graph: Graph, periods: Periods, today: dt.date) -> list[dict[str, Any]]:
    """Records due for review on `today`, soonest due first: feed, id, last date, period, due date."""
    rows = graph.read(
        STATEMENTS["retention/review_due"],
        name="review due",
        years=periods.by_feed,
        default=periods.default,
        today=today,
    )
    return [r | {"last": _day(r["last"]), "due": _day(r["due"])} for r in rows]


def _day(value: Any) -> dt.date:
    native = value.to_native() if hasattr(value, "to_native") else value
    return native.date() if isinstance(native, dt.datetime) else native
