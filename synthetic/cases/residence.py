"""S1 (a child where an offender lives or stays) and S6 (agencies around the child not told)."""

from __future__ import annotations

from datetime import date

from synthetic.cases.context import Ctx, Family
from synthetic.cases.links import linked_children, s1_links
from synthetic.cases.rules import Instance, Records
from synthetic.csc import agencies_working_with
from synthetic.offenders import AssocSpec, Offender, RegSpec
from synthetic.world import WINDOW_START, Row, World, add_years, days

_STAY_KINDS = ("staying", "additional", "frequents")
_FREQUENCIES = ("three nights a week", "most nights", "at weekends", "two or three nights a week")
_NOTE_STAYS = (  # how an officer writes a stay at his partner's in a visit note (notes/matcher.py reads them)
    "Says he stays at his partner's {}.",
    "He is staying with his girlfriend {}.",
    "Reports he stays over at his partner's address {}.",
)
STAY_FOUND_SHARE = 0.5  # planted S1 stories where officers find the stay at a visit before he registers it
WEEKEND_ADDRESS_SHARE = 0.03  # enrolments for which the setting records a second or weekend address
TENANCY_SHARE = 0.15  # dwellings let by a housing provider that records every household on its tenancies


def detect_s1(rec: Records) -> list[Instance]:
    """S1: a child lives at, or regularly stays at, an address an offender lives at, stays at or frequents.

    Offenders: nominals with a Schedule 3 conviction or a notification period, from the earlier (`since`);
    the risk level, and whether his notification or an order has ended, never filter (risk is never zero).
    His facts (links.offender_facts): police_addresses (from_date..to_date), his own health_gp_registrations,
    police_stays (from_date..to_date, known on recorded_date), and points that persist until his next later
    fact: police_visits at an address, staying_at_address intelligence, a visit note saying he stays at his
    partner's (links.note_stays: resolved to her dwelling on the visit day; raised "from a note"). A person's
    facts (links.child_facts):
    GP registrations, enrolments, housing_tenancies, education_addresses (a setting's second or weekend
    address, which ends no point), and points: birth address, police associate address (recorded_date),
    csc_persons address (from the first referral about the child). One instance per (nominal, dwelling):
    a fact of his and one of the person's at the dwelling overlap within [since, as_of] while the person is
    under 18. from = first day of the earliest overlap; detectable_from = the earliest day an overlap is
    knowable (the latest of its start and the days its two records were made).
    """
    out: dict[tuple, Instance] = {}
    for nominal in sorted(rec.pid_of):
        for child, did, start, knowable, _managed, place, row in s1_links(rec, nominal):
            inst = out.setdefault(
                (nominal, did),
                Instance("S1", (nominal, did), start, knowable, offender=rec.pid_of[nominal], dwellings=[did]),
            )
            inst.start = min(inst.start, start)
            inst.detectable = min(inst.detectable, knowable)
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


def family_for(ctx: Ctx, day: date, kids: int = 2, emit: bool = True, twins: bool = False) -> Family:
    """Ms R and her children (aged 1-10 on `day`, twins at the twin rate when `twins`), living at their address
    since before `day`."""
    dobs = [ctx.day(add_years(day, -10), add_years(day, -1)) for _ in range(kids)]
    since = ctx.day(max(dobs), day - days(30)) if ctx.rng.random() < 0.5 else min(dobs)
    return ctx.family(since, dobs, emit=emit, twins=twins)


def plant_s1(ctx: Ctx) -> None:
    """Review 3.8, 3.12, 3.25: Mr A stays at Ms R's home (where her children live) several nights a week and
    registers it as a 'staying' or 'additional' address. Officers record the stay (police_stays: how often,
    who is present): in STAY_FOUND_SHARE of the stories they find it at a visit weeks before he registers
    it (an S8 breach too), otherwise they confirm the registered stay at a later visit. At the note rate the
    stay is written only in a home visit's note (`plant_s1_note`)."""
    o = ctx.offender(date(2013, 1, 1), date(2018, 12, 31))
    day = ctx.day(o.start + days(60), ctx.world.as_of - days(400))
    fam = family_for(ctx, day, twins=True)
    if ctx.world.note_rate and ctx.rng.random() < ctx.world.note_rate:
        plant_s1_note(ctx, o, day, fam)
        return
    kind = ctx.rng.choice(_STAY_KINDS)
    found = ctx.rng.random() < STAY_FOUND_SHARE
    seen = day if found else day + days(ctx.rng.randint(20, 120))
    registered = day + days(ctx.rng.randint(14, 45)) if found else day
    o.regs.append(RegSpec(fam.did, kind, registered, None, registered + days(ctx.rng.randint(0, 2))))
    o.associates.append(
        AssocSpec("partner", fam.mother.pid, day, start=day - days(60), told=day + days(ctx.rng.randint(2, 20)))
    )
    note = "Seen at his partner's address; says he stays there " + ctx.rng.choice(_FREQUENCIES)
    o.extra_visits.append(dict(day=seen, did=fam.did, engagement="partial", children=False, summary=note))
    ctx.write(o)
    visit = next(v for v in ctx.world.of("police_visits", o.pid) if v["visit_date"] == seen)
    record_stay(ctx.world, o, fam.did, seen, day - days(ctx.rng.randint(7, 60)), visit["visit_id"])
    ctx.scenario(
        False,
        "Offender stays at his partner's home while her children live there ("
        + ("found at a visit before he registers it" if found else f"registered as a '{kind}' address")
        + ")",
        o,
        children=[k.pid for k in fam.children],
        people=[("partner", fam.mother.pid)],
        dwellings=[fam.did],
        start=day,
        detectable=min(seen, registered),
    )


def note_stay(ctx: Ctx, o: Offender, day: date, partner: int) -> None:
    """His partner recorded by police (and told) at her address weeks before `day`; on `day` a home visit at his own
    address whose note alone says he stays at his partner's (no registration, no recorded stay)."""
    moved_in = max(s.start for s in ctx.world.person(partner).stays if s.start <= day)
    recorded = ctx.day(max(moved_in, day - days(150)), day - days(20))  # at her address: the note resolves to it
    told = recorded + days(ctx.rng.randint(2, 20))
    o.associates.append(AssocSpec("partner", partner, recorded, start=recorded - days(60), told=told))
    sentence = ctx.rng.choice(_NOTE_STAYS).format(ctx.rng.choice(_FREQUENCIES))
    o.extra_visits.append(
        dict(day=day, did=o.main_on(day), engagement="engaging well", children=False, stay_note=True,
             summary=f"Flat tidy. {sentence} Devices checked.")
    )  # fmt: skip


def plant_s1_note(ctx: Ctx, o: Offender, day: date, fam: Family) -> None:
    """Issue 11, classes 7 and 3: the officer writes in a home visit's note that he stays at his partner's, where
    her children live; nothing else records the stay. Raised "from a note" on the visit day."""
    note_stay(ctx, o, day, fam.mother.pid)
    ctx.write(o)
    ctx.scenario(
        False,
        "Offender stays at his partner's home while her children live there (written only in a visit note)",
        o,
        children=[k.pid for k in fam.children],
        people=[("partner", fam.mother.pid)],
        dwellings=[fam.did],
        start=day,
        detectable=day,
    )


def record_stay(world: World, o: Offender, did: int, day: date, since: date | None, visit_id: str | None) -> Row:
    """A stay officers record at a visit: where, since when, how often and who else is there."""
    rng = world.rng
    return world.add(
        "police_stays",
        {
            "stay_id": world.new_id("STY"),
            "nominal_id": o.nominal_id,
            "recorded_date": day,
            "recorded_in": visit_id,
            "found_by": "visit" if visit_id else "self_report",
            "from_date": since,
            "to_date": None,
            "frequency": rng.choice(_FREQUENCIES),
            "present": "partner and her children",
            "children_present": True,
        },
        {"offender": o.pid},
        did,
    )


def weekend_addresses(world: World, share: float = WEEKEND_ADDRESS_SHARE) -> None:
    """A setting's second or weekend address for a share of pupils (a relative's home at weekends), never at
    a dwelling where an offender lives, stays or is recorded (background records show no signal)."""
    rng = world.rng
    offenders = {r["_who"]["offender"] for r in world.rows.get("police_nominals", [])}
    barred = {s.did for pid in offenders for s in world.person(pid).stays}
    for feed in ("police_addresses", "police_visits", "police_intelligence", "police_stays"):
        barred |= {r["_at"] for r in world.rows.get(feed, []) if r.get("_at") is not None}
    homes = sorted({s.did for p in world.people if not p.protected for s in p.stays} - barred)
    for row in list(world.rows.get("education_enrolments", [])):
        pupil = world.person(row["_who"]["pupil"])
        if pupil.protected or not homes or rng.random() >= share:
            continue
        did = homes[rng.randrange(len(homes))]
        if did == row.get("_at"):
            continue
        start = row["start_date"] + days(rng.randint(0, 200))
        if start > world.as_of or (row["end_date"] and start > row["end_date"]):
            continue
        world.add(
            "education_addresses",
            {
                "pupil_address_id": world.new_id("PAD"),
                "pupil_id": row["pupil_id"],
                "setting_id": row["setting_id"],
                "address_type": rng.choice(("weekend", "second", "contact")),
                "recorded_date": start,
                "from_date": None,
                "to_date": row["end_date"],
                "frequency": rng.choice(("alternate weekends", "weekends", "two nights a week")),
                "household": rng.choice(("grandmother", "father", "aunt")),
            },
            {"pupil": pupil.pid},
            did,
        )


def decoy_s1(ctx: Ctx) -> None:
    """Look-alikes of 3.12: the children moved out before he moved in, or a flat in the same building; at the
    note rate, a visit note saying he stays at his partner's, where no child lives."""
    if ctx.world.note_rate and ctx.rng.random() < ctx.world.note_rate:
        o = ctx.offender(date(2013, 1, 1), date(2018, 12, 31))
        day = ctx.day(o.start + days(60), ctx.world.as_of - days(400))
        partner = ctx.family(day - days(ctx.rng.randint(200, 2000)), [])
        note_stay(ctx, o, day, partner.mother.pid)
        ctx.write(o)
        visit = next(v for v in ctx.world.of("police_visits", o.pid) if v.get("_stay_note"))
        ctx.scenario(
            True,
            "A visit note says he stays at his partner's, where no child lives",
            o,
            people=[("partner", partner.mother.pid)],
            dwellings=[partner.did],
            start=day,
            detectable=day,
            evidence=[visit],
        )
        return
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


def tenancies(world: World, share: float = TENANCY_SHARE) -> None:
    """Housing tenancies for a share of dwellings: everyone who lived there, for as long as they lived there
    (the provider's household record), so a tenancy says no more than the other records of where people live."""
    rng = world.rng
    residents: dict[int, list[tuple[int, date, date | None]]] = {}
    for person in world.people:
        for stay in person.stays:
            if stay.start <= world.as_of:
                residents.setdefault(stay.did, []).append((person.pid, stay.start, stay.end))
    for did in sorted(residents):
        if rng.random() >= share:
            continue
        ref = world.new_id("TEN")
        members = sorted(residents[did], key=lambda r: (r[1], r[0]))
        lead = next((pid for pid, start, _ in members if not world.person(pid).is_child(start)), None)
        for pid, start, end in members:
            world.add(
                "housing_tenancies",
                {
                    "tenancy_member_id": world.new_id("TNM"),
                    "tenancy_ref": ref,
                    "member_role": "lead_tenant" if pid == lead else "household_member",
                    "start_date": start,
                    "end_date": end if end is None or end <= world.as_of else None,
                },
                {"person": pid},
                did,
            )
