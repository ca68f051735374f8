"""`python -m explorer.serve run app.py ...`: Streamlit's own command line (as `python -m streamlit`), in a
process that first loads what the pages import (pandas, plotly, networkx, the Neo4j driver: about a second)
and starts warming Neo4j, so the first analyst of the day does not pay for either. `sightline explore`, the
browser test and the page benchmark start the explorer this way; `streamlit run app.py` works too, slower
to its first page.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

from streamlit.web import cli as streamlit_cli

import explorer.cached  # noqa: F401  (loaded for its imports: every page reads through it)
from graph.db import Graph
from graph.errors import SightlineError
from queries.runner import worklist


def warm_neo4j() -> None:
    """Run every saved query once, showing nothing, while Streamlit starts: Neo4j plans them and reads their
    data into its page cache. After a restart the first worklist at 100,000 people otherwise takes some 27 s
    instead of one. A Neo4j that cannot be reached is left for the explorer's pages to report."""
    start = time.perf_counter()
    try:
        with Graph.connect() as graph:
            found = worklist(graph, dt.date.today())
    except SightlineError:
        return
    print(f"Neo4j warmed: {len(found.rows)} worklist rows in {time.perf_counter() - start:.1f} s", flush=True)


if __name__ == "__main__":
    threading.Thread(target=warm_neo4j, name="sightline-warm-neo4j", daemon=True).start()
    streamlit_cli.main(prog_name="streamlit")
