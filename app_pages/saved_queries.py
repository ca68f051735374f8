"""Saved queries: the library of checks (S1-S14), a form from each one's declared parameters, results as a
table and a graph, exported as CSV or JSON."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from errors import ConfigError, SightlineError
from explorer import chart, profile_ui, saved, ui
from exports import file_name
from queries.library import load_library
from queries.runner import run_query

st.title("Saved queries")
ui.require_identity("saved_queries")
ui.graph()
try:
    library = load_library()
except ConfigError as e:
    ui.fail(e)
if not library:
    st.info("No saved queries yet: add `queries/s*.cypher` files (docs/queries.md).")
    st.stop()

st.dataframe(
    [{"name": q.name, "signal": q.signal, "severity": q.severity, "title": q.title} for q in library.values()],
    hide_index=True,
    width="stretch",
)
name = st.selectbox(
    "Query", list(library), format_func=lambda n: f"{library[n].signal} · {library[n].title}", key="query-name"
)
query = library[name]
st.markdown(f"**Why:** {query.rationale}\n\n**Action:** {query.action}")
with st.expander("Cypher"):
    st.code(query.cypher, language="cypher")

given = saved.form(query, ui.as_of())
if given is not None:
    try:
        flags = run_query(ui.graph(), query, given)
    except SightlineError as e:
        ui.fail(e)
    ui.consult(f"saved query {query.name}", given, len(flags), [k for f in flags for k in f.person_keys()])
    st.session_state["query-result"] = (query.name, flags)
result = st.session_state.get("query-result")
if not result or result[0] != query.name:
    st.info("Set the parameters and press Run.")
    st.stop()

flags = result[1]
st.subheader(f"{len(flags)} flag(s)")
if not flags:
    st.info("No flags with these parameters.")
    st.stop()
given_as_of = st.session_state.get(f"param-{query.name}-as_of")  # the day the query replayed the records to
as_of = given_as_of if isinstance(given_as_of, dt.date) else ui.as_of()
cols = st.columns(2)
shown_keys = [k for f in flags for k in f.person_keys()]
csv_name, json_name = (file_name(query.name, "flags", as_of, ext) for ext in ("csv", "json"))
ui.download(
    "Export CSV", saved.as_csv(flags, query.action), csv_name, "text/csv", shown_keys, len(flags), where=cols[0]
)
ui.download("Export JSON", saved.as_json(flags), json_name, "application/json", shown_keys, len(flags), where=cols[1])
# a segmented control, not tabs: a chart drawn in a hidden tab lays itself out in no space, off-centre until "fit"
shown = st.segmented_control("Show", ["Table", "Graph"], default="Table", key="query-show") or "Table"
if shown == "Table":
    st.dataframe(saved.table(flags), hide_index=True, width="stretch")
else:
    net = saved.network(flags)
    view = chart.build_view(net, chart.Filters(), set(net.nodes), as_of, {})
    profile_ui.draw(view, chart.elements(view, as_of, {}), key=f"saved-{query.name}", actions=False)
