"""Pools of names, streets and employers drawn once from Faker en_GB, then sampled with a seeded Random.

Calling Faker per person is too slow for 100,000 people; drawing pools once and sampling them keeps the
output realistic and a 100k run well under a minute. Faker is seeded, so the pools are stable per seed
for one Faker version (pin it for byte-identical output across machines).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker

UK_STREET_SUFFIXES = (
    "Road",
    "Street",
    "Avenue",
    "Lane",
    "Close",
    "Grove",
    "Gardens",
    "Way",
    "Terrace",
    "Crescent",
    "Place",
    "Drive",
    "Court",
    "Walk",
    "Square",
    "Mews",
    "Hill",
    "Rise",
    "Parade",
    "Row",
)
# Street-suffix abbreviations seen in real exports (Road/Rd ...); used by the address variations.
SUFFIX_ABBREVIATIONS = {
    "Road": "Rd",
    "Street": "St",
    "Avenue": "Ave",
    "Lane": "Ln",
    "Close": "Cl",
    "Grove": "Gr",
    "Gardens": "Gdns",
    "Terrace": "Terr",
    "Crescent": "Cres",
    "Place": "Pl",
    "Drive": "Dr",
    "Court": "Ct",
    "Square": "Sq",
    "Parade": "Pde",
}
# Formal name -> nicknames a person may give or a practitioner may write.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "William": ("Bill", "Will", "Billy"),
    "Robert": ("Bob", "Rob", "Bobby"),
    "Margaret": ("Maggie", "Peggy"),
    "Elizabeth": ("Liz", "Beth", "Lizzie"),
    "James": ("Jim", "Jimmy", "Jamie"),
    "Richard": ("Rich", "Ricky"),
    "Catherine": ("Kate", "Cathy"),
    "Katherine": ("Kate", "Kathy"),
    "Jennifer": ("Jenny", "Jen"),
    "Thomas": ("Tom", "Tommy"),
    "Michael": ("Mike", "Mick"),
    "Christopher": ("Chris",),
    "Daniel": ("Dan", "Danny"),
    "Matthew": ("Matt",),
    "Joseph": ("Joe",),
    "Anthony": ("Tony",),
    "Edward": ("Ed", "Ted", "Eddie"),
    "Samuel": ("Sam",),
    "Benjamin": ("Ben",),
    "Alexander": ("Alex",),
    "Jonathan": ("Jon",),
    "Nicholas": ("Nick",),
    "Stephen": ("Steve",),
    "Steven": ("Steve",),
    "Andrew": ("Andy", "Drew"),
    "David": ("Dave",),
    "Victoria": ("Vicky", "Tori"),
    "Rebecca": ("Becky", "Becca"),
    "Samantha": ("Sam", "Sammy"),
    "Jessica": ("Jess",),
    "Deborah": ("Debbie", "Deb"),
    "Susan": ("Sue", "Susie"),
    "Patricia": ("Pat", "Trish"),
    "Alexandra": ("Alex", "Lexi"),
    "Charlotte": ("Charlie", "Lottie"),
    "Eleanor": ("Ellie", "Nell"),
    "Abigail": ("Abi", "Abby"),
    "Josephine": ("Jo", "Josie"),
    "Kimberley": ("Kim",),
    "Natalie": ("Nat",),
    "Frances": ("Fran",),
    "Gillian": ("Gill",),
    "Jacqueline": ("Jackie",),
    "Lawrence": ("Larry",),
    "Harold": ("Harry",),
    "Henry": ("Harry", "Hal"),
    "Frederick": ("Fred", "Freddie"),
    "Leonard": ("Len",),
    "Terence": ("Terry",),
    "Geoffrey": ("Geoff",),
    "Gregory": ("Greg",),
    "Kenneth": ("Ken", "Kenny"),
    "Ronald": ("Ron", "Ronnie"),
    "Donald": ("Don",),
    "Raymond": ("Ray",),
    "Philip": ("Phil",),
    "Timothy": ("Tim",),
    "Peter": ("Pete",),
    "Oliver": ("Ollie",),
    "Nathan": ("Nate",),
    "Joshua": ("Josh",),
    "Jacob": ("Jake",),
    "Leslie": ("Les",),
    "Gerald": ("Gerry",),
    "Maureen": ("Mo",),
    "Dorothy": ("Dot", "Dottie"),
    "Caroline": ("Caz", "Carrie"),
    "Amanda": ("Mandy",),
    "Rachel": ("Rach",),
    "Danielle": ("Dani",),
    "Jasmine": ("Jas",),
    "Zoe": ("Zo",),
    "Shannon": ("Shan",),
    "Bethany": ("Beth",),
    "Georgia": ("George",),
    "Mathew": ("Matt",),
    "Ian": ("Iain",),
    "Graham": ("Gray",),
    "Marc": ("Mark",),
    "Clive": ("Cliff",),
}
_EMPLOYER_KINDS = (
    "Logistics",
    "Construction",
    "Facilities",
    "Motors",
    "Catering",
    "Cleaning Services",
    "Security",
    "Care Services",
    "Print",
    "Engineering",
    "Recruitment",
    "Couriers",
)
_SUPERMARKET_KINDS = ("Superstore", "Supermarket", "Foods", "Local")


@dataclass(frozen=True)
class Pools:
    """Everything drawn from Faker once; sampled afterwards with the generator's Random."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    streets: tuple[str, ...]
    localities: tuple[str, ...]
    town: str
    outward_codes: tuple[str, ...]
    companies: tuple[str, ...]


def draw_pools(seed: int, streets: int, districts: int) -> Pools:
    """Draw names, streets, localities, postcode districts and company names from a seeded Faker."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    person = fake.provider("faker.providers.person")
    male = tuple(sorted(set(person.first_names_male)))  # type: ignore[union-attr]
    female = tuple(sorted(set(person.first_names_female)))  # type: ignore[union-attr]
    surnames = tuple(sorted(set(person.last_names)))  # type: ignore[union-attr]
    rng = random.Random(seed)
    street_names = _unique(lambda: f"{_street_stem(fake)} {rng.choice(UK_STREET_SUFFIXES)}", streets)
    localities = _unique(fake.city, max(4, streets // 25))
    town = fake.city()
    outward = _unique(lambda: fake.postcode().split()[0], districts)
    companies = _unique(lambda: fake.company().replace(" and ", " & "), max(40, streets // 4))
    return Pools(male, female, surnames, street_names, localities, town, outward, companies)


def _street_stem(fake: Faker) -> str:
    """First part of a street name: a surname, a place name or a first name, as UK streets are named."""
    pick = fake.random_int(0, 9)
    if pick < 5:
        return fake.last_name()
    if pick < 8:
        return fake.city().split()[-1]
    return fake.first_name()


def _unique(draw: Callable[[], str], count: int) -> tuple[str, ...]:
    """Draw until `count` distinct values are collected (order of first appearance, deterministic)."""
    seen: dict[str, None] = {}
    attempts = 0
    while len(seen) < count and attempts < count * 50:
        seen.setdefault(draw(), None)
        attempts += 1
    return tuple(seen)


def employer_names(pools: Pools, rng: random.Random, count: int, supermarkets: int) -> list[tuple[str, bool]]:
    """(name, is_supermarket) pairs: supermarkets first, then other local employers."""
    out: list[tuple[str, bool]] = []
    names = list(pools.companies)
    rng.shuffle(names)
    for i in range(count):
        base = names[i % len(names)].split(",")[0].split(" ")[0].rstrip("-")
        if i < supermarkets:
            out.append(
                (f"{base} {rng.choice(_SUPERMARKET_KINDS)} {pools.streets[i % len(pools.streets)].split()[0]}", True)
            )
        else:
            out.append((f"{names[i % len(names)]} {rng.choice(_EMPLOYER_KINDS)}", False))
    return out
