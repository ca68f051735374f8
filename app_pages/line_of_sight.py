"""Line of sight: for a child or household, which agencies work with each child and what each holds about
the offenders linked to them (status, order conditions, disclosures, referrals); gaps (S6) in red."""

from __future__ import annotations

import streamlit as st

import wording
from errors import SightlineError
from explorer import cached, sight, ui, widgets
from explorer import worklist as wl
from explorer.badges import is_child
from explorer.text import md

st.title("Line of sight")
st.caption("Each agency working with the child should hold the offender's status within 30 days (5.41-5.43, Rec 4).")
ui.require_identity("line_of_sight")
ui.graph()
as_of = ui.as_of()
_, _, ident = widgets.subject(
    "Child or household member",
    "sight-pick",
    as_of,
    "Choose a child, or any member of a household: search here, or open one from the Worklist.",
    {"person"},
)
try:
    children = [p for p in cached.household(ident) if is_child(p["dob"], as_of)]
    checks = cached.worklist_rows(as_of)  # the S6 flags: the page counts what they count
except SightlineError as e:
    ui.fail(e)
if not children:
    st.info(f"No child in this person's household as of {as_of:%d %B %Y}.")
    st.stop()
children.sort(key=lambda p: (p["identity"] != ident, p["name"] or ""))
st.markdown(
    "Household children: "
    + ", ".join(
        f"**{md(c['name'])}** (born {md(wording.date(c['dob']))}, aged {wording.age(c['dob'], as_of)})"
        for c in children
    )
)

for tab, child in zip(st.tabs([md(c["name"] or c["identity"]) for c in children]), children, strict=True):
    with tab:
        try:
            found = cached.sight_of(tuple(sorted(child["records"])), as_of)
        except SightlineError as e:
            st.error(str(e))
            continue
        ui.consult("line of sight", {"child": child["identity"]}, len(found.agencies), [child["identity"]])
        if found.former:
            st.caption(f"No longer working with {md(child['name'])}: {md(sight.former(found))}.")
        if not found.current:
            st.info("No agency is working with this child now.")
            continue
        if not found.offenders:
            st.success("No offender is linked to this child in the records: no line-of-sight question arises.")
        else:
            st.dataframe(sight.links(found, as_of), hide_index=True, width="stretch")
        for o in found.offenders:
            live = [sight.condition(c) for cs in o["conditions"] for c in cs]
            if live:
                st.markdown(f"**{md(wording.tidy_name(o['name']))}**: live conditions: {md('; '.join(live))}")
        frame = sight.matrix(found)
        flagged = sight.s6_unaware(wl.flags_for(checks.rows, set(child["records"]) | {child["identity"]}))
        for line in sight.gap_lines(frame, flagged, child["name"] or "the child"):
            (st.error if "(S6)" in line else st.warning)(md(line))
        st.dataframe(sight.styled(frame.drop(columns=["family"])), hide_index=True, width="stretch")
