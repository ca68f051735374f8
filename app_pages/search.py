"""Search: one box for people (spelling variants and nicknames), addresses (street, postcode) and agencies."""

from __future__ import annotations

import streamlit as st

from errors import SightlineError
from explorer import cached, search, ui, widgets
from explorer.text import md

st.title("Search")
st.caption(
    'A name as any agency wrote it ("Bill Smyth" finds William Smith, "Chas Freman" Charles Freeman), a street or '
    "postcode, or an agency. Exact matches first; each person with age and current address."
)
ui.require_identity()
ui.graph()
text = st.text_input("Search", key="search-text", placeholder="e.g. Jon Smyth, E8 1AB, Acacia Road, Jigsaw")
if not text.strip():
    st.info("Type a name, street, postcode or agency.")
    st.stop()
if len(text.strip()) < 2:
    st.warning("Type at least two characters.")
    st.stop()

try:
    hits = cached.search_hits(text.strip(), ui.as_of())
except SightlineError as e:
    ui.fail(e)
ui.consult("search", {"text": text.strip()}, len(hits), [h.key for h in hits])
if not hits:
    st.info(f"Nothing found for {md(repr(text.strip()))}. Try fewer words or another spelling.")
    st.stop()

for kind, title in (("person", "People"), ("address", "Addresses"), ("agency", "Agencies")):
    group = [h for h in hits if h.kind == kind]
    if group:
        st.subheader(f"{title} ({search.shown_of(group)})")
        widgets.hit_rows(group, prefix=kind)
