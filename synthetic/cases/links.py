"""Which children are linked to an offender, shared by several rules (S1, S2, S4, S6, S10, S12).

- "offender-linked child" (S6, S12): a child who, while the offender is under management,
  (a) is recorded living at an address the offender lives at, stays at or frequents (see S1),
  (b) is on a birth record naming the offender as mother or father, or
  (c) is recorded as the offender's `child` in police_associates (from the later of from_date and
      recorded_date to to_date).
- "connected child" (S2, S4, S10): an offender-linked child, or a person under 18 who is recorded as any
  associate of the offender (on recorded_date), named in police intelligence about him (on report_date),
  or the subject child of a MERLIN about him. (S2 adds the children he drops off or collects at a setting.)
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from synthetic.cases.rules import Records, overlap, until
from synthetic.world import Row, add_years, days

Span = tuple[date, date, list[Row]]


def clip(
    rec: Records, nominal: str, child: int, start: date, end: date, ended: bool = False
) -> tuple[date, date] | None:
    """Part of [start, end] when the offender is under management and the person is a child; with `ended`,
    from his first notification on, whether or not it has ended since (risk is never zero: S6)."""
    childhood_end = add_years(rec.world.person(child).dob, 18) - days(1)
    if ended:
        first = min((p["start_date"] for p in rec.rows(nominal, "police_notification_periods")), default=None)
        return None if first is None else overlap(start, min(end, childhood_end), first, rec.as_of)
    for period in rec.rows(nominal, "police_notification_periods"):
        span = overlap(start, min(end, childhood_end), period["start_date"], until(period["end_date"], rec.as_of))
        if span is not None:
            return span
    return None


def residence_links(rec: Records, nominal: str, ended: bool = False) -> list[tuple[int, int, date, date, Row, Row]]:
    """(child, dwelling, from, to, offender's place record, child's residence record). Without `ended`: his
    police registrations and 'staying' intelligence against GP registrations, enrolments and birth addresses
    (S2, S4, S10, S12). With `ended` (S6): S1's persistent facts on both sides (`offender_facts`,
    `child_facts`), each overlap from the day it is knowable; see `clip`."""
    if ended:
        return _persistent_links(rec, nominal)
    offender = rec.pid_of[nominal]
    out = []
    for did, start, end, place in rec.places(nominal):
        for child, c_start, c_end, row in rec.residence.get(did, []):
            if child == offender:
                continue
            span = overlap(start, end, c_start, c_end)
            span = clip(rec, nominal, child, *span, ended=ended) if span else None
            if span is not None:
                out.append((child, did, span[0], span[1], place, row))
    return out


def _persistent_links(rec: Records, nominal: str) -> list[tuple[int, int, date, date, Row, Row]]:
    """S6's residence links, read as S1 reads residence: the overlap of one of his facts with one of a
    child's facts at a dwelling, from the latest of its start and the days both facts were recorded."""
    offender = rec.pid_of[nominal]
    mine = offender_facts(rec, nominal)
    dwellings = {f[0] for f in mine}
    out = []
    for child in sorted({pid for did in dwellings for pid in rec.residents(did)} - {offender}):
        if rec.world.person(child).dob > rec.as_of:
            continue
        for c_did, c_from, c_to, c_known, c_row in child_facts(rec, child):
            for did, o_from, o_to, o_known, o_row in mine:
                if did != c_did:
                    continue
                start, end = max(o_from, c_from), min(o_to, c_to)
                known = max(start, o_known, c_known)
                span = clip(rec, nominal, child, known, end, ended=True) if known <= end else None
                if span is not None:
                    out.append((child, did, span[0], span[1], o_row, c_row))
    return out


def linked_children(rec: Records, nominal: str, ended: bool = False) -> dict[int, list[Span]]:
    """Offender-linked children -> link spans with the records that make each link. With `ended` (S6), links
    made after his notification period ended count too (see `clip`); those are not cached."""
    cached = None if ended else rec.linked.get(nominal)
    if cached is not None:
        return cached
    out: dict[int, list[Span]] = defaultdict(list)
    for child, _did, start, end, place, row in residence_links(rec, nominal, ended):
        out[child].append((start, end, [place, row]))
    for birth in rec.births_of(rec.pid_of[nominal]):
        child = birth["_who"]["child"]
        span = clip(rec, nominal, child, rec.world.person(child).dob, rec.as_of, ended)
        if span is not None:
            out[child].append((span[0], span[1], [birth]))
    for assoc in rec.rows(nominal, "police_associates"):
        if assoc["relationship"] != "child":
            continue
        child = assoc["_who"]["associate"]
        start = max(assoc["recorded_date"], assoc["from_date"] or assoc["recorded_date"])
        span = clip(rec, nominal, child, start, until(assoc["to_date"], rec.as_of), ended)
        if span is not None:
            out[child].append((span[0], span[1], [assoc]))
    result = dict(out)
    if not ended:
        rec.linked[nominal] = result
    return result


def connected_children(rec: Records, nominal: str) -> set[int]:
    """Connected children of the offender (see module docstring)."""
    out = set(linked_children(rec, nominal))
    for assoc in rec.rows(nominal, "police_associates"):
        if rec.is_child(assoc["_who"]["associate"], assoc["recorded_date"]):
            out.add(assoc["_who"]["associate"])
    for intel in rec.rows(nominal, "police_intelligence"):
        mentioned = intel["_who"].get("mentioned")
        if mentioned is not None and rec.is_child(mentioned, intel["report_date"]):
            out.add(mentioned)
    for merlin in rec.rows(nominal, "police_merlin"):
        out.add(merlin["_who"]["child"])
    return out


def links_by_child(rec: Records) -> dict[int, list[tuple[str, list[Span]]]]:
    """Child -> (nominal, spans) for every offender-linked child (S12's lookup)."""
    if rec.by_child is None:
        out: dict[int, list[tuple[str, list[Span]]]] = defaultdict(list)
        for nominal in sorted(rec.pid_of):
            for child, spans in linked_children(rec, nominal).items():
                out[child].append((nominal, spans))
        rec.by_child = dict(out)
    return rec.by_child


# --- S1: residence facts that persist (issue 11, classes 3, 4 and 5) ---------------------------------------
# A fact places a person at a dwelling over a span. Spans carry their own dates; a point (a birth address, a
# visit that finds him there, intelligence, an associate's or children's social care's address) holds from
# its date until the day before the next later fact about the same person, else to as_of.
Fact = tuple[int, date, date | None, bool, date, Row]  # dwelling, from, to (None: open), point, known, record

_CHILD_SPANS = (
    ("health_gp_registrations", "patient", "registered_from", "registered_to"),
    ("education_enrolments", "pupil", "start_date", "end_date"),
    ("housing_tenancies", "person", "start_date", "end_date"),
)


def _persist(rec: Records, facts: list[Fact], starts: list[date]) -> list[tuple[int, date, date, date, Row]]:
    """(dwelling, from, to, known, record): points end the day before the next later start in `starts`."""
    out = []
    for did, start, end, point, known, row in facts:
        if point:
            later = [d for d in starts if d > start]
            stop = min(later) - days(1) if later else rec.as_of
        else:
            stop = until(end, rec.as_of)
        out.append((did, start, min(stop, rec.as_of), known, row))
    return out


def offender_facts(rec: Records, nominal: str) -> list[tuple[int, date, date, date, Row]]:
    """Where the offender lives, stays or is found: registrations, his GP registrations and tenancies, stays, visits,
    'staying at address' intelligence, a note saying he stays at his partner's (`note_stays`)."""
    pid = rec.pid_of[nominal]
    facts: list[Fact] = [
        (r["_at"], r["from_date"], r["to_date"], False, r["from_date"], r)
        for r in rec.rows(nominal, "police_addresses")
    ]
    facts += [
        (r["_at"], r["registered_from"], r["registered_to"], False, r["registered_from"], r)
        for r in rec.world.of("health_gp_registrations", pid, "patient")
        if "_at" in r
    ]
    facts += [
        (r["_at"], r["start_date"], r["end_date"], False, r["start_date"], r)
        for r in rec.world.of("housing_tenancies", pid, "person")
    ]
    facts += [
        (r["_at"], r["from_date"] or r["recorded_date"], r["to_date"], False, r["recorded_date"], r)
        for r in rec.rows(nominal, "police_stays")
    ]
    facts += [
        (r["_at"], r["visit_date"], None, True, r["visit_date"], r)
        for r in rec.rows(nominal, "police_visits")
        if "_at" in r
    ]
    facts += [
        (r["_at"], r["report_date"], None, True, r["report_date"], r)
        for r in rec.rows(nominal, "police_intelligence")
        if r["category"] == "staying_at_address" and "_at" in r
    ]
    facts += [(did, r["visit_date"], None, True, r["visit_date"], r) for r, did in note_stays(rec, nominal)]
    facts = [f for f in facts if f[4] <= rec.as_of]
    return _persist(rec, facts, [f[1] for f in facts])


_PARTNER_HOMES = (  # a partner's records that place her at a dwelling: (feed, role, from column, to column)
    ("health_gp_registrations", "patient", "registered_from", "registered_to"),
    ("housing_tenancies", "person", "start_date", "end_date"),
    ("police_associates", "associate", "recorded_date", None),
)


def note_stays(rec: Records, nominal: str) -> list[tuple[Row, int]]:
    """Stays "at his partner's" that only a visit note states (`_stay_note`, the sentence notes/ reads as a
    `stays_at` fact with host 'partner'), each with the dwelling it resolves to, as notes/cypher/resolve_stays
    resolves it: his partner is the latest police_associates partner recorded on or before the visit day d
    whose relationship has not ended before d; her dwelling is the one her records (GP registrations,
    tenancies: spans covering d; associate records: points from recorded_date) place her at on d, the latest
    to start. A note whose partner or dwelling is not found places him nowhere."""
    out = []
    for visit in rec.rows(nominal, "police_visits"):
        d = visit["visit_date"]
        if not visit.get("_stay_note") or d > rec.as_of:
            continue
        partners = [
            a
            for a in rec.rows(nominal, "police_associates")
            if a["relationship"] == "partner" and a["recorded_date"] <= d and until(a["to_date"], d) >= d
        ]
        if not partners:
            continue
        partner = max(partners, key=lambda a: (a["recorded_date"], a["association_id"]))["_who"]["associate"]
        homes = [
            (r[start], r["_at"])
            for feed, role, start, end in _PARTNER_HOMES
            for r in rec.world.of(feed, partner, role)
            if r.get("_at") is not None and r[start] <= d and (end is None or until(r[end], d) >= d)
        ]
        if homes:
            out.append((visit, max(homes)[1]))
    return out


def child_facts(rec: Records, pid: int) -> list[tuple[int, date, date, date, Row]]:
    """Where a person is recorded living or staying: GP registrations, enrolments, tenancies, a setting's second
    address (spans); birth address, children's social care's address, police associates' addresses (points)."""
    world = rec.world
    dob = world.person(pid).dob
    facts: list[Fact] = []
    for feed, role, start_col, end_col in _CHILD_SPANS:
        facts += [
            (r["_at"], r[start_col], r[end_col], False, r[start_col], r)
            for r in world.of(feed, pid, role)
            if "_at" in r
        ]
    facts += [(r["_at"], dob, None, True, dob, r) for r in world.of("health_births", pid, "child") if "_at" in r]
    facts += [
        (r["_at"], r["from_date"] or r["recorded_date"], r["to_date"], False, r["recorded_date"] or r["from_date"], r)
        for r in world.of("education_addresses", pid, "pupil")
        if "_at" in r
    ]
    facts += [
        (r["_at"], r["recorded_date"], None, True, r["recorded_date"], r)
        for r in world.of("police_associates", pid, "associate")
        if "_at" in r
    ]
    starts = [f[1] for f in facts if f[5]["_feed"] != "education_addresses"]
    referred = [
        r["cine_referral_date"] for r in world.of("csc_referrals", pid, "child") if r["cine_referral_date"] <= rec.as_of
    ]
    if referred:
        facts += [
            (r["_at"], min(referred), None, True, min(referred), r)
            for r in world.of("csc_persons", pid, "person")
            if "_at" in r
        ]
    facts = [f for f in facts if f[1] <= rec.as_of and f[4] <= rec.as_of]
    return _persist(rec, facts, starts)


def offender_since(rec: Records, nominal: str) -> date | None:
    """First day he is known as a sexual offender: his first Schedule 3 conviction or notification period."""
    days_ = [
        r["conviction_date"]
        for r in rec.world.rows.get("police_convictions", [])
        if r["nominal_id"] == nominal and r["schedule_3"]
    ]
    days_ += [p["start_date"] for p in rec.rows(nominal, "police_notification_periods")]
    days_ = [d for d in days_ if d <= rec.as_of]
    return min(days_) if days_ else None


def in_force(rec: Records, nominal: str, start: date, end: date) -> bool:
    """A notification period or an order in force on some day of [start, end]."""
    spans = [(p["start_date"], p["end_date"]) for p in rec.rows(nominal, "police_notification_periods")]
    spans += [(o["start_date"], o["end_date"]) for o in rec.rows(nominal, "police_orders")]
    return any(s <= end and (e is None or start <= e) for s, e in spans)


S1Link = tuple[int, int, date, date, bool, Row, Row]  # child, dwelling, start, knowable, managed, place, home


def s1_links(rec: Records, nominal: str) -> list[S1Link]:
    """Overlaps of the offender's facts with a child's facts at one dwelling (S1, see residence.detect_s1)."""
    since = offender_since(rec, nominal)
    if since is None:
        return []
    offender = rec.pid_of[nominal]
    mine = offender_facts(rec, nominal)
    dwellings = {f[0] for f in mine}
    if not dwellings:
        return []
    people = {pid for did in dwellings for pid in rec.residents(did)} - {offender}
    out = []
    for child in sorted(people):
        dob = rec.world.person(child).dob
        if dob > rec.as_of:
            continue
        adult = add_years(dob, 18) - days(1)
        for c_did, c_from, c_to, c_known, c_row in child_facts(rec, child):
            if c_did not in dwellings:
                continue
            for did, o_from, o_to, o_known, o_row in mine:
                if did != c_did or o_to < since:
                    continue
                start, end = max(since, o_from, c_from, dob), min(rec.as_of, o_to, c_to, adult)
                if start > end:
                    continue
                knowable = max(start, o_known, c_known)
                out.append((child, did, start, knowable, in_force(rec, nominal, start, end), o_row, c_row))
    return out
