"""The Data page's work: check feed files before loading (the same header and row validation the loader
applies, without writing), load them with progress, generate a synthetic population, summarise the graph."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from graph.db import Graph
from graph.errors import LoadError
from loaders.linkage import has_resolved_identities, link_exact
from loaders.load import LoadReport, discover, load_directory
from loaders.reader import CsvSource
from loaders.spec import load_spec
from loaders.synthetic import generate
from loaders.validate import validate_row

REJECTS_SHOWN = 500


@dataclass
class Preview:
    """Per-file counts and the first rejects; reference checks across feeds happen at load time."""

    files: list[dict[str, Any]] = field(default_factory=list)
    rejects: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def loadable(self) -> bool:
        return any(f["valid"] for f in self.files)


def save_uploads(uploads: list[tuple[str, bytes]]) -> Path:
    """Uploaded files into a fresh folder, under their own names (the feed is known by its file name)."""
    folder = Path(tempfile.mkdtemp(prefix="sightline-upload-"))
    for name, content in uploads:
        (folder / Path(name).name).write_bytes(content)
    return folder


def preview(directory: Path) -> Preview:
    """Validate every canonical feed file in the folder without loading anything."""
    if not directory.is_dir():
        raise LoadError(f"{directory}: not a folder of feed files")
    spec = load_spec()
    jobs, skipped = discover(directory, spec)
    out = Preview(skipped=skipped)
    for job in jobs:
        report = {"file": job.path.name, "feed": job.feed.name, "rows": 0, "valid": 0, "rejected": 0, "error": ""}
        try:
            _check_file(job.path, job.feed, report, out.rejects)
        except LoadError as e:
            report["error"] = str(e)
        out.files.append(report)
    return out


def _check_file(path: Path, feed: Any, report: dict[str, Any], rejects: list[dict[str, Any]]) -> None:
    seen: dict[str, int] = {}
    with CsvSource(path) as source:
        rows = source.rows()
        first = next(rows, None)
        missing = [c for c in feed.header if c not in source.header]
        unknown = [c for c in source.header if c not in feed.header]
        if missing or unknown:
            raise LoadError(
                f"{path.name}: missing {missing or 'none'}, unknown {unknown or 'none'} "
                f"(see docs/feeds.md for {feed.name})"
            )
        for item in [first, *rows] if first else []:
            report["rows"] += 1
            typed, problems = (
                (None, [item.problem or ("", "unreadable line")])
                if item.values is None
                else validate_row(feed, item.values)
            )
            if typed is not None:
                key = str(typed[feed.key])
                if key in seen:
                    typed, problems = None, [(feed.key, f"{key!r} repeats the record at line {seen[key]}")]
                else:
                    seen[key] = item.line
            if typed is None:
                report["rejected"] += 1
                if len(rejects) < REJECTS_SHOWN:
                    rejects.append(
                        {
                            "file": path.name,
                            "line": item.line,
                            "field": "; ".join(f for f, _ in problems),
                            "reason": "; ".join(r for _, r in problems),
                            "record": item.raw,
                        }
                    )
            else:
                report["valid"] += 1


def load(graph: Graph, directory: Path, progress: Callable[[str, int, int], None]) -> tuple[LoadReport, dict[str, int]]:
    """Load the folder and rebuild the exact identity links, as `sightline load` does: identities built by
    `sightline resolve` are kept (it links new records with `--incremental`); then `linked` is empty."""
    rejects = Path(tempfile.gettempdir()) / "sightline-rejects" / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    report = load_directory(graph, load_spec(), directory, rejects, progress=progress)
    loaded = any(f.loaded for f in report.files)
    linked = link_exact(graph) if loaded and not has_resolved_identities(graph) else {}
    return report, linked


def synthesise(people: int, seed: int, case_rate: float, variation_rate: float) -> tuple[Path, Any]:
    """A synthetic population written to a fresh folder, ready for `load`."""
    folder = Path(tempfile.mkdtemp(prefix=f"sightline-synthetic-{seed}-"))
    summary = generate(people, seed, folder, case_rate=case_rate, variation_rate=variation_rate)
    return folder, summary


def report_table(report: LoadReport) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "file": f.file,
                "feed": f.feed,
                "read": f.read,
                "loaded": f.loaded,
                "rejected": f.rejected,
                "error": f.error or "",
            }
            for f in report.files
        ]
    )


def sources_table(stats: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(stats["by_source"], orient="index").rename_axis("source feed").sort_index()
