"""Address normalisation: the key under which one written form of a dwelling becomes one Address node."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def normalise_postcode(postcode: str | None) -> str:
    """Uppercase with one space before the inward code ("e8 1ab" -> "E8 1AB"); unknown shapes kept tidy."""
    text = _SPACES.sub("", (postcode or "").upper())
    match = _POSTCODE.match(text)
    return f"{match.group(1)} {match.group(2)}" if match else text


def _tidy(text: str | None) -> str:
    return _SPACES.sub(" ", (text or "").replace(",", " ").upper()).strip()


def address_key(line1: str | None, line2: str | None, town: str | None, postcode: str | None) -> str:
    """Key of the Address node: first line and postcode after case, comma and space folding.

    Line 2 and town are kept as properties, not in the key: feeds often omit or vary them for the same
    dwelling, while number, street and postcode identify it. Deliberately literal: "Rd" and "Road" stay
    different keys here, because deciding that two written forms are one dwelling is record linkage
    (`sightline resolve`), which keeps both raw forms.
    """
    pc = normalise_postcode(postcode).replace(" ", "")
    del line2, town  # part of the signature so callers pass whole addresses; see docstring
    return " | ".join(part for part in (_tidy(line1), pc) if part)
