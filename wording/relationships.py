"""Relationship types and family relationships in plain English ("ASSESSED_IN" -> "assessed in" is not
enough: "had a risk assessment"). Every relationship type the loaders, linkage and notes write is here;
tests/test_wording.py reads the Cypher files and fails on one that is missing."""

from __future__ import annotations

RELATIONSHIPS = {  # type -> how the start node stands to the end node, read left to right
    "ABOUT": "is about",
    "ALIAS_OF": "is an alias of",
    "ASSESSED_IN": "had a risk assessment",
    "ASSOCIATE_OF": "is an associate of",
    "AT": "took place at",
    "BIRTH_OF": "is the birth of",
    "BOOKED": "booked maternity care",
    "BY_ADULT": "collected or dropped off by",
    "CLOSES": "closes",
    "CONCERNS_CHILD": "concerns the child",
    "CONVICTED_OF": "was convicted of",
    "DISCLOSED_BY": "disclosed by",
    "DISCLOSED_TO": "disclosed to",
    "EMPLOYED_IN": "is employed in",
    "EMPLOYER": "with the employer",
    "ENROLLED_AT": "is enrolled at",
    "FAMILY_OF": "is family of",
    "FOLLOWS": "follows",
    "FROM_RECORD": "read from the record",
    "HAD_CONTACT": "was seen in",
    "HAS_CONDITION": "has the condition",
    "HAS_RECORD": "is recorded as",
    "HAS_UPDATE": "was updated by",
    "LIVES_AT": "lives at",
    "LOCATED_AT": "is located at",
    "MADE_NOTIFICATION": "made a notification",
    "MANAGED_BY": "is managed by",
    "MAY_BE_SAME": "may be the same person as",
    "MENTIONS": "mentions",
    "NOTE_ABOUT": "is a note about",
    "NOTE_AT": "says he stays at",
    "OFFENDER_MANAGER_OF": "is the offender manager of",
    "OF_CHILD": "of the child",
    "PARENT_OF": "is a parent of",
    "PARTNER_OF": "is the partner of",
    "RECORDED_BY": "recorded by",
    "REFERRED_BY": "referred by",
    "REGISTERED_AT": "is registered at",
    "REGISTERED_WITH": "is registered with the GP practice",
    "SENT_TO": "sent to",
    "STAYS_AT": "stays at",
    "SUBJECT_OF": "is subject to",
    "SUPERVISED_BY": "is supervised by",
    "TRAVELLED": "travelled",
    "VISITED_IN": "was visited at home",
    "WITH_AGENCY": "with the agency",
    "WORKS_FOR": "works for",
}
KINSHIP = {  # ASSOCIATE_OF / FAMILY_OF / PARENT_OF `relationship` values, and the queries' roles
    "partner": "partner",
    "ex_partner": "ex-partner",
    "child": "child",
    "parent": "parent",
    "sibling": "brother or sister",
    "cousin": "cousin",
    "cousin_child": "cousin's child",
    "relative": "relative",
    "friend": "friend",
    "grandparent": "grandparent",
    "aunt_uncle": "aunt or uncle",
    "mother": "mother",
    "father": "father",
    "other": "other relationship",
}


def relationship(kind: str | None) -> str:
    """A relationship type in words ("ASSESSED_IN" -> "had a risk assessment"); an unknown one lower-cased
    without underscores, never shown raw."""
    text = (kind or "").strip()
    return RELATIONSHIPS.get(text.upper(), text.replace("_", " ").lower())


def kinship(value: str | None) -> str:
    """A family relationship in words ("cousin_child" -> "cousin's child", "ex_partner" -> "ex-partner")."""
    text = (value or "").strip()
    return KINSHIP.get(text.lower(), text.replace("_", " ").lower())
