"""One generated population in the test Neo4j, shared by the explorer's AppTest and browser tests.

Other tests empty the graph between them, so `ensure` checks the graph still holds exactly this
population (by its person-record count) and loads it again when it does not.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import os
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
from loaders.load import load_directory
from loaders.spec import load_spec
from settings import REPO_ROOT, Settings
from synthetic import generate
from tests.support.explorer import environment

PEOPLE, SEED = 2000, 11  # from 2,000 people every signal has a planted case and a decoy
CLEAR = (Path(__file__).parent.parent / "clear.cypher").read_text(encoding="utf-8")
COUNT = "MATCH (p:Person) RETURN count(p) AS n"
_state: dict[str, Any] = {}


@dataclass(frozen=True)
class Population:
    directory: Path
    truth: dict[str, Any]
    persons: int

    def case(self, signal: str) -> dict[str, Any]:
        """The first planted (not decoy) case of a signal that needs no probabilistic linkage."""
        return next(
            c
            for c in self.truth["cases"]
            if c["case_id"].startswith(f"{signal}-") and not c["decoy"] and not c["requires_linkage"]
        )


def ensure(settings: Settings) -> Population:
    """The population, generated once per test run and (re)loaded whenever the graph lost it."""
    if "directory" not in _state:
        directory = Path(tempfile.mkdtemp(prefix="sightline-app-population-"))
        atexit.register(shutil.rmtree, directory, True)
        atexit.register(shutil.rmtree, directory.with_name(directory.name + "-rejects"), True)
        generate(PEOPLE, SEED, directory)
        _state["directory"] = directory
    directory = _state["directory"]
    with Graph.connect(settings) as graph:
        persons = graph.read(COUNT)[0]["n"]
        if persons == 0 or persons != _state.get("persons"):
            graph.write_in_batches(CLEAR, name="clear for the app population")
            load_directory(graph, load_spec(), directory, directory.with_name(directory.name + "-rejects"))
            link_exact(graph)
            _state["persons"] = graph.read(COUNT)[0]["n"]
        graph.write("MATCH (n) WHERE n:FlagState OR n:TriageUpdate DETACH DELETE n", name="clear triage")
    truth = json.loads((directory / "ground_truth.json").read_text(encoding="utf-8"))
    return Population(directory, truth, _state["persons"])


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
    """The loaded population, with the app pointed at it."""
    return ensure(settings)


def consultations(path: Path | None = None) -> list[dict[str, Any]]:
    """Entries of the consultation log the app wrote during the test."""
    log = path or Path(os.environ["SIGHTLINE_AUDIT_LOG"])
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


AS_OF = dt.date(2024, 12, 31)  # the generator's default as-of date


def open_app(page: str | None = None, identified: bool = True, **state: Any) -> AppTest:
    """The explorer in AppTest on a page, with the analyst's name and reason given unless told not to."""
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=180)
    if identified:
        at.session_state["analyst"] = "Test Analyst"
        at.session_state["reason"] = "automated test"
    at.session_state["as_of"] = AS_OF
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    """Values of every element of a kind (error, info, warning, markdown, caption...) as plain text."""
    return [str(e.value) for e in getattr(at, kind)]


def widget(at: AppTest, kind: str, label: str, index: int = 0) -> Any:
    """The index-th widget of a kind whose label starts with `label` (sidebar and forms included)."""
    found = [w for w in getattr(at, kind) if str(w.label).startswith(label)]
    assert len(found) > index, f"no {kind} labelled {label!r}: {[w.label for w in getattr(at, kind)]}"
    return found[index]
