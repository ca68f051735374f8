"""Reusable page pieces: a flag card with its triage form, search hits with badges, a subject picker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import pandas as pd
import streamlit as st

from errors import SightlineError
from explorer import cached, flagtext, triage, ui
from explorer.network import split_id
from explorer.search import Hit
from explorer.text import md
from queries.flags import Flag
from wording import date, signal_label

BADGE_COLOURS = {"offender": "red", "child": "orange", "practitioner": "gray", "address": "violet"}


def badges(hit: Hit) -> str:
    """Role and agency badges in Streamlit markdown (:color-badge[text])."""
    return " ".join(f":{BADGE_COLOURS.get(b, 'blue')}-badge[{md(b)}]" for b in hit.badges)


def hit_rows(hits: list[Hit], prefix: str) -> None:
    """Each hit with its badges and an Open button that takes the analyst to the profile."""
    for i, hit in enumerate(hits):
        left, right = st.columns([5, 1])
        left.markdown(f"**{md(hit.title)}** {badges(hit)}  \n{md(hit.detail)}")
        if right.button("Open", key=f"{prefix}-{i}", help=f"Open the profile and link chart of {md(hit.title)}"):
            ui.open_page("profile", hit.key)


def pick(label: str, key: str, as_of: dt.date) -> str | None:
    """A search box and a choice among its hits; returns the chosen key (person, address or agency)."""
    text = st.text_input(label, key=f"{key}-text", placeholder="name, postcode, street or agency")
    if not text.strip():
        return None
    try:
        hits = cached.search_hits(text.strip(), as_of)
    except SightlineError as e:
        st.error(str(e))
        return None
    if not hits:
        st.warning(f"Nothing found for {md(repr(text))}.")
        return None
    labels = {f"{h.title} ({h.kind}; {h.detail})": h.key for h in hits}
    return labels[st.selectbox("Choose", list(labels), key=f"{key}-choice")]


def subject(label: str, key: str, as_of: dt.date, prompt: str, kinds: Collection[str] = ()) -> tuple[str, str, str]:
    """(node id, kind, identity or key) of what a page is about: the person, address or agency opened
    elsewhere (ui.focus), or one newly found with the search box here, which becomes the focus. Stops the
    page, saying why, when there is none, when its key is gone from the graph, or when it is not of `kinds`."""
    current = ui.focus()
    with st.expander(f"{label} (another)" if current else label, expanded=current is None):
        chosen = pick(label, key, as_of)
    if chosen and chosen != st.session_state.get(f"{key}-last"):  # a new choice here, not a kept one
        st.session_state[f"{key}-last"] = st.session_state["focus"] = current = chosen
    if not current:
        st.info(prompt)
        st.stop()
    try:
        nid = cached.resolve(current)
    except SightlineError as e:
        ui.fail(e)
    if nid is None:
        st.warning(
            f"Nothing in the graph has the key {md(repr(current))}: it may have been re-loaded under another key."
        )
        st.stop()
    kind, ident = split_id(nid)
    if kinds and kind not in kinds:
        st.warning(f"{label}: this page is drawn for a person; choose a person.")
        st.stop()
    return nid, kind, ident


def flag_card(flag: Flag, state: triage.State | None, as_of: dt.date) -> None:
    """One flag: why it was raised, what to do next, the path and the source records in plain words (named
    agencies, dates), and the triage form."""
    status = triage.shown_status(flag, state)
    marker = ":red-badge[re-raised]" if status == triage.RE_RAISED else f":blue-badge[{status}]"
    label = f"{signal_label(flag.signal)} · {flag.severity} · {flag.title}"
    with st.expander(label, expanded=status == triage.RE_RAISED):
        st.markdown(f"{marker} **Why:** {md(flagtext.reason(flag))}")
        if action := flagtext.action(flag):
            st.info(f"**Suggested action:** {md(action)}")
        for sentence in flag.from_notes():  # a fact read from free text: shown as written, for confirmation
            st.markdown(f":orange-badge[from a note, to confirm] {md(flagtext.plain(sentence, flagtext.names(flag)))}")
        st.caption(f"First detected {date(flag.detected_on)}. How the records connect:")
        for step in flagtext.path(flag):
            st.code(step, language=None)
        st.dataframe(flagtext.evidence(flag, cached.evidence_agencies(as_of)), hide_index=True, width="stretch")
        if state and state.reason:
            st.caption(f"Last decision by {md(state.updated_by)}: {md(state.status)} — {md(state.reason)}")
        if state:
            st.caption("Decisions on this flag, newest first")
            st.dataframe(pd.DataFrame(triage.history(ui.graph(), flag.key)), hide_index=True, width="stretch")
        _triage_form(flag, state or triage.State(flag.key), as_of)


def _triage_form(flag: Flag, state: triage.State, as_of: dt.date) -> None:
    with st.form(key=f"triage-{flag.key}"):
        cols = st.columns(2)
        status = cols[0].selectbox("Status", triage.STATUSES, index=triage.STATUSES.index(state.status))
        assignee = cols[1].text_input("Assigned to", value=state.assignee)
        note = st.text_area("Note", value=state.note, height=68)
        reason = st.text_input("Reason (needed for no further action)", value=state.reason)
        if st.form_submit_button("Save triage"):
            new = triage.State(flag.key, status, assignee, note, reason)
            try:
                triage.record(ui.graph(), flag, new, st.session_state["analyst"].strip(), as_of)
            except SightlineError as e:
                st.error(str(e))
                return
            st.toast(f"Triage saved: {status}")
            st.rerun()
