"""Review links: pairs of person records that record linkage could not decide, side by side with each field's
match weight; the reviewer's decision is kept in the graph and the next `sightline resolve` applies it."""

from __future__ import annotations

import streamlit as st

from errors import SightlineError
from explorer import review, review_ui, ui

QUEUE, SEARCH = "Waiting for review", "Find a record's links"

st.title("Review links")
st.caption(
    "Is it the same person? Each pair `sightline resolve` was unsure of, with the match weight of every field. "
    "Look up a record's key to check, or reject, a link it made automatically."
)
ui.require_identity("review_links")
graph = ui.graph()
try:
    scored = review.scored(graph)
except SightlineError as e:
    ui.fail(e)
if not scored:
    st.info("No candidate pairs: run `sightline resolve` to score the person records across agencies.")
    st.stop()

review_ui.flash()
mode = st.radio("Pairs", [QUEUE, SEARCH], horizontal=True, key="review-mode")
try:
    rows, total = review_ui.queue_rows() if mode == QUEUE else review_ui.search_rows()
except SightlineError as e:
    ui.fail(e)
pid = review_ui.choose(rows, total, "queue" if mode == QUEUE else "search")
if not pid:
    st.caption(review_ui.EFFECT)
    st.stop()
review_ui.pair_panel(pid)
