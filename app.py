"""Sightline explorer (first page): what the graph holds. The analyst pages arrive with the explorer issue."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.db import Graph
from graph.errors import SightlineError
from graph.stats import graph_stats

st.set_page_config(page_title="Sightline", layout="wide")
st.title("Sightline")
st.caption("Line of sight across police, probation, children's social care, health, education and employment records.")


@st.cache_resource
def _graph() -> Graph:
    return Graph.connect()


@st.cache_data(ttl=60)
def _stats() -> dict:
    return graph_stats(_graph())


try:
    stats = _stats()
except SightlineError as e:
    st.error(f"Cannot reach Neo4j: {e}")
    st.stop()

if not stats["nodes"]:
    st.info("The graph is empty. Load feeds with `sightline load DIR`, or run `make demo`.")
    st.stop()

left, right = st.columns(2)
left.metric("Nodes", f"{stats['nodes']:,}")
right.metric("Relationships", f"{stats['relationships']:,}")
st.subheader("By source feed")
st.dataframe(pd.DataFrame.from_dict(stats["by_source"], orient="index").sort_index(), use_container_width=True)
left, right = st.columns(2)
left.subheader("Nodes by label")
left.dataframe(pd.Series(stats["by_label"], name="count").sort_index(), use_container_width=True)
right.subheader("Relationships by type")
right.dataframe(pd.Series(stats["by_type"], name="count").sort_index(), use_container_width=True)
