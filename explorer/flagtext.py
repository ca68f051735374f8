"""A flag in plain words: the text a saved query wrote (summary, path, evidence) with every internal key
replaced by what it stands for. Record keys become names ("birth-father:BIR1" -> the father's name), address
keys addresses, feed names the record they hold ("police_visits VIS1" -> "police home visit VIS1"), ISO dates
dates, coded values words. The query's own text stays the source: this layer only rewrites what it shows."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd

from queries.flags import Evidence, Flag
from queries.library import load_library
from wording import address, agency, code, condition, date, kinship, record, tidy_name
from wording.records import RECORDS

_FEEDS = "|".join(sorted(RECORDS, key=len, reverse=True))
FEED_RECORD = re.compile(rf"\b({_FEEDS})[ :]([A-Z]{{2,}}[0-9][\w-]*)")
ADDRESS_KEY = re.compile(r"\b[A-Z0-9][A-Z0-9 /'&.-]*? \| [A-Z0-9 ]{2,8}[A-Z]\b")
PERSON_KEY = re.compile(r"\b(?:person\|)?(?:identity:)?([a-z]+(?:-[a-z]+)*):((?=[\w-]*\d)[A-Za-z0-9][\w-]*)")
ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})(?:T[0-9:.+-]+)?\b")
CONDITION = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
KEY_KINDS = {  # a record key's prefix, when no name for it is known
    "birth-father": "the father named on the birth record",
    "birth-mother": "the mother named on the birth record",
    "nhs": "an NHS record",
    "police": "a police record",
    "police-assoc": "a police associate record",
    "staff": "a practitioner",
    "csc": "a children's social care record",
}


def names(flag: Flag) -> dict[str, str]:
    """Every record and identity key the flag names someone by -> that person's name, tidied."""
    found: dict[str, str] = {}
    people = [*flag.children, *((flag.subject,) if flag.subject else ()), *flag.people]
    for person in people:
        if not person.name:
            continue
        for key in (person.key, *person.records):
            found.setdefault(key, tidy_name(person.name))
        if tidy_name(person.name) != person.name:  # a name a feed wrote in capitals or lower case
            found.setdefault(person.name, tidy_name(person.name))
    for person in flag.people:  # "birth-father:…" is the person the query names as father
        if person.name and "father" in person.role:
            found.setdefault("birth-father", tidy_name(person.name))
        if person.name and "mother" in person.role:
            found.setdefault("birth-mother", tidy_name(person.name))
    return found


def plain(text: str | None, known: dict[str, str] | None = None) -> str:
    """A query's text with every key, code and ISO date in words (known: key -> name, and a name as a feed
    wrote it -> as an analyst writes it, "JOHN SMITH" -> "John Smith")."""
    known = known or {}
    out = text or ""
    for written, name in known.items():
        if written == written.upper() or written == written.lower():
            out = re.sub(rf"\b{re.escape(written)}\b", name, out) if " " in written else out
    out = FEED_RECORD.sub(lambda m: record(m.group(1), m.group(2)), out)
    out = PERSON_KEY.sub(_person(known), out)
    out = ADDRESS_KEY.sub(lambda m: address(m.group(0)), out)
    out = ISO_DATE.sub(lambda m: date(m.group(1)), out)
    out = CONDITION.sub(lambda m: condition(m.group(0)), out)
    return SNAKE.sub(lambda m: _snake(m.group(0)), out)


def _person(known: dict[str, str]) -> Callable[[re.Match[str]], str]:
    def name(match: re.Match[str]) -> str:
        prefix, whole = match.group(1), match.group(0)
        bare = whole.removeprefix("person|").removeprefix("identity:")
        return known.get(whole) or known.get(bare) or known.get(prefix) or KEY_KINDS.get(prefix, "a linked record")

    return name


def _snake(word: str) -> str:
    words = kinship(word)
    return words if words != word.replace("_", " ") else code(word)


def reason(flag: Flag) -> str:
    """The one-line reason: the query's summary in plain words, with its status when it awaits something."""
    text = plain(flag.summary, names(flag))
    return f"{text} ({plain(flag.status)})" if flag.status else text


def action(flag: Flag) -> str:
    """What the saved query says to do next (its metadata's `action`)."""
    query = load_library().get(flag.query)
    return query.action if query else ""


def path(flag: Flag) -> list[str]:
    """The path through the graph, step by step, in plain words."""
    known = names(flag)
    return [plain(step, known) for step in flag.path]


def evidence_agency(flag: Flag, item: Evidence, named: Mapping[str, str] | None = None) -> str:
    """The named agency behind a record: as the graph names it (`named`, record id -> agency, from
    worklist.evidence_agencies), else the longest agency name of the flag its text mentions (the school of an
    enrolment), else the agency family ("police")."""
    if named and item.record_id in named:
        return named[item.record_id]
    mentioned = [a.name for a in flag.agencies if a.name and a.name in (item.what or "")]
    return max(mentioned, key=len) if mentioned else agency(item.agency or item.feed)


def evidence(flag: Flag, named: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The records behind the flag, one line each: when, which agency, which record, what it says."""
    known = names(flag)
    rows = [
        {
            "date": date(item.date, ""),
            "agency": evidence_agency(flag, item, named),
            "record": record(item.feed, item.record_id),
            "what it says": plain(item.what, known),
        }
        for item in flag.evidence
    ]
    return pd.DataFrame(rows, columns=["date", "agency", "record", "what it says"])
