"""Test fixtures: one throwaway bundled Neo4j per session. If it cannot start, integration tests fail (never skip).

Two lanes: `pytest -m "not integration"` (`make check`) runs without Neo4j; `pytest` (`make test`) runs everything.
A test is marked `integration` by one rule, here, not by hand: it uses the `neo4j_server` fixture, directly or
through any fixture that needs it (`settings`, `graph`, `cli_env`, `population`, `resolved`, `explorer_env`, ...).
Test files that start servers themselves mark themselves. A test without the mark that starts Neo4j, or reaches
it through `request.getfixturevalue`, fails.

A run starts with the unit tests while Neo4j starts in the background; then come the integration tests on an
empty graph, then the readers of each shared population (tests/support/population.py), one population at a time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from graph import server
from graph.db import Graph
from settings import Settings
from tests.support.population import SHARED, VARIED, generated, resolved
from tests.support.signin import signed_in_env

__all__ = ["resolved"]  # the resolved population, a fixture for every test module
CLEAR = (Path(__file__).with_name("clear.cypher")).read_text(encoding="utf-8")
NEO4J = "neo4j_server"  # the fixture every test on Neo4j reaches
_current: list[pytest.Item] = []  # the test being set up or run
_session_server: dict[str, Any] = {}  # the throwaway server: its folder and the start under way


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that reaches Neo4j `integration`, then run the unit tests first and the readers of each
    shared population one after another (the order is otherwise kept), so that each population is loaded once."""
    for item in items:
        if NEO4J in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.integration)
    items.sort(key=_lane)


def _lane(item: pytest.Item) -> int:
    if item.get_closest_marker("integration") is None:
        return 0
    names = getattr(item, "fixturenames", ())
    return next((2 + i for i, fixture in enumerate(SHARED) if fixture in names), 1)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the session's Neo4j in the background as soon as an integration test is selected: the JVM starts
    while the unit tests run. The `neo4j_server` fixture waits for it."""
    if session.config.option.collectonly:
        return
    if any(NEO4J in getattr(item, "fixturenames", ()) for item in session.items):
        data_dir = Path(tempfile.mkdtemp(prefix="sightline-test-neo4j-"))
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sightline-test-neo4j")
        _session_server.update(data_dir=data_dir, start=pool.submit(server.start, server.free_port(), data_dir))
        pool.shutdown(wait=False)


def pytest_sessionfinish() -> None:
    """Stop the session's Neo4j however the run ended (also when no test asked for it)."""
    if "data_dir" in _session_server:
        start: Future[server.ServerInfo] = _session_server["start"]
        start.exception()  # wait for a start under way
        server.stop(_session_server["data_dir"])
        shutil.rmtree(_session_server["data_dir"], ignore_errors=True)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _current[:] = [item]


@pytest.fixture(scope="session", autouse=True)
def _neo4j_only_in_integration_tests() -> Iterator[None]:
    """Starting Neo4j from a test not marked `integration` fails: it would run (slowly) in the unit lane."""
    real = server.start

    def start(*args: Any, **kwargs: Any) -> server.ServerInfo:
        test = _current[0] if _current else None
        if test is None or test.get_closest_marker("integration") is None:
            name = test.nodeid if test else "a test"
            pytest.fail(f"{name} starts Neo4j but is not marked integration: mark it (pytest.mark.integration)")
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(server, "start", start)
        yield


@pytest.fixture(autouse=True)
def _reaching_neo4j_needs_the_mark(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that reached Neo4j without the mark (through `request.getfixturevalue`) fails in either lane."""
    yield
    if NEO4J in request.fixturenames and request.node.get_closest_marker("integration") is None:
        pytest.fail(f"{request.node.nodeid} uses Neo4j but is not marked integration", pytrace=False)


@pytest.fixture(scope="session")
def neo4j_server() -> server.ServerInfo:
    """A throwaway Neo4j on a free port in a temporary folder, stopped and removed at the end of the session."""
    if "start" not in _session_server:  # reached by a test the collection did not see needing it
        data_dir = Path(tempfile.mkdtemp(prefix="sightline-test-neo4j-"))
        _session_server.update(data_dir=data_dir, start=Future())
        try:
            _session_server["start"].set_result(server.start(port=server.free_port(), data_dir=data_dir))
        except BaseException as e:
            _session_server["start"].set_exception(e)
    return _session_server["start"].result()


@pytest.fixture(scope="session")
def settings(neo4j_server: server.ServerInfo) -> Settings:
    return Settings(neo4j_uri=neo4j_server.uri, neo4j_user=neo4j_server.user, neo4j_password=neo4j_server.password)


@pytest.fixture(scope="session")
def cli_env(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for `sightline` subprocesses: points them at the throwaway server, signed in as an
    administrator with a reason, with accounts and the s.62 log in a temporary folder (tests/support/signin.py)."""
    env = dict(os.environ)
    env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user, NEO4J_PASSWORD=settings.neo4j_password)
    env.update(signed_in_env(tmp_path_factory.mktemp("cli-access")))
    return env


@pytest.fixture
def graph(settings: Settings) -> Iterator[Graph]:
    """A connection to an empty graph."""
    with Graph.connect(settings) as g:
        g.write_in_batches(CLEAR, name="clear test graph")
        yield g


@pytest.fixture(scope="session")
def varied() -> Path:
    """Feed files of 2,000 generated people whose records vary across agencies (the `resolved` population's)."""
    return generated(VARIED)
