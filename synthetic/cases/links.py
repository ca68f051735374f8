"""Which children are linked to an offender, shared by several rules (S1, S2, S4, S6, S10, S12).

- "offender-linked child" (S6, S12): a child who, while the offender is under management,
  (a) is recorded living at an address the offender lives at, stays at or frequents (see S1),
  (b) is on a birth record naming the offender as mother or father, or
  (c) is recorded as the offender's `child` in police_associates (from the later of from_date and
      recorded_date to to_date).
- "connected child" (S2, S4, S10): an offender-linked child, or a person under 18 who is recorded as any
  associate of the offender (on recorded_date), named in police intelligence about him (on report_date),
  or the subject child of a MERLIN about him.
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
    """(child, dwelling, from, to, offender's place record, child's residence record): S1's overlaps (`ended`:
    see `clip`)."""
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
