"""Typed flags: a saved query's row as the runner returns it and every page, export and score reads it.

Neo4j's dates become Python dates once, in `Flag.from_row`, so nothing downstream parses a date back out of
text. A flag's key and "the children of a flag" are computed here and nowhere else. This module does not
import the driver: a Neo4j value is recognised by its `to_native` method (only `graph/` talks to Neo4j).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, ClassVar, Self, TypeVar

from errors import QueryError
from queries.library import SEVERITIES, SavedQuery

# Every saved query returns these columns, so a flag can be explained without another query (docs/queries.md).
RESULT_COLUMNS = (
    "children",
    "subject",
    "people",
    "addresses",
    "agencies",
    "path",
    "evidence",
    "detected_on",
    "summary",
)
# Columns a query may add: a row's own severity (lower when, say, the notification period has ended: risk is
# never zero, so it orders, never hides), its status ("awaiting referral" before a period runs out), and the
# triggering fact that, with the signal, the subject and the child, makes the flag's key.
OPTIONAL_COLUMNS = ("severity", "status", "fact")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(T[0-9:.+\-Z]+)?")


def _walk(value: Any, leaf: Callable[[Any], Any]) -> Any:
    """`leaf` applied to a value and, through nested lists and maps, to everything in it."""
    value = leaf(value)
    if isinstance(value, Mapping):
        return {k: _walk(v, leaf) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_walk(v, leaf) for v in value]
    return value


def native(value: Any) -> Any:
    """Neo4j dates and date-times as Python ones, through nested lists and maps."""
    return _walk(value, lambda v: v.to_native() if hasattr(v, "to_native") else v)


def plain(value: Any) -> Any:
    """JSON-ready values: dates as ISO text, typed parts as their maps, through nested lists and maps."""
    return _walk(value, _plain_leaf)


def _plain_leaf(value: Any) -> Any:
    if isinstance(value, Part):
        return value.to_json()
    return value.isoformat() if isinstance(value, dt.date) else value


def _day(value: Any) -> dt.date | None:
    """A date column: Neo4j's or Python's date (or date-time), or the ISO text a JSON export wrote."""
    value = native(value)
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    return value if isinstance(value, dt.date) else None


def _revived(value: Any) -> Any:
    """A value read back from JSON: ISO dates as dates again (the queries return dates, never date-like text)."""
    return _walk(value, _revived_leaf)


def _revived_leaf(value: Any) -> Any:
    if isinstance(value, str) and _ISO.fullmatch(value):
        try:
            return _day(value)
        except ValueError:
            return value
    return value


def _text(value: Any) -> str:
    """Keys, provenance and roles, which the contract always fills."""
    return "" if value is None else str(value)


def _name(value: Any) -> str | None:
    """Names and descriptions the queries join from fields: null in Cypher when a part is missing, kept so."""
    return None if value is None else str(value)


def _texts(value: Any) -> tuple[str, ...]:
    """Record keys, addresses and path steps: a null list is an empty one."""
    return tuple(str(v) for v in value or ())


# How a typed field is read from a query's map or a JSON export, by its annotation (text in this module).
_READERS: dict[str, Callable[[Any], Any]] = {
    "str": _text,
    "str | None": _name,
    "dt.date | None": _day,
    "tuple[str, ...]": _texts,
}


_TYPED: dict[type, dict[str, Callable[[Any], Any]]] = {}


def _typed(kind: type[Part]) -> dict[str, Callable[[Any], Any]]:
    """A part's typed fields and their readers (every field but `more` and `returned`), worked out once a kind."""
    if kind not in _TYPED:
        _TYPED[kind] = {f.name: _READERS[str(f.type)] for f in fields(kind) if f.name not in {"more", "returned"}}
    return _TYPED[kind]


class Part:
    """What Person, Agency and Evidence share: their typed fields, the rest of the query's map kept read-only
    in `more` so nothing is lost, and `returned`, the map's keys in the order the query gave them, so that an
    export writes exactly the map the query returned (no `dob: null` for a person listed without one)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]
    more: Mapping[str, Any]
    returned: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "more", MappingProxyType(dict(self.more)))

    def __getstate__(self) -> dict[str, Any]:
        """st.cache_data pickles results, and a read-only mapping does not pickle: it travels as a dict."""
        return vars(self) | {"more": dict(self.more)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in (state | {"more": MappingProxyType(state["more"])}).items():
            object.__setattr__(self, name, value)

    @classmethod
    def from_map(cls, values: Mapping[str, Any]) -> Self:
        """One of a query's maps (a child, an agency, a piece of evidence), typed, its dates converted once."""
        values, readers = native(values), _typed(cls)
        typed = {name: read(values.get(name)) for name, read in readers.items()}
        more = {k: v for k, v in values.items() if k not in readers}
        return cls(**typed | {"more": more, "returned": tuple(values)})

    @classmethod
    def from_json(cls, values: Mapping[str, Any]) -> Self:
        """`to_json`'s map read back: the typed fields know their dates, the extras are revived."""
        return cls.from_map({k: v if k in _typed(cls) else _revived(v) for k, v in values.items()})

    def to_json(self) -> dict[str, Any]:
        """The query's map again, dates as ISO text."""
        typed = _typed(type(self))
        keys = self.returned or (*typed, *self.more)
        return {k: plain(getattr(self, k) if k in typed else self.more.get(k)) for k in keys}


@dataclass(frozen=True)
class Person(Part):
    """A child, subject or person involved: identity (or record) key, and what the query says of them."""

    key: str
    name: str | None = None
    dob: dt.date | None = None
    records: tuple[str, ...] = ()  # the source record keys behind an identity
    role: str = ""  # for people involved: offender, partner, mother...
    more: Mapping[str, Any] = field(default_factory=dict)  # e.g. from (children), risk_level (subject)
    returned: tuple[str, ...] = ()

    @property
    def record_keys(self) -> tuple[str, ...]:
        """Its source records; a person the query gave no records for stands for itself."""
        return self.records if not self.returned or "records" in self.returned else (self.key,)


@dataclass(frozen=True)
class Agency(Part):
    """An agency involved, or unaware (`status`, e.g. "not told")."""

    key: str
    name: str | None = None
    status: str = ""
    more: Mapping[str, Any] = field(default_factory=dict)  # e.g. working_from
    returned: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence(Part):
    """The source record behind one step of a flag: which agency's feed, which record, when, and what it says."""

    agency: str
    feed: str
    record_id: str
    date: dt.date | None = None
    what: str | None = None
    more: Mapping[str, Any] = field(default_factory=dict)
    returned: tuple[str, ...] = ()


P = TypeVar("P", bound=Part)


def _part(kind: type[P], values: Mapping[str, Any], from_json: bool) -> P:
    return kind.from_json(values) if from_json else kind.from_map(values)


def _parts(kind: type[P], values: Iterable[Mapping[str, Any]] | None, from_json: bool) -> tuple[P, ...]:
    return tuple(_part(kind, v, from_json) for v in values or ())


@dataclass(frozen=True)
class Flag:
    """One row of a saved query: who is at risk, who and what is involved, and the records behind it."""

    query: str
    signal: str
    severity: str
    title: str
    children: tuple[Person, ...] = ()
    subject: Person | None = None
    people: tuple[Person, ...] = ()
    addresses: tuple[str, ...] = ()
    agencies: tuple[Agency, ...] = ()
    path: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    detected_on: dt.date | None = None
    summary: str = ""
    status: str = ""  # e.g. "awaiting referral": raised on the day, escalated when the period passes
    fact: str = ""  # the triggering fact (e.g. "police_addresses:A1"); empty for a query not yet naming one
    legacy_key: str = ""  # the key this flag had before its query named facts: triage recorded then still applies
    confidence: str = ""  # "from a note": raised from a fact the note reader proposed, for the analyst to confirm

    @classmethod
    def from_row(cls, query: SavedQuery, row: Mapping[str, Any]) -> Flag:
        """A query's row as a flag; a row missing a result column is an error naming the query."""
        missing = [c for c in RESULT_COLUMNS if c not in row]
        if missing:
            raise QueryError(f"{query.name} returned no {', '.join(missing)}: see docs/queries.md for the contract")
        return cls._build((query.name, query.signal, query.severity, query.title), row, from_json=False)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Flag:
        """A flag from `to_json`'s map (a JSON export read back)."""
        return cls._build((data["query"], data["signal"], data["severity"], data["title"]), data, from_json=True)

    @classmethod
    def _build(cls, meta: tuple[str, str, str, str], row: Mapping[str, Any], from_json: bool) -> Flag:
        subject = row["subject"]
        severity = row.get("severity") or meta[2]
        if severity not in SEVERITIES:
            raise QueryError(f"{meta[0]} returned severity {severity!r}: one of {', '.join(SEVERITIES)}")
        return cls(
            meta[0],
            meta[1],
            severity,
            meta[3],
            children=_parts(Person, row["children"], from_json),
            subject=_part(Person, subject, from_json) if subject else None,
            people=_parts(Person, row["people"], from_json),
            addresses=_texts(row["addresses"]),
            agencies=_parts(Agency, row["agencies"], from_json),
            path=_texts(row["path"]),
            evidence=_parts(Evidence, row["evidence"], from_json),
            detected_on=_day(row["detected_on"]),
            summary=row["summary"] or "",
            status=_text(row.get("status")),
            fact=_text(row.get("fact")),
            legacy_key=_text(row.get("legacy_key")),
            confidence=_text(row.get("confidence")),
        )

    def split(self) -> tuple[Flag, ...]:
        """One flag per child when the query names each child's own triggering fact (the record that put that
        child there), else the row as one flag. Each keeps the key the whole row had before its query named
        facts, so triage recorded against it is still found."""
        legacy = self.legacy_key or self._legacy_key()
        if not self.fact or not any(c.more.get("fact") for c in self.children):
            return (replace(self, legacy_key=legacy),)
        return tuple(replace(self, children=(child,), legacy_key=legacy) for child in self.children)

    @property
    def key(self) -> str:
        """Stable identity of a flag: the signal, the subject, the child and the triggering fact, nothing else.

        So it stays the same as unrelated records arrive (a school enrolment adds a record to the child) and
        differs between two facts (three overdue assessments are three flags). A child is part of the key when
        the query names its own fact (the record that put it there); otherwise the flag's fact already names
        it (a birth, a collection) or the children are its context (a partner's), not its trigger. Triage hangs
        on this key. A query that names no fact keeps the key it always had."""
        if not self.fact:
            return self._legacy_key()
        child = self.children[0] if len(self.children) == 1 else None
        anchor = str(child.more.get("fact") or "") if child else ""
        subject = self.subject.key if self.subject else ""
        return _digest([self.signal, subject, anchor, self.fact])

    def _legacy_key(self) -> str:
        """The key before queries named facts: query, subject, child records, addresses (kept for triage)."""
        children = sorted(r for c in self.children for r in c.record_keys)
        subject = self.subject.key if self.subject else ""
        return _digest([self.query, subject, *children, "|", *sorted(self.addresses)])

    def from_notes(self) -> tuple[str, ...]:
        """The sentences this flag rests on that the note reader proposed (evidence marked `from_note`), each
        with its record: what the analyst is asked to confirm before acting on the flag."""
        return tuple(
            f"{e.feed} {e.record_id}: {e.more.get('sentence') or e.what or ''}"
            for e in self.evidence
            if e.more.get("from_note")
        )

    def child_keys(self) -> frozenset[str]:
        """Identity and source record keys of the flag's children: how a page finds the flags on a person."""
        return frozenset(c.key for c in self.children) | {r for c in self.children for r in c.records}

    def person_keys(self) -> tuple[str, ...]:
        """Every person the flag shows (children, subject, people involved): whom a consultation of it touched."""
        subject = (self.subject,) if self.subject else ()
        return tuple(sorted({p.key for p in (*self.children, *subject, *self.people)}))

    def targets(self) -> tuple[Person, ...]:
        """Whom a worklist row is about: the children, or the subject when no child is identified yet."""
        return self.children or ((self.subject,) if self.subject else ())

    def triage_keys(self) -> tuple[str, ...]:
        """Keys triage may be recorded under: its own, then the one it had before its query named facts."""
        return tuple(dict.fromkeys(k for k in (self.key, self.legacy_key) if k))

    def to_json(self) -> dict[str, Any]:
        """The flag as JSON-ready values (dates as ISO text), its key first: what exports write."""
        return {"key": self.key} | {
            f.name: plain(getattr(self, f.name))
            for f in fields(self)
            if f.name != "legacy_key" and (f.name != "confidence" or self.confidence)  # only when from a note
        }


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
