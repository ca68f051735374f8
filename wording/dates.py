"""Dates and ages as an analyst reads them: "3 March 2024", "aged 7", "5 months", never ISO text or a
date-time's clock."""

from __future__ import annotations

import datetime as dt
from typing import Any


def _day(value: Any) -> dt.date | None:
    """A date from a date, a date-time, ISO text or a Neo4j date (anything with to_native); else None."""
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def date(value: Any, missing: str = "date not recorded") -> str:
    """ "3 March 2024"; no date gives `missing` (pass "" for a table cell)."""
    day = _day(value)
    return f"{day.day} {day:%B %Y}" if day else missing


def period(start: Any, end: Any = None, as_of: dt.date | None = None) -> str:
    """ "from 3 March 2024 to 2 March 2029", "since 3 March 2024" (open, or ending after as_of), or ""."""
    first, last = _day(start), _day(end)
    if not first and not last:
        return ""
    if last and (as_of is None or last <= as_of):
        return f"from {date(first)} to {date(last)}" if first else f"until {date(last)}"
    if last:
        return f"since {date(first)}, until {date(last)}" if first else f"until {date(last)}"
    return f"since {date(first)}"


def age_years(dob: Any, as_of: dt.date) -> int | None:
    """Whole years on the as-of date; None without a date of birth (or for one after it)."""
    born = _day(dob)
    if born is None or born > as_of:
        return None
    return as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))


def age(dob: Any, as_of: dt.date, missing: str = "age unknown") -> str:
    """ "7", or under two "5 months" / "3 weeks" (a baby's age is said in months); "not yet born" after as_of."""
    born = _day(dob)
    if born is None:
        return missing
    if born > as_of:
        return "not yet born"
    years = age_years(born, as_of) or 0
    if years >= 2:
        return str(years)
    months = (as_of.year - born.year) * 12 + as_of.month - born.month - (as_of.day < born.day)
    if months >= 1:
        return f"{months} month{'s' if months != 1 else ''}"
    weeks = (as_of - born).days // 7
    return f"{weeks} week{'s' if weeks != 1 else ''}" if weeks else "newborn"
