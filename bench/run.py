"""`make bench`: time generation, loading, linkage, every saved query, every explorer page (bench/pages.py) and
twenty analysts at once (bench/analysts.py) on a throwaway Neo4j, as ratios to baselines measured in the same
run on the same machine, and check each query's plan starts from an index.

Usage: python -m bench.run [--people N] [--seed S] [--repeat R]. Results: bench/results/<time>.json.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import analysts, pages
from bench.report import machine, save
from bench.statements import STATEMENTS
from graph import server
from graph.db import Graph
from linkage.exact import link_exact
from linkage.pipeline import ResolveSettings, resolve
from loaders.load import load_directory
from loaders.spec import load_spec
from queries.library import load_library
from settings import Settings
from synthetic import generate

HERE = Path(__file__).resolve().parent
SCAN_OPERATORS = ("NodeByLabelScan", "AllNodesScan")


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def baseline_write(graph: Graph, rows: int) -> float:
    """Seconds to CREATE `rows` flat nodes in batches: the machine's raw write speed."""
    batch = [{"a": str(i), "b": i, "c": "x" * 20} for i in range(2000)]
    start = time.perf_counter()
    for _ in range(max(1, rows // len(batch))):
        graph.write(STATEMENTS["baseline_write"], name="baseline write", rows=batch)
    elapsed = time.perf_counter() - start
    graph.write_in_batches(STATEMENTS["clear_baseline"], name="baseline clear")
    return elapsed


def median_ms(fn: Any, repeat: int) -> float:
    fn()  # warm-up: plan cache and page cache
    return statistics.median(timed(fn)[0] for _ in range(repeat)) * 1000


def plan_leaves(graph: Graph, cypher: str, params: dict[str, Any]) -> list[str]:
    """Operators at the leaves of the query plan: where the query starts reading."""
    with graph.driver.session(database=graph.database) as session:
        plan = session.run("EXPLAIN " + cypher, params).consume().plan  # type: ignore[arg-type]
    leaves: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        children = node.get("children") or []
        if not children:
            leaves.append(str(node.get("operatorType", "")).split("@")[0])
        for child in children:
            walk(child)

    walk(plan or {})
    return leaves


def run(people: int, seed: int, repeat: int) -> dict[str, Any]:
    report: dict[str, Any] = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "people": people,
        "seed": seed,
    }
    work = Path(tempfile.mkdtemp(prefix="sightline-bench-"))
    try:
        gen_s, summary = timed(generate, people=people, seed=seed, out=work / "feeds")
        rows = sum(summary.rows.values())
        csv_s, _ = timed(_copy_rows, work / "feeds", work / "copy")
        report["generate"] = {"seconds": round(gen_s, 2), "rows": rows, "ratio_to_csv_copy": round(gen_s / csv_s, 2)}
        info = server.start(port=server.free_port(), data_dir=work / "neo4j")
        settings = Settings(neo4j_uri=info.uri, neo4j_user=info.user, neo4j_password=info.password)
        with Graph.connect(settings) as graph:
            report |= _measure_graph(graph, work, rows, repeat)
        report["pages"] = pages.measure(settings, work / "feeds" / "ground_truth.json")
        report["analysts"] = analysts.measure(settings)
    finally:
        server.stop(work / "neo4j")
        shutil.rmtree(work, ignore_errors=True)
    return report


def _copy_rows(src: Path, dst: Path) -> None:
    """Baseline for generation: read and re-write the same CSV rows with the csv module."""
    dst.mkdir()
    for path in src.glob("*.csv"):
        with path.open(newline="", encoding="utf-8") as f, (dst / path.name).open("w", newline="") as g:
            csv.writer(g).writerows(csv.reader(f))


def _measure_graph(graph: Graph, work: Path, rows: int, repeat: int) -> dict[str, Any]:
    base_write = baseline_write(graph, rows)
    load_s, report = timed(load_directory, graph, load_spec(), work / "feeds", work / "rejects")
    link_s, linked = timed(link_exact, graph)
    resolved = resolve(graph, ResolveSettings())
    out: dict[str, Any] = {
        "load": {
            "seconds": round(load_s, 2),
            "rows": rows,
            "rows_per_second": round(rows / load_s),
            "ratio_to_raw_create": round(load_s / base_write, 2),
            "rejected": report.rejected,
        },
        "link": {"seconds": round(link_s, 2), **linked},
        "resolve": {
            "seconds": resolved.seconds,
            "records": resolved.records,
            "scored_pairs": resolved.scored_pairs,
            "identities": resolved.identities,
            "peak_memory_mb_of_process": resolved.peak_memory_mb,
        },
    }
    key = graph.read(STATEMENTS["a_nominal"], name="a nominal")[0]["k"]
    base_read = median_ms(lambda: graph.read(STATEMENTS["baseline_read"], key=key), repeat)
    queries = {}
    for q in load_library().values():
        params = q.bind({"as_of": "2024-12-31"})
        ms = median_ms(lambda q=q, params=params: graph.read(q.cypher, **params), repeat)
        leaves = plan_leaves(graph, q.cypher, params)
        queries[q.name] = {
            "median_ms": round(ms, 1),
            "ratio_to_baseline_read": round(ms / base_read, 1),
            "under_1s": ms < 1000,
            "starts": sorted(set(leaves)),
            "label_scan": any(op in SCAN_OPERATORS for op in leaves),
        }
    out["queries"] = {"baseline_read_ms": round(base_read, 2), "each": queries}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    save(run(args.people, args.seed, args.repeat))


if __name__ == "__main__":
    main()
