"""Twenty analysts at once: processes that search, open profiles and run saved queries against one Neo4j for a
fixed time, each writing its consultations to one s.62 log, as the explorer's sessions do.

Reports p50/p95 per action and the errors (there must be none), against a baseline measured in the same run:
the same actions by one analyst alone. The log is verified at the end (its hash chain must hold under
concurrent appends). Run alone against any loaded graph with `python -m bench.analysts`; `make bench` runs it
after loading its population.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import random
import statistics
import tempfile
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from audit.log import AuditLog
from bench.report import machine, save
from bench.statements import STATEMENTS
from explorer import network, search
from graph.db import Graph
from queries.library import load_library
from queries.runner import run_query
from settings import Settings

AS_OF = dt.date(2024, 12, 31)  # the generator's last day
ACTIONS = ("search", "profile", "saved query")
REASON = "bench: simulated analysts (synthetic data)"


def sample(settings: Settings, limit: int = 400) -> list[dict[str, Any]]:
    """Person records to look up, spread over the graph."""
    with Graph.connect(settings) as graph:
        return graph.read(STATEMENTS["sample_people"], name="bench sample", share=0.05, limit=limit)


def analyst(number: int, settings: Settings, people: list[dict[str, Any]], seconds: float, log: Path) -> dict[str, Any]:
    """One analyst's session: search a name, open one hit's profile, run a saved query; repeat until time is up.
    Returns each action's latencies (s) and the errors met."""
    rng = random.Random(number)
    audit = AuditLog(log, ())
    who = f"bench-analyst-{number:02d}"
    queries = list(load_library().values())
    times: dict[str, list[float]] = {a: [] for a in ACTIONS}
    errors: list[str] = []
    with Graph.connect(settings) as graph:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            person = rng.choice(people)
            steps: list[tuple[str, Callable[[], tuple[int, list[str]]]]] = [
                ("search", partial(_search, graph, person)),
                ("profile", partial(_profile, graph, person)),
                ("saved query", partial(_saved, graph, rng.choice(queries))),
            ]
            for action, step in steps:
                start = time.perf_counter()
                try:
                    rows, subjects = step()
                    audit.record("consultation", action, REASON, who=who, role="analyst", rows=rows, subjects=subjects)
                except Exception:  # counted and reported: the benchmark exists to show there are none
                    errors.append(f"{action}: {traceback.format_exc(limit=2).splitlines()[-1]}")
                times[action].append(time.perf_counter() - start)
    return {"times": times, "errors": errors}


def _search(graph: Graph, person: dict[str, Any]) -> tuple[int, list[str]]:
    text = f"{(person['forenames'] or '').split(' ')[0]} {person['surname']}".strip()
    hits = search.search_all(graph, text, AS_OF)
    return len(hits), [h.key for h in hits if h.kind == "person"]


def _profile(graph: Graph, person: dict[str, Any]) -> tuple[int, list[str]]:
    nid = network.resolve(graph, person["key"])
    if nid is None:
        raise LookupError(f"no node for {person['key']}")
    net = network.neighbourhood(graph, nid)
    return len(net.nodes), [nid]


def _saved(graph: Graph, query: Any) -> tuple[int, list[str]]:
    flags = run_query(graph, query, {"as_of": AS_OF.isoformat()})
    return len(flags), sorted({k for f in flags for k in f.person_keys()})


def _run(args: tuple[int, Settings, list[dict[str, Any]], float, Path]) -> dict[str, Any]:
    return analyst(*args)


def crowd(settings: Settings, analysts: int, seconds: float, people: list[dict[str, Any]], log: Path) -> list[dict]:
    """`analysts` processes at once (each with its own driver), each for `seconds`."""
    jobs = [(n, settings, people, seconds, log) for n in range(1, analysts + 1)]
    # an executor, not a Pool: a worker that dies breaks it with an error instead of leaving map() waiting.
    # Forked, not spawned: a spawned worker re-runs the parent's __main__, which under a Streamlit AppTest (the
    # test suite) is the explorer's app.py. Each worker opens its own driver after the fork.
    with ProcessPoolExecutor(analysts, mp_context=mp.get_context("fork")) as pool:
        return list(pool.map(_run, jobs, timeout=seconds * 4 + 300))


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"count": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"count": len(values), "p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1)}


def summarise(alone: dict[str, Any], together: list[dict[str, Any]]) -> dict[str, Any]:
    """p50/p95 per action, alone and with the crowd, and the crowd's p50 as a ratio to the lone analyst's."""
    out: dict[str, Any] = {}
    for action in ACTIONS:
        one = percentiles(alone["times"][action])
        many = percentiles([t for a in together for t in a["times"][action]])
        ratio = round(many["p50_ms"] / one["p50_ms"], 2) if one.get("p50_ms") and many.get("p50_ms") else None
        out[action] = {"alone": one, "together": many, "p50_ratio_to_alone": ratio}
    return out


def measure(settings: Settings, analysts: int = 20, seconds: float = 120.0) -> dict[str, Any]:
    """The lone baseline (a quarter of the time), then the crowd; every consultation logged and the log checked."""
    people = sample(settings)
    if not people:
        raise RuntimeError("the graph holds no person records: load a population first")
    with tempfile.TemporaryDirectory(prefix="sightline-bench-audit-") as work:
        log = Path(work) / "audit.jsonl"
        alone = analyst(0, settings, people, max(5.0, seconds / 4), log)
        together = crowd(settings, analysts, seconds, people, log)
        verdict = AuditLog(log, ()).verify()
    errors = [e for a in [alone, *together] for e in a["errors"]]
    return {
        "analysts": analysts,
        "seconds": seconds,
        "actions": summarise(alone, together),
        "errors": len(errors),
        "first_errors": errors[:5],
        "audit_entries": verdict.entries,
        "audit_log_intact": verdict.ok,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--analysts", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120.0)
    args = parser.parse_args()
    report = {"machine": machine(), "analysts": measure(Settings.from_env(), args.analysts, args.seconds)}
    save(report, prefix="analysts-")


if __name__ == "__main__":
    main()
