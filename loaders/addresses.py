"""Address normalisation: the key under which every written form of one dwelling becomes one Address node.

Real exports write the same dwelling as "Flat 2, 10 High Road", "2/10 High Rd" or "10 HIGH ROAD FLAT 2",
with the postcode as "E8 1AB", "e81ab" or "E81AB". The key folds all of these deterministically:
upper case, commas and spaces folded, flat first ("FLAT 2 10 ..."), street suffixes spelt out ("RD" ->
"ROAD"), postcode without its space. Line 2 and town are kept as properties, not in the key: feeds often
omit or vary them, while number, street and postcode identify the dwelling. What cannot be folded
deterministically (a typo in the street name) is linked by `sightline resolve`, which keeps every
written form.

Agencies also write a flat in a named building with or without its prefix: "Flat 6, Beresford Court,
Lightwood Road" (police), "6 Beresford Court, Lightwood Rd" (GP), "Apartment 6 Beresford Ct". A unit number
followed by a building's name (not a street number) is that building's number 6 either way, so the prefix
is dropped ("6 BERESFORD COURT LIGHTWOOD ROAD"); a unit followed by a street number keeps it ("FLAT 2 10
HIGH ROAD" is not "10 HIGH ROAD" nor "2 HIGH ROAD"). Every abbreviated street word is spelt out, not only
the last ("Beresford Ct, Lightwood Rd"), except directly after a number, where "St" is "Saint" ("12 St
Johns Rd"). A missing postcode is folded later, by address linkage, when only one dwelling fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_SLASH_FLAT = re.compile(r"^(\d+[A-Z]?)\s*/\s*(\d+[A-Z]?)\s+(.+)$")  # "2/10 HIGH ROAD"
_TRAILING_FLAT = re.compile(r"^(\w.*?)\s+FLAT\s+(\w+)$")  # "10 HIGH ROAD FLAT 2", "BERESFORD COURT FLAT 6"
_UNIT = re.compile(r"^(?:FLAT|FLT|APARTMENT|APT|UNIT)(?:\s+NO)?\s+(?=\d)")  # "Apartment 6" -> "FLAT 6"
_BUILDING_FLAT = re.compile(r"^FLAT (\d+[A-Z]?) (?=[A-Z])")  # "FLAT 6 BERESFORD COURT": no street number
_NUMBER = re.compile(r"^\d+[A-Z]?$")
_DROPPED = str.maketrans({",": " ", ".": " ", "'": "", "\u2019": "", "`": ""})
SUFFIXES = {
    "RD": "ROAD",
    "ST": "STREET",
    "AVE": "AVENUE",
    "AV": "AVENUE",
    "LN": "LANE",
    "CL": "CLOSE",
    "GR": "GROVE",
    "GRV": "GROVE",
    "GDNS": "GARDENS",
    "TER": "TERRACE",
    "TERR": "TERRACE",
    "TCE": "TERRACE",
    "CRES": "CRESCENT",
    "CRS": "CRESCENT",
    "PL": "PLACE",
    "DR": "DRIVE",
    "CT": "COURT",
    "SQ": "SQUARE",
    "PDE": "PARADE",
    "WK": "WALK",
    "HL": "HILL",
    "MWS": "MEWS",
    "GRN": "GREEN",
    "PK": "PARK",
    "WY": "WAY",
}


def normalise_postcode(postcode: str | None) -> str:
    """Uppercase with one space before the inward code ("e8 1ab" -> "E8 1AB"); unknown shapes kept tidy."""
    text = _SPACES.sub("", (postcode or "").upper())
    match = _POSTCODE.match(text)
    return f"{match.group(1)} {match.group(2)}" if match else text


def canonical_line1(line1: str | None) -> str:
    """First line in one form: "2/10 High Rd" and "10 High Road Flat 2" -> "FLAT 2 10 HIGH ROAD";
    "Flat 6, Beresford Court, Lightwood Road" and "6 Beresford Ct, Lightwood Rd" -> "6 BERESFORD COURT LIGHTWOOD ROAD".
    """
    text = _SPACES.sub(" ", (line1 or "").upper().translate(_DROPPED)).strip()
    text = _UNIT.sub("FLAT ", text)
    if match := _SLASH_FLAT.match(text):
        text = f"FLAT {match.group(1)} {match.group(2)} {match.group(3)}"
    elif match := _TRAILING_FLAT.match(text):
        text = f"FLAT {match.group(2)} {match.group(1)}"
    text = _BUILDING_FLAT.sub(r"\1 ", text)
    return " ".join(_spelt_out(text.split(" ")))


def _spelt_out(words: list[str]) -> list[str]:
    """Street words spelt out ("CT" -> "COURT") unless first or after a number, where "ST" is a saint's."""
    return [
        SUFFIXES[w] if w in SUFFIXES and i > 0 and not _NUMBER.match(words[i - 1]) else w for i, w in enumerate(words)
    ]


def address_key(line1: str | None, line2: str | None, town: str | None, postcode: str | None) -> str:
    """Key of the Address node: canonical first line and postcode without its space."""
    del line2, town  # part of the signature so callers pass whole addresses; see the module docstring
    pc = normalise_postcode(postcode).replace(" ", "")
    return " | ".join(part for part in (canonical_line1(line1), pc) if part)


def postcode_in(address_key: str) -> str | None:
    """The postcode part of an Address key ("12 ELM ROAD | ZZ12AB" -> "ZZ12AB"); None when it has none."""
    _, sep, postcode = address_key.rpartition(" | ")
    return postcode.strip() if sep and postcode.strip() else None


def postcode_of(address_keys: Iterable[str]) -> str | None:
    """The postcode of the first Address key that has one."""
    return next((p for p in map(postcode_in, sorted(address_keys)) if p), None)
