"""Chronology: one merged multi-agency timeline for a person or their household, with the source of every entry."""

from __future__ import annotations

import streamlit as st

from errors import SightlineError
from explorer import cached, ui, widgets
from explorer import chronology as chron
from explorer import worklist as wl
from explorer.text import md
from exports import file_name

st.title("Chronology")
st.caption(
    "Every agency's dated records in one timeline, with address and relationship changes and the day each flag "
    "fired (red diamonds): the chronology a practice review rebuilds by hand."
)
ui.require_identity("chronology")
ui.graph()
as_of = ui.as_of()
nid, kind, ident = widgets.subject(
    "Whose chronology?",
    "chron-pick",
    as_of,
    "Choose a person: search here, or open one from Search or the Worklist.",
    {"person", "record"},
)
try:
    scope = st.radio("Scope", ["Person", "Household"], horizontal=True, key="chron-scope")
    people = cached.household(ident) if kind == "person" and scope == "Household" else []
    found = None if people else cached.node(nid)
    records = sorted({r for p in people for r in p["records"]}) or [r["key"] for r in (found.records if found else [])]
    addresses = sorted({a for p in people for a in p["addresses"]})
    frame = cached.events(tuple(records), tuple(addresses), as_of)
    checks = cached.worklist_rows(as_of)
except SightlineError as e:
    ui.fail(e)
frame = chron.with_flags(frame, wl.flags_for(checks.rows, set(records)))
ui.consult("chronology", {"node": nid, "scope": scope}, len(frame), [nid])
if people:
    st.caption("Household: " + md(", ".join(sorted(p["name"] or p["identity"] for p in people))))
if frame.empty:
    st.info(f"No dated records up to {as_of:%d %B %Y}.")
    st.stop()

agencies = sorted(frame["agency"].unique())
# keyed by scope and subject: switching Person -> Household kept the person's filter (8 of 41 records shown)
chosen = st.multiselect("Agencies", agencies, default=agencies, key=f"chron-agencies-{scope}-{nid}")
shown = frame[frame["agency"].isin(chosen)]
st.markdown(f"**{len(shown)}** of {len(frame)} records, {shown['date'].min()} to {shown['date'].max()}")
if shown.empty:
    st.info("No records from the chosen agencies.")
    st.stop()
st.plotly_chart(chron.timeline(shown), width="stretch")
st.dataframe(shown, hide_index=True, width="stretch")
subject = next((p["name"] for p in people if p["identity"] == ident), None)
whose = (found.name if found else None) or (f"household of {subject}" if subject else "household")
ui.download(
    "Export CSV", chron.csv_bytes(shown), file_name("chronology", whose, as_of, "csv"), "text/csv", [nid], len(shown)
)
