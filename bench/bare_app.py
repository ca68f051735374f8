"""The page benchmark's baseline: a bare Streamlit app of two pages, each a title and a ten-row table, with no
data access. What it takes to show is Streamlit's and the browser's own cost on this machine, measured in the
same run as the explorer's pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

FRAME = pd.DataFrame({"row": range(10), "word": [f"word {i}" for i in range(10)]})


def _first() -> None:
    st.title("Bare one")
    st.dataframe(FRAME, hide_index=True)


def _second() -> None:
    st.title("Bare two")
    st.dataframe(FRAME, hide_index=True)


st.navigation([st.Page(_first, title="Bare one", default=True), st.Page(_second, title="Bare two")]).run()
