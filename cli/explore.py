"""`sightline explore`: start the Streamlit explorer."""

from __future__ import annotations

import subprocess
import sys
from typing import Annotated

import typer

from graph.config import REPO_ROOT


def streamlit_command(port: int, headless: bool = True, *options: str) -> list[str]:
    """`streamlit run app.py` as `sightline explore` runs it (the browser test starts the same); run it from
    REPO_ROOT so .streamlit/config.toml is read."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO_ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.headless",
        str(headless).lower(),
        "--browser.gatherUsageStats",
        "false",
        *options,
    ]


def explore(
    port: Annotated[int, typer.Option(help="Port for the explorer")] = 8501,
    headless: Annotated[bool, typer.Option(help="Do not try to open a browser")] = True,
) -> None:
    """Start the explorer (streamlit run app.py) and print its URL; Ctrl-C stops it."""
    print(f"Sightline explorer: http://localhost:{port}", flush=True)
    raise typer.Exit(subprocess.call(streamlit_command(port, headless), cwd=REPO_ROOT))


def register(app: typer.Typer) -> None:
    app.command()(explore)
