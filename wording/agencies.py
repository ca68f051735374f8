"""Agencies by name: "Homerton Hospital", "children's social care", never a feed's name ("health_births")
or a code ("childrens_social_care")."""

from __future__ import annotations

AGENCIES = {  # the `agency` of each feed in the catalogue (loaders/feeds.yaml)
    "police": "police",
    "probation": "probation",
    "childrens_social_care": "children's social care",
    "health": "health",
    "education": "education",
    "employment": "employer",
    "border_force": "Border Force",
    "housing": "housing",
    "multi-agency": "agency directory",
}
AGENCY_TYPES = {  # agency_type of an Agency node (loaders/feeds.yaml, agencies)
    "police_team": "police team",
    "mash_police": "MASH police",
    "probation": "probation",
    "childrens_social_care": "children's social care",
    "gp_practice": "GP practice",
    "hospital": "hospital",
    "maternity": "maternity unit",
    "nicu": "neonatal unit (NICU)",
    "health_visiting": "health visiting",
    "community_paediatrics": "community paediatrics",
    "nursery": "nursery",
    "school": "school",
    "childrens_centre": "children's centre",
    "employer": "employer",
    "border_force": "Border Force",
}
FEEDS = {  # feed -> its agency, for the feeds whose name does not start with it
    "agencies": "multi-agency",
    "practitioners": "multi-agency",
    "disclosures": "police",
    "travel": "border_force",
    "employment": "employment",
}
_PREFIXES = {"police": "police", "probation": "probation", "csc": "childrens_social_care", "health": "health"}
_PREFIXES |= {"education": "education", "housing": "housing", "employment": "employment"}


def agency_of_feed(feed: str | None) -> str | None:
    """The agency code a feed belongs to ("health_births" -> "health"), or None for a name that is no feed."""
    name = (feed or "").strip()
    if name in FEEDS:
        return FEEDS[name]
    prefix = name.split("_", 1)[0]
    return _PREFIXES.get(prefix) if "_" in name or name in _PREFIXES else None


def agency(name_or_feed: str | None, missing: str = "agency not recorded") -> str:
    """A named agency as written (tidied when a feed wrote it all in capitals); an agency code, agency type
    or feed name as the agency it stands for ("health_births" -> "health"); never the raw code."""
    text = " ".join((name_or_feed or "").split())
    if not text:
        return missing
    for table in (AGENCIES, AGENCY_TYPES):
        if text in table:
            return table[text]
    code = agency_of_feed(text) if text.islower() else None
    if code:
        return AGENCIES[code]
    if text.isupper() and len(text) > 5:  # "HOMERTON HOSPITAL"; short ones are acronyms (NSPCC)
        return text.title()
    return text
