"""S12 (closure not sent to every agency, or silent on live conditions) and S13 (disguised compliance)."""

from __future__ import annotations

from datetime import date

from synthetic.cases.births import birth_to, known_birth
from synthetic.cases.context import Ctx
from synthetic.cases.links import links_by_child
from synthetic.cases.residence import known_child
from synthetic.cases.rules import BREACH_LOOKBACK_DAYS, CLOSURE_CONTACT_DAYS, Instance, Records, record_name
from synthetic.csc import agencies_working_with
from synthetic.offenders import AssocSpec
from synthetic.world import days

_SILENT_SUMMARY = (
    "Jigsaw made the referral as a matter of course, but they have not raised any concern in regard "
    "to the father and are not concerned for his family. The parents engaged well with our assessment."
)


def detect_s12(rec: Records) -> list[Instance]:
    """S12: a case closed without telling every involved agency, or a closure summary without live conditions.

    One instance per csc_closures row (closure_date t, closing a referral about child K). Flag when
    (a) an agency working with K on t (csc.agencies_working_with over [t, t] with health contacts in
    [t - CLOSURE_CONTACT_DAYS (365), t]) has no csc_closure_recipients row for the closure, or
    (b) summary_includes_conditions = N while K is an offender-linked child (links.py) on t of a nominal
    with an order live on t that has at least one condition. detectable_from = t. agencies = those missed.
    """
    referrals = {r["cine_referral_id"]: r for r in rec.world.rows.get("csc_referrals", [])}
    by_child = links_by_child(rec)
    out = []
    for closure in rec.world.rows.get("csc_closures", []):
        t = closure["closure_date"]
        child = referrals[closure["cine_referral_id"]]["_who"]["child"]
        sent = {r["agency_id"] for r in rec.recipients.get(closure["closure_id"], [])}
        missed = sorted(set(agencies_working_with(rec.world, child, t, t, CLOSURE_CONTACT_DAYS)) - sent)
        silent = (
            []
            if closure["summary_includes_conditions"]
            else [
                nominal
                for nominal, spans in by_child.get(child, [])
                if any(s <= t <= e for s, e, _ in spans) and rec.live_conditions(nominal, t)
            ]
        )
        if missed or silent:
            offender = (
                rec.pid_of[silent[0]] if silent else next((rec.pid_of[n] for n, _ in by_child.get(child, [])), None)
            )
            out.append(
                Instance(
                    "S12",
                    (record_name(closure),),
                    t,
                    t,
                    offender=offender,
                    children=[child],
                    agencies=missed,
                    evidence=[closure],
                )
            )
    return out


def detect_s13(rec: Records, s8: list[Instance], s9: list[Instance]) -> list[Instance]:
    """S13: disguised compliance. One instance per police_visits or probation_contacts row recording
    engagement = "engaging well" on a day d while under management that is the first such row (by date, then
    record) at which one of the reasons below holds (his first, and the first after each new breach); on d, the
    nominal
    (i) conceals a child: a health_births row names him as a parent, born on or before d and under 18 on
        d, with no police_associates row (relationship child) for that child recorded on or before d; or
    (ii) has an S8 instance detectable in [d - BREACH_LOOKBACK_DAYS (365), d]; or
    (iii) has an S9 instance: an employment one whose job covers d (detectable <= d), or a collection one
        dated in [d - 365, d]. detectable_from = d.
    """
    breaches: dict[int, list[Instance]] = {}
    for inst in [*s8, *s9]:
        breaches.setdefault(inst.offender, []).append(inst)  # type: ignore[arg-type]
    out = []
    for nominal, pid in sorted(rec.pid_of.items()):
        rows = [(v["visit_date"], v) for v in rec.rows(nominal, "police_visits") if v["engagement"] == "engaging well"]
        rows += [
            (c["contact_date"], c)
            for c in rec.world.of("probation_contacts", pid)
            if c["engagement"] == "engaging well"
        ]
        known = {
            a["_who"]["associate"]: a["recorded_date"]
            for a in rec.rows(nominal, "police_associates")
            if a["relationship"] == "child"
        }
        births = rec.births_of(pid)
        flagged: set[str] = set()  # reasons already raised at an earlier record
        for day, row in sorted(rows, key=lambda t: (t[0], record_name(t[1]))):
            if not rec.managed(nominal, day):
                continue
            reasons = [b for b in births if _concealed(rec, b, day, known)]
            reasons += [r for i in breaches.get(pid, []) if _breach_on(i, day) for r in i.evidence[:1]]
            if reasons and not {record_name(r) for r in reasons} <= flagged:
                flagged |= {record_name(r) for r in reasons}
                out.append(
                    Instance(
                        "S13",
                        (nominal, record_name(row)),
                        day,
                        day,
                        offender=pid,
                        evidence=[row, *reasons],
                        paths=[[row, r] for r in reasons],
                    )
                )
    return out


def _concealed(rec: Records, birth: dict, day: date, known: dict[int, date]) -> bool:
    child = birth["_who"]["child"]
    born = rec.world.person(child).dob
    return born <= day and rec.is_child(child, day) and not (child in known and known[child] <= day)


def _breach_on(inst: Instance, day: date) -> bool:
    row = inst.evidence[0]
    if inst.signal == "S8":
        return day - days(BREACH_LOOKBACK_DAYS) <= inst.detectable <= day
    if "employment_id" in row:
        end = row["end_date"] or date.max
        return inst.detectable <= day <= end
    return day - days(BREACH_LOOKBACK_DAYS) <= inst.detectable <= day


# ---------------------------------------------------------------- S12 scenarios
def _closed_case(ctx: Ctx, good: bool) -> None:
    o, fam = known_child(ctx)
    kid = fam.children[0]
    o.orders = [ctx.order(o, ("NO_UNSUPERVISED_CONTACT_U16", "NO_WORK_WITH_U16"), years=10)]
    ctx.write(o)
    day = ctx.day(o.start + days(60), min(o.start + days(1500), ctx.world.as_of - days(200)))
    ctx.csc.merlin(
        kid,
        day - days(3),
        day - days(2),
        day,
        "shared_with_csc",
        "Nominal's child: notification",
        (o.nominal_id, o.pid),
        "CSC",
    )
    close = day + days(ctx.rng.randint(40, 90))
    if good:
        ctx.tell_agencies(o, kid, o.start)
        referral = ctx.referral(kid, day, concern=day - days(3), close=close)
        closures = [c for c in ctx.world.rows["csc_closures"] if c["cine_referral_id"] == referral["cine_referral_id"]]
        ctx.scenario(
            True,
            "Case closed with the summary sent to every agency and the live conditions stated",
            o,
            children=[kid.pid],
            start=close,
            detectable=close,
            evidence=closures or [referral],
        )
        return
    working = sorted(agencies_working_with(ctx.world, kid.pid, close, close, CLOSURE_CONTACT_DAYS))
    some = [a for a in working if a.startswith("GP")][:1]
    ctx.referral(
        kid,
        day,
        concern=day - days(3),
        close=close,
        recipients=some,
        includes_conditions=len(working) > len(some) and ctx.rng.random() < 0.3,
        closure_summary=_SILENT_SUMMARY,
    )
    ctx.scenario(
        False,
        "Case closed; summary sent to some agencies only and silent on the SOPO/SHPO conditions",
        o,
        children=[kid.pid],
        people=[("mother", fam.mother.pid)],
        start=close,
    )


def plant_s12(ctx: Ctx) -> None:
    """Review 3.20, 5.33: the closure letter reaches only some agencies and leaves out the SOPO conditions."""
    _closed_case(ctx, good=False)


def decoy_s12(ctx: Ctx) -> None:
    """The same closure done properly: every agency working with the child receives it, conditions stated."""
    _closed_case(ctx, good=True)


# ---------------------------------------------------------------- S13 scenarios
def plant_s13(ctx: Ctx) -> None:
    """Review 5.28: 'working well' with Jigsaw while concealing the births of his children."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    fam, dob = birth_to(ctx, o)
    visit = dob + days(ctx.rng.randint(20, 80))
    o.extra_visits.append(
        {
            "day": visit,
            "did": o.main_on(visit),
            "engagement": "engaging well",
            "children": False,
            "summary": "Engaging well; lives alone; no changes in circumstances reported",
        }
    )
    ctx.write(o)
    ctx.scenario(
        False,
        "Recorded as engaging well while concealing the birth of his child",
        o,
        children=[fam.children[0].pid],
        people=[("mother", fam.mother.pid)],
        start=dob,
    )


def decoy_s13(ctx: Ctx) -> None:
    """Engaging well, and genuinely open: the birth reported at once and handled by every agency."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    fam, dob = birth_to(ctx, o)
    o.associates.append(AssocSpec("child", fam.children[0].pid, dob, start=dob))
    o.known_changes.append(dob)
    visit = dob + days(ctx.rng.randint(20, 80))
    o.extra_visits.append(
        {
            "day": visit,
            "did": o.main_on(visit),
            "engagement": "engaging well",
            "children": False,
            "summary": "Engaging well; told us about the birth of his child the same day",
        }
    )
    ctx.write(o)
    known_birth(ctx, o, fam, dob)
    ctx.scenario(
        True,
        "Engaging well and open about the birth of his child",
        o,
        children=[fam.children[0].pid],
        start=visit,
        detectable=visit,
        evidence=[r for r in ctx.world.of("police_visits", o.pid) if r["visit_date"] == visit],
    )
