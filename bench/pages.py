"""Page latency: how long each explorer page takes, in a real browser, from the analyst's request (a click on
the page in the sidebar, Enter in the search box, Run on a saved query) to its first useful content (the
worklist table, the search hits, the person's records, the timeline, the line-of-sight matrix...).

Headless Debian chromium (Playwright) drives the explorer (as `sightline explore` starts it) against the given
Neo4j. A bare Streamlit app (bench/bare_app.py: a title and a ten-row table) is measured in the same run as the
baseline. "Cold" is the first session on a freshly started explorer once it has warmed Neo4j (no cached
results; the warm-up's own time is reported); "warm" is a later session (results cached by st.cache_data).
Each session is a new browser context, so the browser caches nothing between them either. Run alone against
any loaded graph with `python -m bench.pages --truth DIR/ground_truth.json`; `make bench` runs it after
loading its population.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Locator, Page, sync_playwright

from bench.report import machine, save
from bench.statements import STATEMENTS
from cli.explore import APP
from graph import server
from graph.db import Graph, connection
from settings import Settings
from tests.support.browser import launch
from tests.support.explorer import PASSWORD, account, environment, serving
from tests.support.variations import written_otherwise

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2024, 12, 31)  # the generator's last day
BUDGET = 2.0  # seconds to first useful content (issue 4)
WAIT = 120_000  # ms before a step counts as failed
BENCH_ACCOUNT = "Bench Analyst"  # created in the run's own account store
FRESH = '[data-testid="stElementContainer"]:not([data-stale="true"])'  # drawn by the current run


@dataclass(frozen=True)
class Subject:
    """The planted child the analyst follows: found by a variant of the name, then opened on every page."""

    surname: str
    variant: str


def fresh(page: Page, selector: str) -> Locator:
    return page.locator(f"{FRESH} {selector}").first


def fresh_text(page: Page, text: str) -> Locator:
    return page.locator(FRESH).filter(has_text=text).last


def table(page: Page) -> Locator:
    return fresh(page, '[data-testid="stDataFrame"] canvas')


def timed(act: Callable[[], object], *ready: Locator) -> float:
    """Seconds from the request to the moment every `ready` element is on screen."""
    start = time.perf_counter()
    act()
    for locator in ready:
        locator.wait_for(timeout=WAIT)
    return time.perf_counter() - start


def link(page: Page, title: str) -> Callable[[], None]:
    return lambda: page.get_by_role("link", name=title, exact=True).click()


def analyst_pass(browser: Browser, url: str, subject: Subject) -> dict[str, float]:
    """One analyst's session from opening the explorer to the last page; seconds per step."""
    context = browser.new_context(viewport={"width": 1500, "height": 1200})
    page = context.new_page()
    out: dict[str, float] = {}
    name = page.get_by_role("textbox", name="Account name")
    out["open the explorer"] = timed(lambda: page.goto(f"{url}/?as_of={AS_OF.isoformat()}"), name)
    name.fill(BENCH_ACCOUNT)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    reason = page.get_by_role("textbox", name="Reason for consulting")
    reason.fill("page benchmark")
    out["worklist"] = timed(lambda: reason.press("Enter"), fresh_text(page, "children as of"), table(page))
    out["search page"] = timed(link(page, "Search"), fresh(page, 'input[aria-label="Search"]'))
    box = page.get_by_role("textbox", name="Search")
    box.fill(subject.variant)
    hit = page.locator('[data-testid="stHorizontalBlock"]').filter(has_text=subject.surname)
    out["search hits"] = timed(lambda: box.press("Enter"), hit.first)
    heading = fresh(page, "h3").filter(has_text=subject.surname)
    out["profile"] = timed(lambda: hit.get_by_role("button", name="Open").first.click(), heading, table(page))
    out["link chart drawn"] = out["profile"] + timed(lambda: None, fresh(page, "iframe"))
    out["chronology"] = timed(link(page, "Chronology"), fresh_text(page, "records,"), table(page))
    out["chronology timeline drawn"] = out["chronology"] + timed(lambda: None, fresh(page, ".js-plotly-plot"))
    out["line of sight"] = timed(link(page, "Line of sight"), fresh_text(page, "Household children"), table(page))
    out["saved queries"] = timed(link(page, "Saved queries"), table(page))
    out["saved query run"] = timed(lambda: page.get_by_role("button", name="Run").click(), fresh_text(page, "flag(s)"))
    out["review links"] = timed(link(page, "Review links"), fresh_text(page, "pairs waiting"), table(page))
    out["data"] = timed(link(page, "Data"), fresh(page, '[data-testid="stFileUploader"]'))
    out["data: what the graph holds"] = timed(
        lambda: page.get_by_role("tab", name="What the graph holds").click(), fresh(page, '[data-testid="stMetric"]')
    )
    out["worklist again"] = timed(link(page, "Worklist & triage"), fresh_text(page, "children as of"), table(page))
    context.close()
    return out


def bare_pass(browser: Browser, url: str) -> dict[str, float]:
    """The baseline: open the bare app, then move to its second page."""
    context = browser.new_context(viewport={"width": 1500, "height": 1200})
    page = context.new_page()
    opened = timed(lambda: page.goto(url), fresh_text(page, "Bare one"), table(page))
    moved = timed(link(page, "Bare two"), fresh(page, "h1").filter(has_text="Bare two"), table(page))
    context.close()
    return {"open": opened, "navigate": moved}


def subject_of(settings: Settings, truth: Path) -> Subject:
    """The child of the first planted S1 case that needs no probabilistic linkage."""
    cases = json.loads(truth.read_text(encoding="utf-8"))["cases"]
    case = next(c for c in cases if c["case_id"].startswith("S1-") and not c["decoy"] and not c["requires_linkage"])
    key = next(k for k in case["children"] if k.startswith("nhs:"))
    with Graph.connect(settings) as graph:
        row = graph.read(STATEMENTS["person_name"], name="bench subject", key=key)[0]
    return Subject(row["s"], written_otherwise(row["f"], row["s"]))


@contextmanager
def explorer(settings: Settings, work: Path, script: Path = APP) -> Iterator[str]:
    """A fresh explorer process (empty caches) on a free port against `settings`' Neo4j; another script (the
    baseline) runs on plain Streamlit."""
    env = dict(os.environ) | environment(settings, work / "consultations.jsonl")
    account(Path(env["SIGHTLINE_ACCOUNTS"]), "analyst", name=BENCH_ACCOUNT)  # each pass signs in as it
    module = "explorer.serve" if script == APP else "streamlit"
    with serving(server.free_port(), env, work / "streamlit.log", script, module) as url:
        yield url


def warmed(log: Path, wait: float = 600) -> float:
    """Seconds until the explorer says it has warmed Neo4j (explorer.serve): the cold passes start then, as
    an analyst arriving after the start would. Gives up after `wait` (a Neo4j the warm-up cannot reach)."""
    start = time.perf_counter()
    while time.perf_counter() - start < wait and "Neo4j warmed" not in log.read_text(errors="replace"):
        time.sleep(0.5)
    return time.perf_counter() - start


def summarise(cold: list[dict[str, float]], warm: list[dict[str, float]], bare: list[dict[str, float]]) -> dict:
    baseline = {k: statistics.median(b[k] for b in bare) for k in ("open", "navigate")}
    steps: dict[str, Any] = {}
    for step in cold[0]:
        base = baseline["open"] if step == "open the explorer" else baseline["navigate"]
        c = statistics.median(p[step] for p in cold)
        w = statistics.median(p[step] for p in warm)
        steps[step] = {
            "cold_s": round(c, 2),
            "warm_s": round(w, 2),
            "cold_runs_s": [round(p[step], 2) for p in cold],
            "ratio_to_bare_cold": round(c / base, 2),
            "ratio_to_bare_warm": round(w / base, 2),
            "within_budget": max(c, w) <= BUDGET,
        }
    return {
        "budget_s": BUDGET,
        "bare_streamlit_s": {k: round(v, 2) for k, v in baseline.items()},
        "steps": steps,
    }


def measure(settings: Settings, truth: Path, cold_runs: int = 3, warm_runs: int = 3) -> dict[str, Any]:
    """Every step on `cold_runs` freshly started explorers, then `warm_runs` later sessions on the last."""
    subject = subject_of(settings, truth)
    cold: list[dict[str, float]] = []
    warm: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    warm_up: list[float] = []
    with tempfile.TemporaryDirectory(prefix="sightline-pages-") as tmp, sync_playwright() as p:
        work = Path(tmp)
        browser = launch(p)
        with explorer(settings, work, HERE / "bare_app.py") as url:
            bare_pass(browser, url)  # Streamlit's own first-run work is not the baseline
            bare += [bare_pass(browser, url) for _ in range(max(cold_runs, warm_runs))]
        for i in range(cold_runs):
            with explorer(settings, work) as url:
                warm_up.append(warmed(work / "streamlit.log"))
                cold.append(analyst_pass(browser, url, subject))
                if i == cold_runs - 1:
                    warm += [analyst_pass(browser, url, subject) for _ in range(warm_runs)]
        browser.close()
    with Graph.connect(settings) as graph:
        people = graph.read(STATEMENTS["person_count"], name="bench people")[0]["n"]
    summary = summarise(cold, warm, bare)
    return {"person_records": people, "explorer_warm_up_s": [round(w, 1) for w in warm_up], **summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--truth", type=Path, required=True, help="ground_truth.json of the loaded population")
    parser.add_argument("--cold", type=int, default=3, help="freshly started explorers")
    parser.add_argument("--warm", type=int, default=3, help="later sessions on the last one")
    args = parser.parse_args()
    settings = Settings.from_env()
    uri, user, password = connection(settings)  # the bundled server's too: the explorer is told it explicitly
    settings = replace(settings, neo4j_uri=uri, neo4j_user=user, neo4j_password=password)
    report = {"when": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine()}
    save(report | measure(settings, args.truth, args.cold, args.warm), prefix="pages-")


if __name__ == "__main__":
    main()
