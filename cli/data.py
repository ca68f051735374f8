"""`sightline load` and `sightline stats`."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from cli.exits import ExitCode
from cli.options import Reason, TableOrJson
from cli.signin import acting
from settings import REPO_ROOT, Settings

if TYPE_CHECKING:
    from loaders.load import LoadReport

out = Console()
LOAD_REASON = "loading agency feed files"  # an administrator's collection is its own purpose, unless --reason
LINK_REASON = "rebuilding exact identity links"  # the same for a combination
STATS_REASON = "graph counts (no person shown)"  # stats shows counts only, so it needs no case reference


def load(
    directory: Annotated[
        Path, typer.Argument(help="Folder holding feed CSV files (canonical names, see docs/feeds.md)")
    ],
    mapping: Annotated[
        list[Path] | None,
        typer.Option("--mapping", "-m", help="YAML mapping of an export with other columns or formats (repeatable)"),
    ] = None,
    rejects: Annotated[Path | None, typer.Option(help="Folder for rejects.csv (default var/rejects/<time>)")] = None,
    output: TableOrJson = "table",
    link_records: Annotated[
        bool, typer.Option("--link/--no-link", help="Rebuild exact identity links after loading")
    ] = True,
    reason: Reason = "",
) -> None:
    """Validate and load every feed file in DIRECTORY; bad rows go to rejects.csv with file, line, field and reason.

    Loading the same files again changes nothing. Exit code 0: all loaded; 3: some rows rejected
    (the others loaded); 1: a file could not be read at all (the other files loaded). Administrators only;
    logged as a collection (the reason defaults to loading feed files).
    """
    from graph.db import Graph
    from linkage.exact import link_after_load
    from loaders.load import load_directory
    from loaders.mapping import load_mapping
    from loaders.spec import load_spec

    who = acting("load", "load feed files", reason, LOAD_REASON)
    spec = load_spec()
    settings = Settings.from_env()
    mappings = [load_mapping(m, spec) for m in mapping or []]
    rejects_dir = rejects or REPO_ROOT / "var" / "rejects" / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    asked = {"directory": directory.resolve(), "mappings": " ".join(map(str, mapping or [])) or None}
    shown, advance = _bar()
    with who.failing("collection", "load", asked), Graph.connect(settings) as graph, shown:
        report = load_directory(graph, spec, directory, rejects_dir, mappings, settings.batch_size, advance)
        if link_records and any(f.loaded for f in report.files):
            print("linking records by the exact rules…", file=sys.stderr, flush=True)
            linked = link_after_load(graph)
        else:
            linked = {}
    who.record("collection", "load", asked | _load_params(report, linked), rows=sum(f.loaded for f in report.files))
    _print_report(report, output)
    if linked is None and output != "json":
        out.print("identities come from `sightline resolve`: run `sightline resolve --incremental` to link new records")
    if linked and output != "json":
        out.print(
            f"exact linkage: {linked['records']} person records, {linked['identities']} identities "
            "(run `sightline resolve` for probabilistic links)"
        )
    if not report.ok:
        raise typer.Exit(ExitCode.ERROR)
    if report.rejected:
        raise typer.Exit(ExitCode.ROWS_REJECTED)


class PlainProgress:
    """Progress as plain log lines when stderr is not a terminal (`make demo` piped to a log, CI): a line when
    a feed file starts, at every quarter of it and when it is done, instead of a bar that draws nothing there."""

    STEPS = 4

    def __init__(self) -> None:
        self.shown: dict[str, int] = {}
        self.started = time.perf_counter()

    def __enter__(self) -> PlainProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __call__(self, name: str, done: int, total: int) -> None:
        step = self.STEPS if total <= 0 or done >= total else done * self.STEPS // total
        if self.shown.get(name, -1) >= step:
            return
        self.shown[name] = step
        what = "done" if step == self.STEPS else f"{step * 100 // self.STEPS}%"
        elapsed = time.perf_counter() - self.started
        print(f"loading {name}: {what} ({done:,} of {total:,} bytes, {elapsed:.0f} s)", file=sys.stderr, flush=True)


def _bar() -> tuple[Any, Any]:
    """(context, callback): a rich bar on a terminal, plain lines otherwise."""
    if not sys.stderr.isatty():
        plain = PlainProgress()
        return plain, plain
    bar = _progress()
    tasks: dict[str, TaskID] = {}

    def advance(name: str, done: int, total: int) -> None:
        if name not in tasks:
            tasks[name] = bar.add_task(name, total=total)
        bar.update(tasks[name], completed=done)

    return bar, advance


def _load_params(report: LoadReport, linked: dict[str, int] | None) -> dict[str, object]:
    """What the load's entry says it did: files, rows read and rejected, where rejected rows (personal data)
    were written, and the exact linkage it ran (a combination, logged with the collection)."""
    return {
        "files": " ".join(f.file for f in report.files),
        "read": sum(f.read for f in report.files),
        "rejected": report.rejected,
        "failed_files": " ".join(f.file for f in report.files if f.error) or None,
        "rejects_file": report.rejects_file,
        "exact_linkage": f"{linked['records']} records, {linked['identities']} identities" if linked else None,
    }


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _print_report(report: LoadReport, output: str) -> None:
    if output == "json":
        print(json.dumps(report.as_dict(), indent=2))
        return
    table = Table("file", "feed", "read", "loaded", "rejected", "status", title="Load summary")
    for f in report.files:
        table.add_row(f.file, f.feed, str(f.read), str(f.loaded), str(f.rejected), "error" if f.error else "ok")
    out.print(table)
    for f in report.files:
        if f.error:
            out.print(f"[red]error[/] {f.error}", soft_wrap=True, highlight=False)
    for name in report.skipped:
        out.print(f"[yellow]skipped[/] {name}: not a known feed file and no mapping names it")
    if report.rejects_file:
        out.print(f"rejected rows and their reasons: {report.rejects_file}")
    if report.note_facts:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(report.note_facts.items()))
        out.print(f"facts proposed from notes, to confirm: {kinds} (see `sightline notes`)", highlight=False)


def stats(output: TableOrJson = "table", reason: Reason = "") -> None:
    """Node counts by label, relationship counts by type, and both per source feed.

    Counts only, no person: any signed-in account; logged as a consultation with no subjects (the reason
    defaults to the counts)."""
    from graph.db import Graph
    from graph.stats import graph_stats

    who = acting("search", "see the graph's counts", reason, STATS_REASON)
    with Graph.connect() as graph:
        result = graph_stats(graph)
    who.record("consultation", "stats", {"format": output}, rows=int(result["nodes"]))
    if output == "json":
        print(json.dumps(result, indent=2, sort_keys=True))
        return
    for line in result["unfinished"]:
        out.print(f"[yellow]warning[/] {escape(line)}", highlight=False, soft_wrap=True)
    out.print(f"{result['nodes']} nodes, {result['relationships']} relationships")
    for title, key in (("by label", "by_label"), ("by type", "by_type")):
        table = Table(title, "count")
        for name, count in sorted(result[key].items()):
            table.add_row(name, str(count))
        out.print(table)
    table = Table("source feed", "nodes", "relationships")
    for name, counts in sorted(result["by_source"].items()):
        table.add_row(name, str(counts["nodes"]), str(counts["relationships"]))
    out.print(table)


def link(reason: Reason = "") -> None:
    """Rebuild exact identity links (same NHS number; same name and date of birth; name plus shared address).

    Administrators only; logged as a combination (the reason defaults to the rebuild)."""
    from graph.db import Graph
    from linkage.exact import link_exact

    who = acting("resolve", "link records", reason, LINK_REASON)
    with who.failing("combination", "link", {}), Graph.connect() as graph:
        graph_counts = link_exact(graph)
    who.record("combination", "link", {"identities": graph_counts["identities"]}, rows=graph_counts["records"])
    out.print(
        f"{graph_counts['records']} person records, {graph_counts['identities']} identities, "
        f"{graph_counts['linked_records']} records linked to another"
    )


def register(app: typer.Typer) -> None:
    app.command()(load)
    app.command()(link)
    app.command()(stats)
