"""Roles, agencies and their colours: one vocabulary for search badges, chart styles and tables."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from loaders.spec import load_spec
from wording import age_years

AGENCY_LABELS = {
    "police": "police",
    "probation": "probation",
    "childrens_social_care": "children's social care",
    "health": "health",
    "education": "education",
    "employment": "employment",
    "border_force": "Border Force",
    "multi-agency": "directory",
}

# agency_type of an Agency node -> the agency family it belongs to (colours the chart, groups line of sight)
AGENCY_FAMILY = {
    "police_team": "police",
    "mash_police": "police",
    "probation": "probation",
    "childrens_social_care": "children's social care",
    "gp_practice": "health",
    "hospital": "health",
    "maternity": "health",
    "nicu": "health",
    "health_visiting": "health",
    "community_paediatrics": "health",
    "nursery": "education",
    "school": "education",
    "childrens_centre": "education",
    "employer": "employment",
    "border_force": "Border Force",
}

COLOURS = {
    "police": "#1f4e9c",
    "probation": "#6a3d9a",
    "children's social care": "#e6550d",
    "health": "#2ca25f",
    "education": "#d4a017",
    "employment": "#7f7f7f",
    "Border Force": "#17becf",
    "directory": "#999999",
}


@cache
def _feed_agencies() -> dict[str, str]:
    return {name: feed.agency for name, feed in load_spec().feeds.items()}


def agency_of_feed(feed: str | None) -> str:
    """Readable agency of a source feed ('health_births' -> 'health')."""
    raw = _feed_agencies().get(feed or "", feed or "unknown")
    return AGENCY_LABELS.get(raw, raw)


def is_child(dob: Any, as_of: dt.date) -> bool:
    """Under 18 on the as-of date (docs/model.md: being a child depends on the date asked about)."""
    years = age(dob, as_of)
    return years is not None and 0 <= years < 18


def age(dob: Any, as_of: dt.date) -> int | None:
    """Whole years on the as-of date; None without a date of birth (wording.age_years: one way to count)."""
    return age_years(dob, as_of) if isinstance(dob, dt.date) else None


def full_name(record: dict[str, Any]) -> str:
    """Forenames and surname as the record writes them (either may be missing)."""
    return " ".join(x for x in (record.get("forenames"), record.get("surname")) if x)
