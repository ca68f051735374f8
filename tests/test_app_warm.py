"""The explorer warms its caches when a session opens: the worklist the first page reads is already computed."""

from __future__ import annotations

import ast
import threading

import pytest

from explorer import icon, warm
from explorer import worklist as wl
from settings import REPO_ROOT
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


def test_the_page_icon_is_drawn_here_and_served_locally() -> None:
    """A `:material/...:` (or emoji short code) page icon makes the browser fetch it from Google's font server;
    an image is served by the explorer itself (air-gapped networks)."""
    tree = ast.parse((REPO_ROOT / "app.py").read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "set_page_config"]
    (icon_arg,) = [k.value for c in calls for k in c.keywords if k.arg == "page_icon"]
    assert not isinstance(icon_arg, ast.Constant), "a named icon is fetched from the internet"
    image = icon.page_icon()
    assert image.size == (icon.SIZE, icon.SIZE) and image.getpixel((32, 32))[3] == 255
