"""Consultation log: who looked at what personal data, when and why (Data Protection Act 2018, Part 3, s.62).

Append-only JSON lines in a file outside the graph, so that emptying or re-loading the graph never
touches it. One line per consultation.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from errors import ConfigError
from settings import Settings


def current_user() -> str:
    """Who is acting: SIGHTLINE_USER, else the operating-system user."""
    return Settings.from_env().acting_user()


def log_consultation(who: str, what: str, why: str, params: dict[str, Any] | None = None, rows: int = 0) -> None:
    """Record one consultation; refuses (ConfigError) when no reason is given, because the law requires one."""
    if not why.strip():
        raise ConfigError(
            "give a reason for this consultation (--reason): it is logged with who and when (DPA 2018 s.62)"
        )
    entry = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "who": who,
        "what": what,
        "why": why.strip(),
        "params": {k: str(v) for k, v in (params or {}).items()},
        "rows": rows,
    }
    path = Settings.from_env().audit_log
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, sort_keys=True) + "\n")
