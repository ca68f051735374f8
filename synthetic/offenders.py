"""Offenders under management: who they are and the facts of their case (conviction, notification period,
orders, addresses, associates). `management` turns those facts into police and probation records.

The default Offender is a well-managed one: it shows no signal. Planted cases (package `cases`) change a
few facts (an unregistered address, an untold partner, a skipped reassessment) before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from synthetic.population import Population
from synthetic.world import Person, World, add_years, days

OFFENCES = {
    "indecent_images": (
        "Possess indecent photograph of a child",
        "Make indecent photograph of a child",
        "Distribute indecent photograph of a child",
    ),
    "contact_child": (
        "Sexual assault of a child under 13",
        "Engage in sexual activity in the presence of a child",
        "Sexual activity with a child",
    ),
    "contact_adult": ("Sexual assault", "Assault by penetration"),
    "non_contact": ("Exposure", "Voyeurism", "Voyeurism (recording)"),
}
_CATEGORY_WEIGHTS = (("indecent_images", 60), ("contact_child", 15), ("contact_adult", 13), ("non_contact", 12))
SENTENCES = (
    "Suspended sentence order, 12 months",
    "Community order, 3 years",
    "Imprisonment, 8 months",
    "Community order, 2 years, sex offender programme",
    "Suspended sentence order, 18 months",
)
CONDITION_TEXT = {
    "NO_UNSUPERVISED_CONTACT_U16": "Not to have any unsupervised contact with any child under 16 years",
    "NO_WORK_WITH_U16": "Not to undertake any work, paid or voluntary, likely to bring close, regular unsupervised "
    "contact with a person under 16",
    "NO_RESIDENCE_WITH_U18": "Not to reside in a household with any child under 18 without the approval of the police",
    "INTERNET_MONITORING": "To make any internet-enabled device available for inspection on request",
    "NO_SCHOOL_APPROACH": "Not to loiter within 100 metres of a school or nursery",
}
_RISK_WEIGHTS = (("low", 35), ("medium", 40), ("high", 20), ("very high", 5))
SHPO_FROM = date(2015, 3, 8)  # SOPOs were replaced by SHPOs (Anti-social Behaviour, Crime and Policing Act 2014)


@dataclass
class OrderSpec:
    start: date
    end: date | None
    conditions: tuple[str, ...]

    @property
    def kind(self) -> str:
        return "SOPO" if self.start < SHPO_FROM else "SHPO"

    def live(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass
class RegSpec:
    """A registered address: main, additional, staying or frequents; notified None = never notified."""

    did: int
    kind: str
    start: date
    end: date | None
    notified: date | None


@dataclass
class AssocSpec:
    relationship: str
    pid: int
    recorded: date
    start: date | None = None
    end: date | None = None
    dob_known: bool = True
    told: date | None = None  # partners: the day the police told them (None = never)
    forced: dict[str, str] = field(default_factory=dict)  # role -> variation kind forced on this record


@dataclass
class Offender:
    person: Person
    nominal_id: str
    team: str
    manager: str
    conviction: date
    category: str
    period_end: date | None
    risk: str
    level: str
    orders: list[OrderSpec] = field(default_factory=list)
    regs: list[RegSpec] = field(default_factory=list)
    associates: list[AssocSpec] = field(default_factory=list)
    known_changes: list[date] = field(default_factory=list)  # changes police know of besides regs/associates
    skip_reassess: set[date] = field(default_factory=set)
    arms_stop: date | None = None
    arms_fixed: list[date] | None = None  # assessment days chosen by a planted case (S7)
    arms_notes: dict[date, str] = field(default_factory=dict)
    missed_annual: set[int] = field(default_factory=set)
    breach_convictions: list[date] = field(default_factory=list)  # later convictions for notification breaches
    unnotified_travel: set[str] = field(default_factory=set)  # travel ids never notified
    passport_unnotified: bool = False
    agency_disclosures: list[tuple[str, date, str]] = field(default_factory=list)
    extra_visits: list[dict] = field(default_factory=list)
    quiet_visits_after: date | None = None  # no "engaging well" visits from this day (keeps decoys clean)
    probation: bool = False
    probation_notes: list[dict] = field(default_factory=list)
    scenario: str | None = None

    @property
    def pid(self) -> int:
        return self.person.pid

    @property
    def start(self) -> date:
        return self.conviction

    def managed(self, day: date) -> bool:
        return self.start <= day and (self.period_end is None or day <= self.period_end)

    def main_on(self, day: date) -> int | None:
        for reg in self.regs:
            if reg.kind == "main" and reg.start <= day and (reg.end is None or day < reg.end):
                return reg.did
        return None


def weighted(world: World, options: tuple[tuple[str, int], ...]) -> str:
    return world.rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def eligible(world: World, population: Population) -> list[int]:
    """Adults who never lived with a child in the window and never collect a child: offender candidates."""
    adult_since = date(1993, 12, 31)
    out = []
    for household in population.households:
        if any(p.dob > adult_since for p in household.members):
            continue
        for p in household.members:
            if p.dob < add_years(world.as_of, -72) or world.of("education_collections", p.pid):
                continue
            if world.of("health_births", p.pid) or (p.sex == "F" and world.rng.random() < 0.95):
                continue
            out.append(p.pid)
    world.rng.shuffle(out)
    return out


def new_offender(world: World, person: Person, conviction: date, years: int | None, team: str) -> Offender:
    """Facts of a typical case: Schedule 3 conviction, notification period, maybe an order, main address."""
    rng = world.rng
    end = add_years(conviction, years) if years else None
    offender = Offender(
        person=person,
        nominal_id=world.new_id("NOM", 6),
        team=team,
        manager=world.staff[team][0],
        conviction=conviction,
        category=weighted(world, _CATEGORY_WEIGHTS),
        period_end=end,
        risk=weighted(world, _RISK_WEIGHTS),
        level=rng.choices(("1", "2", "3"), weights=(90, 9, 1))[0],
    )
    if rng.random() < 0.5:
        offender.orders.append(random_order(world, conviction))
    for stay in person.stays:
        stay_end = stay.end or date.max
        if stay_end <= conviction or (end and stay.start > end):
            continue
        start = max(stay.start, conviction)
        reg_end = min(stay_end, end) if end else stay.end
        offender.regs.append(RegSpec(stay.did, "main", start, _until(world, reg_end), start + days(rng.randint(0, 3))))
    return offender


def random_order(world: World, start: date, conditions: tuple[str, ...] = ()) -> OrderSpec:
    rng = world.rng
    if not conditions:
        picked = [
            c
            for c, share in (
                ("NO_UNSUPERVISED_CONTACT_U16", 0.8),
                ("NO_WORK_WITH_U16", 0.6),
                ("INTERNET_MONITORING", 0.6),
                ("NO_SCHOOL_APPROACH", 0.2),
            )
            if rng.random() < share
        ]
        conditions = tuple(picked or ["NO_UNSUPERVISED_CONTACT_U16"])
    return OrderSpec(start, add_years(start, rng.choice((5, 5, 5, 10))), conditions)


def _until(world: World, day: date | None) -> date | None:
    return None if day is None or day > world.as_of else day


def household_partner(world: World, population: Population, person: Person) -> Person | None:
    """An adult of the other sex in the offender's household, taken to be his partner."""
    members = population.households[person.household].members
    for other in members:
        if other.pid != person.pid and other.sex != person.sex and abs((other.dob - person.dob).days) < 365 * 15:
            return other
    return None


def background_associates(world: World, population: Population, offender: Offender) -> None:
    """Partner (told within two weeks) and parents: every associate an adult, every partner told."""
    rng = world.rng
    partner = household_partner(world, population, offender.person)
    if partner is not None:
        recorded = offender.start + days(rng.randint(0, 5))
        offender.associates.append(
            AssocSpec(
                "partner", partner.pid, recorded, start=partner.stays[0].start, told=recorded + days(rng.randint(0, 14))
            )
        )
    mother = offender.person.mother
    if mother is not None and rng.random() < 0.5:
        offender.associates.append(AssocSpec("parent", mother, offender.start + days(rng.randint(0, 5))))
