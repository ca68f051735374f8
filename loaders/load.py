"""Batch loading: validate every row, keep the bad ones with their reasons, MERGE the good ones in UNWIND batches."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from errors import LoadError
from exports import spreadsheet_safe
from graph.db import Graph
from graph.marks import unfinished
from graph.schema import ensure_schema
from loaders.addresses import address_key
from loaders.mapping import FeedMapping
from loaders.reader import CsvSource, SourceRow
from loaders.spec import Feed, Spec, render_key, template_fields
from loaders.statements import STATEMENTS
from loaders.validate import validate_row

Progress = Callable[[str, int, int], object]  # its return value is ignored (a progress bar returns itself)
KEY_CONFLICT = "KeyConflict"  # the label a feed statement that checks key conflicts gives (see `rounds`)


@dataclass
class FileReport:
    """Per-file outcome; read == loaded + rejected always holds."""

    file: str
    feed: str
    read: int = 0
    loaded: int = 0
    rejected: int = 0
    error: str | None = None


@dataclass
class LoadReport:
    files: list[FileReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rejects_file: Path | None = None
    note_facts: dict[str, int] = field(default_factory=dict)  # facts the notes propose, by kind (notes/read.py)

    @property
    def ok(self) -> bool:
        return not any(f.error for f in self.files)

    @property
    def rejected(self) -> int:
        return sum(f.rejected for f in self.files)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": [vars(f) for f in self.files],
            "skipped": self.skipped,
            "rejects_file": str(self.rejects_file) if self.rejects_file else None,
            "note_facts": self.note_facts,
        }


@dataclass(frozen=True)
class Job:
    feed: Feed
    path: Path
    mapping: FeedMapping | None = None


def discover(directory: Path, spec: Spec, mappings: Iterable[FeedMapping] = ()) -> tuple[list[Job], list[str]]:
    """Files to load in reference order (canonical names or mapped exports), and names nobody claims."""
    by_file = {m.file: m for m in mappings}
    jobs: list[Job] = []
    claimed: set[str] = set()
    for feed in spec.load_order():
        for name, mapping in sorted(by_file.items()):
            if mapping.feed.name == feed.name and (directory / name).is_file():
                jobs.append(Job(feed, directory / name, mapping))
                claimed.add(name)
        if (directory / feed.file).is_file() and feed.file not in by_file:
            jobs.append(Job(feed, directory / feed.file))
            claimed.add(feed.file)
    skipped = sorted(p.name for p in directory.glob("*.csv") if p.name not in claimed)
    return jobs, skipped


class RejectsWriter:
    """rejects.csv: file, line, field, reason and the record's original text, opened on the first reject only."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "rejects.csv"
        self._handle: TextIO | None = None
        self._writer: Any = None

    def write(self, file: str, line: int, problems: list[tuple[str, str]], record: str) -> None:
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._handle)
            self._writer.writerow(["file", "line", "field", "reason", "record"])
        fields = "; ".join(f for f, _ in problems if f)
        reasons = problems[0][1] if len(problems) == 1 else "; ".join(f"{f}: {r}" if f else r for f, r in problems)
        self._writer.writerow([spreadsheet_safe(c) for c in (file, line, fields, reasons, record)])

    def close(self) -> None:
        if self._handle:
            self._handle.close()


class RefIndex:
    """Keys each referenced column has offered so far, with a graph look-up for records loaded earlier."""

    def __init__(self, graph: Graph, spec: Spec) -> None:
        self.graph = graph
        self.spec = spec
        self.seen: dict[tuple[str, str], set[str]] = {}
        self.in_graph: dict[tuple[str, str], set[str]] = {}
        self.targets = {c.ref for f in spec.feeds.values() for c in f.columns if c.ref}

    def remember(self, feed: Feed, row: dict[str, Any]) -> None:
        for col in feed.header:
            if (feed.name, col) in self.targets and row.get(col) is not None:
                self.seen.setdefault((feed.name, col), set()).add(str(row[col]))

    def missing(self, feed: Feed, rows: list[dict[str, Any]]) -> dict[int, list[tuple[str, str]]]:
        """Problems per row index for reference values that exist neither in this load nor in the graph."""
        problems: dict[int, list[tuple[str, str]]] = {}
        for col in (c for c in feed.columns if c.ref):
            assert col.ref is not None
            known = self.seen.get(col.ref, set())
            unknown = {str(r[col.name]) for r in rows if r.get(col.name) is not None} - known
            found = self._in_graph(col.ref, unknown) if unknown else set()
            for i, row in enumerate(rows):
                value = row.get(col.name)
                if value is not None and str(value) not in known and str(value) not in found:
                    problems.setdefault(i, []).append((col.name, f"{value!r} is not a known {col.ref[0]}.{col.ref[1]}"))
        return problems

    def _in_graph(self, ref: tuple[str, str], values: set[str]) -> set[str]:
        target = self.spec.feeds[ref[0]]
        node = next(n for n in target.nodes if template_fields(n.key) == [ref[1]] and not n.when)
        keys = {render_key(node.key, {ref[1]: v}): v for v in values}
        cache = self.in_graph.setdefault(ref, set())
        ask = [k for k, v in keys.items() if v not in cache]
        if ask:
            rows = self.graph.read(STATEMENTS["existing_keys"], name="existing keys", keys=ask, label=node.label)
            cache.update(keys[r["key"]] for r in rows)
        return {v for v in values if v in cache}


def graph_row(feed: Feed, row: dict[str, Any], aliases: dict[str, str] | None = None) -> dict[str, Any]:
    """The row as the feed's .cypher expects it: typed values, _id, address_key and one <alias>_key per node.

    `aliases` maps address keys that record linkage folded into another Address to that Address's key.
    """
    out = dict(row)
    out["_id"] = str(row[feed.key])
    if feed.address:
        a = feed.address
        key = None
        if row.get(a.line1) and row.get(a.postcode):
            key = address_key(row.get(a.line1), row.get(a.line2), row.get(a.town), row.get(a.postcode))
            key = (aliases or {}).get(key, key)
        out["address_key"] = key
    text = {k: ("" if v is None else str(v)) for k, v in out.items()}
    for node in feed.nodes:
        present = all(out.get(c) not in (None, "") for c in node.when)
        out[f"{node.alias}_key"] = render_key(node.key, text) if present else None
    return out


class Loader:
    """Loads feed files into one graph in a single run (one loaded_at, one rejects file)."""

    def __init__(
        self, graph: Graph, spec: Spec, rejects_dir: Path, batch_size: int = 2000, progress: Progress | None = None
    ) -> None:
        self.graph = graph
        self.spec = spec
        self.batch_size = batch_size
        self.progress = progress
        self.refs = RefIndex(graph, spec)
        self.rejects = RejectsWriter(rejects_dir)
        self.loaded_at = dt.datetime.now(dt.UTC)
        self.aliases: dict[str, str] = {}

    def run(self, jobs: list[Job]) -> LoadReport:
        ensure_schema(self.graph)
        self.aliases = address_aliases(self.graph)
        report = LoadReport()
        try:
            for job in jobs:
                report.files.append(self.load_file(job))
        finally:
            self.rejects.close()
        report.rejects_file = self.rejects.path if self.rejects.path.exists() else None
        return report

    def load_file(self, job: Job) -> FileReport:
        result = FileReport(file=job.path.name, feed=job.feed.name)
        try:
            with open_source(job) as source:
                rows = source.rows()
                first = next(rows, None)
                check_header(job, source.header)
                self._load_rows(job, source, _chain(first, rows), result)
        except LoadError as e:
            result.error = str(e)
        return result

    def _load_rows(self, job: Job, source: CsvSource, rows: Iterator[SourceRow], result: FileReport) -> None:
        """Stream rows into batches; each batch's rejects are written in line order when it is flushed."""
        batch: list[Checked] = []
        first_line: dict[str, int] = {}
        total = job.path.stat().st_size
        for item in rows:
            result.read += 1
            typed, problems = first_of_key(job, item, first_line)
            batch.append(Checked(item, typed, problems))
            if len(batch) >= self.batch_size:
                self._flush(job.feed, batch, result)
                batch = []
                if self.progress:
                    self.progress(job.path.name, source.bytes_read, total)
        self._flush(job.feed, batch, result)
        if self.progress:
            self.progress(job.path.name, total, total)

    def _flush(self, feed: Feed, batch: list[Checked], result: FileReport) -> None:
        valid = [c for c in batch if c.typed is not None]
        ref_problems = self.refs.missing(feed, [c.typed for c in valid if c.typed is not None])
        for i, checked in enumerate(valid):
            if i in ref_problems:
                checked.typed, checked.problems = None, ref_problems[i]
        good = [c.typed for c in batch if c.typed is not None]
        for checked in batch:
            if checked.typed is None:
                result.rejected += 1
                self.rejects.write(result.file, checked.item.line, checked.problems, checked.item.raw)
        statement = STATEMENTS[feed.statement_name]
        for part in rounds(feed, [graph_row(feed, r, self.aliases) for r in good], KEY_CONFLICT in statement):
            self.graph.write(statement, name=f"load {feed.name}", rows=part, feed=feed.name, loaded_at=self.loaded_at)
        for typed in good:
            self.refs.remember(feed, typed)
        result.loaded += len(good)


def rounds(feed: Feed, rows: list[dict[str, Any]], checks_conflicts: bool = True) -> list[list[dict[str, Any]]]:
    """The rows in file order, cut into consecutive statements so that no statement holds two rows on the same
    strong key (a person's NHS number) when the feed's statement `checks_conflicts`. A statement's clauses each
    see every row at once, so two records of one NHS number in one statement could not see each other: the
    key-conflict check (a different name and date of birth on one number) needs the second to see what the
    first wrote. Cutting, never reordering, keeps the writes in file order whatever the batch size, so a load
    run again after a crash ends as a clean one does. A statement without the check (a contact that names no
    one, only the patient's number) writes nothing that depends on an earlier row, and is not cut: cutting
    health contacts, many per patient, made 83 statements of a 1,000-row batch."""
    if not checks_conflicts:
        return [rows] if rows else []
    strong = [f"{n.alias}_key" for n in feed.nodes if n.label == "Person" and n.key.startswith("nhs:")]
    out: list[list[dict[str, Any]]] = [[]]
    seen: set[str] = set()  # strong keys in the statement being filled
    for row in rows:
        keys = {row[k] for k in strong if row.get(k)}
        if keys & seen:
            out.append([])
            seen = set()
        out[-1].append(row)
        seen |= keys
    return [part for part in out if part]


@dataclass
class Checked:
    """A row after validation: typed values, or None and the problems that reject it."""

    item: SourceRow
    typed: dict[str, Any] | None
    problems: list[tuple[str, str]]


def _chain(first: SourceRow | None, rest: Iterator[SourceRow]) -> Iterator[SourceRow]:
    if first is not None:
        yield first
        yield from rest


def open_source(job: Job) -> CsvSource:
    """The file as its mapping describes it (encoding, delimiter), or as a canonical UTF-8 CSV."""
    if job.mapping:
        return CsvSource(job.path, encoding=job.mapping.spec.encoding, delimiter=job.mapping.spec.delimiter)
    return CsvSource(job.path)


def check_header(job: Job, header: list[str]) -> None:
    """A file whose header does not fit its feed (or its mapping) is refused whole, saying which columns."""
    if job.mapping:
        problems = job.mapping.check_header(header)
    else:
        expected = job.feed.header
        later = {c.name for c in job.feed.columns if c.added}  # a column added since: older exports lack it
        missing = [c for c in expected if c not in header and c not in later]
        unknown = [c for c in header if c not in expected]
        if missing and len(missing) == len(expected):
            raise LoadError(
                f"{job.path.name}: no header row: first line {header[:3]}... names no column of {job.feed.name}"
            )
        problems = [f"missing column(s) {', '.join(missing)}"] if missing else []
        if unknown:
            problems.append(f"unknown column(s) {', '.join(unknown)}")
        if len(set(header)) != len(header):
            problems.append("a column name appears twice")
    if problems:
        raise LoadError(f"{job.path.name}: {'; '.join(problems)} (see docs/feeds.md for {job.feed.name})")


def typed_row(job: Job, item: SourceRow) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """Typed canonical values of one row (through the mapping, if any), or the problems that reject it."""
    if item.values is None:
        return None, [item.problem or ("", "unreadable line")]
    values = item.values
    if job.mapping:
        values, problems = job.mapping.apply(values)
        if problems:
            return None, problems
    return validate_row(job.feed, values)


def first_of_key(
    job: Job, item: SourceRow, first_line: dict[str, int]
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """`typed_row`, and a second row with a key already seen in the file is rejected naming the first."""
    typed, problems = typed_row(job, item)
    if typed is None:
        return None, problems
    key = str(typed[job.feed.key])
    if key in first_line:
        return None, [(job.feed.key, f"{key!r} repeats the record at line {first_line[key]}")]
    first_line[key] = item.line
    return typed, problems


def dry_run(job: Job, reject: Callable[[SourceRow, list[tuple[str, str]]], None]) -> FileReport:
    """Every check a load makes on one file except references to other feeds, writing nothing: the preview
    an analyst reads before loading. `reject` gets each rejected row with its problems."""
    result = FileReport(file=job.path.name, feed=job.feed.name)
    first_line: dict[str, int] = {}
    try:
        with open_source(job) as source:
            rows = source.rows()
            first = next(rows, None)
            check_header(job, source.header)
            for item in _chain(first, rows):
                result.read += 1
                typed, problems = first_of_key(job, item, first_line)
                if typed is None:
                    result.rejected += 1
                    reject(item, problems)
                else:
                    result.loaded += 1
    except LoadError as e:
        result.error = str(e)
    return result


def load_directory(
    graph: Graph,
    spec: Spec,
    directory: Path,
    rejects_dir: Path,
    mappings: Iterable[FeedMapping] = (),
    batch_size: int = 2000,
    progress: Progress | None = None,
    notes: bool = True,
) -> LoadReport:
    """Load every feed file found in a directory; file-level errors are reported, other files still load.

    Then, when anything loaded and `notes`, read every note in the graph (notes/read.py): the facts they
    propose are part of what a load makes, re-read as a whole so that a load is idempotent."""
    if not directory.is_dir():
        raise LoadError(f"{directory}: not a directory of feed files")
    jobs, skipped = discover(directory, spec, mappings)
    with unfinished(graph, "load", str(directory.resolve())):  # a load cut short leaves this mark
        report = Loader(graph, spec, rejects_dir, batch_size, progress).run(jobs)
        report.skipped = skipped
        if notes and any(f.loaded for f in report.files):
            from notes.read import read_notes  # spaCy loads only when there is something to read

            report.note_facts = read_notes(graph).facts
    return report


def address_aliases(graph: Graph) -> dict[str, str]:
    """Folded key -> canonical key, for loads of files written before the fold."""
    rows = graph.read(STATEMENTS["address_aliases"], name="address aliases")
    direct = {r["key"]: r["canonical"] for r in rows}
    out = {}
    for key in direct:
        target, seen = direct[key], {key}
        while target in direct and target not in seen:  # a canonical Address folded again later
            seen.add(target)
            target = direct[target]
        out[key] = target
    return out
