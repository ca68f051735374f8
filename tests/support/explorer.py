"""The explorer as the browser test, the AppTests and the page benchmark start it: a headless Streamlit on
127.0.0.1 through the same command `sightline explore` runs, pointed at a given Neo4j and a consultation log
of its own."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from cli.explore import APP, streamlit_command
from errors import ConfigError
from settings import REPO_ROOT, Settings


def environment(settings: Settings, audit: Path) -> dict[str, str]:
    """The environment that points an explorer process at `settings`' Neo4j and a consultation log of its own
    (the browser test, the AppTests and the page benchmark)."""
    return {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password,
        "NEO4J_DATABASE": settings.neo4j_database,
        "SIGHTLINE_AUDIT_LOG": str(audit),
        "SIGHTLINE_AUDIT_HEAD": str(audit.with_suffix(".head.json")),
    }


@contextmanager
def serving(
    port: int, env: Mapping[str, str], log: Path, script: Path = APP, module: str = "explorer.serve", wait: float = 120
) -> Iterator[str]:
    """A headless explorer (or another Streamlit script) on 127.0.0.1:port for a test or a benchmark; yields its
    URL once Streamlit answers its health check, and stops it afterwards. Its output goes to `log`."""
    command = streamlit_command(port, True, script=script, module=module)
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
