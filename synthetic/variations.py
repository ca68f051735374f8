"""How one person or dwelling is written in each record: canonical, or with a realistic variation.

At variation rate V each person record and each address has probability V of one variation: a nickname
(William/Bill), a one-letter typo, day and month swapped (only when both <= 12), a woman's birth or
hyphenated surname, a dropped middle name; for addresses Road/Rd, 'Flat 2, 10 X' / '2/10 X' / '10 X Flat 2',
postcode spacing and case, a missing locality. At V = 0 every record of one person carries identical
surname, forenames, date of birth and address text. Planted-case people and dwellings are `protected`:
they vary only where a case forces it (`row["_force"]`, S14), so linkage is needed exactly there.

At identity rate I (issue 11), independently of V and on people no planted case uses, the shapes agencies'
records take that only linkage can follow: a nickname with day and month of birth swapped in one record;
an adult collecting a child written by title and initial ("Mr J"); an employment record without a date of
birth; a birth with the father not recorded; a police alias (`add_aliases`); twins (`population.maybe_twin`, in
background families and in planted S1 families): two children with one surname, one date of birth and two NHS
numbers, named "Baby 1" and "Baby 2" on their birth records and by their own first names (half the time with
one initial) everywhere else. Each is in the ground truth like any other record of the person (the alias is
the nominal's record; an unrecorded father has none; twins are two people).
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date

from loaders.spec import Spec
from synthetic.names import NICKNAMES, SUFFIX_ABBREVIATIONS
from synthetic.world import Dwelling, Person, Row, World

# (feed, Person alias) -> (surname column, forenames column, date-of-birth column or None)
IDENTITY_COLUMNS: dict[tuple[str, str], tuple[str, str, str | None]] = {
    ("police_nominals", "offender"): ("surname", "forenames", "date_of_birth"),
    ("police_associates", "associate"): ("surname", "forenames", "date_of_birth"),
    ("police_intelligence", "mentioned"): ("mentioned_surname", "mentioned_forenames", "mentioned_date_of_birth"),
    ("police_merlin", "child"): ("child_surname", "child_forenames", "child_date_of_birth"),
    ("probation_cases", "person"): ("surname", "forenames", "date_of_birth"),
    ("csc_persons", "person"): ("pers_surname", "pers_forename", "pers_dob"),
    ("health_gp_registrations", "patient"): ("surname", "forenames", "date_of_birth"),
    ("health_births", "child"): ("child_surname", "child_forenames", "date_of_birth"),
    ("health_births", "father"): ("father_surname", "father_forenames", "father_date_of_birth"),
    ("health_maternity_bookings", "partner"): ("partner_surname", "partner_forenames", "partner_date_of_birth"),
    ("education_enrolments", "pupil"): ("surname", "forenames", "date_of_birth"),
    ("education_collections", "adult"): ("adult_surname", "adult_forenames", None),
    ("education_addresses", "pupil"): ("surname", "forenames", "date_of_birth"),
    ("housing_tenancies", "person"): ("surname", "forenames", "date_of_birth"),
    ("employment", "employee"): ("surname", "forenames", "date_of_birth"),
    ("travel", "traveller"): ("surname", "forenames", "date_of_birth"),
    ("disclosures", "recipient"): ("recipient_surname", "recipient_forenames", "recipient_date_of_birth"),
    ("police_aliases", "alias"): ("surname", "forenames", "date_of_birth"),
}
_TITLES = {"M": "Mr", "F": "Ms"}
# Records where a nickname with day and month swapped is written (a father at a birth, a partner at booking,
# a patient, an employee, a probation case); never where the date of birth is also the event's date.
_NICKNAME_SWAP = {
    ("health_births", "father"),
    ("health_maternity_bookings", "partner"),
    ("health_gp_registrations", "patient"),
    ("employment", "employee"),
    ("probation_cases", "person"),
}
_KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


def typo(text: str, rng: random.Random) -> str:
    """One-letter slip (substitution, deletion, doubling or transposition), first letter kept."""
    if len(text) < 3:
        return text + text[-1]
    i = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        letter = _KEYBOARD[(_KEYBOARD.find(text[i].lower()) + 1) % len(_KEYBOARD)]
        out = text[:i] + letter + text[i + 1 :]
    elif kind == 1:
        out = text[:i] + text[i + 1 :]
    elif kind == 2:
        out = text[:i] + text[i] + text[i:]
    else:
        out = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return out if out.lower() != text.lower() else text[:i] + text[i] + text[i:]


def swap_day_month(day: date) -> date | None:
    if day.day <= 12 and day.month <= 12 and day.day != day.month:
        return date(day.year, day.day, day.month)
    return None


def person_variants(p: Person) -> list[str]:
    first = p.forenames.split()[0]
    kinds = ["typo_forename", "typo_surname"]
    if first in NICKNAMES:
        kinds.append("nickname")
    if swap_day_month(p.dob):
        kinds.append("swap")
    if p.sex == "F" and p.birth_surname != p.surname:
        kinds.append("birth_surname")
    if " " in p.forenames:
        kinds.append("no_middle")
    return kinds


def vary_person(p: Person, kind: str, rng: random.Random) -> tuple[str, str, date]:
    """(surname, forenames, date of birth) as written under one kind of variation."""
    surname, forenames, dob = p.surname, p.forenames, p.dob
    first, *rest = forenames.split()
    if kind == "nickname":
        forenames = " ".join([rng.choice(NICKNAMES[first]), *rest])
    elif kind == "typo_forename":
        forenames = " ".join([typo(first, rng), *rest])
    elif kind == "typo_surname":
        surname = typo(surname, rng)
    elif kind == "swap":
        dob = swap_day_month(dob) or dob
    elif kind == "birth_surname":
        surname = p.birth_surname if rng.random() < 0.5 else f"{p.birth_surname}-{p.surname}"
    elif kind == "no_middle":
        forenames = first
    return surname, forenames, dob


def forced_person(p: Person, rng: random.Random) -> tuple[str, str, date]:
    """A planted hidden identity (S14): nickname or typo in the forename, plus swapped day/month if possible."""
    surname, forenames, dob = vary_person(
        p, "nickname" if p.forenames.split()[0] in NICKNAMES else "typo_forename", rng
    )
    return surname, forenames, swap_day_month(dob) or dob


def address_text(d: Dwelling, kind: str | None, rng: random.Random) -> tuple[str, str, str, str]:
    """(line1, line2, town, postcode) written canonically (kind None) or with one variation."""
    line1, line2, town, postcode = d.line1, d.locality, d.town, d.postcode
    street = d.street
    suffix = street.split()[-1]
    if kind == "line1":
        if d.flat:
            line1 = rng.choice((f"{d.flat}/{d.number} {street}", f"{d.number} {street} Flat {d.flat}"))
        elif suffix in SUFFIX_ABBREVIATIONS:
            line1 = f"{d.number} {street[: -len(suffix)]}{SUFFIX_ABBREVIATIONS[suffix]}"
        else:
            line1 = f"{d.number} {typo(street, rng)}"
    elif kind == "postcode":
        postcode = rng.choice((postcode.replace(" ", ""), postcode.lower(), postcode.lower().replace(" ", "")))
    elif kind == "no_locality":
        line2 = ""
    return line1, line2, town, postcode


def add_aliases(world: World, rate: float) -> None:
    """A police alias (a nickname or another spelling, no date of birth) for a share `rate` of the nominals
    no planted case uses; its own random stream, so the rest of the world is the same at any rate."""
    rng = random.Random(world.seed * 104729 + 3)
    nominals = [n for n in world.rows.get("police_nominals", []) if not world.person(n["_who"]["offender"]).protected]
    chosen = [n for n in nominals if rng.random() < rate] or nominals[:1] if rate > 0 else []
    for nominal in chosen:  # at any rate above 0, at least one (a small area still has an alias to link)
        pid = nominal["_who"]["offender"]
        periods = world.of("police_notification_periods", pid)
        row = world.add(
            "police_aliases",
            {
                "alias_id": world.new_id("ALS"),
                "nominal_id": nominal["nominal_id"],
                "recorded_date": periods[0]["start_date"] if periods else world.as_of,
            },
            {"offender": pid, "alias": pid},
        )
        row["_force"], row["_nodob"] = {"alias": "name"}, {"alias"}


def unique_dobless_names(world: World) -> None:
    """A planted person on a record without a date of birth (a nursery's collection, an employment return
    without one) is found only by name: linkage rightly refuses a name two people share ("Smart, Brett" and a
    Brett Smart born 2003), so the truth must not count such a case as visible without linkage. A background
    person who shares the name takes another first name (its own random stream); when the other bearer is
    planted too (a deliberate namesake), the record is marked `_shared_name` and its case requires linkage."""
    rng = random.Random(world.seed * 2750159 + 11)
    holders: dict[tuple[str, str], list[Person]] = defaultdict(list)
    firsts: dict[str, set[str]] = defaultdict(set)
    for person in world.people:
        holders[_name_key(person)].append(person)
        firsts[person.sex].add(person.forenames.split()[0])
    pools = {sex: sorted(names) for sex, names in firsts.items()}
    for feed, rows in world.rows.items():
        for row in rows:
            for role, pid in row.get("_who", {}).items():
                names = IDENTITY_COLUMNS.get((feed, role))
                p = world.person(pid)
                if names is None or not p.protected or (names[2] is not None and role not in row.get("_nodob", ())):
                    continue
                for other in [q for q in holders[_name_key(p)] if q.pid != p.pid]:
                    if other.protected or not _rename(other, holders, pools[other.sex], rng):
                        row["_shared_name"] = True


def _name_key(p: Person) -> tuple[str, str]:
    return p.forenames.split()[0].lower(), p.surname.lower()


def _rename(p: Person, holders: dict[tuple[str, str], list[Person]], pool: list[str], rng: random.Random) -> bool:
    """Give `p` a first name nobody with the surname has; False when none is found."""
    for _ in range(50):
        first = rng.choice(pool)
        if not holders.get((first.lower(), p.surname.lower())):
            holders[_name_key(p)].remove(p)
            p.forenames = " ".join([first, *p.forenames.split()[1:]])
            holders[_name_key(p)].append(p)
            return True
    return False


def _identity_shape(feed: str, role: str, p: Person, row: Row, rate: float, rng: random.Random) -> None:
    """One identity shape (see the module's docstring) on a record of a person no planted case uses."""
    if p.protected or rate <= 0 or rng.random() >= rate:
        return
    if feed == "employment" and role == "employee" and rng.random() < 0.5:
        row["_nodob"] = {*row.get("_nodob", ()), role}
    elif feed == "education_collections" and role == "adult":
        row["_initial"] = True
    elif feed == "health_births" and role == "father":
        row["_no_father"] = True
    elif (feed, role) in _NICKNAME_SWAP and {"nickname", "swap"} <= set(person_variants(p)):
        row["_nickname_swap"] = {*row.get("_nickname_swap", ()), role}


def _apply_shape(row: Row, role: str, names: tuple[str, str, str | None], p: Person, rng: random.Random) -> None:
    surname_col, forenames_col, dob_col = names
    if role in row.get("_nickname_swap", ()):
        row[forenames_col] = vary_person(p, "nickname", rng)[1]
        if dob_col is not None and row.get(dob_col):
            row[dob_col] = swap_day_month(p.dob) or p.dob
        row["_varied"] = True
    if role == "adult" and row.get("_initial"):
        row[forenames_col] = f"{_TITLES.get(p.sex, 'Mx')} {p.forenames[0]}"
        row["_varied"] = True
    if role == "child" and row.get("_twin"):
        row[forenames_col] = f"Baby {row['_twin']}"
        row["_varied"] = True
    if role == "father" and row.get("_no_father"):
        row[surname_col] = row[forenames_col] = None
        if dob_col is not None:
            row[dob_col] = None


def render(world: World, spec: Spec, rate: float, identity_rate: float = 0.0) -> None:
    """Write names, dates of birth and addresses into every row (feeds in spec order, rows in order)."""
    rng = random.Random(world.seed * 7919 + 17)
    shapes = random.Random(world.seed * 15485863 + 5)  # its own stream: the variations are the same at any rate
    for feed in spec.feeds.values():
        cols = feed.address
        for row in world.rows.get(feed.name, []):
            forced = row.get("_force", {})
            for role, pid in row.get("_who", {}).items():
                names = IDENTITY_COLUMNS.get((feed.name, role))
                if names is None:
                    continue
                _identity_shape(feed.name, role, world.person(pid), row, identity_rate, shapes)
                keep_dob = role not in row.get("_nodob", ())
                _fill_person(row, names, world.person(pid), role in forced, rate, rng, keep_dob)
                _apply_shape(row, role, names, world.person(pid), shapes)
            if cols is not None and "_at" in row and row["_at"] is not None:
                dwelling = world.dwelling(row["_at"])
                kind = "line1" if "address" in forced else _address_kind(dwelling, rate, rng)
                line1, line2, town, postcode = address_text(dwelling, kind, rng)
                row[cols.line1], row[cols.line2], row[cols.town], row[cols.postcode] = line1, line2, town, postcode
                if kind:
                    row["_varied"] = True


def _fill_person(
    row: Row,
    names: tuple[str, str, str | None],
    p: Person,
    forced: bool,
    rate: float,
    rng: random.Random,
    keep_dob: bool,
) -> None:
    surname_col, forenames_col, dob_col = names
    if forced:
        surname, forenames, dob = forced_person(p, rng)
        row["_varied"] = True
    elif not p.protected and rate > 0 and rng.random() < rate:
        surname, forenames, dob = vary_person(p, rng.choice(person_variants(p)), rng)
        row["_varied"] = True
    else:
        surname, forenames, dob = p.surname, p.forenames, p.dob
    row[surname_col], row[forenames_col] = surname, forenames
    if dob_col is not None and keep_dob:
        row[dob_col] = dob


def _address_kind(d: Dwelling, rate: float, rng: random.Random) -> str | None:
    if d.protected or rate <= 0 or rng.random() >= rate:
        return None
    return rng.choice(("line1", "line1", "postcode", "no_locality"))
