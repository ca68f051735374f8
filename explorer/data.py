"""The Data page's work: check feed files before loading (the same header and row validation the loader
applies, without writing), load them with progress, generate a synthetic population, summarise the graph."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from errors import ConfigError, LoadError
from graph.db import Graph
from graph.stats import graph_stats
from linkage.exact import link_after_load
from loaders.load import LoadReport, discover, dry_run, load_directory
from loaders.mapping import FeedMapping, load_mapping
from loaders.reader import SourceRow
from loaders.spec import load_spec
from settings import Settings
from synthetic import generate

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

    def keep(self, file: str, item: SourceRow, problems: list[tuple[str, str]]) -> None:
        """A rejected row as the analyst reads it (the first REJECTS_SHOWN of them)."""
        if len(self.rejects) < REJECTS_SHOWN:
            self.rejects.append(
                {
                    "file": file,
                    "line": item.line,
                    "field": "; ".join(f for f, _ in problems),
                    "reason": "; ".join(r for _, r in problems),
                    "record": item.raw,
                }
            )


def import_root() -> Path:
    return Settings.from_env().import_dir.resolve()


def server_path(text: str, settings: Settings | None = None) -> Path:
    """A folder or file typed on the Data page, which must lie inside the import folder: any other path let
    the page read the server's files (the Neo4j data folder, its password) into the rejects table."""
    root = (settings or Settings.from_env()).import_dir.resolve()
    path = Path(text.strip()).expanduser()
    resolved = (path if path.is_absolute() else root / path).resolve()
    if not resolved.is_relative_to(root):
        raise ConfigError(f"{text.strip()!r} is outside the import folder {root} (SIGHTLINE_IMPORT_DIR)")
    return resolved


def synthesise_into_empty(graph: Graph, people: int, seed: int, case_rate: float, variation: float) -> tuple[Path, Any]:
    """Generate a synthetic population for an empty graph only: "Generate and load" wrote 1,256 made-up
    people into a live graph. A training or test database starts empty."""
    held = graph_stats(graph)["nodes"]
    if held:
        raise ConfigError(
            f"the graph holds {held:,} nodes: synthetic people are only generated into an empty graph "
            "(a training or test database), never beside real records"
        )
    return synthesise(people, seed, case_rate, variation)


def save_uploads(uploads: list[tuple[str, bytes]]) -> Path:
    """Uploaded files into a fresh folder, under their own names (the feed is known by its file name)."""
    folder = Path(tempfile.mkdtemp(prefix="sightline-upload-"))
    for name, content in uploads:
        (folder / Path(name).name).write_bytes(content)
    return folder


def read_mappings(paths: list[Path]) -> list[FeedMapping]:
    """YAML mappings (loaders/mappings/) that let an export with its own columns load as a canonical feed."""
    spec = load_spec()
    return [load_mapping(p, spec) for p in paths]


def preview(directory: Path, mappings: list[FeedMapping] | None = None) -> Preview:
    """Run every check a load makes on each file in the folder (canonical or mapped), loading nothing."""
    if not directory.is_dir():
        raise LoadError(f"{directory}: not a folder of feed files")
    jobs, skipped = discover(directory, load_spec(), mappings or [])
    out = Preview(skipped=skipped)
    for job in jobs:
        checked = dry_run(job, partial(out.keep, job.path.name))
        out.files.append(
            {
                "file": checked.file,
                "feed": checked.feed,
                "mapping": job.mapping.path.name if job.mapping else "",
                "rows": checked.read,
                "valid": checked.loaded,
                "rejected": checked.rejected,
                "error": checked.error or "",
            }
        )
    return out


def load(
    graph: Graph,
    directory: Path,
    progress: Callable[[str, int, int], object],
    mappings: list[FeedMapping] | None = None,
) -> tuple[LoadReport, dict[str, int]]:
    """Load the folder and rebuild the exact identity links, as `sightline load` does: identities built by
    `sightline resolve` are kept (it links new records with `--incremental`); then `linked` is empty."""
    rejects = Path(tempfile.gettempdir()) / "sightline-rejects" / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    report = load_directory(graph, load_spec(), directory, rejects, mappings or [], progress=progress)
    linked = link_after_load(graph) if any(f.loaded for f in report.files) else {}
    return report, linked or {}


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
