"""S7 (risk assessment overdue or not redone after a change), S8 (notification breaches), S9 (order
conditions broken by a job or by unsupervised contact)."""

from __future__ import annotations

from datetime import date

from synthetic.cases.context import Ctx
from synthetic.cases.rules import (
    CHANGE_NOTIFY_DAYS,
    NOTE_BREACHES,
    NOTE_NON_BREACHES,
    REASSESS_DAYS,
    TRAVEL_NOTICE_DAYS,
    U16_AGE,
    Instance,
    Records,
    record_name,
    until,
)
from synthetic.management import arms_dates
from synthetic.offenders import AssocSpec, Offender, RegSpec
from synthetic.world import Row, add_years, days


def _changes(rec: Records, nominal: str, pid: int) -> list[tuple[date, Row]]:
    regs = rec.rows(nominal, "police_addresses")
    first = min((r["from_date"] for r in regs), default=None)
    out = [(r["from_date"], r) for r in regs if r["from_date"] != first]
    out += [
        (a["recorded_date"], a)
        for a in rec.rows(nominal, "police_associates")
        if a["relationship"] in {"partner", "child"}
    ]
    out += [(c["contact_date"], c) for c in rec.world.of("probation_contacts", pid) if c["new_partner_reported"]]
    out += [(rec.world.person(b["_who"]["child"]).dob, b) for b in rec.births_of(pid)]
    return sorted(out, key=lambda t: (t[0], record_name(t[1])))


def detect_s7(rec: Records) -> list[Instance]:
    """S7: a risk assessment is overdue, or a significant change is not followed by a reassessment.

    Overdue: one instance per police_risk_assessments row whose next_due_date nd < as_of falls while the
    nominal is under management and no later assessment is dated <= nd (from = nd, detectable = nd + 1).
    Change: one instance per (nominal, change day c) while under management on c and on e = min(c + 90,
    as_of), with no assessment dated in [c, e] (detectable = c: raised on the day, as "awaiting" while
    c + REASSESS_DAYS (90) >= as_of, so a change reassessed later in its window is not yet a case). Changes:
    police_addresses from_date (except the nominal's earliest registration), police_associates
    recorded_date with relationship partner or child, probation_contacts with new_partner_reported = Y,
    and health_births naming the nominal as a parent (date_of_birth).
    """
    out = []
    for nominal, pid in sorted(rec.pid_of.items()):
        found = sorted(rec.rows(nominal, "police_risk_assessments"), key=lambda a: a["assessment_date"])
        dated = [a["assessment_date"] for a in found]
        for a in found:
            due = a["next_due_date"]
            if (
                due
                and due < rec.as_of
                and rec.managed(nominal, due)
                and not any(a["assessment_date"] < d <= due for d in dated)
            ):
                out.append(Instance("S7", (nominal, "overdue", due), due, due + days(1), offender=pid, evidence=[a]))
        seen = set()
        for change, row in _changes(rec, nominal, pid):
            end = min(change + days(REASSESS_DAYS), rec.as_of)
            if change in seen or not (rec.managed(nominal, change) and rec.managed(nominal, end)):
                continue
            if not any(change <= d <= end for d in dated):
                seen.add(change)
                out.append(
                    Instance(
                        "S7",
                        (nominal, "change", change),
                        change,
                        change,
                        offender=pid,
                        evidence=[row],
                        paths=[[row]],
                    )
                )
    return out


def detect_s8(rec: Records) -> list[Instance]:
    """S8: notification breaches. One instance per record below (nominal under management on the day):
    (a) travel row of the nominal (same person) departing d with no police_notifications row of type
        travel whose notification_date is in [d - TRAVEL_NOTICE_DAYS (90), d]; detectable d;
    (b) passport (number, passport_issued_date p) on travel rows, p after the period start, with no
        notification of type passport dated in [p, p + CHANGE_NOTIFY_DAYS (3)]; detectable p + 4;
    (c) police_notifications row with outcome missed or late; detectable due_date + 1;
    (d) police_addresses row with notified_date empty; detectable from_date + 4;
    (e) police_intelligence row of category staying_at_address at an address the nominal has no
        police_addresses registration for on report_date; detectable report_date;
    (f) police_stays row (a stay officers recorded) at an address the nominal has no police_addresses
        registration for on recorded_date; detectable recorded_date.
    A stay at a household with a child is a breach when it is (d), (e) or (f).
    """
    out = []
    for nominal, pid in sorted(rec.pid_of.items()):
        notes = rec.rows(nominal, "police_notifications")
        told = {
            kind: [n["notification_date"] for n in notes if n["notification_type"] == kind and n["notification_date"]]
            for kind in ("travel", "passport")
        }
        found: list[tuple[date, Row, tuple]] = []
        passports: dict[str, Row] = {}
        for trip in rec.world.of("travel", pid):
            d = trip["departure_date"]
            if rec.managed(nominal, d) and not any(d - days(TRAVEL_NOTICE_DAYS) <= x <= d for x in told["travel"]):
                found.append((d, trip, (record_name(trip),)))
            passports.setdefault(trip["passport_number"], trip)
        starts = [p["start_date"] for p in rec.rows(nominal, "police_notification_periods")]
        for number, trip in sorted(passports.items()):
            p = trip["passport_issued_date"]
            if (
                p
                and p > min(starts)
                and rec.managed(nominal, p)
                and not any(p <= x <= p + days(CHANGE_NOTIFY_DAYS) for x in told["passport"])
            ):
                found.append((p + days(CHANGE_NOTIFY_DAYS + 1), trip, (nominal, "passport", number)))
        found += [(n["due_date"] + days(1), n, (record_name(n),)) for n in notes if n["outcome"] in {"missed", "late"}]
        regs = rec.rows(nominal, "police_addresses")
        found += [
            (r["from_date"] + days(CHANGE_NOTIFY_DAYS + 1), r, (record_name(r),))
            for r in regs
            if r["notified_date"] is None and rec.managed(nominal, r["from_date"])
        ]
        for intel in rec.rows(nominal, "police_intelligence"):
            d = intel["report_date"]
            if (
                intel["category"] == "staying_at_address"
                and rec.managed(nominal, d)
                and not any(
                    r["_at"] == intel.get("_at") and r["from_date"] <= d <= until(r["to_date"], rec.as_of) for r in regs
                )
            ):
                found.append((d, intel, (record_name(intel),)))
        for stay in rec.rows(nominal, "police_stays"):
            d = stay["recorded_date"]
            if rec.managed(nominal, d) and not any(
                r["_at"] == stay["_at"] and r["from_date"] <= d <= until(r["to_date"], rec.as_of) for r in regs
            ):
                found.append((d, stay, (record_name(stay),)))
        for detectable, row, key in found:
            if detectable <= rec.as_of:
                out.append(
                    Instance(
                        "S8",
                        key,
                        detectable,
                        detectable,
                        offender=pid,
                        evidence=[row],
                        paths=[[row]],
                        dwellings=[row["_at"]] if "_at" in row else [],
                    )
                )
    return out


def detect_s9(rec: Records) -> list[Instance]:
    """S9: order-condition conflicts. One instance per record:
    (a) employment row of the nominal (same person) with contact_with_children = Y whose start_date..end_date
        overlaps an order with condition NO_WORK_WITH_U16 (start_date..end_date); detectable = first day
        of the overlap;
    (b) education_collections row with unaccompanied = Y whose adult is the nominal, observed_date d within
        an order with condition NO_UNSUPERVISED_CONTACT_U16, the child under 16 on d; detectable = d;
    (c) police_visits row of the nominal whose note states (`_note`, rules.NOTE_BREACHES) a role with children
        within an order with condition NO_WORK_WITH_U16, or looking after children within one with
        NO_UNSUPERVISED_CONTACT_U16, on its visit_date d; detectable = d (raised "from a note").
    """
    out = []
    for nominal, pid in sorted(rec.pid_of.items()):
        for job in rec.world.of("employment", pid):
            if not job["contact_with_children"]:
                continue
            for start, end, order in rec.order_spans(nominal, "NO_WORK_WITH_U16"):
                first = max(start, job["start_date"])
                if first <= min(end, until(job["end_date"], rec.as_of)):
                    out.append(
                        Instance(
                            "S9",
                            (record_name(job),),
                            first,
                            first,
                            offender=pid,
                            agencies=[job["employer_id"]],
                            evidence=[job, order],
                            paths=[[job]],
                        )
                    )
                    break
        for visit in rec.rows(nominal, "police_visits"):
            condition = _NOTE_CONDITION.get(visit.get("_note") or "")
            d = visit["visit_date"]
            if condition and any(s <= d <= e for s, e, _ in rec.order_spans(nominal, condition)):
                out.append(Instance("S9", (record_name(visit),), d, d, offender=pid, evidence=[visit], paths=[[visit]]))
        for col in rec.world.of("education_collections", pid, "adult"):
            d, child = col["observed_date"], col["_who"]["pupil"]
            if (
                col["unaccompanied"]
                and rec.is_child(child, d, U16_AGE)
                and any(s <= d <= e for s, e, _ in rec.order_spans(nominal, "NO_UNSUPERVISED_CONTACT_U16"))
            ):
                out.append(
                    Instance(
                        "S9",
                        (record_name(col),),
                        d,
                        d,
                        offender=pid,
                        children=[child],
                        agencies=[col["setting_id"]],
                        evidence=[col],
                        paths=[[col]],
                    )
                )
    return out


# ---------------------------------------------------------------- S7 scenarios
def plant_s7(ctx: Ctx) -> None:
    """Review 5.19, 5.21: ARMS not refreshed when due, or not redone after a new partner or a move."""
    o = ctx.offender(date(2013, 1, 1), date(2018, 12, 31))
    if ctx.rng.random() < 0.5:
        o.arms_stop = ctx.world.as_of - days(ctx.rng.randint(420, 700))
        ctx.write(o)
        ctx.scenario(False, "Risk assessment overdue: no ARMS since its next due date", o, start=o.arms_stop)
        return
    o.arms_fixed = arms_dates(ctx.world, o)
    base = ctx.rng.choice([d for d in o.arms_fixed[:-1] if d < ctx.world.as_of - days(400)] or o.arms_fixed[:1])
    change = base + days(ctx.rng.randint(10, 40))
    text = _change(ctx, o, change)
    ctx.write(o)
    ctx.scenario(False, f"{text}; no reassessment followed", o, start=change)


def _change(ctx: Ctx, o: Offender, day: date) -> str:
    if ctx.rng.random() < 0.5:
        fam = ctx.family(day - days(ctx.rng.randint(100, 900)), [])
        o.associates.append(AssocSpec("partner", fam.mother.pid, day, start=day - days(30), told=day + days(5)))
        return "New partner recorded"
    ctx.move(o, ctx.places.new_home().did, day)
    ctx.world.dwelling(o.person.stays[-1].did).protected = True
    return "Change of address notified"


def decoy_s7(ctx: Ctx) -> None:
    """A change followed by a reassessment within weeks (the 90-day window met)."""
    o = ctx.offender(date(2013, 1, 1), date(2018, 12, 31))
    day = ctx.day(o.start + days(100), ctx.world.as_of - days(300))
    text = _change(ctx, o, day)
    ctx.write(o)
    ctx.scenario(
        True,
        f"{text}; reassessed within weeks",
        o,
        start=day,
        detectable=day,
        evidence=[a for a in ctx.world.of("police_risk_assessments", o.pid) if day <= a["assessment_date"]][:1],
    )


# ---------------------------------------------------------------- S8 scenarios
def plant_s8(ctx: Ctx) -> None:
    """Review 3.7, 3.12, 3.13, 3.16: travel on a new passport not notified; a missed annual notification;
    staying at an address (sometimes a household with children) without registering it."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    roll = ctx.rng.random()
    if roll < 0.25:
        year = ctx.rng.randint(1, max(1, (ctx.world.as_of - o.start).days // 365 - 1))
        o.missed_annual = {year}
        o.breach_convictions.append(add_years(o.start, year) + days(ctx.rng.randint(60, 200)))
        ctx.write(o)
        text = "Missed annual notification"
    elif roll < 0.5:
        trip = _new_passport_trip(ctx, o)
        o.unnotified_travel.add(trip["travel_id"])
        o.passport_unnotified = True
        o.breach_convictions.append(trip["departure_date"] + days(ctx.rng.randint(90, 300)))
        ctx.write(o)
        text = "Travelled abroad on a new passport; neither notified"
    else:
        day = ctx.day(o.start + days(100), ctx.world.as_of - days(200))
        kids = [ctx.day(add_years(day, -9), day - days(200))] if roll < 0.7 else []
        host = ctx.family(day - days(ctx.rng.randint(200, 2000)), kids)
        if roll < 0.85:
            ctx.write(o)
            ctx.intel(
                o, day, "staying_at_address", "Neighbours report he stays at this address most nights", did=host.did
            )
            text = "Intelligence that he stays at an address he has not registered"
        else:
            o.regs.append(RegSpec(host.did, "additional", day, None, None))
            ctx.write(o)
            text = "Address found by officers, never notified by him"
        text += " (a household with a child)" if kids else ""
    ctx.scenario(False, text, o, start=o.start)


def _new_passport_trip(ctx: Ctx, o: Offender, notify: bool = False) -> Row:
    issued = ctx.day(o.start + days(100), ctx.world.as_of - days(200))
    ctx.services.passport(o.person, issued=issued)
    departure = issued + days(ctx.rng.randint(20, 90))
    return ctx.services.trip(o.person, departure, departure + days(ctx.rng.randint(4, 14)), "Spain")


def decoy_s8(ctx: Ctx) -> None:
    """Travel and a new passport notified in advance, as required."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    trip = _new_passport_trip(ctx, o)
    ctx.write(o)
    ctx.scenario(
        True,
        "New passport and travel notified in advance",
        o,
        start=trip["departure_date"],
        detectable=trip["departure_date"],
        evidence=[trip],
    )


# ---------------------------------------------------------------- S9 scenarios
_NO_WORK = ("NO_UNSUPERVISED_CONTACT_U16", "NO_WORK_WITH_U16")
_NOTE_CONDITION = {"child_role": "NO_WORK_WITH_U16", "unsupervised_contact": "NO_UNSUPERVISED_CONTACT_U16"}
_SUPERMARKET_ROLE = "Customer assistant (weekend team with under-16 Saturday staff)"


def _supermarket(ctx: Ctx) -> str:
    return ctx.services.supermarkets[ctx.rng.randrange(len(ctx.services.supermarkets))]


def plant_s9(ctx: Ctx) -> None:
    """Review 3.22, 3.23: a supermarket job likely to bring contact with under-16s while the SOPO forbids it;
    or collecting a child from nursery alone while the order forbids unsupervised contact."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30), conditions=_NO_WORK)
    order = o.orders[0]
    last = min(order.end or ctx.world.as_of, ctx.world.as_of) - days(60)
    if ctx.world.note_rate and ctx.rng.random() < ctx.world.note_rate:  # no draw at 0: populations as before
        day = ctx.day(order.start + days(30), last)
        kind, sentence = ctx.rng.choice(NOTE_BREACHES)
        _note_visit(ctx, o, day, sentence, kind)
        ctx.write(o)
        ctx.scenario(False, f"A visit note describes {kind.replace('_', ' ')} while an order forbids it", o, start=day)
        return
    if ctx.rng.random() < 0.5:
        ctx.write(o)
        start = ctx.day(order.start + days(30), last)
        ctx.services.job(o.person, _supermarket(ctx), _SUPERMARKET_ROLE, True, start, None)
        ctx.scenario(False, "Job bringing contact with under-16s while an order forbids it", o, start=start)
        return
    day, kid, setting, fam = _collection_child(ctx, o, order.start + days(30), last)
    ctx.write(o)
    ctx.services.collection(
        kid,
        setting,
        day,
        o.pid,
        "family_friend",
        True,
        "Collected alone by mother's partner; manager reminded him of the nursery's expectations",
    )
    ctx.scenario(
        False,
        "Collected his partner's child from nursery alone while an order forbids unsupervised contact",
        o,
        children=[kid.pid],
        people=[("partner", fam.mother.pid)],
        start=day,
    )


def _note_visit(ctx: Ctx, o: Offender, day: date, sentence: str, note: str | None) -> None:
    """A home visit recorded "engaging well" whose note alone says what he does (`note`: the fact it states,
    "" when the sentence states none)."""
    o.extra_visits.append(
        {
            "day": day,
            "did": o.main_on(day),
            "engagement": "engaging well",
            "children": False,
            "summary": f"Flat tidy. {sentence} Devices checked.",
            "note": note or "",
        }
    )


def _collection_child(ctx: Ctx, o: Offender, first: date, last: date):
    """His partner's child, enrolled at a nursery or school on a day within [first, last]."""
    day = ctx.day(first, last)
    fam = ctx.family(day - days(1500), [day - days(ctx.rng.randint(1200, 1800))])
    kid = fam.children[0]
    o.associates.append(
        AssocSpec("partner", fam.mother.pid, day - days(60), start=day - days(120), told=day - days(55))
    )
    enrolled = [
        e
        for e in ctx.world.of("education_enrolments", kid.pid)
        if e["start_date"] <= day <= until(e["end_date"], ctx.world.as_of)
    ]
    if not enrolled:
        row = ctx.services.enrol(kid, "nursery", day - days(30), None, fam.did)
        enrolled = [row]
    return day, kid, enrolled[0]["setting_id"], fam


def decoy_s9(ctx: Ctx) -> None:
    """A child-facing job that started after the order expired, or a nursery collection with the mother."""
    o = ctx.offender(date(2013, 1, 1), min(date(2017, 6, 30), add_years(ctx.world.as_of, -6)), conditions=_NO_WORK)
    order = o.orders[0]
    order.end = add_years(order.start, 5)
    if ctx.world.note_rate and ctx.rng.random() < ctx.world.note_rate:  # no draw at 0: populations as before
        day = ctx.day(order.start + days(30), order.end - days(30))
        _note_visit(ctx, o, day, ctx.rng.choice(NOTE_NON_BREACHES), None)
        ctx.write(o)
        row = next(v for v in ctx.world.of("police_visits", o.pid) if v["visit_date"] == day and "_note" in v)
        ctx.scenario(
            True, "A visit note that, read in its sentence, states no role or contact", o, start=day, detectable=day,
            evidence=[row],
        )  # fmt: skip
        return
    if ctx.rng.random() < 0.5:
        ctx.write(o)
        start = ctx.day(order.end + days(30), ctx.world.as_of - days(30))
        job = ctx.services.job(o.person, _supermarket(ctx), _SUPERMARKET_ROLE, True, start, None)
        ctx.scenario(
            True, "Child-facing job started after the order expired", o, start=start, detectable=start, evidence=[job]
        )
        return
    day, kid, setting, _ = _collection_child(ctx, o, order.start + days(30), order.end - days(30))
    ctx.write(o)
    col = ctx.services.collection(kid, setting, day, o.pid, "family_friend", False, "Collected with the child's mother")
    # a collection by an offender is contact with a child (S2): the setting refers within days, as it should
    source = "early_years" if ctx.world.agencies[setting]["agency_type"] == "nursery" else "school"
    ctx.referral(kid, day + days(ctx.rng.randint(2, 20)), source=source)
    ctx.scenario(
        True,
        "Collection during the order, accompanied by the child's mother",
        o,
        children=[kid.pid],
        start=day,
        detectable=day,
        evidence=[col],
    )
