"""Households at dwellings: extended families (grandparents, their adult children, grandchildren who are
cousins), couples, single parents, sharers and people living alone, some of whom move once.

Only people and where they lived are made here; the agencies' records about them come from `services`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from synthetic.names import Pools
from synthetic.places import Places
from synthetic.world import Person, Stay, World, add_years, days

MIDDLE_NAME_SHARE = 0.35
MARRIED_NAME_SHARE = 0.6  # women in couples who took the partner's surname
MOVE_SHARE = 0.12  # households that move once during the window


@dataclass
class Household:
    hid: int
    members: list[Person]


class Population:
    """Creates people with unique (name, date of birth) and places households in never-used dwellings."""

    def __init__(self, world: World, places: Places, pools: Pools) -> None:
        self.world = world
        self.places = places
        self.pools = pools
        self.households: list[Household] = []
        self._identities: set[tuple[str, str, date]] = set()
        self._twins = random.Random(world.seed * 86028121 + 13)  # its own stream: births are twins at any rate

    # ---------------------------------------------------------------- people
    def person(self, sex: str, dob: date, surname: str | None = None, forenames: str | None = None) -> Person:
        rng = self.world.rng
        pool = self.pools.male if sex == "M" else self.pools.female
        if forenames is None:
            forenames = rng.choice(pool)
            if rng.random() < MIDDLE_NAME_SHARE:
                forenames = f"{forenames} {rng.choice(pool)}"
        surname = surname or rng.choice(self.pools.surnames)
        while (forenames, surname, dob) in self._identities:
            dob += days(1)
        self._identities.add((forenames, surname, dob))
        person = Person(
            pid=len(self.world.people),
            sex=sex,
            forenames=forenames,
            surname=surname,
            dob=dob,
            nhs=self.world.new_nhs(),
            birth_surname=surname,
        )
        self.world.people.append(person)
        return person

    def adult(self, sex: str, age_low: int, age_high: int, surname: str | None = None) -> Person:
        as_of = self.world.as_of
        dob = self.world.random_date(add_years(as_of, -age_high), add_years(as_of, -age_low))
        return self.person(sex, dob, surname)

    def child(self, mother: Person | None, father: Person | None, dob: date, surname: str) -> Person:
        person = self.person(self.world.rng.choice("MF"), dob, surname)
        person.mother = mother.pid if mother else None
        person.father = father.pid if father else None
        return person

    def maybe_twin(self, child: Person) -> Person | None:
        """At the world's twin rate, a twin of `child`: same parents, surname and date of birth, another NHS
        number and first name (half the time with the same initial, "Lily" and "Leo"). Ground truth: two people."""
        if not self.world.twin_rate or self._twins.random() >= self.world.twin_rate:
            return None
        sex = self._twins.choice("MF")
        pool = self.pools.male if sex == "M" else self.pools.female
        first = child.forenames.split()[0]
        same = [n for n in pool if n[0] == first[0] and n != first]
        names = same if same and self._twins.random() < 0.5 else [n for n in pool if n != first]
        for _ in range(20):
            forenames = self._twins.choice(names)
            if (forenames, child.surname, child.dob) not in self._identities:
                break
        else:
            return None
        twin = self.person(sex, child.dob, child.surname, forenames)
        twin.mother, twin.father, twin.protected = child.mother, child.father, child.protected
        child.twin, twin.twin = 1, 2
        return twin

    def marry(self, woman: Person, man: Person) -> None:
        """The woman takes the man's surname (keeping her birth surname) in most couples."""
        identity = (woman.forenames, man.surname, woman.dob)
        if self.world.rng.random() < MARRIED_NAME_SHARE and identity not in self._identities:
            self._identities.add(identity)
            woman.surname = man.surname

    def children_for(self, mother: Person, father: Person | None, count: int, surname: str) -> list[Person]:
        """Children born when the mother was 19-43, never after as_of."""
        kids = []
        last = add_years(mother.dob, 19)
        for _ in range(count):
            start = max(last + days(300), add_years(mother.dob, 19))
            end = min(add_years(mother.dob, 43), self.world.as_of - days(20))
            if start > end:
                break
            dob = self.world.random_date(start, min(end, start + days(365 * 6)))
            kids.append(self.child(mother, father, dob, surname))
            twin = self.maybe_twin(kids[-1])
            kids += [twin] if twin else []
            last = dob
        return kids

    # ---------------------------------------------------------------- households
    def place(self, members: list[Person], since: date, dwelling: int | None = None, move: bool = True) -> Household:
        """Put a household in a dwelling from `since` (children from birth); maybe move it once later."""
        did = dwelling if dwelling is not None else self.places.new_home().did
        household = Household(len(self.households), members)
        self.households.append(household)
        for person in members:
            person.household = household.hid
            person.stays.append(Stay(did, max(since, person.dob)))
        if move and self.world.rng.random() < MOVE_SHARE:
            self.move(household, self.world.random_date(date(2013, 1, 1), self.world.as_of - days(200)))
        return household

    def move(self, household: Household, when: date, dwelling: int | None = None) -> int:
        """Move every member living there on `when` to a new dwelling; returns the new dwelling id."""
        did = dwelling if dwelling is not None else self.places.new_home().did
        for person in household.members:
            current = person.stays[-1] if person.stays else None
            if current is None or current.end is not None:
                continue
            if current.start >= when:
                current.did = did
                continue
            current.end = when
            person.stays.append(Stay(did, when))
        return did

    def since(self, members: list[Person]) -> date:
        """When an established household moved in: after the youngest adult turned 18, mostly before 2012."""
        youngest_adult = max(add_years(p.dob, 18) for p in members if not p.is_child(self.world.as_of))
        latest = max(youngest_adult, date(2011, 12, 31))
        return self.world.random_date(max(youngest_adult, date(1995, 1, 1)), latest)

    def family(self, adult_age: tuple[int, int], couple: bool, kids: int, move: bool = True) -> Household:
        """A couple or a single parent (mostly mothers) with children."""
        rng = self.world.rng
        if not couple and rng.random() < 0.1:
            return self._lone_father(kids, move)
        mother = self.adult("F", *adult_age)
        father = self.adult("M", adult_age[0] + 1, adult_age[1] + 3) if couple else None
        if father:
            self.marry(mother, father)
        surname = father.surname if father else mother.surname
        children = self.children_for(mother, father, kids, surname)
        adults = [p for p in (mother, father) if p]
        return self.place(adults + children, self.since(adults), move=move)

    def _lone_father(self, kids: int, move: bool) -> Household:
        """A father bringing up children born before the window; their mother is not in the area."""
        father = self.adult("M", 35, 60)
        children = [
            self.child(
                None, father, self.world.random_date(add_years(father.dob, 22), date(2011, 6, 1)), father.surname
            )
            for _ in range(kids)
        ]
        return self.place([father, *children], self.since([father]), move=move)

    def clan(self) -> list[Household]:
        """Grandparents and one to three adult children's households: relatives in other households."""
        rng = self.world.rng
        grandmother = self.adult("F", 62, 88)
        grandfather = self.adult("M", 64, 90)
        self.marry(grandmother, grandfather)
        households = [self.place([grandmother, grandfather], self.since([grandmother, grandfather]))]
        for _ in range(rng.randint(1, 3)):
            dob = self.world.random_date(add_years(grandmother.dob, 20), add_years(grandmother.dob, 40))
            if dob > add_years(self.world.as_of, -19):
                continue
            member = self.child(grandmother, grandfather, dob, grandfather.surname)
            households.append(self._adult_child_household(member))
        return households

    def _adult_child_household(self, member: Person) -> Household:
        rng = self.world.rng
        roll = rng.random()
        if roll < 0.3:
            return self.place([member], self.since([member]))
        if roll >= 0.85 and member.sex == "F":  # single mother; the father lives elsewhere, not modelled
            kids = self.children_for(member, None, rng.choice((1, 2, 3)), member.surname)
            return self.place([member, *kids], self.since([member]))
        partner = self.adult("M" if member.sex == "F" else "F", 20, 60)
        mother, father = (member, partner) if member.sex == "F" else (partner, member)
        self.marry(mother, father)
        kids = self.children_for(mother, father, rng.choice((0, 1, 2, 2, 3)), father.surname)
        return self.place([mother, father, *kids], self.since([mother, father]))

    def standalone(self) -> Household:
        rng = self.world.rng
        roll = rng.random()
        if roll < 0.34:
            single = self.adult(rng.choice("MF"), 18, 90)
            return self.place([single], self.since([single]))
        if roll < 0.58:
            woman, man = self.adult("F", 22, 85), self.adult("M", 22, 88)
            self.marry(woman, man)
            return self.place([woman, man], self.since([woman, man]))
        if roll < 0.68:
            sharers = [self.adult(rng.choice("MF"), 19, 35) for _ in range(rng.randint(2, 3))]
            return self.place(sharers, self.since(sharers))
        if roll < 0.9:
            return self.family((24, 50), couple=True, kids=rng.choice((1, 2, 2, 3, 4)))
        return self.family((19, 45), couple=False, kids=rng.choice((1, 1, 2, 3)))

    def fill(self, target: int) -> None:
        """Add households until the area holds `target` people."""
        while len(self.world.people) < target:
            if self.world.rng.random() < 0.45:
                self.clan()
            else:
                self.standalone()
