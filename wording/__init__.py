"""How Sightline words what it shows: people, addresses, agencies, dates, ages, offences, relationships and
yes/no, one way everywhere (pages, CLI tables, exports). Pure functions over plain values; no other room."""

from __future__ import annotations

from wording.agencies import agency, agency_of_feed
from wording.dates import age, age_years, date, period
from wording.facts import offence, yes_no
from wording.people import person_name, tidy_name
from wording.places import address, postcode
from wording.records import code, condition, record
from wording.relationships import kinship, relationship
from wording.signals import signal_label, signal_name

__all__ = [
    "address",
    "age",
    "age_years",
    "agency",
    "agency_of_feed",
    "code",
    "condition",
    "date",
    "kinship",
    "offence",
    "period",
    "person_name",
    "postcode",
    "record",
    "relationship",
    "signal_label",
    "signal_name",
    "tidy_name",
    "yes_no",
]
