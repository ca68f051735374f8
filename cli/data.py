"""`sightline load` and `sightline stats`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.table import Table

from cli.exits import ExitCode
from cli.options import TableOrJson
from settings import REPO_ROOT, Settings

if TYPE_CHECKING:
    from loaders.load import LoadReport

out = Console()


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
) -> None:
    """Validate and load every feed file in DIRECTORY; bad rows go to rejects.csv with file, line, field and reason.

    Loading the same files again changes nothing. Exit code 0: all loaded; 3: some rows rejected
    (the others loaded); 1: a file could not be read at all (the other files loaded).
    """
    from graph.db import Graph
    from linkage.exact import link_after_load
    from loaders.load import load_directory
    from loaders.mapping import load_mapping
    from loaders.spec import load_spec

    spec = load_spec()
    settings = Settings.from_env()
    mappings = [load_mapping(m, spec) for m in mapping or []]
    rejects_dir = rejects or REPO_ROOT / "var" / "rejects" / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with Graph.connect(settings) as graph, _progress() as bar:
        tasks: dict[str, TaskID] = {}

        def advance(name: str, done: int, total: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=total)
            bar.update(tasks[name], completed=done)

        report = load_directory(graph, spec, directory, rejects_dir, mappings, settings.batch_size, advance)
        linked = link_after_load(graph) if link_records and any(f.loaded for f in report.files) else {}
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


def stats(output: TableOrJson = "table") -> None:
    """Node counts by label, relationship counts by type, and both per source feed."""
    from graph.db import Graph
    from graph.stats import graph_stats

    with Graph.connect() as graph:
        result = graph_stats(graph)
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


def link() -> None:
    """Rebuild exact identity links (same NHS number; same name and date of birth; name plus shared address)."""
    from graph.db import Graph
    from linkage.exact import link_exact

    with Graph.connect() as graph:
        graph_counts = link_exact(graph)
    out.print(
        f"{graph_counts['records']} person records, {graph_counts['identities']} identities, "
        f"{graph_counts['linked_records']} records linked to another"
    )


def register(app: typer.Typer) -> None:
    app.command()(load)
    app.command()(link)
    app.command()(stats)
