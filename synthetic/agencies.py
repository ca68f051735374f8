"""Agencies and settings sized to the population, each with named practitioners.

Sizes follow rough England ratios (a GP practice per ~2,000 people, a primary school per ~2,500, ...), with
floors so that a small run still has two Jigsaw teams, two hospitals (the review's Ms R booked at a
different hospital, 3.28) and at least one of every setting the signals need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from synthetic.names import Pools, employer_names
from synthetic.places import Places
from synthetic.world import World

# (area key, agency_type, id prefix, people per agency, minimum, name pattern, practitioner roles)
_AREA_AGENCIES: tuple[tuple[str, str, str, int, int, str, tuple[str, ...]], ...] = (
    (
        "gp_practice",
        "gp_practice",
        "GP",
        2000,
        1,
        "{street} Medical Practice",
        ("GP", "GP", "Practice nurse", "Safeguarding lead GP"),
    ),
    (
        "health_visiting",
        "health_visiting",
        "HV",
        25000,
        1,
        "{locality} Health Visiting Team",
        ("Health visitor", "Health visitor", "Health visitor", "Team lead health visitor"),
    ),
    ("nursery", "nursery", "NUR", 1500, 2, "{street} Nursery", ("Nursery manager", "Key worker")),
    (
        "primary",
        "school",
        "PRI",
        2500,
        2,
        "{street} Primary School",
        ("Head teacher", "Designated safeguarding lead", "Class teacher"),
    ),
    (
        "secondary",
        "school",
        "SEC",
        8000,
        1,
        "{locality} Academy",
        ("Head teacher", "Designated safeguarding lead", "Head of year"),
    ),
    (
        "childrens_centre",
        "childrens_centre",
        "CC",
        15000,
        1,
        "{locality} Children's Centre",
        ("Centre manager", "Family support worker"),
    ),
    (
        "hospital",
        "hospital",
        "HOSP",
        120000,
        2,
        "{locality} General Hospital",
        ("Consultant paediatrician", "Named nurse for safeguarding"),
    ),
    (
        "community_paediatrics",
        "community_paediatrics",
        "PAED",
        120000,
        1,
        "{locality} Community Paediatrics",
        ("Community paediatrician", "Paediatric nurse"),
    ),
    (
        "police_team",
        "police_team",
        "JIG",
        60000,
        2,
        "Jigsaw {n} (Public Protection)",
        ("Offender manager", "Offender manager", "Detective sergeant"),
    ),
    (
        "probation",
        "probation",
        "PDU",
        60000,
        1,
        "{locality} Probation Delivery Unit",
        ("Probation officer", "Probation officer", "Senior probation officer"),
    ),
)
_SINGLE_AGENCIES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    (
        "mash_police",
        "mash_police",
        "MASHPOL",
        "MASH Police Team",
        ("MASH detective constable", "MASH detective sergeant"),
    ),
    (
        "csc",
        "childrens_social_care",
        "CSC",
        "{town} Children's Social Care",
        ("Social worker", "Social worker", "Social worker", "Team manager"),
    ),
    ("border_force", "border_force", "BF", "Border Force South", ("Border Force officer",)),
)
_EMAIL_DOMAINS = {
    "gp_practice": "nhs.example",
    "health_visiting": "nhs.example",
    "hospital": "nhs.example",
    "maternity": "nhs.example",
    "nicu": "nhs.example",
    "community_paediatrics": "nhs.example",
    "police_team": "police.example",
    "mash_police": "police.example",
    "probation": "justice.example",
    "childrens_social_care": "council.example",
    "border_force": "homeoffice.example",
}


@dataclass(frozen=True)
class Employer:
    agency_id: str
    supermarket: bool


def build_agencies(world: World, places: Places, pools: Pools, people: int) -> list[Employer]:
    """Write agencies and practitioners; fill world.area_agencies; return the employers."""
    for key, kind, prefix, per, minimum, pattern, roles in _AREA_AGENCIES:
        count = max(minimum, math.ceil(people / per))
        world.area_agencies[key] = [
            _agency(world, places, pools, kind, f"{prefix}{i + 1:03d}", pattern, i * world.areas // count, roles)
            for i in range(count)
        ]
        if key == "hospital":
            _maternity_units(world, places, pools)
    for key, kind, agency_id, pattern, roles in _SINGLE_AGENCIES:
        world.area_agencies[key] = [_agency(world, places, pools, kind, agency_id, pattern, 0, roles)]
    staff = max(2, math.ceil(people / 30000))
    world.staff["CSC"].extend(_practitioners(world, pools, "CSC", ("Social worker",) * staff, "childrens_social_care"))
    return _employers(world, places, pools, people)


def _maternity_units(world: World, places: Places, pools: Pools) -> None:
    """Each hospital has a maternity unit and a NICU, separate agencies as in real information sharing."""
    for unit, prefix, roles in (
        ("maternity", "MAT", ("Midwife", "Midwife", "Named midwife for safeguarding")),
        ("nicu", "NICU", ("Neonatal nurse", "Neonatal consultant")),
    ):
        ids = []
        for i, hospital in enumerate(world.area_agencies["hospital"]):
            host = world.agencies[hospital]
            name = f"{host['name']} {'Maternity Unit' if unit == 'maternity' else 'Neonatal Intensive Care Unit'}"
            agency_id = f"{prefix}{i + 1:03d}"
            world.agencies[agency_id] = {**host, "agency_id": agency_id, "name": name, "agency_type": unit}
            world.staff[agency_id].extend(_practitioners(world, pools, agency_id, roles, unit))
            ids.append(agency_id)
        world.area_agencies[unit] = ids


def _agency(
    world: World,
    places: Places,
    pools: Pools,
    kind: str,
    agency_id: str,
    pattern: str,
    area: int,
    roles: tuple[str, ...],
) -> str:
    premises = places.premises(min(area, world.areas - 1))
    name = pattern.format(street=premises.street, locality=premises.locality, town=pools.town, n=agency_id[-1])
    world.agencies[agency_id] = {
        "agency_id": agency_id,
        "name": name,
        "agency_type": kind,
        "area": pools.town,
        "_at": premises.did,
    }
    world.staff[agency_id].extend(_practitioners(world, pools, agency_id, roles, kind))
    return agency_id


def _practitioners(world: World, pools: Pools, agency_id: str, roles: tuple[str, ...], kind: str) -> list[str]:
    rng = world.rng
    ids = []
    for role in roles:
        practitioner_id = world.new_id("STF", 6)
        sex = rng.random() < 0.6
        forename = rng.choice(pools.female if sex else pools.male)
        surname = rng.choice(pools.surnames)
        domain = _EMAIL_DOMAINS.get(
            kind, "school.example" if kind in {"school", "nursery", "childrens_centre"} else "example.com"
        )
        world.rows["practitioners"].append(
            {
                "practitioner_id": practitioner_id,
                "agency_id": agency_id,
                "surname": surname,
                "forenames": forename,
                "role": role,
                "email": f"{forename[0].lower()}.{surname.lower().replace(' ', '')}@{domain}",
            }
        )
        ids.append(practitioner_id)
    return ids


def _employers(world: World, places: Places, pools: Pools, people: int) -> list[Employer]:
    count = max(12, people // 400)
    supermarkets = max(3, count // 10)
    out = []
    for i, (name, is_supermarket) in enumerate(employer_names(pools, world.rng, count, supermarkets)):
        agency_id = f"EMP{i + 1:04d}"
        premises = places.premises(i % world.areas)
        world.agencies[agency_id] = {
            "agency_id": agency_id,
            "name": name,
            "agency_type": "employer",
            "area": pools.town,
            "_at": premises.did,
        }
        world.staff[agency_id].extend(_practitioners(world, pools, agency_id, ("HR manager",), "employer"))
        out.append(Employer(agency_id, is_supermarket))
    return out
