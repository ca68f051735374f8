"""Generated populations in the test Neo4j, shared by the tests that read them.

Two are loaded once per test run and kept while their readers run one after another (tests/conftest.py orders
them): EXPLORER, exactly linked, for the explorer's AppTest and browser tests; VARIED, whose records vary across
agencies, resolved by Splink, for the linkage, review and evaluation tests. Other tests empty the graph, and
some readers write to it (triage, reviewers' decisions), so `ensure` checks the graph still holds exactly the
population (its counts, identities and scored pairs), removes what the tests wrote, and loads it again when the
graph lost it.
"""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from graph.db import Graph
from linkage.exact import link_exact
from linkage.metrics import person_metrics
from linkage.pipeline import ResolveSettings, resolve
from linkage.statements import STATEMENTS
from loaders.load import load_directory
from loaders.spec import load_spec
from settings import REPO_ROOT, Settings
from synthetic import generate
from tests.support.explorer import PASSWORD, account, environment

CLEAR = (Path(__file__).parent.parent / "clear.cypher").read_text(encoding="utf-8")
REMOVE_WRITTEN_BY_TESTS = (  # triage and reviewers' decisions, with their history
    "MATCH (n) WHERE n:FlagState OR n:TriageUpdate OR n:LinkDecision OR n:LinkDecisionUpdate DETACH DELETE n"
)
COUNTS = "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships"
SCORED = "MATCH (a:Person)-[m:MAY_BE_SAME]->(b:Person) RETURN a.key AS a, b.key AS b, m.status AS s, m.probability AS p"


@dataclass(frozen=True)
class Recipe:
    """A population: `synthetic.generate(people, seed, variation_rate=...)`, loaded and exactly linked, and
    resolved (Splink, default thresholds) when `resolved`."""

    people: int
    seed: int
    variation_rate: float = 0.1  # the generator's default
    resolved: bool = False


EXPLORER = Recipe(2000, 11)  # from 2,000 people every signal has a planted case and a decoy
VARIED = Recipe(2000, 4, resolved=True)  # exact rules miss links Splink finds; Splink trains the levels 3,000 train
SHARED = ("population", "resolved")  # the fixtures that read them: conftest runs their readers together
_generated: dict[Recipe, Path] = {}
_loaded: dict[Recipe, tuple[str, dict[str, float]]] = {}  # fingerprint of the graph, exact linkage's metrics


@dataclass(frozen=True)
class Population:
    directory: Path
    truth: dict[str, Any]
    persons: int
    exact: dict[str, float]  # person_metrics after exact linkage alone, before any `resolve`

    def case(self, signal: str) -> dict[str, Any]:
        """The first planted (not decoy) case of a signal that needs no probabilistic linkage."""
        return next(
            c
            for c in self.truth["cases"]
            if c["case_id"].startswith(f"{signal}-") and not c["decoy"] and not c["requires_linkage"]
        )


def generated(recipe: Recipe) -> Path:
    """The feed files of a recipe, generated once per test run."""
    if recipe not in _generated:
        directory = Path(tempfile.mkdtemp(prefix="sightline-population-"))
        atexit.register(shutil.rmtree, directory, True)
        atexit.register(shutil.rmtree, _rejects(directory), True)
        generate(recipe.people, recipe.seed, directory, variation_rate=recipe.variation_rate)
        _generated[recipe] = directory
    return _generated[recipe]


def _rejects(directory: Path) -> Path:
    return directory.with_name(directory.name + "-rejects")


def ensure(settings: Settings, recipe: Recipe = EXPLORER) -> Population:
    """The population in the graph, as first loaded: what tests wrote is removed (triage; reviewers' decisions,
    with a `resolve` that undoes them), and it is loaded again whenever the graph holds anything else."""
    directory = generated(recipe)
    truth = json.loads((directory / "ground_truth.json").read_text(encoding="utf-8"))
    with Graph.connect(settings) as graph:
        decided = graph.read("MATCH (d:LinkDecision) RETURN count(d) AS n")[0]["n"]
        graph.write(REMOVE_WRITTEN_BY_TESTS, name="remove what tests wrote")
        if recipe in _loaded and decided and recipe.resolved:
            # no new record and no decision: identities rebuilt from the pairs already scored (the fingerprint
            # below checks they are the first resolve's, else the population is loaded again)
            resolve(graph, ResolveSettings(incremental=True))
        if recipe not in _loaded or fingerprint(graph) != _loaded[recipe][0]:
            graph.write_in_batches(CLEAR, name="clear for a shared population")
            report = load_directory(graph, load_spec(), directory, _rejects(directory))
            assert report.ok and report.rejected == 0, f"the generated feeds load whole: {report}"
            link_exact(graph)
            exact = person_metrics(graph, truth)
            if recipe.resolved:
                resolve(graph)
            _loaded[recipe] = (fingerprint(graph), exact)
        persons = graph.read("MATCH (p:Person) RETURN count(p) AS n")[0]["n"]
    return Population(directory, truth, persons, _loaded[recipe][1])


def fingerprint(graph: Graph) -> str:
    """What the graph holds, in brief: node and relationship counts, every identity's records and every scored
    pair with its status and probability."""
    counts = graph.read(COUNTS)
    identities = sorted(sorted(r["records"]) for r in graph.read(STATEMENTS["identity_pairs"]))
    scored = sorted((r["a"], r["b"], r["s"], r["p"] and round(r["p"], 9)) for r in graph.read(SCORED))
    return hashlib.sha256(json.dumps([counts, identities, scored]).encode()).hexdigest()


@pytest.fixture
def explorer_env(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's environment (test Neo4j, a throwaway consultation log) and fresh Streamlit caches."""
    audit = tmp_path / "consultations.jsonl"
    for key, value in environment(settings, audit).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SIGHTLINE_EXPLORER_WARM", "0")  # tests/test_app_warm.py tests the warm-up on its own
    st.cache_data.clear()
    st.cache_resource.clear()
    yield audit
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def population(settings: Settings, explorer_env: Path) -> Population:
    """The explorer's population in the graph, with the app pointed at it."""
    return ensure(settings, EXPLORER)


@pytest.fixture
def resolved(settings: Settings) -> Population:
    """The varied population in the graph, loaded and resolved, without any reviewer's decision."""
    return ensure(settings, VARIED)


def consultations(path: Path | None = None) -> list[dict[str, Any]]:
    """Entries of the consultation log the app wrote during the test."""
    log = path or Path(os.environ["SIGHTLINE_AUDIT_LOG"])
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


AS_OF = dt.date(2024, 12, 31)  # the generator's default as-of date


def open_app(
    page: str | None = None,
    identified: bool = True,
    role: str | None = "analyst",
    reason: str = "automated test",
    **state: Any,
) -> AppTest:
    """The explorer in AppTest on a page, signed in through its form as the test account of `role` ("Test
    Analyst", "Test Supervisor", "Test Administrator", created in the store SIGHTLINE_ACCOUNTS names) with
    `reason` given. Signed out when `identified` is False or `role` is None; signed in without a reason when
    `reason` is empty. `state` is put in the session first (focus, widget keys)."""
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=180)
    at.session_state["as_of"] = AS_OF
    for key, value in state.items():
        at.session_state[key] = value
    at.run()  # the sign-in form
    if identified and role:
        sign_in(at, account(Settings.from_env().accounts, role))
        if reason:
            at.session_state["reason"] = reason
    if page:
        at.switch_page(f"app_pages/{page}.py")
    if (identified and role) or page:
        at.run()
    return at


def sign_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    """Fill the sign-in form and submit it (the next `at.run()` signs in; it runs nothing else)."""
    widget(at, "text_input", "Account name").input(name)
    widget(at, "text_input", "Password").input(password)
    next(b for b in at.button if b.label == "Sign in").click()
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    """Values of every element of a kind (error, info, warning, markdown, caption...) as the analyst reads them:
    the backslashes that keep feed text literal (explorer.text.md) removed."""
    return [unescaped(str(e.value)) for e in getattr(at, kind)]


def unescaped(markdown: str) -> str:
    """Markdown source without its backslash escapes of punctuation, as it shows on screen."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def widget(at: AppTest, kind: str, label: str, index: int = 0) -> Any:
    """The index-th widget of a kind whose label starts with `label` (sidebar and forms included)."""
    found = [w for w in getattr(at, kind) if str(w.label).startswith(label)]
    assert len(found) > index, f"no {kind} labelled {label!r}: {[w.label for w in getattr(at, kind)]}"
    return found[index]
