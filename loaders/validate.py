"""Row validation with pydantic: one model per feed, built from feeds.yaml, errors named by field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

from loaders.spec import Column, Feed

_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# NUL and the other control characters never belong in a name, key or note (tab and line ends may, in text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_IN_LINE = re.compile(r"[\x00-\x1f\x7f]")
# Dates that may lie ahead of the day a record is loaded: ends, plans, bookings. Every other date records
# something that has happened (a birth, a conviction, a visit, a referral), so a day after today is a typing
# error (2090 for 1990) that would otherwise make a person unborn or a conviction not yet passed.
MAY_BE_FUTURE = frozenset(
    {"end_date", "to_date", "due_date", "next_due_date", "expected_delivery_date", "departure_date", "return_date"}
    | {"registered_to", "rela_end_date", "cine_close_date", "start_date", "from_date"}
)


def nhs_number_is_placeholder(text: str) -> bool:
    """One digit ten times (0000000000 and 1111111111 pass the check digit): what systems write when the number
    is unknown. Such a number is nobody's, and keying people on it merged strangers."""
    digits = text.replace(" ", "")
    return len(digits) == 10 and digits.isdigit() and len(set(digits)) == 1


def nhs_number_is_valid(text: str) -> bool:
    """Modulus 11 check of a 10-digit NHS number."""
    if len(text) != 10 or not text.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(text[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(text[9])


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise ValueError(f"{value!r} is not a date in yyyy-mm-dd form")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError as e:
        raise ValueError(f"{value!r} is not a real date") from e
    if not 1900 <= parsed.year <= 2100:
        raise ValueError(f"{value!r} is outside 1900-2100")
    return parsed


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().upper()
    if text in {"Y", "N"}:
        return text == "Y"
    raise ValueError(f"{value!r} is not Y or N")


def _nhs(value: Any) -> str:
    text = str(value).replace(" ", "")
    if not nhs_number_is_valid(text):
        raise ValueError(f"{value!r} is not a valid NHS number (10 digits, modulus 11 check digit)")
    return text


def _postcode(value: Any) -> str:
    text = str(value).strip().upper()
    if not _POSTCODE.match(text):
        raise ValueError(f"{value!r} is not a UK postcode")
    return text


def _int(value: Any) -> int:
    try:
        return int(str(value).strip())
    except ValueError as e:
        raise ValueError(f"{value!r} is not a whole number") from e


_PARSERS = {"date": _date, "bool": _bool, "nhs": _nhs, "postcode": _postcode, "int": _int}
_RESULT_TYPES: dict[str, Any] = {"date": dt.date, "bool": bool, "nhs": str, "postcode": str, "int": int}
_MAX_LENGTH = {"id": 100, "str": 200, "text": 5000}


def _plain(kind: str) -> Any:
    """Text columns refuse control characters (NUL, escape ...): they corrupt keys and what is shown."""
    pattern = _CONTROL if kind == "text" else _CONTROL_IN_LINE

    def check(value: Any) -> Any:
        if isinstance(value, str) and (found := pattern.search(value)):
            raise ValueError(f"holds a control character (0x{ord(found.group()):02x}); remove it")
        return value

    return check


def _annotation(col: Column) -> Any:
    if col.type == "enum":
        base: Any = Literal[tuple(col.values)]  # type: ignore[valid-type]
        parser = None
    elif col.type in _PARSERS:
        base, parser = _RESULT_TYPES[col.type], _PARSERS[col.type]
    else:
        base, parser = Annotated[str, Field(max_length=_MAX_LENGTH[col.type])], _plain(col.type)
    validators = [BeforeValidator(parser)] if parser else []
    return Annotated[base, *validators, BeforeValidator(_blank_to_none)]


@cache
def row_model(feed: Feed) -> type[BaseModel]:
    """The pydantic model of one feed's rows: required columns must be present, others may be null."""
    fields: dict[str, Any] = {}
    for col in feed.columns:
        annotation = _annotation(col)
        fields[col.name] = (annotation, ...) if col.required else (annotation | None, None)
    config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    return create_model(f"{feed.name}_row", __config__=config, **fields)


def _message(err: Mapping[str, Any]) -> str:
    if err["type"] == "missing":
        return "required value is empty"
    if err["type"] == "literal_error":
        return f"{err['input']!r} is not one of the allowed values ({err['ctx']['expected']})"
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")


def validate_row(
    feed: Feed, raw: Mapping[str, str], today: dt.date | None = None
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """Typed row, or None with (field, reason) pairs. Blank required values are reported as empty; a
    placeholder NHS number counts as not recorded; facts that cannot be true (born after `today`, one NHS
    number for two people of one record) are refused with their reason."""
    values = {k: _blank_to_none(v) for k, v in raw.items()}
    placeholders = {
        name: f"{values[name]!r} is a placeholder NHS number, nobody's: record the real one or leave it empty"
        for name in _fact_columns(feed)[1]
        if isinstance(values.get(name), str) and nhs_number_is_placeholder(values[name])
    }
    values |= dict.fromkeys(placeholders)
    missing = [
        (c.name, placeholders.get(c.name, "required value is empty"))
        for c in feed.columns
        if c.required and values.get(c.name) is None
    ]
    present = {k: v for k, v in values.items() if v is not None}
    try:
        model = row_model(feed).model_validate(present)
    except ValidationError as e:
        problems = [(str(err["loc"][0]) if err["loc"] else "", _message(err)) for err in e.errors()]
        seen = {f for f, _ in missing}
        return None, missing + [p for p in problems if p[0] not in seen]
    if missing:
        return None, missing
    row = model.model_dump()
    implausible = _implausible(feed, row, today or dt.date.today())
    return (None, implausible) if implausible else (row, [])


@cache
def _fact_columns(feed: Feed) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A feed's dates of things that have happened, and its NHS number columns (worked out once per feed)."""
    past = tuple(c.name for c in feed.columns if c.type == "date" and c.name not in MAY_BE_FUTURE)
    return past, tuple(c.name for c in feed.columns if c.type == "nhs")


def _implausible(feed: Feed, row: Mapping[str, Any], today: dt.date) -> list[tuple[str, str]]:
    """Facts each valid alone that cannot be true: an event after today, two people with one NHS number."""
    past, nhs = _fact_columns(feed)
    problems = [
        (name, f"{row[name]:%Y-%m-%d} is after today: a record of something that has happened")
        for name in past
        if row.get(name) and row[name] > today
    ]
    seen: dict[str, str] = {}
    for name in nhs:
        number = row.get(name)
        if number and number in seen:
            problems.append((name, f"the same NHS number as {seen[number]}: one person recorded as two"))
        elif number:
            seen[number] = name
    return problems
