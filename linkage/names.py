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


# Forenames agencies write before a child is named or when they do not know it ("Baby 1", "Twin 2", "Baby
# boy", "Unknown"): they say nothing about who the person is, so no rule compares them. Digits are already
# gone after cleaning, so "Baby 1" and "Baby 2" would otherwise be one name.
PLACEHOLDERS = frozenset(
    {
        "baby",
        "unborn",
        "infant",
        "newborn",
        "twin",
        "triplet",
        "unknown",
        "unnamed",
        "nk",
        "tbc",
        "child",
        "boy",
        "girl",
    }
)
_QUALIFIERS = PLACEHOLDERS | {
    "not",
    "known",
    "of",
    "one",
    "two",
    "three",
    "a",
    "b",
    "c",
    "i",
    "ii",
    "iii",
    "male",
    "female",
}


def is_placeholder(forenames: str | None) -> bool:
    """True for a forename that stands for "not yet named / not known" ("Baby 1", "UNKNOWN", "Twin two")."""
    words = (clean(forenames) or "").split()
    return bool(words) and words[0] in PLACEHOLDERS | {"not"} and all(w in _QUALIFIERS for w in words[1:])


TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "master", "rev", "sir"})


def given_names(forenames: str | None) -> str | None:
    """Cleaned forenames without a leading title or placeholder: "Mr W." -> "w", "Baby 1" -> None."""
    if is_placeholder(forenames):
        return None
    words = (clean(forenames) or "").split()
    while words and words[0] in TITLES:
        words = words[1:]
    return " ".join(words) or None


def fold_name(surname: str | None, forenames: str | None) -> str | None:
    """The comparable form of a full name, "surname|forenames", each part cleaned; None when either part is
    missing or the forename is a placeholder (such a name links nothing exactly)."""
    parts = clean(surname), given_names(forenames)
    return "|".join(parts) if all(parts) else None  # type: ignore[arg-type]


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


# British short forms the nickname table (American) does not know: a record of "Chas" is Charles to linkage and
# to search alike ("Chas Freman" finds Charles Freeman).
BRITISH_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "chas": ("charles",),
    "chaz": ("charles",),
    "jas": ("james",),
    "thos": ("thomas",),
    "wm": ("william",),
    "geo": ("george",),
    "robt": ("robert",),
    "fred": ("frederick", "alfred"),
    "alf": ("alfred",),
    "baz": ("barry",),
    "gaz": ("gary", "gareth"),
    "daz": ("darren",),
    "del": ("derek",),
    "tel": ("terence",),
    "bex": ("rebecca",),
    "kaz": ("karen",),
    "shaz": ("sharon",),
}


@cache
def name_variants(first: str) -> tuple[str, ...]:
    """A first name with its nicknames and the names it is a nickname of (Bill <-> William, Chas <-> Charles)."""
    nn = _nicknamer()
    british = set(BRITISH_SHORT_FORMS.get(first, ())) | {s for s, full in BRITISH_SHORT_FORMS.items() if first in full}
    return tuple(sorted({first} | nn.canonicals_of(first) | nn.nicknames_of(first) | british))


SHORT_FORM_MIN = 3  # "Jide", "Tosin", "Seun": shorter leading or trailing pieces ("Jo", "Ed") say too little


def is_short_form(short: str, full: str) -> bool:
    """A given name's leading or trailing syllables used as a name of its own (Jide / Babajide, Tosin /
    Oluwatosin, Seun / Oluwaseun, Rosa / Rosalind): names no nickname list knows, common where a long given
    name is shortened in daily use. Both cleaned; the short form at least three letters and two shorter."""
    return (
        SHORT_FORM_MIN <= len(short) <= len(full) - 2
        and " " not in short + full
        and (full.startswith(short) or full.endswith(short))
    )


def name_agrees(given: str, known: str) -> str | None:
    """How one cleaned given name (an initial, a short form, a nickname) can be another the person is known
    by, or None: 'same name', 'initial', 'short form', 'nickname'."""
    if given == known:
        return "same name"
    if len(given) == 1 or len(known) == 1:
        return "initial" if given[0] == known[0] else None
    if is_short_form(given, known) or is_short_form(known, given):
        return "short form"
    if given in name_variants(known):
        return "nickname"
    return None
