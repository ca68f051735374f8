"""`sightline explore`: start the Streamlit explorer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from settings import REPO_ROOT, Settings

APP = REPO_ROOT / "app.py"


def streamlit_command(
    port: int,
    headless: bool = True,
    *options: str,
    script: Path = APP,
    module: str = "explorer.serve",
    address: str = "127.0.0.1",
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
        "--server.address",
        address,
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
    address: Annotated[
        str | None,
        typer.Option(help="Interface to listen on (another machine's analysts need TLS in front)"),
    ] = None,
) -> None:
    """Start the explorer (streamlit run app.py) on 127.0.0.1 unless told otherwise, and print its URL."""
    where = address or Settings.from_env().explorer_address
    print(f"Sightline explorer: http://{where}:{port}", flush=True)
    raise typer.Exit(subprocess.call(streamlit_command(port, headless, address=where), cwd=REPO_ROOT))


def register(app: typer.Typer) -> None:
    app.command()(explore)
