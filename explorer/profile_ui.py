"""The profile page's sections: header with records, the link chart with its controls, path finder,
connected network and exports. Streamlit code only; the logic is in network, chart, paths, render, briefing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pandas as pd
import streamlit as st
from st_link_analysis import Event, st_link_analysis

from explorer import cached, chart, render, ui, widgets
from explorer.badges import agency_of_feed, full_name
from explorer.network import NEIGHBOUR_LIMIT, Network, Node, grading, properties
from explorer.paths import hubs
from explorer.statements import iso
from explorer.text import md
from queries.flags import Flag

ROLE_BADGE = {"offender": "red", "child": "orange", "practitioner": "gray", "adult": "blue"}


def state(nid: str) -> dict[str, Any]:
    """Per-session chart state: expanded nodes with their neighbour cap, removed nodes, last event handled."""
    current = st.session_state.get("chart")
    if not current or current["root"] != nid:
        current = {"root": nid, "expanded": {nid: NEIGHBOUR_LIMIT}, "hidden": set(), "event": None, "selected": nid}
        st.session_state["chart"] = current
    return current


def fetch(s: dict[str, Any]) -> Network:
    """The root's and every expanded node's capped neighbourhood, less the nodes the analyst removed."""
    net = Network()
    for nid, limit in s["expanded"].items():
        net.merge(cached.neighbourhood(nid, limit))
    for nid in s["hidden"] - {s["root"]}:
        net.nodes.pop(nid, None)
    return net


def records_table(node: Node) -> pd.DataFrame:
    """One line per record; a key conflict (another name and birth on one NHS number) shows what else it holds."""
    conflicts = any(r.get("key_conflicts") for r in node.records)
    return pd.DataFrame(
        [
            {
                "agency": agency_of_feed(r.get("source")),
                "feed": r.get("source"),
                "record": r.get("key"),
                "name": full_name(r),
                "born": iso(r.get("dob")),
                "linked by": r.get("rule", ""),
            }
            | ({"key conflict: also recorded as": "; ".join(r.get("key_conflicts") or [])} if conflicts else {})
            for r in node.records
        ]
    )


def header(node: Node, as_of: dt.date, signals: list[str]) -> None:
    role = node.role(as_of)
    badge = f":{ROLE_BADGE.get(role, 'violet')}-badge[{md(role)}]"
    flags = " ".join(f":red-badge[⚑ {s}]" for s in signals)
    st.markdown(f"### {md(node.name)} {badge} {flags}")
    if node.records:
        agencies = sorted({agency_of_feed(r.get("source")) for r in node.records})
        st.caption(f"{len(node.records)} record(s) across {md(', '.join(agencies))}, linked as one person")
        st.dataframe(records_table(node), hide_index=True, width="stretch")
    else:
        st.dataframe(pd.Series(properties(node), name="value"), width="stretch")


def controls(net: Network) -> chart.Filters:
    """Relationship types, a date range and the replay date."""
    types = chart.type_options(net)
    left, mid, right = st.columns([2, 2, 2])
    hidden = left.multiselect("Hide relationship types", types, key="chart-hide")  # new types show as they come
    bounds = chart.date_bounds(net)
    start = end = replay = None
    if bounds and bounds[0] < bounds[1]:
        start, end = mid.slider(  # keyed by its bounds: expanding the chart widens the range, never hides
            "Date range", bounds[0], bounds[1], bounds, format="YYYY-MM-DD", key=f"chart-range-{bounds}"
        )
        if right.toggle("Replay the network on a date", key="chart-replay-on"):
            replay = right.slider(
                "As it stood on", bounds[0], bounds[1], bounds[1], format="YYYY-MM-DD", key=f"chart-replay-{bounds}"
            )
    return chart.Filters(frozenset(types) - frozenset(hidden), start, end, replay)


def caps(s: dict[str, Any], net: Network) -> None:
    """ "Showing N of M" per expanded node, with the way on: more neighbours, or collapse."""
    ring = [
        n.id
        for n in net.nodes.values()
        if n.kind in {"person", "record", "address"}
        and n.id not in s["expanded"]
        and not any(r.get("practitioner") for r in n.records)
    ]
    if ring and st.button(f"Expand the next ring ({len(ring)} people and addresses)", key="ring"):
        s["expanded"].update({nid: NEIGHBOUR_LIMIT // 2 for nid in ring})
        st.rerun()
    for nid, (shown, total) in list(net.shown.items()):
        name = net.nodes[nid].name if nid in net.nodes else nid
        cols = st.columns([4, 1, 1])
        cols[0].caption(f"**{name}**: showing {shown} of {total} neighbours")
        if shown < total and cols[1].button("Show more", key=f"more-{nid}"):
            s["expanded"][nid] += NEIGHBOUR_LIMIT
            st.rerun()
        if nid != s["root"] and cols[2].button("Collapse", key=f"collapse-{nid}"):
            s["expanded"].pop(nid)
            st.rerun()


def chart_key(s: dict[str, Any]) -> str:
    """A new component key whenever nodes are expanded or removed: the chart remounts and lays itself out
    to fit, instead of leaving new neighbours outside the frame."""
    shape = json.dumps([sorted(s["expanded"].items()), sorted(s["hidden"])])
    return f"chart-{hashlib.sha1(shape.encode()).hexdigest()[:12]}"


def draw(view: chart.View, elements: dict[str, Any], key: str, actions: bool = True) -> Any:
    node_styles, edge_styles = chart.styles(view)
    return st_link_analysis(
        elements,
        layout="cose",
        node_styles=node_styles,
        edge_styles=edge_styles,
        height=600,
        key=key,
        node_actions=["expand", "remove"] if actions else [],
        events=[Event("select_node", "tap", "node")] if actions else [],
    )


def handle(s: dict[str, Any], event: Any) -> None:
    """Expand (double-click), remove (delete key) or select (click) from the chart; each event once."""
    if not event or event.get("timestamp") == s["event"]:
        return
    s["event"] = event.get("timestamp")
    action, data = event.get("action"), event.get("data") or {}
    if action == "expand":
        for nid in data.get("node_ids", []):
            s["expanded"].setdefault(nid, NEIGHBOUR_LIMIT)
        st.rerun()
    elif action == "remove":
        s["hidden"] |= set(data.get("node_ids", []))
        st.rerun()
    elif action == "select_node":
        s["selected"] = data.get("target_id")


def details(node: Node | None) -> None:
    """Properties, provenance and 3x5x2 grading of the clicked node; its records for a person."""
    if node is None:
        return
    st.markdown(f"**Selected: {md(node.name)}** ({md(node.label)})")
    grade = grading(node.props)
    if grade:
        st.markdown(f"Intelligence grading (3x5x2): **{md(grade)}**")
    if node.records:
        st.dataframe(records_table(node), hide_index=True, width="stretch")
    props = properties(node)
    if props:
        st.dataframe(pd.Series(props, name="value"), width="stretch")
    if node.kind != "person" and st.button("Expand this node", key=f"expand-{node.id}"):
        st.session_state["chart"]["expanded"].setdefault(node.id, NEIGHBOUR_LIMIT)
        st.rerun()


def path_finder(nid: str, name: str, as_of: dt.date, flags: dict[str, list[str]]) -> None:
    st.caption(f"The shortest chain of links from {md(name)} to another person, address or agency.")
    target = widgets.pick("Path to", "path-to", as_of)
    through = st.toggle("Allow links through agencies (shared GP, school…)", key="path-agencies")
    if not target:
        return
    other = cached.resolve(target)
    if other is None or other == nid:
        st.warning("Choose someone or somewhere else.")
        return
    net, steps = cached.path(nid, other, through)
    if not steps:
        st.info("No chain of 8 links or fewer joins them" + ("" if through else " (try allowing agencies)") + ".")
        return
    for step in steps:
        st.code(step, language=None)
    view = chart.build_view(net, chart.Filters(), set(net.nodes), as_of, flags)
    draw(view, chart.elements(view, as_of, flags), key=f"path-{nid}-{other}", actions=False)


def connected_network(nid: str, as_of: dt.date, flags: dict[str, list[str]]) -> pd.DataFrame | None:
    """People (and addresses) ranked by how much they tie offenders to children around this node."""
    net = cached.connected(nid)
    ranked, offenders, children = hubs(net, as_of)
    st.caption(
        f"{len(net.nodes)} people, addresses and linking records within four links; "
        f"{offenders} offender(s), {children} child(ren). Betweenness from offenders to children (networkx)."
    )
    if not ranked:
        st.info("No offender-to-child chain runs through this network.")
        return None
    frame = hub_table(ranked)
    st.dataframe(frame, hide_index=True, width="stretch")
    view = chart.build_view(net, chart.Filters(), {nid}, as_of, flags)
    draw(view, chart.elements(view, as_of, flags), key=f"web-{nid}", actions=False)
    return frame


def hub_table(ranked: list[Any]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"name": h.name, "role": h.role, "betweenness": h.score, "children reached through them": h.children}
            for h in ranked
        ]
    )


def exports(view: chart.View, elements: dict[str, Any], name: str) -> bytes:
    png = render.network_png(view, elements, title=name)
    cols = st.columns(2)
    cols[0].download_button("Chart as PNG", png, file_name="link-chart.png", mime="image/png")
    cols[1].download_button(
        "Chart as JSON", json.dumps(elements, default=str), file_name="link-chart.json", mime="application/json"
    )
    return png


def consulted(nid: str, net: Network) -> None:
    ui.consult("profile", {"node": nid}, len(net.nodes), [nid])


def briefing(node: Node, png: bytes, flags: list[Flag], as_of: dt.date) -> None:
    """Build the PDF briefing on request (it queries line of sight and chronology), then offer it."""
    from explorer.briefing import Briefing
    from explorer.briefing import render as render_pdf
    from explorer.sight import matrix

    if not st.button("Prepare PDF briefing", key=f"pdf-{node.id}"):
        return
    records = tuple(sorted(r["key"] for r in node.records))
    ranked = hubs(cached.connected(node.id), as_of)[0]
    hub_frame = hub_table(ranked) if ranked else None
    sight = matrix(cached.sight_of(records, as_of)) if node.role(as_of) == "child" and records else None
    chronology = cached.events(records, (node.key,) if node.kind == "address" else (), as_of)
    doc = Briefing(
        title=f"Briefing: {node.name}",
        subtitle=f"{node.role(as_of)} - {node.id}",
        analyst=st.session_state["analyst"],
        reason=st.session_state["reason"],
        as_of=as_of,
        records=records_table(node) if node.records else pd.DataFrame([properties(node)]),
        flags=flags,
        network_png=png,
        hubs=hub_frame,
        sight=sight,
        chronology=chronology.assign(date=chronology["date"].map(iso)) if not chronology.empty else None,
    )
    ui.consult("briefing pdf", {"node": node.id}, len(flags), [node.id], action="disclosure")
    st.download_button(
        "Download PDF briefing",
        render_pdf(doc),
        file_name="sightline-briefing.pdf",
        mime="application/pdf",
        type="primary",
    )
