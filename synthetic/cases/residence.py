"""S1 (a child where an offender lives or stays) and S6 (agencies around the child not told)."""

from __future__ import annotations

from datetime import date

from synthetic.cases.context import Ctx, Family
from synthetic.cases.links import linked_children, residence_links
from synthetic.cases.rules import Instance, Records
from synthetic.csc import agencies_working_with
from synthetic.offenders import AssocSpec, Offender, RegSpec
from synthetic.world import WINDOW_START, add_years, days

_STAY_KINDS = ("staying", "additional", "frequents")


def detect_s1(rec: Records) -> list[Instance]:
    """S1: a child lives at, or regularly stays at, an address an offender lives at, stays at or frequents.

    One instance per (nominal, address). Flag when a police_addresses row of the nominal (any address_type:
    main, additional, staying, frequents; from_date..to_date) or a police_intelligence row of category
    staying_at_address (on report_date) is at the same address as a child's residence record, the two
    periods overlap, and on some day of the overlap the nominal is under management and the person is
    under 18. Residence records: health_gp_registrations (registered_from..registered_to),
    education_enrolments (start_date..end_date), health_births (address on date_of_birth).
    from = detectable_from = first day of the earliest overlap.
    """
    out: dict[tuple, Instance] = {}
    for nominal in sorted(rec.pid_of):
        for child, did, start, _end, place, row in residence_links(rec, nominal):
            inst = out.setdefault(
                (nominal, did),
                Instance("S1", (nominal, did), start, start, offender=rec.pid_of[nominal], dwellings=[did]),
            )
            inst.start = inst.detectable = min(inst.start, start)
            if child not in inst.children:
                inst.children.append(child)
            inst.evidence += [place, row]
            inst.paths.append([place, row])
    return list(out.values())


def detect_s6(rec: Records) -> list[Instance]:
    """S6: line-of-sight gap around an offender-linked child (see links.py for "offender-linked"; for S6 a link
    made after his notification period ended counts too: risk is never zero, the query lowers the severity).

    One instance per (nominal, child). For each link span, the agencies working with the child in it
    (csc.agencies_working_with: GP practice or education setting whose registration/enrolment overlaps the
    span; health service with a health_contacts row for the child in the span) must hold a record of the
    offender's status: a disclosures row about the nominal with recipient_agency_id = that agency, or a
    csc_closure_recipients row to that agency for a closure of a referral about the child, dated on or
    before as_of (a late one ends the gap: a fact holds until a later fact ends it). Flag when some agency
    lacks it; agencies = those lacking it; from = first day of the link; detectable_from = the earliest day
    a lacking agency starts working with the child (raised on the day, as "awaiting" while every lacking
    agency is within rules.DISCLOSURE_GRACE_DAYS (30) of its start on as_of).
    """
    out = []
    for nominal in sorted(rec.pid_of):
        for child, spans in sorted(linked_children(rec, nominal, ended=True).items()):
            gaps: dict[str, date] = {}
            paths = []
            for start, end, path in spans:
                for agency, first in agencies_working_with(rec.world, child, start, end).items():
                    if not rec.told_agency(nominal, agency, rec.as_of, child):
                        gaps[agency] = min(gaps.get(agency, first), first)
                        paths.append(path)
            if gaps:
                start = min(s for s, _, _ in spans)
                out.append(
                    Instance(
                        "S6",
                        (nominal, child),
                        start,
                        min(gaps.values()),
                        offender=rec.pid_of[nominal],
                        children=[child],
                        agencies=sorted(gaps),
                        evidence=[r for p in paths for r in p],
                        paths=paths,
                    )
                )
    return out


def family_for(ctx: Ctx, day: date, kids: int = 2, emit: bool = True) -> Family:
    """Ms R and her children (aged 1-10 on `day`), living at their address since before `day`."""
    dobs = [ctx.day(add_years(day, -10), add_years(day, -1)) for _ in range(kids)]
    since = ctx.day(max(dobs), day - days(30)) if ctx.rng.random() < 0.5 else min(dobs)
    return ctx.family(since, dobs, emit=emit)


def plant_s1(ctx: Ctx) -> None:
    """Review 3.8, 3.12, 3.25: Mr A registers Ms R's home (where her children live) as a 'staying' or
    'additional' address and stays there several nights a week; nothing is done about the children."""
    o = ctx.offender(date(2013, 1, 1), date(2018, 12, 31))
    day = ctx.day(o.start + days(60), ctx.world.as_of - days(400))
    fam = family_for(ctx, day)
    kind = ctx.rng.choice(_STAY_KINDS)
    o.regs.append(RegSpec(fam.did, kind, day, None, day + days(ctx.rng.randint(0, 2))))
    o.associates.append(
        AssocSpec("partner", fam.mother.pid, day, start=day - days(60), told=day + days(ctx.rng.randint(2, 20)))
    )
    ctx.write(o)
    ctx.scenario(
        False,
        f"Offender registers his partner's home as a '{kind}' address while her children live there",
        o,
        children=[k.pid for k in fam.children],
        people=[("partner", fam.mother.pid)],
        dwellings=[fam.did],
        start=day,
        detectable=day,
    )


def decoy_s1(ctx: Ctx) -> None:
    """Look-alikes of 3.12: the children moved out before he moved in, or a flat in the same building."""
    if ctx.rng.random() < 0.5:
        o = ctx.offender(date(2013, 1, 1), date(2017, 12, 31))
        left = ctx.day(o.start + days(60), ctx.world.as_of - days(700))
        fam = family_for(ctx, left - days(30), emit=False)
        new_home = ctx.population.move(fam.household, left)
        ctx.world.dwelling(new_home).protected = True
        ctx.emit(fam)
        day = left + days(ctx.rng.randint(30, 200))
        ctx.move(o, fam.did, day)
        text = "Offender moves into a home that a family with children had left before he moved in"
    else:
        flat = ctx.places.new_flat_home()
        flat.protected = True
        o = ctx.offender(date(2013, 1, 1), date(2018, 12, 31), person=ctx.man(did=flat.did))
        day = o.start
        neighbours = ctx.places.flat_in_building_of(flat.did)
        fam = ctx.family(day - days(400), [ctx.day(add_years(day, -8), add_years(day, -1))], did=neighbours.did)
        text = "Offender lives in another flat of the building where a family with a child lives"
    ctx.write(o)
    home = o.person.stays[-1].did
    regs = [r for r in ctx.world.of("police_addresses", o.pid) if r["_at"] in {fam.did, home}]
    ctx.scenario(
        True,
        text,
        o,
        children=[k.pid for k in fam.children],
        dwellings=sorted({fam.did, home}),
        start=day,
        detectable=day,
        evidence=regs,
    )


def plant_s6(ctx: Ctx) -> None:
    """Review 3.12, 3.17, 3.24, 3.27, 5.41-5.43: the police know of his child, but the GP, health
    visitor, nursery, school and children's centre around the child are never told."""
    o, fam = known_child(ctx)
    ctx.write(o)
    ctx.scenario(
        False,
        "Offender's child (named on the birth record, known to police) lives with the mother; "
        "no agency working with the child is told",
        o,
        children=[fam.children[0].pid],
        people=[("mother", fam.mother.pid)],
        dwellings=[fam.did],
        start=o.start,
    )


def decoy_s6(ctx: Ctx) -> None:
    """Good practice (Rec 4): the same family, but every agency working with the child is told in time."""
    o, fam = known_child(ctx)
    ctx.write(o)
    ctx.tell_agencies(o, fam.children[0], o.start)
    ctx.scenario(
        True,
        "Offender's child known to police; every agency working with the child told in time",
        o,
        children=[fam.children[0].pid],
        people=[("mother", fam.mother.pid)],
        dwellings=[fam.did],
        start=o.start,
        detectable=o.start,
        evidence=ctx.rows("disclosures", o.pid),
    )


def known_child(ctx: Ctx) -> tuple[Offender, Family]:
    """An offender convicted after his child was born; the child lives with the mother, recorded by police."""
    father = ctx.man()
    dob = ctx.day(WINDOW_START, WINDOW_START + days(700))
    fam = ctx.family(dob, [dob], father=father)
    o = ctx.offender(dob + days(400), dob + days(1500), person=father)
    o.associates.append(AssocSpec("child", fam.children[0].pid, o.start + days(ctx.rng.randint(0, 5)), start=dob))
    return o, fam
