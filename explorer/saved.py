"""Saved queries in the explorer: a form from the declared parameters, results as table, graph, CSV, JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import streamlit as st

import wording
from explorer import flagtext
from explorer.network import Edge, Network, Node, node_id
from explorer.statements import iso
from exports import marked_csv
from queries.flags import Flag, Person
from queries.library import Parameter, SavedQuery

EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)  # Streamlit's default is only ten years either way


def field(p: Parameter, key: str, as_of: dt.date) -> Any:
    """One form input for a declared parameter (date, int, float, bool, str), with its help text. In the
    explorer "today" is the day the analyst replays the records to (the sidebar's): a date declared
    `default: today`, or with no default, starts there."""
    default = p.coerce(None) if p.default not in ("", "today") else None
    label = p.name.replace("_", " ")
    if p.type == "date":
        return st.date_input(label, value=default or as_of, min_value=EARLIEST, max_value=LATEST, help=p.help, key=key)
    if p.type == "int":
        return st.number_input(label, value=int(default or 0), step=1, help=p.help, key=key)
    if p.type == "float":
        return st.number_input(label, value=float(default or 0.0), help=p.help, key=key)
    if p.type == "bool":
        return st.checkbox(label, value=bool(default), help=p.help, key=key)
    return st.text_input(label, value=str(default or ""), help=p.help, key=key)


def form(query: SavedQuery, as_of: dt.date) -> dict[str, Any] | None:
    """The parameter form; returns the raw values when submitted (bound and checked by the runner)."""
    with st.form(key=f"form-{query.name}"):
        values = {p.name: field(p, f"param-{query.name}-{p.name}", as_of) for p in query.parameters}
        submitted = st.form_submit_button("Run", type="primary")
    return values if submitted else None


def table(flags: list[Flag]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "detected on": iso(f.detected_on),
                "children": ", ".join(c.name or c.key for c in f.children),
                "subject": f.subject.name if f.subject else "",
                "summary": flagtext.reason(f),
                "evidence": len(f.evidence),
            }
            for f in flags
        ]
    )


def as_json(flags: list[Flag]) -> str:
    return json.dumps([f.to_json() for f in flags], indent=2, default=str)


FLAG_COLUMNS = [
    "signal",
    "signal name",
    "severity",
    "title",
    "child",
    "child born",
    "offender or subject",
    "people involved",
    "detected on",
    "status",
    "summary",
    "addresses",
    "agencies",
    "evidence",
    "path",
    "suggested action",
]


def as_csv(flags: list[Flag], action: str = "") -> bytes:
    """One row per flag and child, every cell plain text (lists joined with '; ', never JSON), marked
    OFFICIAL-SENSITIVE in the first column, spreadsheet-safe (exports.marked_csv)."""
    rows = [row for f in flags for row in flag_rows(f, action)]
    return marked_csv(rows, FLAG_COLUMNS).encode("utf-8")


def flag_rows(f: Flag, action: str = "") -> list[dict[str, str]]:
    """The flag in words (explorer.flagtext: keys, codes and dates rewritten), once per child it names (once
    with no child when it names none)."""
    known = flagtext.names(f)

    def plain(text: str | None) -> str:
        return flagtext.plain(text, known)

    shared = {
        "signal": f.signal,
        "signal name": wording.signal_name(f.signal),
        "severity": f.severity,
        "title": f.title,
        "offender or subject": wording.tidy_name(f.subject.name) if f.subject else "",
        "people involved": "; ".join(
            wording.tidy_name(p.name) + (f" ({wording.kinship(p.role)})" if p.role else "") for p in f.people if p.name
        ),
        "detected on": wording.date(f.detected_on, ""),
        "status": plain(f.status),
        "summary": plain(f.summary),
        "addresses": "; ".join(wording.address(a) for a in f.addresses),
        "agencies": "; ".join(
            wording.agency(a.name or a.key) + (f" ({a.status})" if a.status else "") for a in f.agencies
        ),
        "evidence": "; ".join(
            " ".join(x for x in (wording.date(e.date, ""), wording.record(e.feed, e.record_id), plain(e.what)) if x)
            for e in f.evidence
        ),
        "path": " / ".join(plain(p) for p in f.path),
        "suggested action": action or flagtext.action(f),
    }
    children = f.children or (None,)
    return [
        shared
        | {
            "child": wording.tidy_name(c.name) if c else "",
            "child born": wording.date(c.dob, "") if c else "",
        }
        for c in children
    ]


def network(flags: list[Flag]) -> Network:
    """Flags as a graph: subject and people, children, addresses and agencies, joined through each flag."""
    net = Network()

    def person(entry: Person, role: str) -> str:
        nid = node_id("person" if entry.key.startswith("identity:") else "record", entry.key)
        record = {"key": entry.key, "forenames": entry.name, "dob": entry.dob, "offender": role == "offender"}
        net.nodes.setdefault(nid, Node(nid, nid.split("|")[0], entry.key, ["Person"], {}, [record]))
        return nid

    for f in flags:
        flag_id = node_id("node", f"flag:{f.key}")
        net.nodes[flag_id] = Node(
            flag_id,
            "node",
            f.key,
            ["Flag"],
            {"kind": f"flag {f.signal}", "date": f.detected_on, "summary": f.summary, "source": "saved query"},
        )
        ends = [(person(c, "child"), "CHILD_AT_RISK") for c in f.children]
        if f.subject:
            ends.append((person(f.subject, "offender"), "SUBJECT"))
        ends += [(person(p, p.role), "INVOLVES") for p in f.people if p.key]
        for address in f.addresses:
            nid = node_id("address", address)
            net.nodes.setdefault(nid, Node(nid, "address", address, ["Address"], {"line1": address}))
            ends.append((nid, "AT_ADDRESS"))
        for agency in f.agencies:
            nid = node_id("agency", agency.key)
            net.nodes.setdefault(nid, Node(nid, "agency", agency.key, ["Agency"], {"name": agency.name}))
            ends.append((nid, "AGENCY"))
        for target, kind in ends:
            eid = f"{f.key}-{kind}-{target}"
            net.edges[eid] = Edge(eid, flag_id, target, kind, {})
    return net
