"""The profile header's facts (issue 13, item 8): age, where the person lives now and since when, who lives
there too, and for an offender the offence, notification period, orders and conditions, MAPPA category and
level, risk level and offender manager. Read once per person and date; written in words (wording/)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from explorer import statements as cypher
from graph.db import Graph
from wording import address, age, condition, date, offence, period, person_name, record, yes_no


@dataclass(frozen=True)
class Facts:
    """What the graph says of one person on a date (every list newest or most relevant first)."""

    addresses: list[dict[str, Any]] = field(default_factory=list)
    household: list[dict[str, Any]] = field(default_factory=list)
    convictions: list[dict[str, Any]] = field(default_factory=list)
    periods: list[dict[str, Any]] = field(default_factory=list)
    orders: list[dict[str, Any]] = field(default_factory=list)
    nominals: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)
    managers: list[dict[str, Any]] = field(default_factory=list)
    teams: list[str] = field(default_factory=list)

    @property
    def offender(self) -> bool:
        return bool(self.convictions or self.periods or self.nominals)


def fetch(graph: Graph, records: list[str], as_of: dt.date) -> Facts:
    rows = cypher.read(graph, "profile/header", records=records, as_of=as_of)
    return Facts(**rows[0]) if rows else Facts()


def lines(facts: Facts, dob: Any, as_of: dt.date) -> list[tuple[str, str]]:
    """(label, text) pairs for the header, in the order an analyst asks them."""
    out = [("Age", _age(dob, as_of)), ("Lives at", lives_at(facts))]
    if facts.household:
        out.append(("Household", household(facts, as_of)))
    if facts.offender:
        out += offender_lines(facts, as_of)
    return out


def _age(dob: Any, as_of: dt.date) -> str:
    return f"{age(dob, as_of)} (born {date(dob)})" if dob else "not recorded (no date of birth)"


def lives_at(facts: Facts) -> str:
    """The latest address with since when, as which record gives it; the one before it too."""
    if not facts.addresses:
        return "no address recorded"
    now = facts.addresses[0]
    text = f"{address(now['line1'], now['postcode'] or '')}, {_since(now)} ({record(now['source'])})"
    before = next((a for a in facts.addresses[1:] if a["key"] != now["key"]), None)
    if before:
        text += f"; before that {address(before['line1'], before['postcode'] or '')}, {_since(before)}"
    return text


def _since(item: dict[str, Any]) -> str:
    return period(item.get("from"), item.get("to")) or "dates not recorded"


def household(facts: Facts, as_of: dt.date) -> str:
    """Everyone else recorded at the current address on the date, once each, with age (offenders marked)."""
    seen: dict[str, str] = {}
    for p in facts.household:
        mark = ", offender" if p.get("offender") else ""
        name = person_name(p.get("forenames"), p.get("surname"))
        seen.setdefault(p["key"], f"{name} ({age(p.get('dob'), as_of)}{mark})")
    return "; ".join(seen.values())


def offender_lines(facts: Facts, as_of: dt.date) -> list[tuple[str, str]]:
    out = []
    if facts.convictions:
        out.append(("Offence", "; ".join(_conviction(c) for c in facts.convictions)))
    if facts.periods:
        out.append(("Notification", "; ".join(period(p["from"], p["to"], as_of) for p in facts.periods)))
    out.append(("Orders and conditions", "; ".join(_order(o, as_of) for o in facts.orders) or "none recorded"))
    nominal = facts.nominals[0] if facts.nominals else {}
    out.append(
        (
            "MAPPA",
            f"category {nominal.get('mappa_category') or 'not recorded'}, "
            f"level {nominal.get('mappa_level') or 'not recorded'}",
        )
    )
    out.append(("Risk level", _risk(nominal, facts.assessments)))
    out.append(("Offender manager", _manager(facts)))
    return out


def _conviction(c: dict[str, Any]) -> str:
    text = f"{c.get('offence') or offence(c.get('category'))} ({offence(c.get('category'))}), {date(c.get('date'))}"
    return text + f"; Schedule 3: {yes_no(c.get('schedule_3'))}" if c.get("schedule_3") is not None else text


def _order(o: dict[str, Any], as_of: dt.date) -> str:
    conditions = ", ".join(c.get("text") or condition(c.get("code")) for c in o.get("conditions") or ())
    return f"{o.get('type') or 'order'} {period(o.get('from'), o.get('to'), as_of)}" + (
        f": {conditions}" if conditions else ""
    )


def _risk(nominal: dict[str, Any], assessments: list[dict[str, Any]]) -> str:
    level = nominal.get("risk_level") or "not recorded"
    if not assessments:
        return f"{level} (no risk assessment recorded)"
    last = assessments[0]
    due = f", next due {date(last['next_due'])}" if last.get("next_due") else ""
    return f"{level} (last assessment {date(last['date'])}: {last.get('risk_level') or 'level not recorded'}{due})"


def _manager(facts: Facts) -> str:
    people = [
        person_name(m.get("forenames"), m.get("surname")) + (f", {m['agency']}" if m.get("agency") else "")
        for m in facts.managers
    ]
    return "; ".join(people) or ", ".join(facts.teams) or "none recorded"
