"""Worklist and triage: every saved query's flags, one row per child, most urgent first."""

from __future__ import annotations

import streamlit as st

from errors import SightlineError
from explorer import cached, triage, ui, widgets
from explorer import worklist as wl
from explorer.text import md
from queries.library import load_library

st.title("Worklist")
st.caption("Children raised by the saved checks (S1-S14), highest severity first. Risk level orders, never hides.")
ui.require_identity()
graph = ui.graph()
as_of = ui.as_of()
if not load_library():
    st.info("No saved queries yet: add `queries/s*.cypher` files (docs/queries.md).")
    st.stop()

try:
    fetched = cached.worklist_rows(as_of)
except SightlineError as e:
    ui.fail(e)
rows = fetched.rows
left, right = st.columns([4, 1])
left.caption(f"Checks run at {fetched.ran_at:%H:%M:%S}; kept for up to {cached.CHECKS_TTL // 60} minutes.")
if right.button("Run the checks again", key="rerun-checks"):
    cached.worklist_rows.clear()
    st.rerun()
for line in fetched.unfinished:
    st.warning(f"The graph may be part-written: {md(line)}.")
for name, problem in fetched.failures.items():
    st.error(f"Check {name} could not run, so its flags are missing: {md(problem)}")
ui.consult("worklist", {"as_of": as_of}, len(rows), [r.key for r in rows])
if not rows:
    st.info(f"No flags on the records as of {as_of:%d %B %Y}. If the graph is empty, load data on the Data page.")
    st.stop()

opts = wl.options(rows)
cols = st.columns(4)
keep = wl.RowFilter(
    signals=frozenset(cols[0].multiselect("Signal", opts["signals"])),
    severities=frozenset(cols[1].multiselect("Severity", opts["severities"])),
    agencies=frozenset(cols[2].multiselect("Agency", opts["agencies"])),
    areas=frozenset(cols[3].multiselect("Area (postcode district)", opts["areas"])),
)
shown = wl.filtered(rows, keep)
try:
    states = triage.states(graph, wl.flag_keys(shown))
except SightlineError as e:
    ui.fail(e)

st.markdown(f"**{len(shown)}** of {len(rows)} children as of {as_of:%d %B %Y}. Select a row to triage its flags.")
if not shown:
    st.info("No child matches these filters.")
    st.stop()
event = st.dataframe(
    wl.table(shown, states),
    on_select="rerun",
    selection_mode="single-row",
    hide_index=True,
    width="stretch",
    key="worklist-table",
)
picked = event.selection.rows
choice = st.selectbox(
    "Child to triage",
    range(len(shown)),
    index=picked[0] if picked else None,
    format_func=lambda i: f"{shown[i].name} - {shown[i].severity}, {' '.join(shown[i].signals)}",
    placeholder="Select a row above, or choose here",
)
if choice is None:
    st.stop()

row = shown[choice]
left, right = st.columns([3, 1])
left.subheader(f"{row.name} (born {row.dob or 'unknown'})")
if right.button("Open profile and link chart", type="primary"):
    ui.open_page("profile", row.key)
for flag in row.flags:
    widgets.flag_card(flag, triage.state_of(states, flag), as_of)
