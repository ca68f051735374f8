"""S3 (partner not told, and she has or lives with children) and S10 (false accounts of the offence)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from synthetic.cases.context import Ctx, Family
from synthetic.cases.links import connected_children
from synthetic.cases.rules import (
    MINIMISING_PHRASES,
    TEXT_FIELDS,
    Instance,
    Records,
    record_name,
    until,
)
from synthetic.offenders import AssocSpec, Offender
from synthetic.world import Row, add_years, days


def _with_children(rec: Records, person: int, day: date) -> Row | None:
    """A record showing the person has a child (birth record) or lives with one (same address) on `day`."""
    for birth in rec.births_of(person):
        child = birth["_who"]["child"]
        if rec.world.person(child).dob <= day and rec.is_child(child, day):
            return birth
    for reg in rec.world.of("health_gp_registrations", person):
        if reg["registered_from"] <= day <= until(reg["registered_to"], rec.as_of):
            for child, start, end, row in rec.residence.get(reg["_at"], []):
                if child != person and start <= day <= end and rec.is_child(child, day):
                    return row
    return None


def detect_s3(rec: Records) -> list[Instance]:
    """S3: an offender's partner is not recorded as told of his conviction, and she has or lives with children.

    One instance per police_associates row with relationship = partner, recorded_date t, nominal under
    management on t. Let d be the first day in [t, to_date] on which the partner has a child under 18
    (mother/father on a health_births row, child born by d) or lives with one (a GP registration of the
    partner covering d at an address where a child's residence record covers d), checked on t and on
    the birth date of each later child. Flag when no disclosures row about the nominal with
    recipient_type = partner names the same person with disclosure_date <= as_of (a disclosure, even after
    the grace period, ends it). detectable_from = d: raised on the day, as "awaiting" while
    d + DISCLOSURE_GRACE_DAYS (30) >= as_of.
    """
    out = []
    for nominal, pid in sorted(rec.pid_of.items()):
        told = defaultdict(list)
        for d in rec.rows(nominal, "disclosures"):
            if d["recipient_type"] == "partner" and "recipient" in d["_who"]:
                told[d["_who"]["recipient"]].append(d["disclosure_date"])
        for assoc in rec.rows(nominal, "police_associates"):
            t = assoc["recorded_date"]
            if assoc["relationship"] != "partner" or not rec.managed(nominal, t):
                continue
            partner = assoc["_who"]["associate"]
            end = until(assoc["to_date"], rec.as_of)
            born = sorted(rec.world.person(b["_who"]["child"]).dob for b in rec.births_of(partner))
            days_to_check = [t, *(d for d in born if t < d <= end)]
            found = next(((d, row) for d in days_to_check if (row := _with_children(rec, partner, d))), None)
            if found is None:
                continue
            day, row = found
            if not any(x <= rec.as_of for x in told[partner]):
                out.append(
                    Instance(
                        "S3",
                        (record_name(assoc),),
                        t,
                        day,
                        offender=pid,
                        people=[("partner", partner)],
                        children=[row["_who"].get("child", row["_who"].get("patient", row["_who"].get("pupil")))],
                        evidence=[assoc, row],
                        paths=[[assoc, row]],
                    )
                )
    return out


def _subjects(rec: Records) -> dict[int, set[str]]:
    """Person -> nominals they are connected to (S10): the offender, his associates, his births' mothers,
    mothers whose booking names him as partner, and his connected children."""
    out: dict[int, set[str]] = defaultdict(set)
    for nominal, pid in rec.pid_of.items():
        out[pid].add(nominal)
        for assoc in rec.rows(nominal, "police_associates"):
            out[assoc["_who"]["associate"]].add(nominal)
        for birth in rec.births_of(pid):
            out[birth["_who"]["mother"]].add(nominal)
        for booking in rec.world.of("health_maternity_bookings", pid, "partner"):
            out[booking["_who"]["mother"]].add(nominal)
        for child in connected_children(rec, nominal):
            out[child].add(nominal)
    return out


def detect_s10(rec: Records) -> list[Instance]:
    """S10: an account of the offence given to an agency contradicts the recorded conviction.

    One instance per record. A text field (health_contacts.summary, health_maternity_bookings.social_history,
    csc_assessments.cina_summary, csc_referrals.cine_summary, education_collections.note) contains one of
    MINIMISING_PHRASES (case-insensitive), the record's subject (patient, mother, child, adult) is connected
    to a nominal (is the nominal; one of his police_associates; the mother on a birth or the booking
    naming him; or one of his connected children), and the nominal has a police_convictions row dated
    on or before the record. detectable_from = the record's date.
    """
    subjects = _subjects(rec)
    convicted: dict[str, date] = {}
    for conviction in rec.world.rows.get("police_convictions", []):
        earlier = convicted.get(conviction["nominal_id"], date.max)
        convicted[conviction["nominal_id"]] = min(earlier, conviction["conviction_date"])
    out = []
    for feed, (column, role) in TEXT_FIELDS.items():
        for row in rec.world.rows.get(feed, []):
            text = (row.get(column) or "").lower()
            if not any(phrase in text for phrase in MINIMISING_PHRASES):
                continue
            day = next(v for k, v in row.items() if k.endswith("date") and isinstance(v, date))
            subject = row["_who"][role]
            for nominal in sorted(subjects.get(subject, ())):
                if convicted.get(nominal, date.max) <= day:
                    out.append(
                        Instance(
                            "S10",
                            (record_name(row),),
                            day,
                            day,
                            offender=rec.pid_of[nominal],
                            people=[("account given by", subject)],
                            evidence=[row],
                        )
                    )
                    break
    return out


# ---------------------------------------------------------------- S3 scenarios
def _partner(ctx: Ctx) -> tuple[Offender, Family, date]:
    """Review 3.6: a new partner, living with her children in another borough."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 12, 31))
    day = ctx.day(o.start + days(60), ctx.world.as_of - days(200))
    dobs = [ctx.day(add_years(day, -12), day - days(200)) for _ in range(ctx.rng.randint(1, 3))]
    fam = ctx.family(min(dobs), dobs)
    return o, fam, day


def plant_s3(ctx: Ctx) -> None:
    """Review 3.2, 3.6, 3.14, 5.19, Rec 3: recorded as unaware of his conviction; no disclosure follows."""
    o, fam, day = _partner(ctx)
    o.associates.append(AssocSpec("partner", fam.mother.pid, day, start=day - days(ctx.rng.randint(20, 120))))
    ctx.write(o)
    ctx.scenario(
        False,
        "New partner with children, recorded as unaware of his conviction; never told",
        o,
        children=[k.pid for k in fam.children],
        people=[("partner", fam.mother.pid)],
        dwellings=[fam.did],
        start=day,
    )


def decoy_s3(ctx: Ctx) -> None:
    """Good practice (3.15, Rec 3): the same partner, told within days."""
    o, fam, day = _partner(ctx)
    o.associates.append(
        AssocSpec("partner", fam.mother.pid, day, start=day - days(60), told=day + days(ctx.rng.randint(2, 20)))
    )
    ctx.write(o)
    ctx.scenario(
        True,
        "New partner with children, told of his conviction within days",
        o,
        children=[k.pid for k in fam.children],
        people=[("partner", fam.mother.pid)],
        start=day,
        detectable=day,
        evidence=ctx.rows("police_associates", o.pid, relationship="partner"),
    )


# ---------------------------------------------------------------- S10 scenarios
_FALSE_ACCOUNTS = (
    "Low mood after relationship breakdown. Says partner's conviction was because he bought a second-hand laptop "
    "that already had images on it.",
    "Says ex-partner was arrested but the charges were dropped and he was removed from the register once the "
    "laptop purchase was proven.",
    "Discussed partner's status: she says he bought a second-hand computer and the images were already on it.",
)
_TRUE_ACCOUNT = (
    "Discussed partner's history: he has a conviction for indecent images of children and is subject "
    "to notification requirements; police have spoken to her."
)


def _told_partner(ctx: Ctx) -> tuple[Offender, Family, date]:
    o = ctx.offender(date(2013, 1, 1), date(2019, 12, 31))
    day = ctx.day(o.start + days(60), ctx.world.as_of - days(500))
    fam = ctx.family(day - days(ctx.rng.randint(100, 2000)), [])
    o.associates.append(AssocSpec("partner", fam.mother.pid, day, start=day - days(60), told=day + days(7)))
    ctx.write(o)
    return o, fam, ctx.day(day + days(60), ctx.world.as_of - days(30))


def _gp_note(ctx: Ctx, person_pid: int, day: date, text: str) -> Row:
    person = ctx.world.person(person_pid)
    practice = ctx.world.agency_for(
        "gp_practice", ctx.world.dwelling(person.dwelling_on(day) or person.stays[-1].did).area
    )
    return ctx.services.contact(person, day, practice, "gp_appointment", text)


def plant_s10(ctx: Ctx) -> None:
    """Review 3.21, 3.25, 3.28, 5.34: the partner tells the GP he 'bought a second-hand laptop'."""
    o, fam, day = _told_partner(ctx)
    _gp_note(ctx, fam.mother.pid, day, ctx.rng.choice(_FALSE_ACCOUNTS))
    ctx.scenario(
        False,
        "Partner's account to her GP minimises the conviction (second-hand laptop, charges dropped)",
        o,
        people=[("partner", fam.mother.pid)],
        start=day,
    )


def decoy_s10(ctx: Ctx) -> None:
    """An accurate account by a told partner, or the same phrase about someone with no link to an offender."""
    if ctx.rng.random() < 0.5:
        o, fam, day = _told_partner(ctx)
        note = _gp_note(ctx, fam.mother.pid, day, _TRUE_ACCOUNT)
        ctx.scenario(
            True,
            "Partner gives her GP an accurate account of the conviction",
            o,
            people=[("partner", fam.mother.pid)],
            start=day,
            detectable=day,
            evidence=[note],
        )
        return
    fam = ctx.family(date(2008, 1, 1), [])
    day = ctx.day(date(2014, 1, 1), ctx.world.as_of - days(30))
    note = _gp_note(ctx, fam.mother.pid, day, "Eye strain; bought a second-hand laptop for an online course.")
    ctx.scenario(
        True,
        "A 'second-hand laptop' note about a woman with no link to any offender",
        None,
        people=[("patient", fam.mother.pid)],
        start=day,
        detectable=day,
        evidence=[note],
    )
