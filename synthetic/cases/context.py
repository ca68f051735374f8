"""What a planted case needs to build its story: fresh offenders and families whose records are written
after the story shapes them, and the police, CSC and disclosure steps of ordinary practice.

Scenario people are `protected` (no random identity variation), so every cross-agency link in a planted
case is exact unless the case forces a variation (S14); the truth therefore follows from the rules.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from synthetic import management
from synthetic.csc import Csc, Plan, agencies_working_with
from synthetic.offenders import Offender, OrderSpec, RegSpec, new_offender, random_order
from synthetic.places import Places
from synthetic.population import Household, Population
from synthetic.services import Services
from synthetic.world import Person, Row, Stay, World, add_years, days


@dataclass
class Scenario:
    """A planted story (or decoy) as ground truth lists it; rules add every signal it really shows."""

    sid: str
    signal: str
    decoy: bool
    text: str
    offender: Offender | None = None
    children: list[int] = field(default_factory=list)
    people: list[tuple[str, int]] = field(default_factory=list)
    dwellings: list[int] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    start: date | None = None
    detectable: date | None = None
    evidence: list[Row] = field(default_factory=list)


@dataclass
class Family:
    mother: Person
    children: list[Person]
    did: int
    household: Household


class Ctx:
    """Builder for planted cases; `sid` of the current scenario tags the offenders it creates."""

    def __init__(self, world: World, population: Population, places: Places, services: Services, csc: Csc) -> None:
        self.world, self.population, self.places, self.services, self.csc = world, population, places, services, csc
        self.scenarios: list[Scenario] = []
        self.offenders: list[Offender] = []
        self.sid = ""

    @property
    def rng(self) -> random.Random:
        return self.world.rng

    def day(self, start: date, end: date) -> date:
        return self.world.random_date(start, end)

    # ---------------------------------------------------------------- people
    def man(self, age: tuple[int, int] = (24, 50), did: int | None = None, since: date | None = None) -> Person:
        """A fresh man living alone (records written later, by `write`)."""
        person = self.population.adult("M", *age)
        person.protected = True
        since = since or self.day(max(person.adult_from(), date(2005, 1, 1)), date(2011, 12, 31))
        self.population.place([person], since, did, move=False)
        return person

    def family(
        self,
        since: date,
        kids: list[date],
        father: Person | None = None,
        did: int | None = None,
        emit: bool = True,
        father_recorded: bool = True,
        twins: bool = False,
    ) -> Family:
        """A mother and her children at a fresh dwelling from `since`; records written unless emit=False. With
        `twins`, each child may be born a twin at the world's twin rate (population.maybe_twin)."""
        first = min(kids) if kids else since
        mother = self.population.person("F", self.day(add_years(first, -38), add_years(first, -20)))
        surname = father.surname if father and self.rng.random() < 0.5 else mother.surname
        children = []
        for dob in sorted(kids):
            children.append(self.population.child(mother, father if father_recorded else None, dob, surname))
            twin = self.population.maybe_twin(children[-1]) if twins else None
            children += [twin] if twin else []
        members = [mother, *children]
        for person in members:
            person.protected = True
        did = did if did is not None else self.places.new_home().did
        self.world.dwelling(did).protected = True
        household = self.population.place(members, since, did, move=False)
        family = Family(mother, children, did, household)
        if emit:
            self.emit(family)
        return family

    def emit(self, family: Family) -> None:
        self.services.emit([family.mother, *family.children])

    # ---------------------------------------------------------------- offenders
    def offender(
        self,
        first: date,
        last: date,
        years: int | None = None,
        conditions: tuple[str, ...] | None = None,
        person: Person | None = None,
    ) -> Offender:
        """A fresh offender convicted in [first, last]; `conditions` adds an order made on conviction."""
        last = min(last, add_years(self.world.as_of, -4))  # room for the story before as_of
        first = min(first, last)
        person = person or self.man()
        did = person.stays[-1].did
        self.world.dwelling(did).protected = True
        team = self.world.agency_for("police_team", self.world.dwelling(did).area)
        o = new_offender(self.world, person, self.day(first, last), years, team)
        o.orders = [random_order(self.world, o.start, conditions)] if conditions else []
        o.scenario = self.sid
        return o

    def move(self, o: Offender, did: int, day: date, notified: date | None = None) -> None:
        """The offender moves house on `day` (before his records are written) and registers it."""
        person = o.person
        person.stays[-1].end = day
        person.stays.append(Stay(did, day))
        for reg in o.regs:
            if reg.kind == "main" and reg.end is None:
                reg.end = day
        o.regs.append(RegSpec(did, "main", day, _period_until(o, self.world), notified or day + days(1)))

    def write(self, o: Offender) -> None:
        """Routine records of the offender as a person, then every police/probation record."""
        self.services.person(o.person)
        management.write_offender(self.world, self.services, o)
        self.offenders.append(o)

    def order(self, o: Offender, codes: tuple[str, ...], start: date | None = None, years: int = 5) -> OrderSpec:
        order = OrderSpec(start or o.start, add_years(start or o.start, years), codes)
        o.orders = [order]
        return order

    # ---------------------------------------------------------------- practice
    def tell_agencies(self, o: Offender, child: Person, start: date, end: date | None = None) -> None:
        """Disclose the offender's status to every agency working with the child, as each starts."""
        end = min(end or self.world.as_of, self.world.as_of)
        for agency, first in sorted(agencies_working_with(self.world, child.pid, start, end).items()):
            management.disclose(
                self.world,
                o,
                min(first + days(self.rng.randint(0, 20)), self.world.as_of),
                "agency" if agency[:2] in {"GP", "HV", "MA", "NI", "HO", "PA"} else "setting",
                agency=agency,
                content="conviction_and_conditions",
            )

    def referral(self, child: Person, day: date, source: str = "police", **plan: object) -> Row:
        """An ordinary referral: assessed, closed to every agency with live conditions stated."""
        referrer = self.csc.referrer_for(child, source, day)
        options = {
            "close": day + days(self.rng.randint(40, 90)),
            "includes_conditions": True,
            "summary": "Referral from police: parent/associate subject to sex offender notification",
        } | plan
        close = options["close"]
        if isinstance(close, date) and close >= self.world.as_of:
            options["close"] = None
        return self.csc.referral(child, Plan(day=day, source=source, referrer=referrer, **options))  # type: ignore[arg-type]

    def intel(
        self,
        o: Offender,
        day: date,
        category: str,
        summary: str,
        did: int | None = None,
        mentioned: Person | None = None,
        dob_known: bool = True,
    ) -> Row:
        who = {"subject": o.pid} | ({"mentioned": mentioned.pid} if mentioned else {})
        row = self.world.add(
            "police_intelligence",
            {
                "intel_id": self.world.new_id("INT"),
                "nominal_id": o.nominal_id,
                "report_date": day,
                "source_evaluation": self.rng.choice("12"),
                "intelligence_assessment": self.rng.choice("ABC"),
                "handling_code": "P",
                "category": category,
                "summary": summary,
            },
            who,
            did,
        )
        if mentioned and not dob_known:
            row["_nodob"] = {"mentioned"}
        return row

    def scenario(self, decoy: bool, text: str, o: Offender | None, **kw: object) -> Scenario:
        signal = self.sid.split(":")[0]
        scenario = Scenario(self.sid, signal, decoy, text, o, **kw)  # type: ignore[arg-type]
        if o is not None:
            scenario.people.insert(0, ("offender", o.pid))
        self.scenarios.append(scenario)
        return scenario

    def rows(self, feed: str, pid: int, **match: object) -> list[Row]:
        return [r for r in self.world.of(feed, pid) if all(r.get(k) == v for k, v in match.items())]


def _period_until(o: Offender, world: World) -> date | None:
    return o.period_end if o.period_end and o.period_end <= world.as_of else None
