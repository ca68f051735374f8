"""Options several commands share, parsed one way: `--format` is a choice of what the command can write and a
date is YYYY-MM-DD; a bad value is Click's usage error (exit code 2) naming the option, never a traceback."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, TypeAlias

import typer


def _format_option() -> Any:
    """`--format`; the Literal it annotates is the Click choice, so an unknown format is a usage error naming them."""
    return typer.Option("--format", help="How to write the result")


TableOrJson: TypeAlias = Annotated[Literal["table", "json"], _format_option()]
TableJsonOrCsv: TypeAlias = Annotated[Literal["table", "json", "csv"], _format_option()]
CsvOrJson: TypeAlias = Annotated[Literal["csv", "json"], _format_option()]


def iso_date(value: str | dt.date) -> dt.date:
    """A date option's value, YYYY-MM-DD (a default arrives already as a date); a bad one is a usage error."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def date_option(help_text: str, default_text: str | bool = True) -> Any:
    """`--as-of`, a date parsed by `iso_date`; `default_text` says what no date means."""
    return typer.Option("--as-of", parser=iso_date, metavar="YYYY-MM-DD", help=help_text, show_default=default_text)


Reason: TypeAlias = Annotated[
    str,
    typer.Option(
        "--reason",
        help="Why: a case reference or purpose (logged with who and when, DPA 2018 s.62)",
        show_default="SIGHTLINE_REASON",
    ),
]
