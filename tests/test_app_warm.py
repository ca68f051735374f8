"""The explorer warms its caches when a session opens: the worklist the first page reads is already computed."""

from __future__ import annotations

import threading

import pytest

from explorer import warm
from explorer import worklist as wl
from tests.support.population import AS_OF, Population, explorer_env, open_app, population, texts

__all__ = ["explorer_env", "population"]  # fixtures


def test_a_new_session_warms_the_worklist_the_landing_page_reads(
    population: Population, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_EXPLORER_WARM", "1")
    open_app(reason="")  # signed in, no reason given yet: nothing shown, the warm-up starts
    thread = warm.warming(AS_OF)  # the same thread: started once per replay date
    thread.join(timeout=600)
    assert not thread.is_alive()

    def no_query(*args: object) -> wl.Fetched:
        raise AssertionError("the worklist ran its queries again instead of reading the warmed cache")

    monkeypatch.setattr(wl, "fetch", no_query)
    at = open_app()
    assert not at.exception and not texts(at, "error"), texts(at, "error")
    assert len(at.dataframe[0].value) > 0
    assert any("Checks run at" in t for t in texts(at, "caption"))


def test_the_warm_up_is_off_when_the_setting_says_so(population: Population) -> None:
    open_app(reason="")  # explorer_env turns it off, as for every other AppTest
    assert not [t for t in threading.enumerate() if t.name.startswith("sightline-warm-")]
