"""Sightline explorer: the entry file routes the pages and asks the analyst who they are and why.

Run with `streamlit run app.py` (or `sightline explore`). Each page is a short script in app_pages/, its
logic in explorer/. The folder is not called `pages/`: Streamlit runs a `pages/` folder as legacy pages,
bypassing this file (and its sidebar), when the first request names a page URL.
"""

from __future__ import annotations

import streamlit as st

from explorer import icon, warm
from explorer.ui import PAGES, as_of, sidebar

st.set_page_config(page_title="Sightline", page_icon=icon.page_icon(), layout="wide")  # served locally

navigation = st.navigation(
    {
        "Analysis": [
            st.Page(PAGES["worklist"], title="Worklist & triage", icon=":material/checklist:", default=True),
            st.Page(PAGES["search"], title="Search", icon=":material/search:"),
            st.Page(PAGES["profile"], title="Profile & link chart", icon=":material/hub:"),
            st.Page(PAGES["chronology"], title="Chronology", icon=":material/timeline:"),
            st.Page(PAGES["sight"], title="Line of sight", icon=":material/visibility:"),
        ],
        "Checks and data": [
            st.Page(PAGES["queries"], title="Saved queries", icon=":material/rule:"),
            st.Page(PAGES["review"], title="Review links", icon=":material/compare_arrows:"),
            st.Page(PAGES["data"], title="Data", icon=":material/database:"),
        ],
    }
)
sidebar()
warm.start(as_of())
navigation.run()
