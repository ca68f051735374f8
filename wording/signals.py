"""The fourteen signals by name ("child at an offender's address", never a bare "S1"): the names of the
signals table (docs/queries.md); each saved query's own title stays in its metadata."""

from __future__ import annotations

SIGNAL_NAMES = {
    "S1": "child at an offender's address",
    "S2": "offender in contact with children, no referral",
    "S3": "partner not told of the conviction",
    "S4": "intelligence of a child, nothing follows",
    "S5": "birth to an offender, agencies unaware",
    "S6": "agencies working with the child unaware",
    "S7": "risk assessment overdue or not redone",
    "S8": "notification breach",
    "S9": "order conditions and contact with children",
    "S10": "minimising account of the offence",
    "S11": "referral late or passed back",
    "S12": "case closed without telling every agency",
    "S13": "disguised compliance",
    "S14": "hidden identity",
}


def signal_name(code: str) -> str:
    """The signal's name in words ("S1" -> "child at an offender's address"); an unknown code as given."""
    return SIGNAL_NAMES.get(code, code)


def signal_label(code: str) -> str:
    """Name first, code after, for filters and tables: "Child at an offender's address (S1)"."""
    name = signal_name(code)
    return f"{name[:1].upper()}{name[1:]} ({code})" if name != code else code
