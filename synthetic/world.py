"""The in-memory model of one synthetic area: dwellings, people, agencies and the feed rows about them.

Rows are plain dicts keyed by feed column name holding Python values (date, bool, str, None). Person
names, dates of birth and addresses are NOT stored in rows: `_who` maps each Person alias of the feed's
graph declaration to a person id and `_at` names the dwelling, and `variations.render` writes the text
(canonical or varied) just before the files are written. That keeps one truth (the model) and lets the
detection rules in `cases` reason over real identities while the files carry realistic variation.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

WINDOW_START = date(2012, 1, 1)
DEFAULT_AS_OF = date(2024, 12, 31)
CHILD_AGE = 18
Row = dict[str, Any]


def add_years(day: date, years: int) -> date:
    """Same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def days(n: int) -> timedelta:
    return timedelta(days=n)


@dataclass(slots=True)
class Dwelling:
    """A real dwelling (or agency premises); `flat` set for flats, which share `building` and postcode."""

    did: int
    number: int
    street: str
    locality: str
    town: str
    postcode: str
    area: int
    flat: int | None = None
    building: int = 0
    protected: bool = False

    @property
    def line1(self) -> str:
        return f"Flat {self.flat}, {self.number} {self.street}" if self.flat else f"{self.number} {self.street}"


@dataclass(slots=True)
class Stay:
    """A period a person lived at a dwelling; end None = still there at as_of."""

    did: int
    start: date
    end: date | None = None


@dataclass(slots=True)
class Person:
    pid: int
    sex: str
    forenames: str
    surname: str
    dob: date
    nhs: str
    birth_surname: str
    stays: list[Stay] = field(default_factory=list)
    mother: int | None = None
    father: int | None = None
    household: int = -1
    upn: str = ""
    passport: str = ""
    passport_issued: date | None = None
    protected: bool = False  # planted-case people: no random variation, so truth is exact by construction
    twin: int = 0  # 1 or 2 for the first- and second-born of twins (a birth record names them "Baby 1", "Baby 2")

    def is_child(self, day: date) -> bool:
        return day < add_years(self.dob, CHILD_AGE)

    def adult_from(self) -> date:
        return add_years(self.dob, CHILD_AGE)

    def dwelling_on(self, day: date) -> int | None:
        for stay in self.stays:
            if stay.start <= day and (stay.end is None or day < stay.end):
                return stay.did
        return None


@dataclass
class World:
    """Everything generated for one run; ids are random but unique so row order reveals nothing."""

    seed: int
    as_of: date
    rng: random.Random
    people: list[Person] = field(default_factory=list)
    dwellings: list[Dwelling] = field(default_factory=list)
    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    agencies: dict[str, Row] = field(default_factory=dict)
    staff: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # agency -> practitioner ids
    area_agencies: dict[str, list[str]] = field(default_factory=dict)  # agency type -> ids by area slot
    areas: int = 1
    note_rate: float = 0.0  # share of S1 and S9 cases written only in a note (rules.NOTE_RATE, `generate --note-rate`)
    twin_rate: float = 0.0  # share of births that are twins (the identity rate, synthetic/variations.py)
    by_person: dict[tuple[str, int], list[Row]] = field(default_factory=lambda: defaultdict(list))
    _ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    _nhs: set[str] = field(default_factory=set)

    def add(self, feed: str, row: Row, who: dict[str, int] | None = None, at: int | None = None) -> Row:
        """Append a row to a feed; `who` maps Person aliases to person ids, `at` names the dwelling."""
        if who:
            row["_who"] = who
            for pid in set(who.values()):
                self.by_person[feed, pid].append(row)
        if at is not None:
            row["_at"] = at
        self.rows[feed].append(row)
        return row

    def new_id(self, prefix: str, width: int = 7) -> str:
        """A random, unique id such as REF0412093: creation order stays hidden in the files."""
        used = self._ids[prefix]
        while True:
            candidate = f"{prefix}{self.rng.randrange(10 ** (width - 1), 10**width)}"
            if candidate not in used:
                used.add(candidate)
                return candidate

    def new_nhs(self) -> str:
        """A unique 10-digit NHS number with a valid Modulus 11 check digit."""
        while True:
            base = str(self.rng.randrange(400_000_000, 800_000_000))
            total = sum(int(d) * w for d, w in zip(base, range(10, 1, -1), strict=True))
            check = 11 - total % 11
            check = 0 if check == 11 else check
            if check == 10:
                continue
            number = f"{base}{check}"
            if number not in self._nhs:
                self._nhs.add(number)
                return number

    def of(self, feed: str, pid: int, role: str | None = None) -> list[Row]:
        """Rows of a feed about a person (in any role, or in `role` only), in creation order."""
        rows = self.by_person.get((feed, pid), [])
        return rows if role is None else [r for r in rows if r["_who"].get(role) == pid]

    def person(self, pid: int) -> Person:
        return self.people[pid]

    def dwelling(self, did: int) -> Dwelling:
        return self.dwellings[did]

    def agency_for(self, kind: str, area: int) -> str:
        """The agency of a kind serving an area (GP practice, health visiting team, school ...)."""
        ids = self.area_agencies[kind]
        return ids[area * len(ids) // self.areas]

    def practitioner(self, agency: str) -> str | None:
        ids = self.staff.get(agency)
        return self.rng.choice(ids) if ids else None

    def random_date(self, start: date, end: date) -> date:
        """A uniformly drawn day in [start, end] (start when the range is empty)."""
        span = (end - start).days
        return start if span <= 0 else start + timedelta(days=self.rng.randint(0, span))
