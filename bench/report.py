"""What every benchmark report holds and where it goes: the machine's size with every result, one JSON file
per run in bench/results/."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path
from typing import Any


def machine() -> dict[str, Any]:
    mem_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def save(report: dict[str, Any], prefix: str = "") -> Path:
    """Write the report to bench/results/<prefix><time>.json and print it."""
    out = Path(__file__).resolve().parent / "results" / f"{prefix}{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))
    print(f"written to {out}")
    return out
