"""Police and probation records of one offender, written from its facts (`offenders.Offender`).

Defaults are compliant practice: ARMS at least yearly and within REASSESS_DAYS of every change the police
know of, annual notifications on time, travel notified in advance, partners told, visits on schedule.
"""

from __future__ import annotations

from datetime import date

from synthetic.cases.rules import CHANGE_NOTIFY_DAYS, REASSESS_DAYS
from synthetic.offenders import CONDITION_TEXT, OFFENCES, SENTENCES, Offender
from synthetic.probation import write_probation
from synthetic.services import Services
from synthetic.world import Row, World, add_years, days

_VISIT_MONTHS = {"very high": 3, "high": 3, "medium": 6, "low": 12}
_VISIT_NOTES = (
    "Home visit; address confirmed, no changes reported",
    "Visit completed; discussed employment",
    "Seen at home; devices checked",
    "Home visit; no concerns identified",
    "Lives alone; no visitors present",
)


def write_offender(world: World, services: Services, o: Offender) -> None:
    """Every police/probation record of the offender, in one pass."""
    who = {"offender": o.pid}
    world.add(
        "police_nominals",
        {
            "nominal_id": o.nominal_id,
            "sex": o.person.sex,
            "mappa_category": "1",
            "mappa_level": o.level,
            "risk_level": o.risk,
            "managing_team_id": o.team,
            "offender_manager_id": o.manager,
        },
        who,
    )
    _convictions(world, o)
    world.add(
        "police_notification_periods",
        {"period_id": world.new_id("NPD"), "nominal_id": o.nominal_id, "start_date": o.start, "end_date": o.period_end},
        who,
    )
    for order in o.orders:
        row = world.add(
            "police_orders",
            {
                "order_id": world.new_id("ORD"),
                "nominal_id": o.nominal_id,
                "order_type": order.kind,
                "start_date": order.start,
                "end_date": order.end,
                "court": _court(world, crown=True),
            },
            who,
        )
        for code in order.conditions:
            world.add(
                "police_order_conditions",
                {
                    "condition_id": world.new_id("CND"),
                    "order_id": row["order_id"],
                    "condition_code": code,
                    "condition_text": CONDITION_TEXT[code],
                },
            )
    for reg in o.regs:
        world.add(
            "police_addresses",
            {
                "registration_id": world.new_id("PAR"),
                "nominal_id": o.nominal_id,
                "address_type": reg.kind,
                "from_date": reg.start,
                "to_date": reg.end,
                "notified_date": reg.notified,
            },
            who,
            reg.did,
        )
    _associates(world, o)
    _notifications(world, o)
    _assessments(world, o)
    _visits(world, o)
    _clean_employment(world, o)
    if o.probation:
        write_probation(world, o)


def _court(world: World, crown: bool = False) -> str:
    return f"{world.agencies['CSC']['area']} {'Crown' if crown else 'Magistrates'}' Court"


def _convictions(world: World, o: Offender) -> None:
    """The Schedule 3 conviction (sometimes two counts), and any later conviction for a notification breach."""
    rng = world.rng
    offences = list(OFFENCES[o.category])
    rng.shuffle(offences)
    counts = 2 if rng.random() < 0.15 and len(offences) > 1 else 1
    for offence in offences[:counts]:
        conviction(world, o, offence, o.category, True, o.conviction, rng.choice(SENTENCES))
    for breach in o.breach_convictions:
        if breach <= world.as_of:
            conviction(
                world, o, "Fail to comply with notification requirements", "other", False, breach, "Fine and costs"
            )


def conviction(
    world: World, o: Offender, offence: str, category: str, schedule_3: bool, day: date, sentence: str
) -> Row:
    return world.add(
        "police_convictions",
        {
            "conviction_id": world.new_id("CON"),
            "nominal_id": o.nominal_id,
            "offence": offence,
            "offence_category": category,
            "schedule_3": schedule_3,
            "conviction_date": day,
            "court": _court(world, crown=schedule_3 and world.rng.random() < 0.4),
            "sentence": sentence,
        },
        {"offender": o.pid},
    )


def _associates(world: World, o: Offender) -> None:
    for a in o.associates:
        person = world.person(a.pid)
        row = world.add(
            "police_associates",
            {
                "association_id": world.new_id("ASC"),
                "nominal_id": o.nominal_id,
                "relationship": a.relationship,
                "sex": person.sex,
                "from_date": a.start,
                "to_date": a.end,
                "recorded_date": a.recorded,
            },
            {"offender": o.pid, "associate": a.pid},
            person.dwelling_on(a.recorded),
        )
        if not a.dob_known:
            row["_nodob"] = {"associate"}
        if a.forced:
            row["_force"] = dict(a.forced)
        if a.told is not None:
            disclose(world, o, a.told, "partner" if a.relationship == "partner" else "relative", person=a.pid)
    for agency, day, content in o.agency_disclosures:
        disclose(
            world,
            o,
            day,
            "setting"
            if world.agencies[agency]["agency_type"] in {"nursery", "school", "childrens_centre"}
            else "agency",
            agency=agency,
            content=content,
        )


def disclose(
    world: World,
    o: Offender,
    day: date,
    kind: str,
    person: int | None = None,
    agency: str | None = None,
    content: str = "conviction_and_conditions",
) -> Row:
    who = {"offender": o.pid} | ({"recipient": person} if person is not None else {})
    return world.add(
        "disclosures",
        {
            "disclosure_id": world.new_id("DSC"),
            "nominal_id": o.nominal_id,
            "disclosure_date": day,
            "disclosed_by_agency_id": o.team,
            "recipient_type": kind,
            "recipient_agency_id": agency,
            "content": content,
        },
        who,
    )


def _notification(world: World, o: Offender, kind: str, due: date, done: date | None, details: str) -> Row:
    outcome = "missed" if done is None else ("complied" if done <= due else "late")
    return world.add(
        "police_notifications",
        {
            "notification_id": world.new_id("NTF"),
            "nominal_id": o.nominal_id,
            "notification_type": kind,
            "due_date": due,
            "notification_date": done,
            "outcome": outcome,
            "details": details,
        },
        {"offender": o.pid},
    )


def _notifications(world: World, o: Offender) -> None:
    rng = world.rng
    end = min(o.period_end or world.as_of, world.as_of)
    _notification(
        world,
        o,
        "initial",
        o.start + days(CHANGE_NOTIFY_DAYS),
        o.start + days(rng.randint(0, 3)),
        "Initial notification: name, home address, date of birth, national insurance number",
    )
    year = 1
    while add_years(o.start, year) <= end:
        due = add_years(o.start, year)
        done = None if year in o.missed_annual else due - days(rng.randint(0, 14))
        _notification(world, o, "annual", due, done, "Annual re-notification")
        year += 1
    for reg in o.regs[1:]:
        if reg.notified is not None and reg.start > o.start:
            _notification(
                world,
                o,
                "change_of_address",
                reg.start + days(CHANGE_NOTIFY_DAYS),
                reg.notified,
                f"Notified {reg.kind} address",
            )
    _travel_notifications(world, o)


def _travel_notifications(world: World, o: Offender) -> None:
    """Each trip during the period notified 7-30 days ahead; each passport issued in it within 3 days."""
    rng, p = world.rng, o.person
    passports: dict[str, date] = {}
    for trip in world.of("travel", p.pid):
        departure = trip["departure_date"]
        if trip["passport_issued_date"] is not None:
            passports[trip["passport_number"]] = trip["passport_issued_date"]
        if not o.managed(departure) or trip["travel_id"] in o.unnotified_travel:
            continue
        told = max(departure - days(rng.randint(7, 30)), o.start)
        _notification(world, o, "travel", departure, told, f"Travel to {trip['destination']}")
    for number, issued in sorted(passports.items()):
        if issued > o.start and o.managed(issued) and not (o.passport_unnotified and number == p.passport):
            _notification(
                world,
                o,
                "passport",
                issued + days(CHANGE_NOTIFY_DAYS),
                issued + days(rng.randint(0, 2)),
                "New passport notified",
            )


def change_dates(o: Offender) -> list[date]:
    """Changes the police know of that call for a reassessment (later addresses, partners, children)."""
    first = min((r.start for r in o.regs), default=o.start)
    out = [r.start for r in o.regs if r.start > first]
    out += [a.recorded for a in o.associates if a.relationship in {"partner", "child"}]
    out += o.known_changes
    return sorted(d for d in out if d not in o.skip_reassess)


def arms_dates(world: World, o: Offender) -> list[date]:
    """Assessment days: yearly, and within REASSESS_DAYS of each change, until the period ends."""
    rng = world.rng
    end = min(o.period_end or world.as_of, world.as_of, o.arms_stop or world.as_of)
    if o.arms_fixed is not None:
        return sorted({d for d in [*o.arms_fixed, *o.arms_notes] if d <= end})
    triggers = change_dates(o)
    out: list[date] = []
    day = o.start + days(rng.randint(7, 21))
    while day <= end:
        out.append(day)
        following = day + days(rng.randint(300, 360))
        for change in triggers:
            if day < change <= following and change + days(REASSESS_DAYS) < following:
                following = change + days(rng.randint(14, 60))
                break
        day = following
    return sorted(set(out) | {d for d in o.arms_notes if d <= end})


def _assessments(world: World, o: Offender) -> None:
    for i, day in enumerate(arms_dates(world, o)):
        world.add(
            "police_risk_assessments",
            {
                "assessment_id": world.new_id("ARM"),
                "nominal_id": o.nominal_id,
                "assessment_date": day,
                "tool": "RM2000" if i == 0 else "ARMS",
                "risk_level": o.risk,
                "next_due_date": add_years(day, 1),
                "assessor_id": o.manager,
                "summary": o.arms_notes.get(day, f"Risk {o.risk}; protective factors reviewed; no new concerns"),
            },
            {"offender": o.pid},
        )


def _visits(world: World, o: Offender) -> None:
    rng = world.rng
    step = _VISIT_MONTHS[o.risk] * 30
    end = min(o.period_end or world.as_of, world.as_of)
    day = o.start + days(rng.randint(20, 60))
    while day <= end:
        did = o.main_on(day)
        quiet = o.quiet_visits_after is not None and day >= o.quiet_visits_after
        engagement = "partial" if quiet or rng.random() < 0.15 else "engaging well"
        visit(world, o, day, did, engagement, False, rng.choice(_VISIT_NOTES))
        day += days(step + rng.randint(-15, 15))
    for spec in o.extra_visits:
        visit(world, o, **spec)


def visit(
    world: World,
    o: Offender,
    day: date,
    did: int | None,
    engagement: str,
    children: bool,
    summary: str,
    kind: str = "home_visit",
    note: str | None = None,
    stay_note: bool = False,
) -> Row:
    """A police visit; `note` is the fact its summary states (rules.NOTE_BREACHES), kept for the ground truth
    as `_note`, and `stay_note` that it says he stays at his partner's (`_stay_note`, links.note_stays); neither
    is written: the loaded record has only the sentence."""
    row = world.add(
        "police_visits",
        {
            "visit_id": world.new_id("VIS"),
            "nominal_id": o.nominal_id,
            "visit_date": day,
            "visit_type": kind if did is not None else "station_attendance",
            "officer_id": o.manager,
            "engagement": engagement,
            "children_present": children,
            "summary": summary,
        },
        {"offender": o.pid},
        did,
    )
    if note is not None:
        row["_note"] = note
    if stay_note:
        row["_stay_note"] = True
    return row


def _clean_employment(world: World, o: Offender) -> None:
    """An offender's ordinary jobs bring no contact with children (planted jobs are added afterwards)."""
    for row in world.of("employment", o.pid):
        if row["contact_with_children"]:
            row["job_title"], row["contact_with_children"] = "Warehouse operative", False
