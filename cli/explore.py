"""`sightline explore`: start the Streamlit explorer."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from graph.config import REPO_ROOT, Settings
from graph.errors import ConfigError

APP = REPO_ROOT / "app.py"


def streamlit_command(
    port: int, headless: bool = True, *options: str, script: Path = APP, module: str = "explorer.serve"
) -> list[str]:
    """`streamlit run app.py` as `sightline explore` runs it (the browser test and the page benchmark start
    the same), through explorer.serve, which loads the pages' modules and warms Neo4j first; run it from
    REPO_ROOT so .streamlit/config.toml is read. `module="streamlit"` runs another script on plain Streamlit."""
    return [
        sys.executable,
        "-m",
        module,
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.headless",
        str(headless).lower(),
        "--browser.gatherUsageStats",
        "false",
        *options,
    ]


def environment(settings: Settings, audit: Path) -> dict[str, str]:
    """The environment that points an explorer process at `settings`' Neo4j and a consultation log of its own
    (the browser test, the AppTests and the page benchmark)."""
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        "SIGHTLINE_AUDIT_LOG": str(audit),
    }


@contextmanager
def serving(
    port: int, env: Mapping[str, str], log: Path, script: Path = APP, module: str = "explorer.serve", wait: float = 120
) -> Iterator[str]:
    """A headless explorer (or another Streamlit script) on 127.0.0.1:port for a test or a benchmark; yields its
    URL once Streamlit answers its health check, and stops it afterwards. Its output goes to `log`."""
    command = streamlit_command(port, True, "--server.address", "127.0.0.1", script=script, module=module)
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=REPO_ROOT, env=dict(env), stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(f"{url}/_stcore/health", proc, log, wait)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ConfigError(f"streamlit exited with {proc.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise ConfigError(f"streamlit did not answer at {url} within {wait:.0f} s: {log.read_text()}")


def explore(
    port: Annotated[int, typer.Option(help="Port for the explorer")] = 8501,
    headless: Annotated[bool, typer.Option(help="Do not try to open a browser")] = True,
) -> None:
    """Start the explorer (streamlit run app.py) and print its URL; Ctrl-C stops it."""
    print(f"Sightline explorer: http://localhost:{port}", flush=True)
    raise typer.Exit(subprocess.call(streamlit_command(port, headless), cwd=REPO_ROOT))


def register(app: typer.Typer) -> None:
    app.command()(explore)
