"""The "Review links" page's sections: the queue with its filters, finding a record's links, one pair side by
side with its waterfall, and the decision form. Streamlit code only; the logic is in explorer/review.py."""

from __future__ import annotations

from typing import Any

import streamlit as st

from errors import SightlineError
from explorer import cached, review, ui
from explorer.badges import full_name
from explorer.text import md
from linkage import decisions

SHOWN = 500  # rows in the table and the picker; filters narrow a longer queue
EFFECT = (
    "A decision is recorded with your account and the time, and takes effect the next time `sightline resolve` "
    "runs (full or `--incremental`) and on every run after. Nothing here re-runs resolve or changes a source "
    "record."
)
APART = (
    "*Not the same person* stops resolve linking these two records; if other records still tie them together, "
    "they stay in one identity until those links are reviewed too."
)


def version() -> int:
    """Bumped by each decision, so the table's row selection (an index) never points at another pair."""
    return int(st.session_state.setdefault("review-version", 0))


def queue_rows() -> tuple[list[dict[str, Any]], int]:
    """The first SHOWN pairs waiting for review after the probability, feed and decided filters, and how many
    the filters keep; stops when none. The query filters, so a long queue never travels to the page whole."""
    totals = cached.review_totals()
    if not totals.pairs:
        ui.consult("review links", {"pairs": "waiting for review"}, 0)
        st.info("No pairs wait for review: resolve linked or left apart every pair it scored.")
        st.stop()
    cols = st.columns([2, 2, 1])
    low, high = cols[0].slider("Probability", 0.0, 1.0, (0.0, 1.0), step=0.01, key="review-probability")
    feeds = cols[1].multiselect("Feed (either record)", totals.feeds, key="review-feeds")
    decided = cols[2].toggle("Include decided pairs", key="review-decided")
    found = cached.review_queue(review.QueueFilter(low, high, frozenset(feeds), decided), SHOWN)
    ui.consult("review links", {"pairs": "waiting for review"}, found.matching)
    total = totals.pairs - totals.decided
    line = f"**{found.waiting}** pairs waiting" + (f" of {total}" if found.matching != totals.pairs else "")
    if totals.decided:
        line += f"; {totals.decided} decided, waiting for the next `sightline resolve`"
    st.markdown(line + ". Highest probability first.")
    if not found.rows:
        st.info("No pair matches these filters.")
        st.stop()
    return found.rows, found.matching


def search_rows() -> tuple[list[dict[str, Any]], int]:
    """Every scored pair of a record or identity key (automatic links included); stops until one is given."""
    key = st.text_input(
        "Record or identity key", key="review-key", placeholder="e.g. nhs:9434765919, police:N123, identity:…"
    ).strip()
    if not key:
        st.info("Give a person record's key (the Profile page lists them) to see every pair it is in.")
        st.stop()
    try:
        rows = review.pairs_of(ui.graph(), key)
    except SightlineError as e:
        ui.fail(e)
    ui.consult("review links", {"key": key}, len(rows))
    if not rows:
        st.info(f"No scored pair has {md(repr(key))}: check the key, or run `sightline resolve`.")
        st.stop()
    st.markdown(f"**{len(rows)}** scored pairs with {md(key)}, highest probability first.")
    return rows, len(rows)


def choose(rows: list[dict[str, Any]], total: int, mode: str) -> str | None:
    """The pair picked in the table or the picker (of the first SHOWN of `total`); after a decision, the pair
    just decided."""
    shown = rows[:SHOWN]
    if total > SHOWN:
        st.caption(f"Showing the first {SHOWN} of {total}: narrow them with the filters.")
    event = st.dataframe(
        review.table(shown),
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        key=f"review-table-{mode}-{version()}",
    )
    picked = event.selection.rows
    names = {  # numbered as in the table: two pairs can read alike (one person's records in two feeds)
        review.pair_id(r): f"{i}. {r['left_name']} / {r['right_name']} (p={r['probability']:.3f})"
        for i, r in enumerate(shown, 1)
    }
    choice = st.selectbox(
        "Pair to review",
        list(names),
        index=picked[0] if picked else None,
        format_func=lambda pid: names[pid],
        placeholder="Select a row above, or choose here",
    )
    if choice:
        st.session_state.pop("review-last", None)
        return str(choice)
    return st.session_state.get("review-last")


def pair_panel(pid: str) -> None:
    """Both records side by side, the waterfall of match weights, decisions so far and the decision form."""
    left, right = review.split_id(pid)
    try:
        link = review.pair(ui.graph(), left, right)
        done = review.history(ui.graph(), left, right)
        model = cached.linkage_model()
    except SightlineError as e:
        ui.fail(e)
    if link is None:
        st.warning("This pair is no longer scored: `sightline resolve` has run since. Choose another.")
        return
    ui.consult("review pair", {"left": left, "right": right}, len(link["records"]), [left, right])
    records = link["records"]
    st.subheader(" / ".join(full_name(r) or r["key"] for r in records))
    cols = st.columns(4)
    cols[0].metric("Probability", f"{link['probability']:.3f}")
    cols[1].metric("Match weight", f"{link['match_weight']:.2f}")
    cols[2].metric("Status", review.STATUSES.get(link["status"], link["status"]))
    cols[3].metric("Identities now", "the same" if review.same_identity(records) else "different")
    if link["note"]:
        st.warning(f"Resolve held this link back: {md(link['note'])}")
    st.dataframe(review.side_by_side(records), hide_index=True, width="stretch")
    weights = review.weights(link, model)
    st.plotly_chart(review.waterfall(weights), width="stretch", key=f"waterfall-{pid}")
    st.dataframe(review.weights_table(weights), hide_index=True, width="stretch")
    if done:
        st.markdown("**Decisions on this pair**")
        st.dataframe(review.history_table(done), hide_index=True, width="stretch")
    else:
        st.caption("No decision on this pair yet.")
    decision_form(left, right)


def decision_form(left: str, right: str) -> None:
    """Same person / Not the same person, with an optional note; recorded with the analyst's name and time."""
    st.caption(EFFECT + " " + APART)
    with st.form(key=f"decide-{left}-{right}"):
        note = st.text_area("Note (optional)", height=68, placeholder="e.g. GP record gives another date of birth")
        cols = st.columns(2)
        same = cols[0].form_submit_button(decisions.DECISIONS[decisions.SAME], type="primary")
        different = cols[1].form_submit_button(decisions.DECISIONS[decisions.DIFFERENT])
    decision = decisions.SAME if same else decisions.DIFFERENT if different else None
    if decision is None:
        return
    who = ui.who()
    try:
        at = decisions.decide(ui.graph(), left, right, decision, who, note)
    except SightlineError as e:
        st.error(str(e))
        return
    ui.record("combination", "link decision", {"left": left, "right": right, "decision": decision}, 1, [left, right])
    cached.review_queue.clear()
    cached.review_totals.clear()
    st.session_state["review-last"] = f"{left}\n{right}"
    st.session_state["review-version"] = version() + 1
    st.session_state["review-flash"] = (
        f"Recorded: {decisions.DECISIONS[decision]}, by {who} at {at:%d %B %Y %H:%M} UTC. "
        "It takes effect on the next `sightline resolve`."
    )
    st.rerun()


def flash() -> None:
    """The confirmation of the decision just recorded (shown once, after the rerun that recorded it)."""
    message = st.session_state.pop("review-flash", None)
    if message:
        st.success(message)
