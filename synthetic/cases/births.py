"""S5: a child born to an offender under management, with no referral or the hospital and GP unaware."""

from __future__ import annotations

from datetime import date

from synthetic.cases.context import Ctx, Family
from synthetic.cases.rules import (
    BIRTH_REFERRAL_DAYS,
    PRE_BIRTH_REFERRAL_DAYS,
    Instance,
    Records,
    record_name,
)
from synthetic.management import disclose
from synthetic.offenders import AssocSpec, Offender
from synthetic.world import Person, Row, days


def _first_practice(rec: Records, child: int) -> str | None:
    regs = sorted(rec.world.of("health_gp_registrations", child), key=lambda r: r["registered_from"])
    return regs[0]["practice_id"] if regs else None


def detect_s5(rec: Records) -> list[Instance]:
    """S5: a child is born to a parent who is an offender, and agencies are not engaged.

    One instance per (health_births row, offender parent). The mother (mother_nhs_number) or the father
    (father_* fields) is the same person as a nominal with a police_notification_periods row starting on or
    before date_of_birth t, whether in force on t or ended (risk is never zero: an ended period lowers the
    severity, it does not hide the child). Flag unless ALL of: (a) a csc_referrals row about the child dated
    in [t - PRE_BIRTH_REFERRAL_DAYS (180), t + BIRTH_REFERRAL_DAYS (60)]; (b) a disclosures row about the
    nominal to the birth's hospital_id dated <= t; (c) a disclosures row about the nominal to the child's
    first GP practice dated <= t + 60; each dated on or before as_of. detectable_from = t: raised on the day
    (as "awaiting" while the hospital knew and the window is open).
    """
    out = []
    for birth in rec.world.rows.get("health_births", []):
        child = birth["_who"]["child"]
        t = rec.world.person(child).dob
        for role in ("mother", "father"):
            parent = birth["_who"].get(role)
            nominal = rec.nominal_of.get(parent) if parent is not None else None
            if nominal is None or not rec.notified_by(nominal, t):
                continue
            last = min(t + days(BIRTH_REFERRAL_DAYS), rec.as_of)
            referred = any(
                t - days(PRE_BIRTH_REFERRAL_DAYS) <= r["cine_referral_date"] <= last for r in rec.referrals_about(child)
            )
            hospital = rec.told_agency(nominal, birth["hospital_id"], t)
            practice = _first_practice(rec, child)
            gp = practice is not None and rec.told_agency(nominal, practice, last)
            detectable = t
            if referred and hospital and gp:
                continue
            agencies = [a for a, ok in ((birth["hospital_id"], hospital), (practice, gp)) if a and not ok]
            out.append(
                Instance(
                    "S5",
                    (record_name(birth), nominal),
                    t,
                    detectable,
                    offender=parent,
                    children=[child],
                    people=[("mother", birth["_who"]["mother"])] if role == "father" else [],
                    agencies=agencies,
                    evidence=[birth],
                    paths=[[birth]],
                )
            )
    return out


def birth_to(ctx: Ctx, o: Offender, father: Person | None = None) -> tuple[Family, date]:
    """Review 3.4, 3.10: the offender (or `father`) has a child with a partner who lives elsewhere."""
    dob = ctx.day(o.start + days(200), min(o.period_end or ctx.world.as_of, ctx.world.as_of) - days(120))
    fam = ctx.family(dob - days(ctx.rng.randint(200, 900)), [dob], father=father or o.person)
    return fam, dob


def plant_s5(ctx: Ctx) -> None:
    """Review 3.4, 3.10, 3.31: Child S is born (and nursed on NICU) while health staff, the GP and children's
    social care know nothing of the father's status; the police are not told either."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    ctx.write(o)
    fam, dob = birth_to(ctx, o)
    ctx.scenario(
        False,
        "Child born to an offender under management; no referral, hospital and GP unaware",
        o,
        children=[fam.children[0].pid],
        people=[("mother", fam.mother.pid)],
        dwellings=[fam.did],
        start=dob,
    )


def known_birth(ctx: Ctx, o: Offender, fam: Family, dob: date) -> list[Row]:
    """Good practice: police learn of the birth, tell hospital and GP, refer, and every setting is told."""
    kid = fam.children[0]
    rows = [disclose(ctx.world, o, dob - days(ctx.rng.randint(60, 150)), "agency", agency=_birth_hospital(ctx, kid))]
    referral = ctx.referral(kid, dob + days(ctx.rng.randint(3, 20)), source="health", concern=dob)
    ctx.tell_agencies(o, kid, dob)
    return [*rows, referral]


def _birth_hospital(ctx: Ctx, kid) -> str:
    return next(b["hospital_id"] for b in ctx.world.of("health_births", kid.pid))


def decoy_s5(ctx: Ctx) -> None:
    """The same birth handled well: hospital told at booking, GP and settings told, referral within days,
    child recorded by police and the offender reassessed."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    fam, dob = birth_to(ctx, o)
    o.associates.append(AssocSpec("child", fam.children[0].pid, dob, start=dob))
    o.known_changes.append(dob)
    ctx.write(o)
    evidence = known_birth(ctx, o, fam, dob)
    ctx.scenario(
        True,
        "Child born to an offender; hospital and GP told, referral within days",
        o,
        children=[fam.children[0].pid],
        people=[("mother", fam.mother.pid)],
        start=dob,
        detectable=dob,
        evidence=[*ctx.world.of("health_births", fam.children[0].pid), *evidence],
    )
