"""Probation (nDelius) records of an offender on a community sentence: the case and its contacts.

Contacts record engagement, any reported contact with children and any new relationship; a new partner
recorded by police while under supervision is also reported here, on the same day (one change, S7).
"""

from __future__ import annotations

from datetime import date

from synthetic.offenders import Offender
from synthetic.world import Row, World, days


def write_probation(world: World, o: Offender) -> None:
    rng = world.rng
    p = o.person
    did = p.dwelling_on(o.start)
    unit = world.agency_for("probation", world.dwelling(did).area if did is not None else 0)
    officer = world.practitioner(unit)
    end = o.start + days(rng.randint(365, 1000))
    crn = world.new_id(rng.choice("ABCDEFGHX"), 6)
    world.add(
        "probation_cases",
        {
            "crn": crn,
            "sex": p.sex,
            "agency_id": unit,
            "practitioner_id": officer,
            "start_date": o.start,
            "end_date": end if end <= world.as_of else None,
        },
        {"person": p.pid},
        did,
    )
    partners = {a.recorded for a in o.associates if a.relationship == "partner" and (a.start or a.recorded) >= o.start}
    day = o.start + days(rng.randint(3, 10))
    while day <= min(end, world.as_of):
        kind = rng.choice(("supervision", "supervision", "programme", "unpaid_work", "phone"))
        _probation_contact(
            world,
            o,
            crn,
            officer,
            day,
            kind,
            "engaging well" if rng.random() < 0.85 else "partial",
            False,
            False,
            "Attended as instructed",
        )
        day += days(rng.randint(14, 28))
    for d in sorted(partners):
        if o.start <= d <= min(end, world.as_of):
            _probation_contact(
                world,
                o,
                crn,
                officer,
                d,
                "supervision",
                "engaging well",
                False,
                True,
                "Reports a new relationship; advised to tell his partner about his conviction",
            )
    for note in o.probation_notes:
        _probation_contact(world, o, crn, officer, **note)


def _probation_contact(
    world: World,
    o: Offender,
    crn: str,
    officer: str | None,
    day: date,
    kind: str,
    engagement: str,
    children: bool,
    partner: bool,
    summary: str,
) -> Row:
    return world.add(
        "probation_contacts",
        {
            "contact_id": world.new_id("PRC"),
            "crn": crn,
            "contact_date": day,
            "contact_type": kind,
            "practitioner_id": officer,
            "engagement": engagement,
            "children_contact_reported": children,
            "new_partner_reported": partner,
            "summary": summary,
        },
        {"person": o.pid},
    )
