"""Streamlit glue shared by the pages: the cached connection, the analyst's name and reason, the
consultation log, plain error states and moving between pages with a chosen person."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, NoReturn

import streamlit as st

from audit.log import AuditLog
from errors import SightlineError
from graph.db import Graph
from queries.library import DATES

FIRST_DAY, LAST_DAY = DATES  # the records' span, as saved queries accept it

PAGES = {
    "worklist": "app_pages/worklist.py",
    "search": "app_pages/search.py",
    "profile": "app_pages/profile.py",
    "chronology": "app_pages/chronology.py",
    "sight": "app_pages/line_of_sight.py",
    "queries": "app_pages/saved_queries.py",
    "review": "app_pages/review_links.py",
    "data": "app_pages/data.py",
}


@st.cache_resource(show_spinner="Connecting to Neo4j…")
def connect() -> Graph:
    """The explorer's one driver, shared by every session (raises when Neo4j cannot be reached)."""
    return Graph.connect()


def graph() -> Graph:
    """The cached connection; a page without Neo4j says so plainly and stops."""
    try:
        return connect()
    except SightlineError as e:
        st.error(f"Cannot reach Neo4j: {e}")
        st.stop()


def fail(e: Exception) -> NoReturn:
    """A Sightline error as one plain message (never a traceback), then stop the page."""
    st.error(str(e))
    st.stop()


def as_of() -> dt.date:
    """The date the records are replayed to (sidebar); every page reads it."""
    return st.session_state.get("as_of") or dt.date.today()


def sidebar() -> None:
    """Analyst name and reason (asked once per session, DPA 2018 s.62) and the as-of date.

    The values live under their own session keys, copied from the widgets, so they survive page switches
    (Streamlit drops a widget's state when the page that drew it changes).
    """
    with st.sidebar:
        _kept_input(st.text_input, "analyst", "Your name", help="Logged with every consultation of personal data")
        _kept_input(st.text_input, "reason", "Reason for consulting", help="e.g. MASH referral 2024/117; logged")
        st.session_state.setdefault("as_of", _as_of_param())
        _kept_input(
            st.date_input,
            "as_of",
            "Records as of",
            help="Replay the records to this day",
            min_value=FIRST_DAY,
            max_value=LAST_DAY,
        )
        if not identified():
            st.warning("Give your name and reason to see personal data.")


def _kept_input(widget: Any, key: str, label: str, **kwargs: Any) -> None:
    st.session_state[f"_{key}"] = st.session_state.get(key, "")
    widget(label, key=f"_{key}", on_change=_keep, args=(key,), **kwargs)


def _keep(key: str) -> None:
    st.session_state[key] = st.session_state[f"_{key}"]


def _as_of_param() -> dt.date:
    """?as_of=YYYY-MM-DD in the URL opens the explorer on that day (links, screenshots); else the day the records
    end, today or earlier (a demo population ends in 2024: opening on today showed artefacts of the gap), also
    for a day outside the picker's 1900-2100, e.g. 0001-01-01, which crashed every page."""
    from explorer.cached import records_end  # cached imports this module

    try:
        day = dt.date.fromisoformat(st.query_params.get("as_of", ""))
    except ValueError:
        return records_end(dt.date.today())
    return day if FIRST_DAY <= day <= LAST_DAY else records_end(dt.date.today())


def identified() -> bool:
    return bool(st.session_state.get("analyst", "").strip() and st.session_state.get("reason", "").strip())


def require_identity() -> None:
    """Refuse to show personal data until the analyst has said who they are and why."""
    if not identified():
        st.info("This page shows personal data. Give your name and the reason for consulting in the sidebar first.")
        st.stop()


def consult(
    what: str, params: dict[str, Any], rows: int, subjects: Sequence[str] = (), action: str = "consultation"
) -> None:
    """Log a consultation (or, for a download, a disclosure) of personal data in the s.62 log, with the keys of
    the people shown, once per view per session (reruns of the same view are one)."""
    signature = json.dumps([what, {k: str(v) for k, v in params.items()}], sort_keys=True)
    seen: set[str] = st.session_state.setdefault("_consulted", set())
    if signature in seen:
        return
    record(action, what, params, rows, subjects)
    seen.add(signature)


def record(action: str, what: str, params: dict[str, Any], rows: int, subjects: Sequence[str] = ()) -> None:
    """Log an action on personal data in the s.62 log as the session's analyst, with its reason: every
    collection, alteration or disclosure (consult() folds reruns of one view into one entry)."""
    AuditLog.from_settings().record(
        action,
        what,
        st.session_state["reason"],
        who=st.session_state["analyst"].strip(),
        params=params,
        subjects=subjects,
        rows=rows,
    )


def open_page(page: str, focus: str | None = None) -> None:
    """Go to another page, optionally with the person, address or agency it should open."""
    if focus is not None:
        st.session_state["focus"] = focus
    st.switch_page(PAGES[page])


def focus() -> str | None:
    """The key the analyst last opened (search hit, worklist row, ?key= in the URL). A ?key= counts once,
    when it is new: the analyst may then open someone else without the URL taking them back."""
    key = st.query_params.get("key")
    if key and key != st.session_state.get("focus-url"):
        st.session_state["focus"] = st.session_state["focus-url"] = key
    return st.session_state.get("focus")
