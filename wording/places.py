"""Addresses as a letter would carry them: "Flat 2, 24 Anne Drive, L15 9TL", never the folded key
"FLAT 2 24 ANNE DRIVE | L159TL" the graph joins on."""

from __future__ import annotations

import re

from wording.people import tidy_name

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
_FLAT = re.compile(r"^((?:flat|apartment|unit|room)\s+\w+)\s+(?=\w)", re.IGNORECASE)
KEY_SEPARATOR = " | "  # between the first line and the postcode in an address key (loaders.addresses)


def postcode(text: str | None) -> str:
    """Upper case with one space before the inward code ("l159tl" -> "L15 9TL"); other shapes kept, upper."""
    folded = re.sub(r"\s+", "", (text or "").upper())
    match = _POSTCODE.match(folded)
    return f"{match.group(1)} {match.group(2)}" if match else folded


def _line(text: str) -> str:
    """A first line in title case with a comma after the flat ("FLAT 2 24 ANNE DRIVE" -> "Flat 2, 24 Anne Drive")."""
    line = tidy_name(" ".join(text.replace(",", " ").split()))
    return _FLAT.sub(lambda m: f"{m.group(1)}, ", line, count=1)


def address(line: str | None, code: str | None = None, *parts: str | None) -> str:
    """An address for a page or an export. `line` may be a whole address key ("… | L159TL"), whose postcode is
    then taken from it; `parts` (line 2, town) go between the first line and the postcode when given."""
    text = line or ""
    if code is None and "|" in text:
        text, _, code = text.partition("|")
    pieces = [_line(text)] + [tidy_name(p) for p in parts] + [postcode(code)]
    shown = ", ".join(p for p in pieces if p)
    return shown or "address not recorded"
