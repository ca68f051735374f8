"""Worklist and triage: every saved query's flags, one row per child, most urgent first; offenders' compliance
flags that name no child in a tab of their own."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from errors import SightlineError
from explorer import cached, triage, ui, widgets
from explorer import worklist as wl
from explorer.text import md
from queries.library import load_library
from wording import age, date, signal_label, tidy_name

st.title("Worklist")
st.caption("Children raised by the saved checks, highest severity first. Risk level orders, never hides.")
ui.require_identity("worklist")
graph = ui.graph()
as_of = ui.as_of()
if not load_library():
    st.info("No saved queries yet: add `queries/s*.cypher` files (docs/queries.md).")
    st.stop()

try:
    fetched = cached.worklist_rows(as_of)
    relations = cached.relations(as_of)
except SightlineError as e:
    ui.fail(e)
rows = fetched.rows
left, right = st.columns([4, 1])
left.caption(f"Checks run at {fetched.ran_at:%H:%M:%S}; kept for up to {cached.CHECKS_TTL // 60} minutes.")
if right.button("Run the checks again", key="rerun-checks"):
    cached.worklist_rows.clear()
    cached.relations.clear()
    st.rerun()
records_end = cached.records_end(dt.date.today())
if as_of > records_end:
    st.warning(f"The records end on {date(records_end)}: nothing after that day is in the graph.")
for line in fetched.unfinished:
    st.warning(f"The graph may be part-written: {md(line)}.")
for name, problem in fetched.failures.items():
    st.error(f"Check {name} could not run, so its flags are missing: {md(problem)}")
ui.consult("worklist", {"as_of": as_of}, len(rows), [r.key for r in rows])
if not rows:
    st.info(f"No flags on the records as of {date(as_of)}. If the graph is empty, load data on the Data page.")
    st.stop()

opts = wl.options(rows)
cols = st.columns(4)
keep = wl.RowFilter(
    signals=frozenset(cols[0].multiselect("Signal", opts["signals"], format_func=signal_label)),
    severities=frozenset(cols[1].multiselect("Severity", opts["severities"])),
    agencies=frozenset(cols[2].multiselect("Agency", opts["agencies"])),
    areas=frozenset(cols[3].multiselect("Area (postcode district)", opts["areas"])),
)
children, compliance = wl.children_first(wl.filtered(rows, keep))
all_children, all_compliance = wl.children_first(rows)
try:
    states = triage.states(graph, wl.flag_keys(children + compliance))
except SightlineError as e:
    ui.fail(e)


def detail(row: wl.WorklistRow) -> None:
    """The chosen row's flags, each with its reason, action, evidence and triage form."""
    left, right = st.columns([3, 1])
    left.subheader(f"{md(tidy_name(row.name) or 'Name not recorded')} (age {age(row.dob, as_of)})")
    if right.button("Open profile and link chart", type="primary", key=f"open-{row.key}"):
        # the chart highlights the first flag's offender-child path (the flags come worst first)
        st.session_state["focus-flag"] = next((f.key for f in row.flags if f.subject and f.children), None)
        ui.open_page("profile", row.key)
    for flag in row.flags:
        widgets.flag_card(flag, triage.state_of(states, flag), as_of)


def choose(label: str, shown: list[wl.WorklistRow], frame: pd.DataFrame, table_key: str) -> wl.WorklistRow | None:
    """The table of rows; the one selected in it, or chosen here by name."""
    event = st.dataframe(
        frame,
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        key=table_key,
    )
    picked = event.selection.rows
    index = picked[0] if picked else None
    choice = st.selectbox(
        label,
        range(len(shown)),
        index=index if index is not None and index < len(shown) else None,
        format_func=lambda i: f"{tidy_name(shown[i].name)} - {shown[i].severity}: {wl.signals_text(shown[i])}",
        placeholder="Select a row above, or choose here",
        key=f"{table_key}-choice",
    )
    return None if choice is None else shown[choice]


tab_children, tab_compliance = st.tabs(
    [f"Children ({len(children)})", f"Offender compliance, no child named ({len(compliance)})"]
)
with tab_children:
    st.markdown(
        f"**{len(children)}** of {len(all_children)} children as of {date(as_of)}. Select a row to triage its flags."
    )
    if children:
        if row := choose("Child to triage", children, wl.table(children, states, as_of, relations), "worklist-table"):
            detail(row)
    else:
        st.info("No child matches these filters.")
with tab_compliance:
    st.markdown(
        f"**{len(compliance)}** of {len(all_compliance)} offenders whose flags name no child (overdue risk "
        "assessments, missed notifications, conditions breached) as of " + date(as_of) + "."
    )
    if compliance:
        if row := choose(
            "Offender to review", compliance, wl.compliance_table(compliance, states, as_of), "compliance-table"
        ):
            detail(row)
    else:
        st.info("No offender matches these filters.")
