"""People's names as an analyst writes them: "O'Brien", "McDonald", "Smith-Jones", never "SMITH" or "smith"."""

from __future__ import annotations

import re

_PART = re.compile(r"[A-Za-z]+|[^A-Za-z]+")
_PREFIXES = ("Mc", "Mac")  # McDonald; "Mac" only before a consonant-led long tail (MacLeod, not Mack/Mace)


def _word(word: str) -> str:
    """One word title-cased, each part after an apostrophe or hyphen too (o'brien -> O'Brien)."""
    parts = [p.capitalize() if p.isalpha() else p for p in _PART.findall(word)]
    text = "".join(parts)
    if text.startswith("Mc") and len(text) > 2:
        return "Mc" + text[2:].capitalize()
    return text


def tidy_name(text: str | None) -> str:
    """A written name in title case, as an analyst writes it; text already in mixed case is kept (a feed that
    wrote "DeSouza" knew better). Empty or missing gives ''."""
    words = " ".join((text or "").split())
    if not words:
        return ""
    if words != words.upper() and words != words.lower():
        return words
    return " ".join(_word(w) for w in words.split(" "))


def person_name(forenames: str | None, surname: str | None, missing: str = "name not recorded") -> str:
    """Forenames and surname in title case; either may be missing ("Smith", "Jo"); neither gives `missing`."""
    text = " ".join(p for p in (tidy_name(forenames), tidy_name(surname)) if p)
    return text or missing
