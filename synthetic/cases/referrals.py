"""S2 (contact with children, no referral), S4 (intelligence of a child, nothing follows), S11 (late or
passed-back MERLIN / referral)."""

from __future__ import annotations

from datetime import date

from synthetic.cases.context import Ctx, Family
from synthetic.cases.links import connected_children
from synthetic.cases.rules import MERLIN_LATE_DAYS, REFERRAL_DAYS, Instance, Records, record_name, within
from synthetic.offenders import AssocSpec, Offender
from synthetic.world import Row, add_years, days


def _in_window(rec: Records, when: date | None, day: date) -> bool:
    """`when` falls in [day, day + REFERRAL_DAYS] and on or before as_of (what the records show on as_of)."""
    return when is not None and within(when, day, REFERRAL_DAYS) and when <= rec.as_of


def _referred(rec: Records, children: set[int], day: date, strategy: bool = False) -> bool:
    for child in children:
        if any(_in_window(rec, r["cine_referral_date"], day) for r in rec.referrals_about(child)):
            return True
        if strategy and any(
            _in_window(rec, s["s47e_strategy_discussion_date"], day) for s in rec.strategy_about(child)
        ):
            return True
    return False


def detect_s2(rec: Records) -> list[Instance]:
    """S2: an offender reports or is seen in contact with children and no referral to CSC follows.

    One instance per trigger record. Triggers (dated d, nominal under management on d): police_visits
    with children_present = Y; probation_contacts with children_contact_reported = Y (the probation
    case's person is the nominal); police_intelligence about the nominal with category
    contact_with_children; education_collections whose adult is the nominal (he drops off or collects a
    child at a setting). Flag when no csc_referrals row about any connected child of the nominal (links.py,
    and the children he drops off or collects) has cine_referral_date in [d, d + REFERRAL_DAYS (30)] and on
    or before as_of.
    detectable_from = d: raised on the day, as "awaiting" while d + 30 >= as_of (a contact referred later in
    its window is not yet a case). Children: connected children born and under 18 on d.
    """
    out = []
    for nominal, pid in sorted(rec.pid_of.items()):
        triggers: list[tuple[date, Row]] = [
            (v["visit_date"], v) for v in rec.rows(nominal, "police_visits") if v["children_present"]
        ]
        triggers += [
            (c["contact_date"], c) for c in rec.world.of("probation_contacts", pid) if c["children_contact_reported"]
        ]
        triggers += [
            (i["report_date"], i)
            for i in rec.rows(nominal, "police_intelligence")
            if i["category"] == "contact_with_children"
        ]
        collections = rec.world.of("education_collections", pid, "adult")
        triggers += [(c["observed_date"], c) for c in collections]
        connected = connected_children(rec, nominal) | {c["_who"]["pupil"] for c in collections}
        for day, row in sorted(triggers, key=lambda t: (t[0], record_name(t[1]))):
            if rec.managed(nominal, day) and not _referred(rec, connected, day):
                kids = sorted(c for c in connected if rec.world.person(c).dob <= day and rec.is_child(c, day))
                out.append(Instance("S2", (record_name(row),), day, day, offender=pid, children=kids, evidence=[row]))
    return out


def detect_s4(rec: Records) -> list[Instance]:
    """S4: intelligence says the offender has a child and nothing follows.

    One instance per police_intelligence row about the nominal with category has_child, dated d while
    under management. Flag unless within [d, d + REFERRAL_DAYS (30)] there is a police_merlin about the
    nominal (created_date in the window), or a csc_referrals row (cine_referral_date) or
    csc_strategy_discussions row (s47e_strategy_discussion_date) about a connected child of the nominal,
    each on or before as_of. detectable_from = d: raised on the day, as "awaiting" while d + 30 >= as_of.
    """
    out = []
    for nominal, pid in sorted(rec.pid_of.items()):
        connected = connected_children(rec, nominal)
        for intel in rec.rows(nominal, "police_intelligence"):
            day = intel["report_date"]
            if intel["category"] != "has_child" or not rec.managed(nominal, day):
                continue
            merlin = any(_in_window(rec, m["created_date"], day) for m in rec.rows(nominal, "police_merlin"))
            if not merlin and not _referred(rec, connected, day, strategy=True):
                mentioned = intel["_who"].get("mentioned")
                out.append(
                    Instance(
                        "S4",
                        (record_name(intel),),
                        day,
                        day,
                        offender=pid,
                        children=[mentioned] if mentioned is not None else [],
                        evidence=[intel],
                    )
                )
    return out


def detect_s11(rec: Records) -> list[Instance]:
    """S11: a referral that is late or passed back without action.

    One instance per record. police_merlin rows: flag when outcome is passed_back or no_action
    (detectable_from = sent_date, else created_date), or when sent_date - concern_date > MERLIN_LATE_DAYS
    (30), or sent_date is empty and concern_date + 30 < as_of (detectable_from = concern_date + 31).
    csc_referrals rows: flag when cine_referral_date - cine_concern_date > 30 (detectable_from =
    cine_concern_date + 31). Applies to every MERLIN and referral, with or without a nominal.
    """
    out = []
    for merlin in rec.world.rows.get("police_merlin", []):
        concern, sent = merlin["concern_date"], merlin["sent_date"]
        late = (sent is None or (sent - concern).days > MERLIN_LATE_DAYS) and concern + days(
            MERLIN_LATE_DAYS
        ) < rec.as_of
        if merlin["outcome"] in {"passed_back", "no_action"}:
            detectable = sent or merlin["created_date"]
        elif late:
            detectable = concern + days(MERLIN_LATE_DAYS + 1)
        else:
            continue
        subject = merlin["_who"].get("subject")
        out.append(
            Instance(
                "S11",
                (record_name(merlin),),
                concern,
                detectable,
                offender=subject,
                children=[merlin["_who"]["child"]],
                agencies=[a for a in [merlin["sent_to_agency_id"]] if a],
                evidence=[merlin],
            )
        )
    for ref in rec.world.rows.get("csc_referrals", []):
        concern = ref["cine_concern_date"]
        if concern is not None and (ref["cine_referral_date"] - concern).days > MERLIN_LATE_DAYS:
            child = ref["_who"]["child"]
            offenders = sorted(n for n, _ in (rec.by_child or {}).get(child, []))
            out.append(
                Instance(
                    "S11",
                    (record_name(ref),),
                    concern,
                    concern + days(MERLIN_LATE_DAYS + 1),
                    offender=rec.pid_of[offenders[0]] if offenders else None,
                    children=[child],
                    evidence=[ref],
                )
            )
    return out


# ---------------------------------------------------------------- S2 scenarios
def _cousin(ctx: Ctx) -> tuple[Offender, Family, date]:
    """Review 3.5: an offender and his cousin's three children, who live elsewhere. The contact comes to
    light at an ARMS interview (as in the review), in probation supervision, or through intelligence."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 12, 31))
    how = ctx.rng.random()
    late = ctx.world.as_of - days(200)
    day = ctx.day(o.start + days(90), o.start + days(330) if how < 0.3 else late)
    dobs = [ctx.day(add_years(day, -12), day - days(300)) for _ in range(3)]
    fam = ctx.family(min(dobs), dobs)
    o.associates.append(AssocSpec("cousin", fam.mother.pid, day))
    for kid in fam.children:
        o.associates.append(AssocSpec("cousin_child", kid.pid, day, dob_known=ctx.rng.random() < 0.5))
    if how < 0.3:
        o.probation = True
        note = "Reports spending weekends with his cousin's three children"
        o.probation_notes.append(
            {
                "day": day,
                "kind": "supervision",
                "engagement": "engaging well",
                "children": True,
                "partner": False,
                "summary": note,
            }
        )
    elif how < 0.45:
        ctx.intel(
            o, day, "contact_with_children", "Reported to be in regular contact with his cousin's children", did=fam.did
        )
    else:
        o.extra_visits.append(
            {
                "day": day,
                "did": o.main_on(day),
                "engagement": "engaging well",
                "children": True,
                "summary": "ARMS interview: says he has regular contact with his cousin's three "
                "children; says he does not know their address",
                "kind": "interview",
            }
        )
        o.arms_notes[day] = "ARMS: reports contact with his cousin's three children"
    return o, fam, day


def plant_s2(ctx: Ctx) -> None:
    """Review 3.5, 5.15-5.18, Rec 1-2: he reports contact with his cousin's children; a MERLIN may be made
    but nothing reaches children's social care."""
    o, fam, day = _cousin(ctx)
    ctx.write(o)
    if ctx.rng.random() < 0.5:  # the review's four-month MERLIN, passed back by MASH police (also S11)
        ctx.csc.merlin(
            fam.children[0],
            day,
            day + days(3),
            day + days(ctx.rng.randint(100, 130)),
            "passed_back",
            "Contact with cousin's children reported at ARMS",
            (o.nominal_id, o.pid),
            "MASHPOL",
        )
    ctx.scenario(
        False,
        "Offender reports contact with his cousin's children; no referral to children's social care",
        o,
        children=[k.pid for k in fam.children],
        people=[("cousin", fam.mother.pid)],
        dwellings=[fam.did],
        start=day,
    )


def decoy_s2(ctx: Ctx) -> None:
    """What should have happened (5.18): MERLIN shared at once and a referral within days."""
    o, fam, day = _cousin(ctx)
    ctx.write(o)
    ctx.csc.merlin(
        fam.children[0],
        day,
        day + days(1),
        day + days(3),
        "shared_with_csc",
        "Contact with cousin's children reported at ARMS",
        (o.nominal_id, o.pid),
        "CSC",
    )
    referral = ctx.referral(fam.children[0], day + days(ctx.rng.randint(5, 20)), concern=day, strategy=True)
    ctx.scenario(
        True,
        "Offender reports contact with his cousin's children; referral made within days",
        o,
        children=[k.pid for k in fam.children],
        dwellings=[fam.did],
        start=day,
        detectable=day,
        evidence=[referral],
    )


# ---------------------------------------------------------------- S4 scenarios
def _daughter(ctx: Ctx) -> tuple[Offender, Family, date, Row]:
    """Review 3.9: family members tell police he 'dropped his daughter off the night before and left'."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 12, 31))
    day = ctx.day(o.start + days(200), ctx.world.as_of - days(150))
    dob = ctx.day(add_years(day, -6), day - days(200))
    fam = ctx.family(dob, [dob], father=o.person, father_recorded=False)
    intel = ctx.intel(
        o,
        day,
        "has_child",
        "Family members said he had dropped his daughter off the night before and left",
        mentioned=fam.children[0],
        dob_known=False,
    )
    return o, fam, day, intel


def plant_s4(ctx: Ctx) -> None:
    """Review 3.9: recorded on ViSOR, but no enquiry, no interview, no MERLIN, no referral."""
    o, fam, day, intel = _daughter(ctx)
    ctx.write(o)
    ctx.scenario(
        False,
        "Intelligence that the offender has a daughter; nothing follows",
        o,
        children=[fam.children[0].pid],
        people=[("mother", fam.mother.pid)],
        start=day,
        evidence=[intel],
    )


def decoy_s4(ctx: Ctx) -> None:
    """Same intelligence, followed within days by a MERLIN shared with CSC and a referral."""
    o, fam, day, intel = _daughter(ctx)
    ctx.write(o)
    kid = fam.children[0]
    merlin = ctx.csc.merlin(
        kid,
        day,
        day + days(2),
        day + days(4),
        "shared_with_csc",
        "Intelligence that nominal has a daughter",
        (o.nominal_id, o.pid),
        "CSC",
    )
    ctx.referral(kid, day + days(ctx.rng.randint(5, 12)), concern=day)
    ctx.scenario(
        True,
        "Intelligence that the offender has a daughter; MERLIN and referral within days",
        o,
        children=[kid.pid],
        start=day,
        detectable=day,
        evidence=[intel, merlin],
    )


# ---------------------------------------------------------------- S11 scenarios
def _partner_child(ctx: Ctx) -> tuple[Offender, Family, date]:
    """A new partner with a young child: the concern a MERLIN should carry to children's social care."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 12, 31))
    day = ctx.day(o.start + days(100), ctx.world.as_of - days(300))
    dob = ctx.day(add_years(day, -9), day - days(100))
    fam = ctx.family(dob, [dob])
    o.associates.append(AssocSpec("partner", fam.mother.pid, day, start=day - days(40), told=day + days(5)))
    return o, fam, day


def plant_s11(ctx: Ctx) -> None:
    """Review 3.5, 5.15-5.16: the MERLIN is sent four months late and the MASH police pass it back; or the
    referral reaches children's social care long after the concern."""
    o, fam, day = _partner_child(ctx)
    ctx.write(o)
    kid = fam.children[0]
    if ctx.rng.random() < 0.6:
        ctx.csc.merlin(
            kid,
            day,
            day + days(ctx.rng.randint(5, 25)),
            day + days(ctx.rng.randint(100, 130)),
            "passed_back",
            "New partner has a young child",
            (o.nominal_id, o.pid),
            "MASHPOL",
        )
        text = "MERLIN about the partner's child sent four months late and passed back"
    else:
        ctx.referral(kid, day + days(ctx.rng.randint(45, 120)), concern=day)
        text = "Referral about the partner's child received months after the concern"
    ctx.scenario(False, text, o, children=[kid.pid], people=[("partner", fam.mother.pid)], start=day)


def decoy_s11(ctx: Ctx) -> None:
    """A MERLIN sent in five days and shared with CSC, followed by a timely referral."""
    o, fam, day = _partner_child(ctx)
    ctx.write(o)
    kid = fam.children[0]
    merlin = ctx.csc.merlin(
        kid,
        day,
        day + days(1),
        day + days(ctx.rng.randint(2, 5)),
        "shared_with_csc",
        "New partner has a young child",
        (o.nominal_id, o.pid),
        "CSC",
    )
    referral = ctx.referral(kid, merlin["sent_date"] + days(1), concern=day)
    ctx.scenario(
        True,
        "MERLIN sent within five days and shared; referral on time",
        o,
        children=[kid.pid],
        start=day,
        detectable=day,
        evidence=[merlin, referral],
    )
