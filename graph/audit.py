"""Consultation log: who looked at what personal data, when and why (Data Protection Act 2018, Part 3, s.62).

Append-only JSON lines in a file outside the graph, so that emptying or re-loading the graph never
touches it. One line per consultation.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
from pathlib import Path
from typing import Any

from graph.config import REPO_ROOT
from graph.errors import ConfigError

AUDIT_ENV = "SIGHTLINE_AUDIT_LOG"
USER_ENV = "SIGHTLINE_USER"


def audit_path() -> Path:
    return Path(os.environ.get(AUDIT_ENV) or REPO_ROOT / "var" / "audit" / "consultations.jsonl")


def current_user() -> str:
    return os.environ.get(USER_ENV) or getpass.getuser()


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
    path = audit_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, sort_keys=True) + "\n")
