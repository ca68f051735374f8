"""Recorded values in words: offence categories and yes/no fields ("schedule 3: yes", never "True")."""

from __future__ import annotations

from typing import Any

OFFENCE_CATEGORIES = {  # police_convictions.offence_category (loaders/feeds.yaml)
    "indecent_images": "indecent images of children",
    "contact_child": "contact sexual offence against a child",
    "contact_adult": "contact sexual offence against an adult",
    "non_contact": "non-contact sexual offence",
    "other": "other offence",
}
_YES = {"true", "yes", "y", "1"}
_NO = {"false", "no", "n", "0"}


def offence(category: str | None) -> str:
    """An offence category in words ("indecent_images" -> "indecent images of children"); unknown ones
    are de-underscored, never shown raw."""
    if not category:
        return "offence not recorded"
    return OFFENCE_CATEGORIES.get(category, category.replace("_", " "))


def yes_no(value: Any, missing: str = "not recorded") -> str:
    """ "yes" / "no" for a boolean or a feed's Y/N text; `missing` when not recorded."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value).strip().lower() if value is not None else ""
    if text in _YES:
        return "yes"
    if text in _NO:
        return "no"
    return missing
