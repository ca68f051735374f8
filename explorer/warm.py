"""What every analyst needs first (the worklist for the day they replay, the graph summary, the review queue's
totals), computed in the background as soon as a session signs in, while the analyst types the reason for
consulting: at 100,000 people the worklist alone takes about half a second on a warm Neo4j (explorer.serve
warms Neo4j itself when the explorer starts).

The results land in the same st.cache_data caches the pages read, and Streamlit computes each cached value
once: a page that asks while the warm-up is still running waits for it rather than running the queries again.

After a Neo4j restart almost all of the first worklist's time is Neo4j planning the saved queries (on the
5,000-person demo, on a busy 2-core machine: 177 s cold, 5 s once planned). explorer.serve plans them all as
the explorer starts; a session opened meanwhile waits for that (`NEO4J_WARMING`, `NEO4J_WARM`) instead of
planning every query a second time at once, which doubled the CPU work of the slowest minute of the day.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

import streamlit as st

from errors import SightlineError
from explorer import cached, ui
from settings import Settings

log = logging.getLogger(__name__)
NEO4J_WARMING = threading.Event()  # explorer.serve has started planning Neo4j's statements
NEO4J_WARM = threading.Event()  # ... and has finished (or given up)
NEO4J_WAIT = 600  # seconds a session's warm-up waits for it at most
# A cached function called off a session's thread makes Streamlit warn once per thread that the thread has no
# session (ScriptRunContext); a warm-up has none by design.
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)


def start(as_of: dt.date) -> None:
    """Warm the caches for this replay date unless SIGHTLINE_EXPLORER_WARM is off (the AppTest tests turn it
    off: a warm-up left running by one test could fill the next test's fresh caches from another graph)."""
    if Settings.from_env().explorer_warm:
        warming(as_of)


@st.cache_resource(show_spinner=False, max_entries=32)
def warming(as_of: dt.date) -> threading.Thread:
    """Once per replay date and explorer process (a new date warms again)."""
    thread = threading.Thread(target=_warm, args=(as_of,), name=f"sightline-warm-{as_of}", daemon=True)
    thread.start()
    return thread


def _warm(as_of: dt.date) -> None:
    if NEO4J_WARMING.is_set():  # the saved queries are being planned: run them once that is done
        NEO4J_WARM.wait(timeout=NEO4J_WAIT)
    try:
        ui.connect()
        cached.worklist_rows(as_of)
        cached.relations(as_of)  # the worklist's offender column and its flags' named agencies
        cached.evidence_agencies(as_of)
        cached.review_totals()
        cached.stats()
    except SightlineError as e:  # the page that needs the result asks again and shows the error
        log.warning("warming the explorer's caches failed: %s", e)
