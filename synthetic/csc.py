"""Children's social care (SSD field names): persons, family relationships, referrals, assessments,
strategy discussions, closures and who received each closure summary; plus police MERLIN reports.

`agencies_working_with` is the single definition of "agencies working with a child" that both the
generator (who gets a closure summary) and the detection rules (S6, S12) use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from synthetic.world import WINDOW_START, Person, Row, World, days

CONTACT_LOOKBACK_DAYS = 365  # a health contact this recent makes the service one "working with" the child
COMMON_CHILD_ID_SHARE = 0.6  # children whose CSC record carries their NHS number (pers_common_child_id)
_SOURCE_AGENCY = {
    "school": ("school",),
    "early_years": ("nursery",),
    "health": ("gp_practice",),
    "childrens_centre": ("childrens_centre",),
}


def agencies_working_with(world: World, pid: int, start: date, end: date, lookback: int = 0) -> dict[str, date]:
    """Agency id -> first day in [start, end] it worked with the person.

    GP practices and education settings count while a registration or enrolment overlaps [start, end];
    health services (health visiting, maternity, NICU, hospital, paediatrics, GP) count from a health
    contact dated in [start - lookback, end].
    """
    out: dict[str, date] = {}

    def note(agency: str, day: date) -> None:
        if agency not in out or day < out[agency]:
            out[agency] = day

    for row in world.of("health_gp_registrations", pid):
        if row["registered_from"] <= end and (row["registered_to"] is None or row["registered_to"] >= start):
            note(row["practice_id"], max(row["registered_from"], start))
    for row in world.of("education_enrolments", pid):
        if row["start_date"] <= end and (row["end_date"] is None or row["end_date"] >= start):
            note(row["setting_id"], max(row["start_date"], start))
    for row in world.of("health_contacts", pid):
        if start - days(lookback) <= row["contact_date"] <= end:
            note(row["agency_id"], max(row["contact_date"], start))
    return out


@dataclass
class Plan:
    """How one referral to children's social care unfolds; defaults are ordinary, well-run practice."""

    day: date
    source: str
    referrer: str | None
    summary: str
    concern: date | None = None
    nfa: bool = False
    strategy: bool = False
    close: date | None = None
    close_reason: str = "Assessment complete, no further action"
    recipients: list[str] | None = None  # None: every agency working with the child at closure
    includes_conditions: bool = False
    closure_summary: str = (
        "Assessment completed. No further role for children's social care; universal services to continue."
    )
    extra: dict[str, date] = field(default_factory=dict)


class Csc:
    """One children's social care department: a person record per real person, created on first need."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.person_ids: dict[int, str] = {}
        self.related: set[tuple[int, int]] = set()

    def person(self, p: Person, day: date) -> str:
        if p.pid in self.person_ids:
            return self.person_ids[p.pid]
        world = self.world
        pers_id = world.new_id("PER")
        self.person_ids[p.pid] = pers_id
        child_id = p.nhs if p.is_child(day) and world.rng.random() < COMMON_CHILD_ID_SHARE else None
        world.add(
            "csc_persons",
            {"pers_person_id": pers_id, "pers_sex": p.sex, "pers_common_child_id": child_id},
            {"person": p.pid},
            p.dwelling_on(day),
        )
        return pers_id

    def relate(self, adult: Person, child: Person, kind: str, day: date) -> None:
        if (adult.pid, child.pid) in self.related:
            return
        self.related.add((adult.pid, child.pid))
        world = self.world
        world.add(
            "csc_relationships",
            {
                "rela_relationship_id": world.new_id("REL"),
                "rela_person_id": self.person(adult, day),
                "rela_related_person_id": self.person(child, day),
                "rela_relationship": kind,
                "rela_start_date": child.dob if kind == "parent" else None,
            },
            {"person": adult.pid, "related": child.pid},
        )

    def family(self, child: Person, day: date) -> None:
        """Record the child's parents who live with the child as parents (SSD relationships)."""
        home = child.dwelling_on(day)
        for pid in (child.mother, child.father):
            if pid is not None and self.world.person(pid).dwelling_on(day) == home:
                self.relate(self.world.person(pid), child, "parent", day)

    def referral(self, child: Person, plan: Plan) -> Row:
        world, rng = self.world, self.world.rng
        self.family(child, plan.day)
        pers_id = self.person(child, plan.day)
        row = world.add(
            "csc_referrals",
            {
                "cine_referral_id": world.new_id("REF"),
                "cine_person_id": pers_id,
                "cine_referral_date": plan.day,
                "cine_concern_date": plan.concern or plan.day - days(rng.randint(0, 5)),
                "cine_referral_source_code": plan.source,
                "cine_referrer_agency_id": plan.referrer,
                "cine_referral_nfa": plan.nfa,
                "cine_close_date": plan.close,
                "cine_close_reason": plan.close_reason if plan.close else None,
                "cine_referral_team": "MASH" if plan.source == "police" else "Assessment and Intervention",
                "cine_summary": plan.summary,
            },
            {"child": child.pid},
        )
        if not plan.nfa:
            self._assessment(child, row, plan)
        if plan.close is not None:
            self._closure(child, row, plan)
        return row

    def _assessment(self, child: Person, referral: Row, plan: Plan) -> None:
        world, rng = self.world, self.world.rng
        start = plan.day + days(rng.randint(1, 5))
        auth = start + days(rng.randint(15, 40))
        world.add(
            "csc_assessments",
            {
                "cina_assessment_id": world.new_id("ASM"),
                "cina_person_id": referral["cine_person_id"],
                "cina_referral_id": referral["cine_referral_id"],
                "cina_assessment_start_date": start,
                "cina_assessment_auth_date": auth if auth <= (plan.close or world.as_of) else None,
                "cina_assessment_outcome_nfa": plan.close is not None,
                "cina_summary": "Single assessment completed with the family and partner agencies.",
            },
            {"child": child.pid},
        )
        if plan.strategy:
            world.add(
                "csc_strategy_discussions",
                {
                    "s47e_s47_enquiry_id": world.new_id("S47"),
                    "s47e_referral_id": referral["cine_referral_id"],
                    "s47e_person_id": referral["cine_person_id"],
                    "s47e_strategy_discussion_date": plan.day + days(1),
                    "s47e_s47_start_date": plan.day + days(2),
                    "s47e_s47_outcome": "Child protection plan not required",
                },
                {"child": child.pid},
            )

    def _closure(self, child: Person, referral: Row, plan: Plan) -> None:
        world = self.world
        close = plan.close
        assert close is not None
        closure = world.add(
            "csc_closures",
            {
                "closure_id": world.new_id("CLO"),
                "cine_referral_id": referral["cine_referral_id"],
                "closure_date": close,
                "closure_reason": plan.close_reason,
                "summary_includes_conditions": plan.includes_conditions,
                "summary": plan.closure_summary,
            },
        )
        recipients = plan.recipients
        if recipients is None:
            recipients = sorted(agencies_working_with(world, child.pid, close, close, CONTACT_LOOKBACK_DAYS))
        for agency in recipients:
            world.add(
                "csc_closure_recipients",
                {
                    "recipient_id": world.new_id("CLR"),
                    "closure_id": closure["closure_id"],
                    "agency_id": agency,
                    "sent_date": min(close + days(world.rng.randint(0, 3)), world.as_of),
                },
            )

    def merlin(
        self,
        child: Person,
        concern: date,
        created: date,
        sent: date | None,
        outcome: str,
        summary: str,
        subject: tuple[str, int] | None = None,
        sent_to: str | None = None,
    ) -> Row:
        """A MERLIN (PAC) about a child; `subject` is (nominal id, person id) when it is about a nominal."""
        world = self.world
        who = {"child": child.pid} | ({"subject": subject[1]} if subject else {})
        return world.add(
            "police_merlin",
            {
                "merlin_id": world.new_id("MER"),
                "nominal_id": subject[0] if subject else None,
                "concern_date": concern,
                "created_date": created,
                "sent_date": sent,
                "sent_to_agency_id": sent_to if sent else None,
                "outcome": outcome,
                "summary": summary,
            },
            who,
        )

    def referrer_for(self, child: Person, source: str, day: date) -> str | None:
        """The referring setting of a source on a day (the child's school, nursery, GP ...), if any."""
        if source == "police":
            return "MASHPOL"
        kinds = _SOURCE_AGENCY.get(source, ())
        for agency in sorted(agencies_working_with(self.world, child.pid, day, day)):
            if self.world.agencies[agency]["agency_type"] in kinds:
                return agency
        return None


def background_referrals(world: World, csc: Csc, children: list[Person], share: float) -> None:
    """Ordinary, timely referrals about a share of children: no signal, complete closure distribution."""
    rng = world.rng
    for child in children:
        if rng.random() >= share:
            continue
        first = max(child.dob + days(30), WINDOW_START)
        last = min(child.adult_from() - days(30), world.as_of - days(60))
        if first >= last or child.dwelling_on(first) is None:
            continue
        day = world.random_date(first, last)
        if child.dwelling_on(day) is None:
            continue
        source = rng.choice(("school", "health", "police", "early_years", "family", "anonymous", "other"))
        concern = day - days(rng.randint(0, 8))
        if source == "police":
            csc.merlin(
                child,
                concern,
                concern + days(rng.randint(0, 2)),
                day,
                "shared_with_csc",
                "Domestic incident attended; child present",
                sent_to="CSC",
            )
        nfa = rng.random() < 0.3
        close = day + days(rng.randint(3, 12) if nfa else rng.randint(40, 220))
        csc.referral(
            child,
            Plan(
                day=day,
                source=source,
                referrer=csc.referrer_for(child, source, day),
                concern=concern,
                nfa=nfa,
                strategy=not nfa and rng.random() < 0.1,
                close=close if close < world.as_of and rng.random() < 0.92 else None,
                summary=rng.choice(
                    (
                        "Concerns about school attendance",
                        "Neglect concerns raised by setting",
                        "Domestic abuse incident reported",
                        "Parental mental health concerns",
                        "Child presented with unexplained bruise",
                        "Request for family support",
                    )
                ),
            ),
        )
