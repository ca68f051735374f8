"""Sightline explorer: the entry file signs the session in, then routes the pages its role may open.

Run with `streamlit run app.py` (or `sightline explore`). Each page is a short script in app_pages/, its
logic in explorer/. The folder is not called `pages/`: Streamlit runs a `pages/` folder as legacy pages,
bypassing this file (and its sign-in), when the first request names a page URL.

Every page is registered (so that one reached by its URL runs its own role check, which refuses and logs),
but the menu lists only those the role may open; signed out, the sign-in form is drawn instead of any page.
"""

from __future__ import annotations

import streamlit as st

from explorer import icon, signin, ui, warm

st.set_page_config(page_title="Sightline", page_icon=icon.page_icon(), layout="wide")
PAGES = {
    "worklist": st.Page(ui.PAGES["worklist"], title="Worklist & triage", icon=":material/checklist:", default=True),
    "search": st.Page(ui.PAGES["search"], title="Search", icon=":material/search:"),
    "profile": st.Page(ui.PAGES["profile"], title="Profile & link chart", icon=":material/hub:"),
    "chronology": st.Page(ui.PAGES["chronology"], title="Chronology", icon=":material/timeline:"),
    "sight": st.Page(ui.PAGES["sight"], title="Line of sight", icon=":material/visibility:"),
    "queries": st.Page(ui.PAGES["queries"], title="Saved queries", icon=":material/rule:"),
    "review": st.Page(ui.PAGES["review"], title="Review links", icon=":material/compare_arrows:"),
    "audit": st.Page(ui.PAGES["audit"], title="Audit log", icon=":material/policy:"),
    "data": st.Page(ui.PAGES["data"], title="Data", icon=":material/database:"),
    "console": st.Page(ui.PAGES["console"], title="Cypher console", icon=":material/terminal:"),
}
SECTIONS = {
    "Analysis": ["worklist", "search", "profile", "chronology", "sight"],
    "Checks and data": ["queries", "review", "audit", "data", "console"],
}

navigation = st.navigation(list(PAGES.values()), position="hidden")
signin.gate()  # stops here, on the sign-in form instead of the page, until the session is signed in
allowed = set(ui.allowed_pages())
ui.sidebar({section: [PAGES[p] for p in pages if p in allowed] for section, pages in SECTIONS.items()})
warm.start(ui.as_of())
navigation.run()
