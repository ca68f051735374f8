"""Results cached per session-independent arguments (st.cache_data with a TTL), so reruns and page
switches do not query Neo4j again; the connection itself is `ui.graph()` (st.cache_resource)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from errors import SightlineError
from explorer import chronology, network, paths, review, search, sight, worklist
from explorer import profile_facts as profile_facts_module
from explorer.ui import connect, graph
from graph.stats import graph_stats
from queries.library import load_library

TTL = 120
CHECKS_TTL = 600  # the worklist: records change with loads, not by the minute; the page says when it ran


@st.cache_data(ttl=CHECKS_TTL, show_spinner="Running every saved query…")
def worklist_rows(as_of: dt.date) -> worklist.Fetched:
    return worklist.fetch(graph(), as_of, load_library())


@st.cache_data(ttl=CHECKS_TTL, show_spinner="Finding how each offender is related to each child…")
def relations(as_of: dt.date) -> worklist.Relations:
    """For the worklist's children (all of them, before filters: one query per as-of date)."""
    children, _ = worklist.children_first(worklist_rows(as_of).rows)
    return worklist.relations(graph(), children)


@st.cache_data(ttl=CHECKS_TTL, show_spinner=False)
def evidence_agencies(as_of: dt.date) -> dict[str, str]:
    """Record id -> named agency, for every record the worklist's flags cite (one query per as-of date)."""
    return worklist.evidence_agencies(graph(), worklist_rows(as_of).rows)


@st.cache_data(ttl=TTL, show_spinner="Reading where they live and what is recorded…")
def profile_facts(records: tuple[str, ...], as_of: dt.date) -> profile_facts_module.Facts:
    return profile_facts_module.fetch(graph(), list(records), as_of)


@st.cache_data(ttl=CHECKS_TTL, show_spinner=False)
def records_end(today: dt.date) -> dt.date:
    """The day the records end (today when they run on to it, or Neo4j cannot say): where the explorer opens."""
    try:
        return worklist.records_end(connect(), today) or today
    except SightlineError:
        return today


@st.cache_data(ttl=TTL, show_spinner="Searching…")
def search_hits(text: str, as_of: dt.date) -> list[search.Hit]:
    return search.search_all(graph(), text, as_of)


@st.cache_data(ttl=TTL, show_spinner="Resolving…")
def resolve(key: str) -> str | None:
    return network.resolve(graph(), key)


@st.cache_data(ttl=TTL, show_spinner="Fetching neighbours…")
def neighbourhood(nid: str, limit: int) -> network.Network:
    return network.neighbourhood(graph(), nid, limit)


@st.cache_data(ttl=TTL, show_spinner=False)
def node(nid: str) -> network.Node | None:
    return network.fetch_node(graph(), nid)


@st.cache_data(ttl=CHECKS_TTL, show_spinner="Counting what the graph holds…")
def stats() -> dict[str, Any]:
    return graph_stats(graph())


@st.cache_data(ttl=TTL, show_spinner="Finding the shortest chain of links…")
def path(a: str, b: str, through_agencies: bool) -> tuple[network.Network, list[str]]:
    return paths.shortest_path(graph(), a, b, through_agencies)


@st.cache_data(ttl=TTL, show_spinner="Building the connected network…")
def connected(nid: str) -> network.Network:
    return paths.connected(graph(), nid)


@st.cache_data(ttl=TTL, show_spinner="Merging every agency's records…")
def household(identity: str) -> list[dict[str, Any]]:
    return chronology.household(graph(), identity)


@st.cache_data(ttl=TTL, show_spinner="Merging every agency's records…")
def events(records: tuple[str, ...], addresses: tuple[str, ...], as_of: dt.date) -> Any:
    return chronology.events(graph(), list(records), list(addresses), as_of)


@st.cache_data(ttl=TTL, show_spinner="Asking what each agency holds…")
def sight_of(records: tuple[str, ...], as_of: dt.date) -> sight.Sight:
    return sight.fetch(graph(), list(records), as_of)


@st.cache_data(ttl=30, show_spinner="Fetching the pairs waiting for review…")
def review_queue(keep: review.QueueFilter, limit: int) -> review.Queue:
    """Cleared when this session records a decision; others' decisions show within the TTL."""
    return review.queue(graph(), keep, limit)


@st.cache_data(ttl=30, show_spinner="Counting the pairs waiting for review…")
def review_totals() -> review.Totals:
    return review.totals(graph())


@st.cache_data(ttl=TTL, show_spinner=False)
def linkage_model() -> dict[str, Any] | None:
    return review.saved_model(graph())
