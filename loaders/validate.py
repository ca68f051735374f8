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


def _annotation(col: Column) -> Any:
    if col.type == "enum":
        base: Any = Literal[tuple(col.values)]  # type: ignore[valid-type]
        parser = None
    elif col.type in _PARSERS:
        base, parser = _RESULT_TYPES[col.type], _PARSERS[col.type]
    else:
        base, parser = Annotated[str, Field(max_length=_MAX_LENGTH[col.type])], None
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


def validate_row(feed: Feed, raw: Mapping[str, str]) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """Typed row, or None with (field, reason) pairs. Blank required values are reported as empty."""
    values = {k: _blank_to_none(v) for k, v in raw.items()}
    missing = [(c.name, "required value is empty") for c in feed.columns if c.required and values.get(c.name) is None]
    present = {k: v for k, v in values.items() if v is not None}
    try:
        model = row_model(feed).model_validate(present)
    except ValidationError as e:
        problems = [(str(err["loc"][0]) if err["loc"] else "", _message(err)) for err in e.errors()]
        seen = {f for f, _ in missing}
        return None, missing + [p for p in problems if p[0] not in seen]
    if missing:
        return None, missing
    return model.model_dump(), []
