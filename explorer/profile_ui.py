"""The profile page's sections: header with records, the link chart with its controls, path finder,
connected network and exports. Streamlit code only; the logic is in network, chart, paths, render, briefing."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from typing import Any

import pandas as pd
import streamlit as st
from st_link_analysis import Event, st_link_analysis

import wording
from errors import SightlineError
from explorer import cached, chart, profile_facts, render, ui, widgets
from explorer.network import NEIGHBOUR_LIMIT, Network, Node, grading, properties
from explorer.paths import hubs
from explorer.text import md
from exports import file_name
from queries.flags import Flag
from wording import (
    address,
    agency,
    code,
    condition,
    date,
    offence,
    person_name,
    record,
    signal_label,
    tidy_name,
    yes_no,
)

INTERNAL_PROPS = {"key", "raw_forms", "method", "resolved_at", "records", "written"}  # linkage's and the loader's
ROLE_BADGE = {"offender": "red", "child": "orange", "practitioner": "gray", "adult": "blue"}


def state(nid: str) -> dict[str, Any]:
    """Per-session chart state: expanded nodes with their neighbour cap, removed nodes, record groups drawn
    open, last event handled."""
    current = st.session_state.get("chart")
    if not current or current["root"] != nid:
        current = {
            "root": nid,
            "expanded": {nid: NEIGHBOUR_LIMIT},
            "hidden": set(),
            "opened": set(),
            "event": None,
            "selected": nid,
        }
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
    """The person's records across agencies, in words: which agency, which record, the name and birth date it
    gives, and how it was linked (never a record key, a feed name or a linkage field)."""
    conflicts = any(r.get("key_conflicts") for r in node.records)
    return pd.DataFrame(
        [
            {
                "agency": agency(r.get("source")),
                "record": record(r.get("source"), r.get("source_id")),
                "name": person_name(r.get("forenames"), r.get("surname")),
                "born": date(r.get("dob"), ""),
                "linked by": "its own record" if r.get("rule") in (None, "", "alone") else r.get("rule"),
            }
            | ({"key conflict: also recorded as": "; ".join(r.get("key_conflicts") or [])} if conflicts else {})
            for r in node.records
        ]
    )


def header(node: Node, as_of: dt.date, signals: list[str]) -> None:
    """Who this is: name, role and flags; for a person age, address, household and, for an offender, the
    offence, notification, orders, MAPPA, risk and offender manager; then the records behind it."""
    role = node.role(as_of)
    badge = f":{ROLE_BADGE.get(role, 'violet')}-badge[{md(role)}]"
    flags = " ".join(f":red-badge[⚑ {md(signal_label(s))}]" for s in signals)
    st.markdown(f"### {md(title(node))} {badge} {flags}")
    if node.kind in {"person", "record"}:
        facts = cached.profile_facts(tuple(sorted(node.record_keys)), as_of)
        dob = node.props.get("dob") or next((r.get("dob") for r in node.records if r.get("dob")), None)
        st.markdown("  \n".join(f"**{label}:** {md(text)}" for label, text in profile_facts.lines(facts, dob, as_of)))
    if node.records:
        agencies = sorted({agency(r.get("source")) for r in node.records})
        st.caption(f"{len(node.records)} record(s) across {md(', '.join(agencies))}, linked as one person")
        st.dataframe(records_table(node), hide_index=True, width="stretch")
    else:
        st.markdown("  \n".join(f"**{label}:** {md(text)}" for label, text in place_lines(node)))


def title(node: Node) -> str:
    """The node's name as an analyst writes it: a person's in title case, an address as a letter carries it."""
    if node.kind == "address":
        return address(node.props.get("line1"), node.props.get("postcode") or "", None, node.props.get("town"))
    return tidy_name(node.name) if node.kind in {"person", "record"} else node.name


def place_lines(node: Node) -> list[tuple[str, str]]:
    """An address or an agency in words (never its key, folded forms or load times)."""
    props = node.props
    if node.kind == "address":
        return [("Address", title(node))]
    if node.kind == "agency":
        return [("Kind", agency(props.get("agency_type"))), ("Area", props.get("area") or "not recorded")]
    return [("Recorded", date(props.get("date"))), ("Record", record(props.get("source"), props.get("source_id")))]


def controls(net: Network) -> chart.Filters:
    """Relationship types, a date range and the replay date."""
    types = chart.type_options(net)
    left, mid, right = st.columns([2, 2, 2])
    hidden = left.multiselect(  # new types show as they come
        "Hide relationship types", types, format_func=chart.relationship, key="chart-hide"
    )
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


def chart_key(s: dict[str, Any], path: set[str] | None = None) -> str:
    """A new component key whenever nodes are expanded or removed: the chart remounts and lays itself out
    to fit, instead of leaving new neighbours outside the frame."""
    shape = json.dumps([sorted(s["expanded"].items()), sorted(s["hidden"]), sorted(s["opened"]), sorted(path or ())])
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
            if nid.startswith("group|"):  # a folded group: draw its records one by one
                s["opened"].add(nid)
            else:
                s["expanded"].setdefault(nid, NEIGHBOUR_LIMIT)
        st.rerun()
    elif action == "remove":
        s["hidden"] |= set(data.get("node_ids", []))
        st.rerun()
    elif action == "select_node":
        s["selected"] = data.get("target_id")


def legend(entries: list[chart.LegendEntry]) -> None:
    """The chart's key, on screen above it: a coloured disc and the words for each kind of node drawn."""
    items = "".join(
        f'<span style="display:inline-block;margin:0 1.1em 0.3em 0;white-space:nowrap">'
        f'<span style="display:inline-block;width:0.9em;height:0.9em;border-radius:50%;vertical-align:-0.1em;'
        f'background:{html.escape(e.colour)};margin-right:0.35em"></span>{html.escape(e.text)} ({e.count})</span>'
        for e in entries
    )
    st.markdown(f'<div class="sightline-legend"><b>Legend</b>&emsp;{items}</div>', unsafe_allow_html=True)


def groups(s: dict[str, Any], view: chart.View) -> None:
    """Folded record groups, each with a way to draw its records; opened ones with a way to fold them again."""
    if view.folded:
        names = {g.id: g.caption for g in view.folded.values()}
        st.selectbox(
            "Records of one kind are drawn as one node: double-click one, or choose it here, to draw each record",
            list(names),
            index=None,
            format_func=names.__getitem__,
            placeholder="Draw the records of…",
            key="chart-open",
            on_change=_open_group,
            args=(s,),
        )
    if s["opened"] and st.button("Fold records by kind again", key="chart-fold"):
        s["opened"] = set()
        st.rerun()


def _open_group(s: dict[str, Any]) -> None:
    chosen = st.session_state.get("chart-open")
    if chosen:
        s["opened"].add(chosen)
    st.session_state["chart-open"] = None


def group_records(group: Any) -> pd.DataFrame:
    """A folded group's records, one row each, as the chronology tells them."""
    return pd.DataFrame(
        [
            {
                "date": date(m.date, ""),
                "agency": agency(m.props.get("source")),
                "summary": m.props.get("summary") or m.name,
                "record": record(m.props.get("source"), m.props.get("source_id")),
            }
            for m in group.members
        ]
    )


def details(nid: str | None, net: Network, view: chart.View) -> None:
    """The clicked node: a person's records; a folded group's records one by one; a record's own fields
    (agency, dates, summary) with its 3x5x2 grading. Never a record key."""
    if nid in view.folded:
        group = view.folded[nid]
        st.markdown(f"**Selected: {md(group.caption)}**")
        st.dataframe(group_records(group), hide_index=True, width="stretch")
        return
    node = net.nodes.get(nid or "")
    if node is None:
        return
    st.markdown(f"**Selected: {md(title(node))}** ({md(node.label)})")
    grade = grading(node.props)
    if grade:
        st.markdown(f"Intelligence grading (3x5x2): **{md(grade)}**")
    if node.records:  # a person: the records say it all (the identity's own fields are linkage's, not the analyst's)
        st.dataframe(records_table(node), hide_index=True, width="stretch")
    props = worded(properties(node)) if not node.records else {}
    if props:
        st.dataframe(pd.Series(props, name="value"), width="stretch")
    if node.kind != "person" and st.button("Expand this node", key=f"expand-{node.id}"):
        st.session_state["chart"]["expanded"].setdefault(node.id, NEIGHBOUR_LIMIT)
        st.rerun()


def flag_path(flags: list[Flag]) -> Network | None:
    """The path from a flag's offender to its child, drawn in red: the flag the analyst came from (session
    key `focus-flag`, set by the page that opened this one) or the one chosen here."""
    linked = {f.key: f for f in flags if f.subject and f.children}
    if not linked:
        return None
    labels = {k: f"{f.signal} · {f.title}" for k, f in linked.items()}
    came_from = st.session_state.get("focus-flag")
    chosen = st.selectbox(
        "Highlight the path of a flag",
        list(labels),
        index=list(labels).index(came_from) if came_from in labels else None,
        format_func=labels.__getitem__,
        placeholder="Choose a flag to draw its offender-child path in red",
        key=f"chart-path-{came_from}",
    )
    if chosen is None:
        return None
    flag = linked[chosen]
    subject = flag.subject.key if flag.subject else ""
    try:
        ends = [cached.resolve(subject), cached.resolve(flag.children[0].key)]
        if None in ends or ends[0] == ends[1]:
            return None
        net, _ = cached.path(str(ends[0]), str(ends[1]), False)
    except SightlineError as e:
        st.warning(f"The flag's path could not be drawn: {md(str(e))}")
        return None
    if not net.edges:
        st.caption("No chain of links without agencies joins this flag's offender and child.")
        return None
    return net


def worded(props: dict[str, str]) -> dict[str, str]:
    """A node's fields in words: labels without underscores, yes/no for booleans, dates as dates, codes as
    words, the source record named ("schedule 3: yes", never "schedule_3: True"); linkage's fields dropped."""
    out: dict[str, str] = {}
    for name, value in props.items():
        if name in INTERNAL_PROPS or name in {"source", "source_id"}:
            continue
        if name == "offence_category":
            value = offence(value)
        elif name == "agency_type":
            value = agency(value)
        elif name == "condition_code":
            value = condition(value)
        elif value in {"True", "False"}:
            value = yes_no(value)
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value):
            value = date(value)
        elif re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", value):
            value = code(value)
        out[name.replace("_", " ")] = value
    if props.get("source"):
        out["recorded in"] = record(props["source"], props.get("source_id"))
    return out


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


def exports(view: chart.View, elements: dict[str, Any], name: str, as_of: dt.date) -> bytes:
    png = render.network_png(view, elements, title=name)
    cols = st.columns(2)
    shown = [n.id for n in view.nodes if n.kind in ("person", "record")]  # whom the files show
    png_name, json_name = (file_name("link-chart", name, as_of, ext) for ext in ("png", "json"))
    ui.download("Chart as PNG", png, png_name, "image/png", shown, len(shown), where=cols[0])
    chart_json = json.dumps(chart.exported(elements), default=str)
    ui.download("Chart as JSON", chart_json, json_name, "application/json", shown, len(shown), where=cols[1])
    return png


def consulted(nid: str, net: Network) -> None:
    ui.consult("profile", {"node": nid}, len(net.nodes), [nid])


def briefing(node: Node, png: bytes, flags: list[Flag], as_of: dt.date) -> None:
    """Build the PDF briefing on request (it queries line of sight and chronology), then offer it."""
    from explorer.briefing import Briefing
    from explorer.briefing import render as render_pdf

    if not st.button("Prepare PDF briefing", key=f"pdf-{node.id}"):
        return
    ranked = hubs(cached.connected(node.id), as_of)[0]
    child_name, child_records = briefing_child(node, flags, as_of)
    doc = Briefing(
        title=f"Briefing: {node.name}",
        subtitle=f"{node.role(as_of)}" + (f", aged {wording.age(_dob(node), as_of)}" if _dob(node) else ""),
        analyst=ui.who(),
        reason=st.session_state["reason"],
        as_of=as_of,
        records=briefing_records(node),
        flags=flags,
        network_png=png,
        hubs=hub_table(ranked) if ranked else None,
        sight=_sight(child_records, as_of),
        chronology=_chronology(child_records, as_of),
        chronology_of=child_name,
    )
    subjects = [node.id, *(k for f in flags for k in f.person_keys())]
    ui.download(
        "Download PDF briefing",
        render_pdf(doc),
        file_name("briefing", node.name, as_of, "pdf"),
        "application/pdf",
        subjects,
        len(flags),
        type="primary",
    )


def show_path(flag: Flag) -> None:
    """A button under a flag that draws its offender-child path on the link chart (before the page reruns)."""

    def go() -> None:
        st.session_state["focus-flag"] = flag.key
        st.session_state["profile-view"] = "Link chart"

    if flag.subject and flag.children:
        st.button("Draw its path on the link chart", key=f"show-path-{flag.key}", on_click=go)


def _dob(node: Node) -> Any:
    return node.props.get("dob") or next((r.get("dob") for r in node.records if r.get("dob")), None)


def briefing_child(node: Node, flags: list[Flag], as_of: dt.date) -> tuple[str, tuple[str, ...]]:
    """Whose chronology and line of sight the briefing carries: the person briefed on when a child, else the
    first child the flags name (their record keys)."""
    if node.role(as_of) == "child" and node.records:
        return node.name, tuple(sorted(r["key"] for r in node.records))
    for flag in flags:
        for child in flag.children:
            records = child.record_keys or (child.key,)
            return wording.tidy_name(child.name) or "the child", tuple(sorted(records))
    return "", ()


def _sight(records: tuple[str, ...], as_of: dt.date) -> pd.DataFrame | None:
    from explorer.sight import matrix

    return matrix(cached.sight_of(records, as_of)) if records else None


def _chronology(records: tuple[str, ...], as_of: dt.date) -> pd.DataFrame | None:
    if not records:
        return None
    frame = cached.events(records, (), as_of)
    if frame.empty:
        return None
    return frame.assign(date=frame["date"].map(lambda d: wording.date(d, "")))[["date", "agency", "summary", "record"]]


def briefing_records(node: Node) -> pd.DataFrame:
    """The person's records across agencies in words (agency, record, name, born), never a record key; an
    address's or agency's own fields otherwise."""
    if not node.records:
        return pd.DataFrame([chart.node_details(node) or {"name": node.name}])
    return pd.DataFrame(
        [
            {
                "agency": wording.agency(r.get("source")),
                "record": wording.record(r.get("source"), r.get("source_id")),
                "name": wording.person_name(r.get("forenames"), r.get("surname")),
                "born": wording.date(r.get("dob"), ""),
            }
            for r in node.records
        ]
    )
