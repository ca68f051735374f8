"""One merged multi-agency chronology for a person or household: table, plotly timeline and CSV.

Each line is told in words, naming the people and agencies the record links to ("Birth of Amy Reed at
Homerton Hospital; mother Jo Reed; father Karl Smith"), because a strategy discussion reads the chronology
aloud; a record's own free text follows. Address and relationship changes and the day each flag fired are
lines of their own, so the timeline shows what changed around the child and when the checks saw it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd
import plotly.graph_objects as go

import wording
from explorer import statements as cypher
from explorer.badges import AGENCY_LABELS, COLOURS
from exports import marked_csv
from graph.db import Graph
from queries.flags import Flag

COLUMNS = ["date", "agency", "system", "kind", "summary", "who", "record"]
FLAGS = "Sightline flags"  # the timeline row of the day each flag fired
FLAG_COLOUR = "#b2182b"
KINDS = {  # a record kind (or its finer kind) as a sentence starts it
    "home_visit": "Home visit",
    "station_attendance": "Station attendance",
    "interview": "Interview",
    "risk_assessment": "Risk assessment",
    "merlin": "MERLIN",
    "probation_contact": "Probation contact",
    "health_contact": "Health contact",
    "health_visit": "Health visit",
    "midwife_visit": "Midwife visit",
    "gp_appointment": "GP appointment",
    "hospital_admission": "Hospital admission",
    "nicu_visit": "NICU visit",
    "paediatric_appointment": "Paediatric appointment",
    "strategy_discussion": "Strategy discussion",
    "maternity_booking": "Maternity booking",
    "collection": "Child collected",
    "travel": "Travel",
    "unpaid_work": "Unpaid work",
    "agency_check": "Agency check",
}
SUBTYPES = ("visit_type", "contact_type", "notification_type")
PEOPLE = {  # how a record names the person at the end of each link, by link (and direction: True = outgoing)
    ("ABOUT", True): "about",
    ("BIRTH_OF", True): "of",
    ("CONCERNS_CHILD", True): "concerning",
    ("MENTIONS", True): "naming",
    ("OF_CHILD", True): "of",
    ("BY_ADULT", True): "by",
    ("HAD_CONTACT", False): "with",
    ("DISCLOSED_TO", True): "told",
    ("RECORDED_BY", True): "recorded by",
    ("VISITED_IN", False): "of",
    ("CONVICTED_OF", False): "of",
    ("ASSESSED_IN", False): "of",
    ("MADE_NOTIFICATION", False): "by",
    ("TRAVELLED", False): "by",
    ("BOOKED", False): "by",
    ("EMPLOYED_IN", False): "of",
    ("mother", True): "mother",
    ("father", True): "father",
}
AGENCIES = {"AT": "at", "WITH_AGENCY": "by", "REFERRED_BY": "referred by", "SENT_TO": "sent to"}
DETAILS: dict[str, list[tuple[str, str]]] = {  # the fields a record without free text is told by
    "conviction": [("offence", "{}"), ("sentence", "sentenced to {}"), ("court", "at {}")],
    "notification": [("outcome", "outcome: {}"), ("due_date", "due {}")],
    "risk_assessment": [("tool", "{}"), ("risk_level", "risk {}"), ("next_due_date", "next due {}")],
    "visit": [("engagement", "engagement {}"), ("children_present", "children present: {}")],
    "probation_contact": [("engagement", "engagement {}"), ("new_partner_reported", "new partner reported: {}")],
    "merlin": [("outcome", "outcome: {}"), ("sent_date", "sent {}")],
    "disclosure": [("content", "disclosed: {}"), ("recipient_type", "to the {}")],
    "referral": [("cine_referral_nfa", "no further action: {}"), ("cine_close_reason", "closed: {}")],
    "assessment": [("cina_assessment_outcome_nfa", "no further action: {}")],
    "strategy_discussion": [("s47e_s47_outcome", "section 47 outcome: {}")],
    "closure": [("closure_reason", "closed: {}"), ("summary_includes_conditions", "names order conditions: {}")],
    "birth": [("nicu_admission", "admitted to NICU: {}")],
    "collection": [("adult_relationship", "by the {}"), ("unaccompanied", "unaccompanied: {}")],
    "employment": [
        ("job_title", "as {}"),
        ("end_date", "until {}"),
        ("contact_with_children", "works with children: {}"),
    ],
    "travel": [("destination", "to {}"), ("return_date", "returning {}")],
}
CHANGES = {
    ("address", "from"): "{who}: {link} {other}",
    ("address", "to"): "{who}: no longer {link} {other}",
}
ADDRESS_LINKS = {"LIVES_AT": "living at", "REGISTERED_AT": "registered at", "STAYS_AT": "staying at"}


def household(graph: Graph, identity: str) -> list[dict[str, Any]]:
    """Identities at the person's addresses and in their direct family, each with its record keys."""
    return cypher.read(graph, "explore/household", key=identity)


def events(graph: Graph, records: list[str], addresses: list[str], as_of: dt.date) -> pd.DataFrame:
    """Dated records about these person records or at these addresses, with the address and relationship
    changes of the records, oldest first."""
    rows = cypher.read(graph, "explore/chronology", records=records, addresses=addresses, as_of=as_of)
    lines = [
        {
            "date": r["date"],
            "agency": AGENCY_LABELS.get(r["agency"] or "", r["agency"] or ""),
            "system": r["system"] or "",
            "kind": (r["kind"] or "").replace("_", " "),
            "summary": summarise(r["kind"] or "", r["props"], r["people"], r["agencies"], r["summary"]),
            "who": ", ".join(sorted({wording.tidy_name(w) for w in r["who"]})),
            "record": wording.record(r["source"], r["source_id"]),
        }
        for r in rows
    ]
    changes = cypher.read(graph, "explore/chronology_changes", records=records, as_of=as_of) if records else []
    lines += [change_line(c) for c in changes]
    frame = pd.DataFrame(lines, columns=COLUMNS)
    return frame.sort_values(["date", "record"], kind="stable").reset_index(drop=True)


def what(kind: str, props: dict[str, Any]) -> str:
    """The record's kind as a sentence starts it: its finer kind where it has one ("Home visit")."""
    for field in SUBTYPES:
        sub = props.get(field)
        if sub:
            if field == "notification_type":
                return f"{str(sub).replace('_', ' ').capitalize()} notification"
            return KINDS.get(str(sub), str(sub).replace("_", " ").capitalize())
    return KINDS.get(kind, kind.replace("_", " ").capitalize() or "Record")


def _named_agencies(agencies: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [a for a in agencies if a.get("name")]


def summarise(
    kind: str,
    props: dict[str, Any],
    people: Iterable[dict[str, Any]],
    agencies: Iterable[dict[str, Any]],
    text: str | None = None,
) -> str:
    """'Birth of Amy Reed at Homerton Hospital; mother Jo Reed; father Karl Smith': the kind, the people and
    agencies it names by their link, its own fields in words, then its free text."""
    named: dict[str, list[str]] = {}
    for p in people:
        role = PEOPLE.get((p["link"], bool(p["out"])))
        if role and p.get("name"):
            named.setdefault(role, [])
            if p["name"] not in named[role]:
                named[role].append(p["name"])
    head = what(kind, props)
    people = [p | {"name": wording.tidy_name(p.get("name"))} for p in people]
    for role in ("of", "about", "concerning", "with", "naming", "by"):
        if role in named:
            head += f" {role} {' and '.join(named.pop(role))}"
    places = [
        f"{AGENCIES[a['link']]} {wording.agency(a['name'])}"
        for a in agencies
        if a["link"] in AGENCIES and a.get("name")
    ]
    parts = [" ".join([head, *sorted(set(places))])]
    parts += [f"{role} {' and '.join(names)}" for role, names in named.items()]
    parts += details(kind, props)
    sentence = "; ".join(parts) + "."
    return f"{sentence} {' '.join(text.split())}" if text and text.strip() else sentence


def details(kind: str, props: dict[str, Any]) -> list[str]:
    """The record's own fields in words ("sentenced to 3 years"), yes/no for true/false."""
    out = []
    for field, template in DETAILS.get(kind, []):
        value = props.get(field)
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "yes" if value else "no"
        shown = wording.date(value) if isinstance(value, dt.date) else wording.code(str(value))
        out.append(template.format(shown))
    return out


def change_line(c: dict[str, Any]) -> dict[str, Any]:
    """An address or relationship change as a chronology line."""
    if c["what"] == "address":
        link = ADDRESS_LINKS.get(c["link"], c["link"].replace("_", " ").lower())
        place = wording.address(c["other"])
        summary = CHANGES[("address", c["edge"])].format(who=wording.tidy_name(c["who"]), link=link, other=place)
        kind = "address change"
    else:
        relation = (c["relationship"] or "").replace("_", " ")
        summary = (
            f"{c['who']}: " + (f"recorded as {relation} of " if relation else "recorded as linked to ") + c["other"]
        )
        kind = "relationship"
    return {
        "date": c["date"],
        "agency": wording.agency(c["source"]),
        "system": "",
        "kind": kind,
        "summary": summary + ".",
        "who": wording.tidy_name(c["who"]),
        "record": wording.record(c["source"], c["source_id"]),
    }


def with_flags(frame: pd.DataFrame, flags: Iterable[Flag]) -> pd.DataFrame:
    """The chronology with a line on the day each flag fired ("S1 fired: ..."), in the flags' own row."""
    lines = [
        {
            "date": f.detected_on,
            "agency": FLAGS,
            "system": "Sightline",
            "kind": f"flag {f.signal}",
            "summary": f"{f.signal} ({f.severity}) {f.title}: {f.summary}".strip(),
            "who": ", ".join(wording.tidy_name(c.name) for c in f.children if c.name),
            "record": f"check {f.signal}",
        }
        for f in flags
        if f.detected_on
    ]
    if not lines:
        return frame
    both = pd.concat([frame, pd.DataFrame(lines, columns=COLUMNS)], ignore_index=True)
    return both.sort_values(["date", "record"], kind="stable").reset_index(drop=True)


def timeline(frame: pd.DataFrame) -> go.Figure:
    """One row per agency, one marker per record, flags as red diamonds in a row of their own; hover shows
    the summary and the source record."""
    fig = go.Figure()
    for agency, group in frame.groupby("agency", sort=True):
        flagged = agency == FLAGS
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(group["date"]),
                y=[agency] * len(group),
                mode="markers",
                name=agency,
                marker={
                    "size": 14 if flagged else 12,
                    "symbol": "diamond" if flagged else "circle",
                    "color": FLAG_COLOUR if flagged else COLOURS.get(str(agency), "#636363"),
                    "line": {"width": 1, "color": "#333"},
                },
                customdata=group[["kind", "summary", "record", "who"]].to_numpy(),
                hovertemplate="%{x|%d %b %Y} · %{customdata[0]}<br>%{customdata[1]}<br>"
                "%{customdata[3]}<br><i>%{customdata[2]}</i><extra></extra>",
            )
        )
    fig.update_layout(
        height=140 + 50 * frame["agency"].nunique(),
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        showlegend=False,
        xaxis_title=None,
        yaxis_title=None,
    )
    return fig


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The chronology as marked, spreadsheet-safe CSV (dates as ISO text, so a spreadsheet sorts them)."""
    dated = frame.assign(date=frame["date"].map(cypher.iso))
    return marked_csv(dated.to_dict("records"), list(dated.columns)).encode("utf-8")
