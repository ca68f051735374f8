"""Line of sight: the agencies working with a child now against what each holds about the offenders linked
to the child, with the date each became aware and the gaps (S6) marked. Review 3.12, 3.24, 5.41-5.43, Rec 4.

Only current involvement counts: an open GP registration or enrolment, or a contact, collection, referral or
birth within RECENT_DAYS; an agency the child has left is listed apart, with the day it ended. Each
offender's link shows the day it began and the days since. The count of agencies not holding the offender's
status is the S6 flag's count for the same child, naming the same agencies the worklist names (a disclosure to
the agency, or a closure summary about the child sent to it, tells it); the matrix's other gaps are said
apart (`gap_lines`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

import wording
from explorer import statements as cypher
from explorer.badges import AGENCY_FAMILY
from graph.db import Graph
from queries.flags import Flag

GAP = "✗ not held"
GRACE_DAYS = 30  # an agency should hold the offender's status within 30 days of starting work with the child
RECENT_DAYS = 365  # a contact, collection, referral or birth within a year counts as working with the child
WITH_CONDITIONS = {"order_conditions", "conviction_and_conditions"}


@dataclass
class Sight:
    agencies: list[dict[str, Any]] = field(default_factory=list)
    offenders: list[dict[str, Any]] = field(default_factory=list)
    knowledge: list[dict[str, Any]] = field(default_factory=list)

    @property
    def current(self) -> list[dict[str, Any]]:
        """The agencies working with the child on the as-of date (a row without `current` counts)."""
        return [a for a in self.agencies if a.get("current", True)]

    @property
    def former(self) -> list[dict[str, Any]]:
        """Agencies the child has left: listed apart, never counted."""
        return [a for a in self.agencies if not a.get("current", True)]


def fetch(graph: Graph, records: list[str], as_of: dt.date) -> Sight:
    """Agencies, linked offenders and what the agencies hold, for one child's records."""
    agencies = [
        a | {"how": sorted(a["how"])}
        for a in cypher.read(graph, "explore/sight_agencies", records=records, as_of=as_of, recent_days=RECENT_DAYS)
    ]
    offenders = cypher.read(graph, "explore/sight_offenders", records=records, as_of=as_of)
    nominals = [n for o in offenders for n in o["nominals"]]
    knowledge = (
        cypher.read(
            graph,
            "explore/sight_knowledge",
            agencies=sorted(a["key"] for a in agencies),
            nominals=nominals,
            records=records,
            as_of=as_of,
        )
        if agencies
        else []
    )
    return Sight(agencies, offenders, knowledge)


def _first(items: list[dict[str, Any]]) -> str:
    if not items:
        return ""
    first = min(items, key=lambda k: k["date"])
    return f"{wording.date(first['date'])} ({first['what']})"


def _late(aware: list[dict[str, Any]], since: dt.date) -> bool:
    return bool(aware) and min(k["date"] for k in aware) > since + dt.timedelta(days=GRACE_DAYS)


def matrix(sight: Sight) -> pd.DataFrame:
    """One row per agency working with the child now; per offender, the date the agency first held his status
    (or the gap)."""
    rows = []
    live = any(any(o["conditions"]) for o in sight.offenders)  # some linked offender has an order with conditions
    for a in sight.current:
        held = [k for k in sight.knowledge if k["agency"] == a["key"]]
        told = [k for k in held if k["what"] in {"disclosure", "closure summary"}]
        row = {
            "agency": wording.agency(a["name"] or a["agency_type"]),
            "type": wording.agency(a["agency_type"] or ""),
            "family": AGENCY_FAMILY.get(a["agency_type"] or "", ""),
            "working with the child since": wording.date(a["since"], ""),
            "until": wording.date(a.get("until"), "") or "open",
            "how": ", ".join(a["how"]),
        }
        for o in sight.offenders:
            about = [k for k in told if k["nominal"] in o["nominals"] or k["nominal"] is None]
            cell = _first(about) or GAP
            if about and _late(about, a["since"]):
                cell += " — late"
            row[f"offender status: {wording.tidy_name(o['name'])}"] = cell
        conditions = [k for k in told if k["content"] in WITH_CONDITIONS]
        row["order conditions"] = _first(conditions) or (GAP if live else "no live order")
        row["disclosures"] = "; ".join(
            f"{wording.date(k['date'])} {wording.code(k['content'])}" for k in held if k["what"] == "disclosure"
        )
        row["referrals"] = "; ".join(
            f"{wording.date(k['date'])} {k['what']}" for k in held if k["what"] in {"referral made", "MERLIN received"}
        )
        rows.append(row)
    return pd.DataFrame(rows)


def links(sight: Sight, as_of: dt.date) -> pd.DataFrame:
    """One row per linked offender: how he is linked, the day the link began and the days since."""
    return pd.DataFrame(
        [
            {
                "offender": wording.tidy_name(o["name"]),
                "linked by": ", ".join(o["how"]),
                "link began": wording.date(o.get("since"), "not recorded"),
                "days since": (as_of - o["since"]).days if isinstance(o.get("since"), dt.date) else None,
                "MAPPA": f"category {o['mappa_category'] or '?'}, level {o['mappa_level'] or '?'}",
            }
            for o in sight.offenders
        ]
    )


def condition(text: str) -> str:
    """'SHPO: no unsupervised contact with under-16s' from 'SHPO: NO_UNSUPERVISED_CONTACT_U16'."""
    order, _, code = text.partition(": ")
    return f"{wording.code(order) if order.islower() else order}: {wording.condition(code)}" if code else text


def former(sight: Sight) -> str:
    """Agencies the child has left, with the day each ended ("Elm Nursery (until 31 July 2014)")."""
    return "; ".join(
        f"{wording.agency(a['name'] or a['agency_type'])} (until {wording.date(a.get('until'))})" for a in sight.former
    )


def gaps(frame: pd.DataFrame) -> int:
    """Agencies lacking the status of at least one linked offender: the S6 gaps."""
    status = [c for c in frame.columns if c.startswith("offender status")]
    if frame.empty or not status:
        return 0
    return int(frame[status].apply(lambda r: any(str(v).startswith(GAP) for v in r), axis=1).sum())


def s6_unaware(flags: list[Flag]) -> dict[str, str]:
    """The agencies the S6 flags for a child count as not told (key -> name), as the worklist shows them."""
    return {
        a.key: wording.agency(a.name or a.key)
        for f in flags
        if f.signal == "S6"
        for a in f.agencies
        if a.status.startswith("not told")
    }


def gap_lines(frame: pd.DataFrame, flagged: dict[str, str], child: str) -> list[str]:
    """What the page says about gaps. With an S6 flag its count is the flag's, the same agencies the worklist
    names (S6 also counts an agency that worked with the child in the link span and has since stopped); the
    matrix's other gaps (a birth hospital, a setting that records collections, an offender S6 does not
    follow) are said apart."""
    lines = []
    if flagged:
        names = ", ".join(sorted(flagged.values()))
        count = len(flagged)
        who = (
            f"{count} agency working with {child} holds"
            if count == 1
            else f"{count} agencies working with {child} hold"
        )
        lines.append(f"{who} no record of the offender's status (S6): {names}.")
    status = [c for c in frame.columns if c.startswith("offender status")]
    others = (
        sorted(
            str(a)
            for a, cells in zip(frame["agency"], frame[status].itertuples(index=False), strict=True)
            if any(str(v).startswith(GAP) for v in cells) and a not in set(flagged.values())
        )
        if status and not frame.empty
        else []
    )
    if others:
        lines.append(f"Also holding no record of a linked offender's status: {', '.join(others)}.")
    return lines


def styled(frame: pd.DataFrame) -> Any:
    """Gaps in red, late awareness in amber: the picture the review asks every partnership to see."""

    def colour(value: Any) -> str:
        text = str(value)
        if text.startswith(GAP):
            return "background-color: #f8d7da; color: #842029; font-weight: bold"
        if text.endswith("late"):
            return "background-color: #fff3cd"
        return ""

    return frame.style.map(colour)
