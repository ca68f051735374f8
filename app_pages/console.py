"""Cypher console: administrators run their own read-only query (a read transaction, with a timeout and a row
limit); the query text and its row count are logged as a consultation."""

from __future__ import annotations

import streamlit as st

from errors import SightlineError
from explorer import console, ui
from settings import Settings

st.title("Cypher console")
ui.require_identity("console")
graph = ui.graph()
limits = Settings.from_env()
st.caption(
    f"Read only: Neo4j refuses any write. At most {limits.console_rows} rows, stopped after "
    f"{limits.console_timeout} s. The query and its row count are logged with your reason."
)
with st.form("console"):
    text = st.text_area("Query", key="console-text", height=120, placeholder="MATCH (p:Person) RETURN p.key LIMIT 5")
    go = st.form_submit_button("Run", type="primary")
if not go or not text.strip():
    st.stop()
try:
    answer = console.run(graph, text.strip())
except SightlineError as e:
    ui.record("consultation", "cypher console", {"query": text.strip(), "refused": str(e)}, 0)
    ui.fail(e)
ui.record("consultation", "cypher console", {"query": text.strip()}, len(answer.rows), console.keys(answer.rows))
more = f" (the first {len(answer.rows)}; there are more)" if answer.more else ""
st.markdown(f"**{len(answer.rows)}** rows{more}.")
if answer.rows:
    st.dataframe(console.table(answer.rows), hide_index=True, width="stretch")
