"""Debian's chromium, driven by Playwright without a browser download: shared by the explorer's browser test
and the page benchmark. The flags keep a headless Chromium off the network this machine does not have."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Playwright

from errors import ConfigError

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch(p: Playwright) -> Browser:
    if not CHROMIUM.exists():
        raise ConfigError("Debian's chromium is needed: `make test` installs it (apt-get install -y chromium)")
    return p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
