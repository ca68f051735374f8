"""Streets, postcodes and dwellings: houses, and flats that share a building, a number and a postcode."""

from __future__ import annotations

import string
from dataclasses import dataclass

from synthetic.names import Pools
from synthetic.world import Dwelling, World

HOUSES_PER_POSTCODE = 18
_UNIT_LETTERS = [c for c in string.ascii_uppercase if c not in "CIKMOV"]  # letters real inward codes avoid
FLAT_SHARE = 0.45
PREMISES_FROM = 301  # agency premises numbers never collide with homes (homes stay below 300)


@dataclass
class Street:
    name: str
    locality: str
    district: str
    sector: int
    area: int
    next_number: int = 1
    next_premises: int = PREMISES_FROM


class Places:
    """Allocates never-used dwellings, so a dwelling's occupants are exactly the households placed there."""

    def __init__(self, world: World, pools: Pools) -> None:
        self.world = world
        self.pools = pools
        rng = world.rng
        self.streets = [
            Street(
                name, rng.choice(pools.localities), rng.choice(pools.outward_codes), rng.randint(0, 9), i % world.areas
            )
            for i, name in enumerate(pools.streets)
        ]
        self._vacant_flats: list[int] = []
        self._buildings = 0

    def _postcode(self, street: Street, number: int) -> str:
        block = (number // HOUSES_PER_POSTCODE) + street.sector * 7 + len(street.name)
        first = _UNIT_LETTERS[block % len(_UNIT_LETTERS)]
        second = _UNIT_LETTERS[(block * 7 + len(street.name)) % len(_UNIT_LETTERS)]
        return f"{street.district} {street.sector}{first}{second}"

    def _make(self, street: Street, number: int, flat: int | None = None, building: int = 0) -> Dwelling:
        dwelling = Dwelling(
            did=len(self.world.dwellings),
            number=number,
            street=street.name,
            locality=street.locality,
            town=self.pools.town,
            postcode=self._postcode(street, number),
            area=street.area,
            flat=flat,
            building=building,
        )
        self.world.dwellings.append(dwelling)
        return dwelling

    def _street(self) -> Street:
        while True:
            street = self.world.rng.choice(self.streets)
            if street.next_number < PREMISES_FROM - 12:
                return street

    def new_home(self) -> Dwelling:
        """A dwelling nobody has lived in yet: a house, or a vacant flat in a (new) building."""
        rng = self.world.rng
        if rng.random() >= FLAT_SHARE:
            street = self._street()
            street.next_number += 1
            return self._make(street, street.next_number - 1)
        if not self._vacant_flats:
            self._new_building(rng.randint(2, 12))
        return self.world.dwellings[self._vacant_flats.pop(0)]

    def _new_building(self, flats: int) -> None:
        street = self._street()
        number = street.next_number
        street.next_number += 1
        self._buildings += 1
        for flat in range(1, flats + 1):
            self._vacant_flats.append(self._make(street, number, flat, self._buildings).did)

    def flat_in_building_of(self, did: int) -> Dwelling:
        """Another flat in the same building (same number, street and postcode): a look-alike address."""
        base = self.world.dwellings[did]
        if base.flat is None:
            raise ValueError("not a flat")
        siblings = [d.flat or 0 for d in self.world.dwellings if d.building == base.building and d.flat]
        street = next(s for s in self.streets if s.name == base.street)
        return self._make(street, base.number, max(siblings) + 1, base.building)

    def new_flat_home(self) -> Dwelling:
        """A flat in a fresh building with room for look-alike neighbours."""
        self._new_building(4)
        did = self._vacant_flats.pop()
        # the other flats of the fresh building stay vacant for ordinary households
        return self.world.dwellings[did]

    def premises(self, area: int) -> Dwelling:
        """An agency's premises on a street of the area it serves."""
        candidates = [s for s in self.streets if s.area == area] or self.streets
        street = self.world.rng.choice(candidates)
        street.next_premises += 1
        premises = self._make(street, street.next_premises - 1)
        premises.protected = True  # agencies write their own address the same way every time
        return premises
