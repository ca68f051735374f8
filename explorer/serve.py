"""`python -m explorer.serve run app.py ...`: Streamlit's own command line (as `python -m streamlit`), in a
process that first loads what the pages import (pandas, plotly, networkx, the Neo4j driver: about a second)
and starts warming Neo4j, so the first analyst of the day does not pay for either. `sightline explore`, the
browser test and the page benchmark start the explorer this way; `streamlit run app.py` works too, slower
to its first page.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import threading
import time
from typing import Any

from streamlit.web import cli as streamlit_cli

from errors import SightlineError
from explorer.statements import STATEMENTS
from graph.db import Graph
from queries.runner import worklist

# explorer/cypher/<folder>: the statements the pages run per click. Not graph/cypher/stats_*.cypher: those are
# whole-graph counts, run once per start by the session warm-up (explorer.warm), not worth running twice.
STAND_IN = "sightline-warm-up"  # a key, id or search text no record has
# A value of the type each parameter of the explorer's Cypher takes (explorer/cypher/**): Neo4j caches a plan
# per statement and parameter types, so these plan the statements the pages run, while matching nothing.
STAND_INS: dict[str, Any] = {
    "as_of": dt.date(2000, 1, 1),
    "today": dt.date(2000, 1, 1),
    "pairs": [{"offender": STAND_IN, "child": STAND_IN, "records": [STAND_IN]}],
    "limit": 1,
    "recent_days": 1,
    "hits": 1,
    "low": 0.0,
    "high": 1.0,
    "decided": False,
    "through_agencies": False,
    **dict.fromkeys(["key", "kind", "flag_key", "left", "right", "query", "text"], STAND_IN),
    **{
        name: [STAND_IN]
        for name in (
            *("records", "addresses", "nominals", "agencies", "keys", "frontier", "from", "to", "sources", "words"),
        )
    },
}


def preload() -> None:
    """Import what the pages import (explorer.cached reaches all of it) before Streamlit starts. Its cached
    functions would each warn that no Streamlit runtime exists yet: harmless, since a cache is made at its
    first call, under the runtime."""
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    importlib.import_module("explorer.cached")


def warm_neo4j() -> None:
    """While Streamlit starts, run every saved query once for today and plan every explorer statement,
    showing nothing: after a restart the first worklist at 100,000 people otherwise takes some 27 s instead
    of one, and each page's first query one to two seconds more. A Neo4j that cannot be reached is left for
    the explorer's pages to report."""
    from explorer import warm  # after preload(): it imports the cached pages' functions

    start = time.perf_counter()
    warm.NEO4J_WARMING.set()
    try:
        with Graph.connect() as graph:
            found = worklist(graph, dt.date.today())
            warm.NEO4J_WARM.set()  # the saved queries are planned: sessions may run them now
            planned = plan_statements(graph)
    except SightlineError:
        return
    finally:
        warm.NEO4J_WARM.set()
    print(
        f"Neo4j warmed: {len(found.rows)} worklist rows, {planned} explorer statements planned "
        f"in {time.perf_counter() - start:.1f} s",
        flush=True,
    )


def plan_statements(graph: Graph) -> int:
    """Run each explorer statement once with stand-in values, in a read transaction: Neo4j plans and caches
    it; a write statement is refused there, so nothing changes. Returns how many were planned."""
    planned = 0
    for name in STATEMENTS.names():  # every statement the pages run (explorer/cypher/**)
        try:
            graph.read(STATEMENTS[name], name=f"warm-up {name}", **STAND_INS)
            planned += 1
        except SightlineError:
            continue
    return planned


if __name__ == "__main__":
    preload()
    threading.Thread(target=warm_neo4j, name="sightline-warm-neo4j", daemon=True).start()
    streamlit_cli.main(prog_name="streamlit")
