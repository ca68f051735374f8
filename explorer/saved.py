"""Saved queries in the explorer: a form from the declared parameters, results as table, graph, CSV, JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import streamlit as st

from explorer.network import Edge, Network, Node, node_id
from explorer.statements import iso
from exports import csv_text
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
                "summary": f.summary,
                "evidence": len(f.evidence),
                "flag": f.key,
            }
            for f in flags
        ]
    )


def as_json(flags: list[Flag]) -> str:
    return json.dumps([f.to_json() for f in flags], indent=2, default=str)


def as_csv(flags: list[Flag]) -> bytes:
    """One line per flag; lists (children, path, evidence) as JSON text so nothing is lost."""
    rows = []
    for f in flags:
        d = f.to_json()
        rows.append({k: json.dumps(v, default=str) if isinstance(v, list | dict) else v for k, v in d.items()})
    return csv_text(rows, list(rows[0]) if rows else ["result"]).encode("utf-8")


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
