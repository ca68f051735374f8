"""Streamlit glue shared by the pages: the cached connection, the signed-in account and its reason, what
its role may open, the s.62 log, plain error states and moving between pages with a chosen person."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, NoReturn

import streamlit as st

from access.roles import PERMISSIONS, allows
from audit.log import AuditLog, justification
from errors import ConfigError, SightlineError
from explorer import signin
from explorer.text import md
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
    "audit": "app_pages/audit_log.py",
    "data": "app_pages/data.py",
    "console": "app_pages/console.py",
}
# page -> the permission (access/roles.py) it needs: the menu lists only the pages the role has, and each page
# asks again at its top (require_identity), because a page can be reached by its URL.
NEEDS = {
    "worklist": "worklist",
    "search": "search",
    "profile": "profile",
    "chronology": "chronology",
    "sight": "line_of_sight",
    "queries": "saved_queries",
    "review": "review_links",
    "audit": "audit",
    "data": "load",
    "console": "console",
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


def account() -> signin.SignedIn:
    """The signed-in account (app.py signs the session in before any page runs)."""
    found = st.session_state.get(signin.SESSION)
    if not isinstance(found, signin.SignedIn):
        st.info("Sign in first.")
        st.stop()
    return found


def who() -> str:
    """The name logged and shown as the author of a decision: the account, never a typed name."""
    return account().name


def may(permission: str) -> bool:
    """Whether the session's role has `permission` (access/roles.py)."""
    found = st.session_state.get(signin.SESSION)
    return isinstance(found, signin.SignedIn) and allows(found.role, permission)


def allowed_pages() -> list[str]:
    """The pages (keys of PAGES) the session's role may open, in menu order."""
    return [page for page in PAGES if may(NEEDS[page])]


def sidebar(menu: dict[str, list[Any]] | None = None) -> None:
    """The pages the role may open, the account, the reason for consulting (asked once per session and kept,
    DPA 2018 s.62; changeable), the as-of date and signing out.

    The values live under their own session keys, copied from the widgets, so they survive page switches
    (Streamlit drops a widget's state when the page that drew it changes).
    """
    signed = account()
    with st.sidebar:
        for section, links in (menu or {}).items():
            if links:
                st.caption(section)
                for link in links:
                    st.page_link(link)
        st.markdown(f"Signed in as **{md(signed.name)}** ({signed.role})")
        _kept_input(st.text_input, "reason", "Reason for consulting", help="A case reference or purpose; logged")
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
            st.warning("Give the reason for consulting (a case reference or purpose) to see personal data.")
        if st.button("Sign out", key="sign-out", icon=":material/logout:"):
            signin.sign_out("Signed out.")
            st.rerun()


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
    """Signed in and a reason given (a real one: "." or "x" is refused as the log refuses it): the two things
    s.62 asks of every consultation."""
    if not isinstance(st.session_state.get(signin.SESSION), signin.SignedIn):
        return False
    try:
        justification(st.session_state.get("reason", ""))
    except ConfigError:
        return False
    return True


def require_identity(permission: str) -> None:
    """The top of every page: refuse (logged, one plain message) a role without `permission`, then show no
    personal data until the reason for consulting is given."""
    signed = account()
    if not allows(signed.role, permission):
        message = f"This page needs the {PERMISSIONS.get(permission, 'administrator')} role; you are {signed.role}."
        seen: set[str] = st.session_state.setdefault("_consulted", set())
        if f"refused {permission}" not in seen:  # once per page and session, as consult() folds reruns
            signin.refuse(signed.name, signed.role, f"page {permission}", message)
            seen.add(f"refused {permission}")
        st.error(message)
        st.stop()
    if not identified():
        st.info("This page shows personal data. Give the reason for consulting in the sidebar first.")
        st.stop()


def refused(permission: str, what: str) -> bool:
    """Whether an action inside a page needs a permission the role lacks: if so it is logged and said."""
    if may(permission):
        return False
    signed = account()
    message = f"{what} needs the {PERMISSIONS[permission]} role; you are {signed.role}."
    signin.refuse(signed.name, signed.role, what, message)
    st.error(message)
    return True


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
    """Log an action on personal data in the s.62 log as the session's account and role, with its reason: every
    collection, alteration, combination or disclosure (consult() folds reruns of one view into one entry)."""
    signed = account()
    AuditLog.from_settings().record(
        action,
        what,
        st.session_state["reason"],
        who=signed.name,
        role=signed.role,
        params=params,
        subjects=subjects,
        rows=rows,
    )


def download(
    label: str,
    data: bytes | str,
    file_name: str,
    mime: str,
    subjects: Sequence[str] = (),
    rows: int = 0,
    where: Any = None,
    **kwargs: Any,
) -> None:
    """A download button whose click is logged as a disclosure (s.62), with the file, its rows and subjects."""
    (where or st).download_button(
        label,
        data,
        file_name=file_name,
        mime=mime,
        on_click=record,
        args=("disclosure", f"download {file_name}", {"file": file_name}, rows, list(subjects)),
        **kwargs,
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
