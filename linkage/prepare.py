"""Person records as a table Splink can compare: cleaned names, name variants, phonetic keys, dates, postcodes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import jellyfish
import pandas as pd

from linkage.names import clean, given_names, name_variants
from loaders.addresses import postcode_of

COLUMNS = [
    "unique_id",
    "source",
    "surname",
    "forenames",
    "first_name",
    "first_variants",
    "first_name_sound",
    "surname_tokens",
    "surname_sound",
    "dob",
    "postcode",
    "nhs",
]


def record_row(rec: dict[str, Any]) -> dict[str, Any]:
    surname, forenames = clean(rec.get("surname")), given_names(rec.get("forenames"))  # "Baby 1", "Mr W" -> None, "w"
    first = forenames.split()[0] if forenames else None
    dob = rec.get("dob")
    return {
        "unique_id": rec["key"],
        "source": rec["key"].split(":", 1)[0],
        "surname": surname,
        "forenames": forenames,
        "first_name": first,
        "first_variants": list(name_variants(first)) if first else None,
        "first_name_sound": jellyfish.metaphone(first) if first and len(first) > 1 else None,
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
