"""Routine records of ordinary life: GP registrations, births and bookings, health-visitor, midwife and
hospital contacts, nursery and school enrolments, who collects children, jobs and trips abroad.

Everything is derived from a person's dates of birth and stays, so a planted case can shape a family's
stays first and then get exactly the records an ordinary family would have.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from synthetic.agencies import Employer
from synthetic.world import WINDOW_START, Person, World, add_years, days

UNREGISTERED_SHARE = 0.03
NICU_SHARE = 0.07
FATHER_ON_BIRTH_SHARE = 0.85
_GP_NOTES = (
    "Routine review",
    "Chest infection, antibiotics",
    "Medication review",
    "Back pain",
    "Vaccination",
    "Skin rash",
    "Annual asthma review",
    "Blood test results discussed",
    "Ear infection",
    "Low mood, follow up",
)
_HV_NOTES = {
    12: "New birth visit; feeding well",
    45: "6-8 week review; growth on centile",
    300: "9-12 month review; development appropriate",
    800: "2-2.5 year review; speech developing",
}
_SUPERMARKET_JOBS = (
    ("Customer assistant", False),
    ("Checkout operator", False),
    ("Night replenishment", False),
    ("Home delivery driver", False),
    ("Bakery assistant", False),
)
_OTHER_JOBS = (
    ("Warehouse operative", False),
    ("Office administrator", False),
    ("Driver", False),
    ("Cleaner", False),
    ("Security officer", False),
    ("Care assistant", False),
    ("Chef", False),
    ("Electrician", False),
    ("Sports coach", True),
    ("Swimming instructor", True),
    ("Youth club worker", True),
)
_DESTINATIONS = (
    "Spain",
    "France",
    "Portugal",
    "Greece",
    "Turkey",
    "Italy",
    "Ireland",
    "Poland",
    "Romania",
    "United States",
    "India",
    "Pakistan",
    "Nigeria",
    "Thailand",
    "Cyprus",
    "Netherlands",
)


def school_start(dob: date) -> date:
    """1 September of the school year a child starts reception (the year after the one they turn 4 in)."""
    return date(dob.year + (4 if dob.month < 9 else 5), 9, 1)


def education_phases(dob: date, rng_value: float) -> list[tuple[str, date, date]]:
    """(setting kind, start, end) for nursery, primary and secondary; rng_value picks optional phases."""
    reception = school_start(dob)
    nursery_years = 2 if rng_value < 0.2 else 1
    phases = [("nursery", date(reception.year - nursery_years, 9, 1), date(reception.year, 7, 22))]
    if rng_value > 0.9:
        phases = []
    phases.append(("primary", reception, date(reception.year + 7, 7, 22)))
    sixth_form = 2 if rng_value < 0.4 else 0
    phases.append(("secondary", date(reception.year + 7, 9, 1), date(reception.year + 12 + sixth_form, 7, 22)))
    return phases


class Services:
    """Writes the routine records of people; `employers` and contact ids are shared across people."""

    def __init__(self, world: World, employers: list[Employer]) -> None:
        self.world = world
        self.supermarkets = [e.agency_id for e in employers if e.supermarket]
        self.others = [e.agency_id for e in employers if not e.supermarket]
        self.contact_ids: dict[tuple[str, int], str] = {}
        self._passports: set[str] = set()

    def emit(self, people: Iterable[Person]) -> None:
        for person in people:
            self.person(person)

    def person(self, p: Person) -> None:
        rng = self.world.rng
        if p.dob >= WINDOW_START and p.mother is not None:
            self.birth(p)
        if p.protected or rng.random() >= UNREGISTERED_SHARE:
            self.gp(p)
        if p.is_child(self.world.as_of) or add_years(p.dob, 19) > WINDOW_START:
            self.health_visiting(p)
            self.education(p)
        if add_years(p.dob, 18) < self.world.as_of and p.dob > date(1945, 1, 1):
            self.jobs(p)
            if rng.random() < 0.2:
                self.travel(p)

    # ---------------------------------------------------------------- health
    def gp(self, p: Person) -> None:
        rng, world = self.world.rng, self.world
        for stay in p.stays:
            practice = world.agency_for("gp_practice", world.dwelling(stay.did).area)
            world.add(
                "health_gp_registrations",
                {
                    "registration_id": world.new_id("GPR"),
                    "nhs_number": p.nhs,
                    "sex": p.sex,
                    "practice_id": practice,
                    "registered_from": stay.start,
                    "registered_to": stay.end,
                },
                {"patient": p.pid},
                stay.did,
            )
            first = max(stay.start, WINDOW_START)
            last = min(stay.end or world.as_of, world.as_of)
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                if first < last:
                    self.contact(p, world.random_date(first, last), practice, "gp_appointment", rng.choice(_GP_NOTES))
        if rng.random() < 0.02:
            day = world.random_date(max(p.dob, WINDOW_START), world.as_of)
            did = p.dwelling_on(day)
            if did is not None:
                hospital = world.agency_for("hospital", world.dwelling(did).area)
                self.contact(p, day, hospital, "hospital_admission", "Emergency admission, discharged home")

    def contact(self, p: Person, day: date, agency: str, kind: str, summary: str, adults: str = "") -> dict:
        world = self.world
        return world.add(
            "health_contacts",
            {
                "contact_id": world.new_id("HC", 8),
                "nhs_number": p.nhs,
                "contact_date": day,
                "agency_id": agency,
                "contact_type": kind,
                "practitioner_id": world.practitioner(agency),
                "adults_present": adults,
                "summary": summary,
            },
            {"patient": p.pid},
        )

    def birth(self, child: Person) -> None:
        """Birth, maternity booking, midwife and NICU contacts of a child born in the window."""
        world, rng = self.world, self.world.rng
        assert child.mother is not None
        mother = world.person(child.mother)
        did = mother.dwelling_on(child.dob) or child.stays[0].did
        index = world.area_agencies["hospital"].index(world.agency_for("hospital", world.dwelling(did).area))
        hospital = world.area_agencies["hospital"][index]
        maternity, nicu = world.area_agencies["maternity"][index], world.area_agencies["nicu"][index]
        father = (
            child.father
            if child.father is not None and (child.protected or rng.random() < FATHER_ON_BIRTH_SHARE)
            else None
        )
        in_nicu = rng.random() < NICU_SHARE
        who = {"child": child.pid, "mother": mother.pid} | ({"father": father} if father is not None else {})
        row = world.add(
            "health_births",
            {
                "birth_id": world.new_id("BIR"),
                "child_nhs_number": child.nhs,
                "sex": child.sex,
                "mother_nhs_number": mother.nhs,
                "hospital_id": hospital,
                "nicu_admission": in_nicu,
            },
            who,
            did,
        )
        if child.twin:
            row["_twin"] = child.twin  # named "Baby 1" / "Baby 2" on the birth record (variations.render)
        partner = {"partner": father} if father is not None and rng.random() < 0.9 else {}
        world.add(
            "health_maternity_bookings",
            {
                "booking_id": world.new_id("MBK"),
                "mother_nhs_number": mother.nhs,
                "booking_date": child.dob - days(rng.randint(190, 230)),
                "expected_delivery_date": child.dob + days(rng.randint(-10, 14)),
                "hospital_id": hospital,
                "social_history": rng.choice(
                    ("Lives with partner", "Good family support", "Lives with her children", "No concerns raised")
                ),
            },
            {"mother": mother.pid} | partner,
        )
        for offset in (1, 5):
            if child.dob + days(offset) <= world.as_of:
                self.contact(child, child.dob + days(offset), maternity, "midwife_visit", "Postnatal check", "Mother")
        if in_nicu:
            self.contact(child, child.dob, nicu, "nicu_visit", "Admitted to NICU; parents visiting", "Mother")

    def health_visiting(self, p: Person) -> None:
        world, rng = self.world, self.world.rng
        for offset, note in _HV_NOTES.items():
            day = p.dob + days(offset + rng.randint(0, 20))
            did = p.dwelling_on(day)
            if WINDOW_START <= day <= world.as_of and did is not None:
                team = world.agency_for("health_visiting", world.dwelling(did).area)
                self.contact(p, day, team, "health_visit", note, rng.choice(("Mother", "Mother and father", "Mother")))
        if rng.random() < 0.03:
            day = p.dob + days(rng.randint(700, 2500))
            did = p.dwelling_on(day)
            if WINDOW_START <= day <= world.as_of and did is not None:
                paeds = world.agency_for("community_paediatrics", world.dwelling(did).area)
                self.contact(p, day, paeds, "paediatric_appointment", "Developmental assessment", "Mother")

    # ---------------------------------------------------------------- education
    def education(self, p: Person) -> None:
        world, rng = self.world, self.world.rng
        roll = rng.random()
        phases = education_phases(p.dob, roll)
        if roll < 0.15:
            phases.insert(0, ("childrens_centre", p.dob + days(rng.randint(60, 300)), add_years(p.dob, 3)))
        for kind, start, end in phases:
            if end < WINDOW_START or start > world.as_of:
                continue
            for stay in p.stays:
                s, e = max(start, stay.start), min(end, stay.end or end)
                if s < e:
                    self.enrol(p, kind, s, None if e > world.as_of else e, stay.did)

    def enrol(self, p: Person, kind: str, start: date, end: date | None, did: int) -> dict:
        world, rng = self.world, self.world.rng
        if not p.upn:
            p.upn = world.new_id(rng.choice("ABCDEFGHJKLMN"), 12)
        setting = world.agency_for(kind, world.dwelling(did).area)
        row = world.add(
            "education_enrolments",
            {
                "enrolment_id": world.new_id("ENR"),
                "pupil_id": p.upn,
                "sex": p.sex,
                "setting_id": setting,
                "start_date": start,
                "end_date": end,
            },
            {"pupil": p.pid},
            did,
        )
        first, last = max(start, WINDOW_START), min(end or world.as_of, world.as_of)
        if kind in {"nursery", "primary"} and first < last and rng.random() < 0.3:
            for _ in range(rng.randint(1, 2)):
                day = world.random_date(first, last)
                adult = self._collector(p, day)
                if adult is not None:
                    self.collection(p, setting, day, adult[0], adult[1], rng.random() < 0.6)
        return row

    def _collector(self, child: Person, day: date) -> tuple[int, str] | None:
        world = self.world
        home = child.dwelling_on(day)
        options = []
        for pid, relation in ((child.mother, "mother"), (child.father, "father")):
            if pid is not None and world.person(pid).dwelling_on(day) == home:
                options.append((pid, relation))
        if child.mother is not None and world.person(child.mother).mother is not None:
            options.append((world.person(child.mother).mother, "grandparent"))  # type: ignore[arg-type]
        return world.rng.choice(options) if options else None

    def contact_id(self, setting: str, adult: int) -> str:
        key = (setting, adult)
        if key not in self.contact_ids:
            self.contact_ids[key] = self.world.new_id(f"{setting}-C", 5)
        return self.contact_ids[key]

    def collection(
        self, child: Person, setting: str, day: date, adult: int, relation: str, alone: bool, note: str = ""
    ) -> dict:
        world = self.world
        return world.add(
            "education_collections",
            {
                "record_id": world.new_id("COL"),
                "pupil_id": child.upn,
                "setting_id": setting,
                "observed_date": day,
                "contact_id": self.contact_id(setting, adult),
                "adult_relationship": relation,
                "unaccompanied": alone,
                "note": note,
            },
            {"pupil": child.pid, "adult": adult},
        )

    # ---------------------------------------------------------------- work and travel
    def jobs(self, p: Person, children_ok: bool = True) -> None:
        world, rng = self.world, self.world.rng
        if rng.random() > 0.72:
            return
        earliest = max(add_years(p.dob, 18), date(2005, 1, 1))
        latest = min(add_years(p.dob, 67), world.as_of)
        if earliest >= latest:
            return
        for _ in range(1 if rng.random() < 0.75 else 2):
            start = world.random_date(earliest, latest)
            end = world.random_date(start + days(60), start + days(2500)) if rng.random() < 0.5 else None
            supermarket = rng.random() < 0.2
            employer = rng.choice(self.supermarkets if supermarket else self.others)
            title, with_children = rng.choice(_SUPERMARKET_JOBS if supermarket else _OTHER_JOBS)
            self.job(p, employer, title, with_children and children_ok, start, end)

    def job(self, p: Person, employer: str, title: str, with_children: bool, start: date, end: date | None) -> dict:
        world = self.world
        end = None if end is not None and end > world.as_of else end
        return world.add(
            "employment",
            {
                "employment_id": world.new_id("EMPL"),
                "employer_id": employer,
                "job_title": title,
                "contact_with_children": with_children,
                "start_date": start,
                "end_date": end,
            },
            {"employee": p.pid},
        )

    def passport(self, p: Person, issued: date | None = None) -> str:
        world = self.world
        if not p.passport or issued is not None:
            number = world.new_id("", 9)
            p.passport = number
            p.passport_issued = issued or world.random_date(
                max(add_years(p.dob, 16), date(2006, 1, 1)), min(date(2020, 12, 31), world.as_of - days(60))
            )
        return p.passport

    def travel(self, p: Person, trips: int | None = None) -> list[dict]:
        world, rng = self.world, self.world.rng
        self.passport(p)
        out = []
        for _ in range(trips if trips is not None else rng.randint(1, 3)):
            start = max(p.passport_issued or WINDOW_START, WINDOW_START, add_years(p.dob, 18))
            departure = world.random_date(start, world.as_of - days(30))
            out.append(self.trip(p, departure, departure + days(rng.randint(3, 21)), rng.choice(_DESTINATIONS)))
        return out

    def trip(self, p: Person, departure: date, back: date | None, destination: str) -> dict:
        world = self.world
        return world.add(
            "travel",
            {
                "travel_id": world.new_id("TRV"),
                "passport_number": p.passport,
                "passport_issued_date": p.passport_issued,
                "departure_date": departure,
                "return_date": back if back and back <= world.as_of else None,
                "destination": destination,
            },
            {"traveller": p.pid},
        )
