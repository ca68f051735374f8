"""The explorer end to end in headless Chromium (Debian's chromium driven by Playwright, no browser download):
worklist, search by a variant of a planted person's name, link chart, chronology, line of sight, a saved
query and its CSV export. Saves the README's screenshots in docs/screenshots/."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from graph import server
from graph.db import Graph
from settings import REPO_ROOT, Settings
from tests.support.browser import launch
from tests.support.explorer import account, environment, serving, sign_in
from tests.support.population import AS_OF, Population, consultations, ensure, explorer_env, population
from tests.support.variations import written_otherwise

__all__ = ["explorer_env", "population"]  # fixtures
pytestmark = pytest.mark.integration  # starts the explorer on the test Neo4j
SHOTS = REPO_ROOT / "docs" / "screenshots"
WAIT = 180_000  # ms: generous for a cold Neo4j on a 2-core machine; the test never asserts on time


@pytest.fixture(scope="module")
def explorer(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`streamlit run app.py` on a free port against the test Neo4j and its generated population (loaded first:
    the explorer warms its worklist on start)."""
    ensure(settings)
    audit = tmp_path_factory.mktemp("audit") / "consultations.jsonl"
    env = dict(os.environ) | environment(settings, audit)
    account(Path(env["SIGHTLINE_ACCOUNTS"]), "analyst", name="E2E Analyst")  # the explorer signs in as it
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    port = server.free_port()
    with serving(port, env, log) as url:
        assert _listening(port) == {"127.0.0.1"}, "the explorer must not listen on other interfaces"
        yield url, audit


def _listening(port: int) -> set[str]:
    """The local addresses a TCP port is listening on (/proc/net/tcp and tcp6; state 0A is LISTEN)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            host, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(".".join(str(int(host[i : i + 2], 16)) for i in (6, 4, 2, 0)) if len(host) == 8 else host)
    return found


def _identify(page: Page) -> None:
    """Sign in through the form as the analyst account the fixture created, then give the reason."""
    sign_in(page, "E2E Analyst", "end-to-end test")


def _go(page: Page, title: str) -> None:
    page.get_by_role("link", name=title).click()
    page.get_by_role("heading", name=title.split(" &")[0]).first.wait_for(timeout=WAIT)


def _shot(page: Page, name: str) -> None:
    page.wait_for_timeout(3000)  # let charts finish their layout animation
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def test_an_analyst_goes_from_worklist_to_saved_query_export(
    explorer: tuple[str, Path], population: Population, settings: Settings, tmp_path: Path
) -> None:
    url, audit = explorer
    child_key = next(k for k in population.case("S1")["children"] if k.startswith("nhs:"))
    with Graph.connect(settings) as graph:
        name = graph.read("MATCH (p:Person {key: $k}) RETURN p.forenames AS f, p.surname AS s", k=child_key)[0]
    variant = written_otherwise(name["f"], name["s"])

    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1500, "height": 1700}, accept_downloads=True)
        page.goto(f"{url}/?as_of={AS_OF.isoformat()}")
        _identify(page)

        # Worklist: children, most urgent first; select the first row to see its flags and triage.
        page.get_by_text("children as of").wait_for(timeout=WAIT)
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.locator("canvas").first.wait_for(timeout=WAIT)
        page.wait_for_timeout(1500)
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 15, box["y"] + 52)
        opener = page.get_by_role("button", name="Open profile and link chart")
        try:
            opener.wait_for(timeout=20_000)
        except PlaywrightTimeout:  # the click missed the row's box: choose the first child by name instead
            page.get_by_role("combobox", name="Child to triage").first.click()
            page.get_by_role("option").first.click()
            opener.wait_for(timeout=WAIT)
        _shot(page, "worklist.png")

        # Search a child of a planted S1 case by a variant of the name, and open the profile.
        _go(page, "Search")
        search = page.get_by_role("textbox", name="Search")
        search.fill(variant)
        search.press("Enter")
        page.get_by_text("child", exact=True).first.wait_for(timeout=WAIT)
        assert name["s"] in page.inner_text("main")
        page.get_by_role("button", name="Open").first.click()

        # Link chart: the child's identity across agencies, one ring further out (the address, the offender).
        page.get_by_text("neighbours").first.wait_for(timeout=WAIT)
        assert name["s"] in page.get_by_role("heading", level=3).first.inner_text()
        page.get_by_role("button", name="Expand the next ring").click()
        page.get_by_text("neighbours").nth(1).wait_for(timeout=WAIT)
        page.locator("iframe").first.wait_for(timeout=WAIT)
        _shot(page, "link-chart.png")

        # Chronology of the household, then the line of sight around its children.
        _go(page, "Chronology")
        page.get_by_text("Household", exact=True).click()
        page.locator(".js-plotly-plot").first.wait_for(timeout=WAIT)
        _shot(page, "chronology.png")
        _go(page, "Line of sight")
        page.get_by_text("Household children").first.wait_for(timeout=WAIT)
        page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=WAIT)
        _shot(page, "line-of-sight.png")

        # A saved query, run from its form, exported as CSV.
        _go(page, "Saved queries")
        page.get_by_role("button", name="Run").click()
        page.get_by_text("flag(s)").wait_for(timeout=WAIT)
        with page.expect_download(timeout=WAIT) as download:
            page.get_by_role("button", name="Export CSV").click()
        saved = tmp_path / "export.csv"
        download.value.save_as(saved)
        browser.close()

    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert rows and {"protective_marking", "signal", "signal name", "child", "summary"} <= set(rows[0])
    assert all(r["protective_marking"] == "OFFICIAL-SENSITIVE" for r in rows)
    logged = {e["what"] for e in consultations(audit)}
    assert {"worklist", "search", "profile", "chronology", "line of sight"} <= logged
    assert any(w.startswith("saved query ") for w in logged)
    assert all(e["who"] == "E2E Analyst" and e["role"] == "analyst" for e in consultations(audit))
    assert any(e["action"] == "disclosure" and e["what"].endswith(".csv") for e in consultations(audit))
