"""Person records as a table Splink can compare: cleaned names, name variants, phonetic keys, dates, postcodes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import jellyfish
import pandas as pd
from nicknames import NickNamer

COLUMNS = [
    "unique_id",
    "source",
    "surname",
    "forenames",
    "first_name",
    "first_variants",
    "surname_tokens",
    "surname_sound",
    "dob",
    "postcode",
    "nhs",
]
_NOT_LETTERS = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def clean(text: Any) -> str | None:
    """Lower-case letters and single spaces; hyphens become spaces ("Smith-Jones" -> "smith jones")."""
    if not isinstance(text, str):
        return None
    out = _SPACES.sub(" ", _NOT_LETTERS.sub("", text.lower().replace("-", " "))).strip()
    return out or None


@cache
def name_variants(first: str) -> tuple[str, ...]:
    """A first name with its nicknames and the names it is a nickname of (Bill <-> William)."""
    nn = _nicknamer()
    return tuple(sorted({first} | nn.canonicals_of(first) | nn.nicknames_of(first)))


def postcode_in(address_key: str) -> str | None:
    """The postcode part of an Address key ("12 ELM ROAD | ZZ12AB" -> "ZZ12AB"); None when it has none."""
    _, sep, postcode = address_key.rpartition(" | ")
    return postcode.strip() if sep and postcode.strip() else None


def postcode_of(address_keys: Iterable[str]) -> str | None:
    """The postcode of the first Address key that has one."""
    return next((p for p in map(postcode_in, sorted(address_keys)) if p), None)


def record_row(rec: dict[str, Any]) -> dict[str, Any]:
    surname, forenames = clean(rec.get("surname")), clean(rec.get("forenames"))
    first = forenames.split()[0] if forenames else None
    dob = rec.get("dob")
    return {
        "unique_id": rec["key"],
        "source": rec["key"].split(":", 1)[0],
        "surname": surname,
        "forenames": forenames,
        "first_name": first,
        "first_variants": list(name_variants(first)) if first else None,
        "surname_tokens": surname.split() if surname else None,
        "surname_sound": jellyfish.metaphone(surname.replace(" ", "")) if surname else None,
        "dob": dob.isoformat() if isinstance(dob, dt.date) else dob,
        "postcode": postcode_of(rec.get("addresses") or []),
        "nhs": rec.get("nhs"),
    }


def to_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Splink's input table; records without any name are left out (nothing to compare)."""
    rows = [record_row(r) for r in records]
    frame = pd.DataFrame([r for r in rows if r["surname"] or r["nhs"]], columns=COLUMNS)
    return frame.astype(object).where(frame.notna(), None)
