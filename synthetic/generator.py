"""The pipeline: places and agencies, people and their routine records, planted cases, background
offenders and social care, then the truth (rules over true identities), variations, files."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import faker

from errors import ConfigError
from loaders.spec import load_spec
from synthetic.agencies import build_agencies
from synthetic.cases.context import Ctx
from synthetic.cases.registry import detect_all, plan
from synthetic.cases.residence import tenancies, weekend_addresses
from synthetic.cases.rules import NOTE_RATE, Records
from synthetic.csc import Csc, background_referrals
from synthetic.management import write_offender
from synthetic.names import draw_pools
from synthetic.offenders import background_associates, eligible, new_offender
from synthetic.places import Places
from synthetic.population import Population
from synthetic.services import Services
from synthetic.truth import KeyCollector, build_cases, write_truth
from synthetic.variations import add_aliases, render, unique_dobless_names
from synthetic.world import WINDOW_START, World, add_years, days
from synthetic.writer import write_feeds

OFFENDER_SHARE = 0.005  # offenders under management per adult
ADULT_SHARE = 0.78
PEOPLE_PER_SCENARIO = 3  # rough size of a planted story (offender + family), kept out of the background
REFERRAL_SHARE = 0.05  # children with an ordinary referral to children's social care
COVER_ALL_FROM = 2000  # from this many people, every signal gets at least one case and one decoy
IDENTITY_SHARE = 0.5  # identity shapes at half the variation rate unless told (synthetic/variations.py)
MIN_AS_OF = date(2018, 1, 1)  # planted stories need several years after 2012 to unfold


@dataclass(frozen=True)
class Summary:
    people: int
    offenders: int
    cases: int
    decoys: int
    rows: dict[str, int]


def generate(
    people: int,
    seed: int,
    out: Path,
    case_rate: float = 0.3,
    variation_rate: float = 0.1,
    as_of: date | None = None,
    identity_rate: float | None = None,
    note_rate: float | None = None,
    cases_per_signal: int | None = None,
) -> Summary:
    """Write every feed of feeds.yaml and ground_truth.json for a synthetic area of about `people` people.

    `identity_rate` (default: half the variation rate, so none at variation rate 0) sets how often a record
    takes one of the identity shapes only linkage follows (synthetic/variations.py), twins among them;
    `note_rate` (default rules.NOTE_RATE) of the S1 stays at a partner's and of the S9 order conflicts, and of
    their decoys, are written only in a visit note (read by notes/). `cases_per_signal` plants that many
    cases and decoys of every signal instead of `case_rate` of the offenders (each case brings its offender:
    a denser population than an area's, for evaluation)."""
    identity_rate = variation_rate * IDENTITY_SHARE if identity_rate is None else identity_rate
    note_rate = NOTE_RATE if note_rate is None else note_rate
    as_of = as_of or date(2024, 12, 31)
    if as_of < MIN_AS_OF:
        raise ConfigError(f"as_of must be on or after {MIN_AS_OF.isoformat()} (the window starts in 2012)")
    if not 0 <= note_rate <= 1:
        raise ConfigError(f"note rate must be between 0 and 1, not {note_rate}")
    world = World(seed=seed, as_of=as_of, rng=random.Random(seed), note_rate=note_rate, twin_rate=identity_rate)
    world.areas = max(1, math.ceil(people / 2000))
    pools = draw_pools(seed, streets=max(40, people // 80), districts=max(3, people // 8000))
    places = Places(world, pools)
    employers = build_agencies(world, places, pools, people)
    population = Population(world, places, pools)
    offenders = max(6, round(OFFENDER_SHARE * ADULT_SHARE * people))
    scenarios = plan(offenders, case_rate, cover_all=people >= COVER_ALL_FROM, per_signal=cases_per_signal)
    population.fill(max(10, people - PEOPLE_PER_SCENARIO * len(scenarios)))
    services = Services(world, employers)
    services.emit(list(world.people))
    csc = Csc(world)
    ctx = Ctx(world, population, places, services, csc)
    for i, (signal, decoy) in enumerate(scenarios):
        ctx.sid = f"{signal.sid}:{'D' if decoy else 'P'}{i + 1:03d}"
        (signal.decoy if decoy else signal.plant)(ctx)
    background = max(offenders - len(scenarios), 5)
    _background_offenders(world, population, services, background)
    weekend_addresses(world)
    tenancies(world)
    children = [p for p in world.people if not p.protected and p.dob > add_years(WINDOW_START, -17)]
    background_referrals(world, csc, children, REFERRAL_SHARE)
    world.rows["agencies"] = list(world.agencies.values())
    instances = detect_all(Records(world))
    spec = load_spec()
    add_aliases(world, identity_rate)
    unique_dobless_names(world)
    render(world, spec, variation_rate, identity_rate)
    keys = KeyCollector(spec)
    rows = write_feeds(world, spec, out, keys)
    teams = {r["_who"]["offender"]: r["managing_team_id"] for r in world.rows["police_nominals"]}
    cases = build_cases(instances, ctx.scenarios, keys, teams)
    params = {
        "people": people,
        "seed": seed,
        "case_rate": case_rate,
        "cases_per_signal": cases_per_signal,
        "variation_rate": variation_rate,
        "identity_rate": identity_rate,
        "note_rate": note_rate,
        "as_of": as_of.isoformat(),
        "window_start": WINDOW_START.isoformat(),
        "faker_version": faker.VERSION,
        "people_generated": len(world.people),
        "offenders": len(ctx.offenders) + background,
        "rows": rows,
    }
    write_truth(out / "ground_truth.json", params, keys, cases)
    return Summary(
        len(world.people),
        len(ctx.offenders) + background,
        sum(not c["decoy"] for c in cases),
        sum(c["decoy"] for c in cases),
        rows,
    )


def _background_offenders(world: World, population: Population, services: Services, count: int) -> None:
    """Well-managed offenders in adult-only households: every one of their records shows no signal."""
    rng = world.rng
    candidates = [pid for pid in eligible(world, population) if not world.person(pid).protected]
    for pid in candidates[:count]:
        person = world.person(pid)
        household = population.households[person.household].members
        earliest = max(date(2008, 1, 1), person.stays[0].start, *(p.adult_from() for p in household))
        conviction = world.random_date(earliest, world.as_of - days(200))
        years = rng.choice((5, 7, 10, 10, None))
        if years and add_years(conviction, years) < date(2012, 6, 1):
            years = None
        area = world.dwelling(person.stays[-1].did).area
        o = new_offender(world, person, conviction, years, world.agency_for("police_team", area))
        background_associates(world, population, o)
        o.probation = rng.random() < 0.4
        write_offender(world, services, o)
        if rng.random() < 0.3:
            _background_intel(world, o)


def _background_intel(world: World, o) -> None:
    rng = world.rng
    day = world.random_date(o.start + days(30), min(o.period_end or world.as_of, world.as_of))
    category, text = rng.choice(
        (
            ("employment", "Reported to be working nights at a local warehouse"),
            ("travel", "Mentioned a planned family holiday; notification to be checked"),
            ("other", "Seen regularly at a local gym"),
        )
    )
    world.add(
        "police_intelligence",
        {
            "intel_id": world.new_id("INT"),
            "nominal_id": o.nominal_id,
            "report_date": day,
            "source_evaluation": rng.choice("123"),
            "intelligence_assessment": rng.choice("BCD"),
            "handling_code": "P",
            "category": category,
            "summary": text,
        },
        {"subject": o.pid},
    )
