"""S14: hidden identity. The connection behind another signal exists only through record linkage."""

from __future__ import annotations

from datetime import date

from synthetic.cases.births import birth_to
from synthetic.cases.context import Ctx
from synthetic.cases.residence import family_for
from synthetic.cases.rules import Instance
from synthetic.offenders import RegSpec
from synthetic.world import add_years, days


def detect_s14(found: list[Instance]) -> list[Instance]:
    """S14: the same person (or dwelling) appears in two agencies' records under a name, date-of-birth or
    address variation, and an instance of another signal is visible only through the linked identity.

    One instance per underlying instance whose every chain of evidence records passes through a record
    written with a variation (so exact matching on surname, forenames, date_of_birth, or on address_key,
    cannot join the chain). underlying_signal = that instance's signal; the underlying instance itself is
    also listed under its own signal with requires_linkage = true.
    """
    out = []
    for inst in found:
        if inst.signal != "S14" and inst.requires_linkage:
            out.append(
                Instance(
                    "S14",
                    (inst.signal, *inst.key),
                    inst.start,
                    inst.detectable,
                    offender=inst.offender,
                    children=list(inst.children),
                    people=list(inst.people),
                    dwellings=list(inst.dwellings),
                    agencies=list(inst.agencies),
                    evidence=list(inst.evidence),
                    paths=inst.paths,
                    underlying=inst.signal,
                )
            )
    return out


def plant_s14(ctx: Ctx) -> None:
    """Review 3.17, 5.41-5.43: health records name the father 'Bill' with his day and month swapped, so
    nobody sees he is the registered sex offender; or the police hold Ms R's address as '2/10 High St'
    while the GP and school hold 'Flat 2, 10 High Street'."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    if ctx.rng.random() < 0.5:
        ctx.write(o)
        fam, dob = birth_to(ctx, o)
        for row in [
            *ctx.world.of("health_births", fam.children[0].pid),
            *ctx.world.of("health_maternity_bookings", o.pid, "partner"),
        ]:
            row["_force"] = {"father": "name"} if "birth_id" in row else {"partner": "name"}
        ctx.scenario(
            False,
            "Father on the birth record is the offender under a variant name/date of birth",
            o,
            children=[fam.children[0].pid],
            people=[("mother", fam.mother.pid)],
            start=dob,
        )
        return
    day = ctx.day(o.start + days(60), ctx.world.as_of - days(400))
    fam = family_for(ctx, day)
    o.regs.append(RegSpec(fam.did, "staying", day, None, day + days(1)))
    ctx.write(o)
    for row in ctx.world.of("police_addresses", o.pid):
        if row["_at"] == fam.did:
            row["_force"] = {"address": "line1"}
    ctx.scenario(
        False,
        "Police hold the family's address in another format; only address linkage shows the "
        "children live where the offender stays",
        o,
        children=[k.pid for k in fam.children],
        dwellings=[fam.did],
        start=day,
    )


def decoy_s14(ctx: Ctx) -> None:
    """A namesake: same forenames and surname as an offender, another date of birth and address; the
    birth record naming him must not be linked to the offender."""
    o = ctx.offender(date(2013, 1, 1), date(2019, 6, 30))
    ctx.write(o)
    shift = -ctx.rng.randint(3, 9)  # an older namesake, adult when the child is born
    namesake = ctx.population.person(
        "M",
        add_years(o.person.dob, shift) + days(ctx.rng.randint(1, 200)),
        surname=o.person.surname,
        forenames=o.person.forenames,
    )
    namesake.protected = True
    ctx.population.place([namesake], max(namesake.adult_from(), date(2008, 1, 1)), move=False)
    ctx.services.person(namesake)
    fam, dob = birth_to(ctx, o, father=namesake)
    kid = fam.children[0]
    birth = ctx.world.of("health_births", kid.pid)[0]
    ctx.scenario(
        True,
        "Birth record names a namesake of an offender (different date of birth and address)",
        o,
        children=[kid.pid],
        people=[("namesake", namesake.pid)],
        start=dob,
        detectable=dob,
        evidence=[birth],
    )
