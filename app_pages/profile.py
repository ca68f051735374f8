"""Profile and link chart: one person (all agencies' records as one identity), address or agency, and its links."""

from __future__ import annotations

import streamlit as st

from errors import SightlineError
from explorer import cached, chart, profile_ui, triage, ui, widgets
from explorer import worklist as wl

st.title("Profile & link chart")
ui.require_identity("profile")
ui.graph()
as_of = ui.as_of()
nid, _, _ = widgets.subject(
    "Find", "profile-pick", as_of, "Open a person, address or agency from Search or the Worklist, or find one here."
)
try:
    s = profile_ui.state(nid)
    net = profile_ui.fetch(s)
    fetched = cached.worklist_rows(as_of)
except SightlineError as e:
    ui.fail(e)
rows = fetched.rows
if fetched.failures:
    st.warning(f"Flags of {len(fetched.failures)} check(s) are missing: {', '.join(fetched.failures)} failed.")
root = net.nodes[nid]
profile_ui.consulted(nid, net)
index = wl.flag_index(rows)
flags = wl.flags_for(rows, root.record_keys)
profile_ui.header(root, as_of, chart.flag_signals(root, index))

sections = ["Link chart", "Path finder", "Connected network", f"Flags ({len(flags)})", "Export"]
section = st.segmented_control("View", sections, default="Link chart", key="profile-view") or "Link chart"
if section in ("Link chart", "Export"):  # the chart as the analyst filtered it: Export draws what they saw
    if section == "Link chart":
        st.session_state["profile-filters"] = (nid, profile_ui.controls(net))
        st.session_state["profile-path"] = (nid, profile_ui.flag_path(flags))
    shown_for, filters = st.session_state.get("profile-filters", (nid, chart.Filters()))
    filters = filters if shown_for == nid else chart.Filters()
    path_for, path = st.session_state.get("profile-path", (nid, None))
    view = chart.build_view(
        net, filters, set(s["expanded"]), as_of, index, s["opened"], path if path_for == nid else None
    )
    elements = chart.elements(view, as_of, index)

if section == "Link chart":
    st.caption("Double-click a node to expand it, select and press Delete to remove it, click for its details.")
    if filters and filters.replay:
        st.markdown(f"Replaying the network as it stood on **{filters.replay:%d %B %Y}**.")
    profile_ui.caps(s, net)
    profile_ui.groups(s, view)
    profile_ui.legend(chart.legend(view, as_of, index))
    profile_ui.handle(s, profile_ui.draw(view, elements, key=profile_ui.chart_key(s, view.path)))
    profile_ui.details(s["selected"], net, view)
elif section == "Path finder":
    profile_ui.path_finder(nid, root.name, as_of, index)
elif section == "Connected network":
    try:
        profile_ui.connected_network(nid, as_of, index)
    except SightlineError as e:
        st.error(str(e))
elif section.startswith("Flags"):
    if not flags:
        st.info("No saved query raises a flag on this record as of this date.")
    states = triage.states(ui.graph(), [k for f in flags for k in f.triage_keys()])
    for flag in flags:
        widgets.flag_card(flag, triage.state_of(states, flag), as_of)
        profile_ui.show_path(flag)
else:
    png = profile_ui.exports(view, elements, root.name, as_of)
    profile_ui.briefing(root, png, flags, as_of)
