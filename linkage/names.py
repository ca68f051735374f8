"""Names as linkage compares them, cleaned one way for every rule: exact linkage, Splink and the explorer's
search all fold case, punctuation and spacing the same, and know the same nicknames."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from nicknames import NickNamer

_NOT_LETTERS = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")


def clean(text: Any) -> str | None:
    """Lower-case letters and single spaces; hyphens become spaces ("O'Neil-Smith" -> "oneil smith")."""
    if not isinstance(text, str):
        return None
    out = _SPACES.sub(" ", _NOT_LETTERS.sub("", text.lower().replace("-", " "))).strip()
    return out or None


def fold_name(surname: str | None, forenames: str | None) -> str | None:
    """ "surname|forenames", each cleaned: the same for every written form of one full name; None when either
    part is missing (a name without a forename links nothing exactly)."""
    parts = clean(surname), clean(forenames)
    return "|".join(parts) if all(parts) else None  # type: ignore[arg-type]


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


@cache
def name_variants(first: str) -> tuple[str, ...]:
    """A first name with its nicknames and the names it is a nickname of (Bill <-> William)."""
    nn = _nicknamer()
    return tuple(sorted({first} | nn.canonicals_of(first) | nn.nicknames_of(first)))
