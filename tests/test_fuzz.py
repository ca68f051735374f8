"""Bad input, fuzzed (hypothesis): random and malformed rows and whole files at every feed, random YAML at the
mapping reader, formula strings at the CSV writer. Never a traceback; a clear message naming file, line and
field; rows read = loaded + rejected every time; nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errors import ConfigError
from exports import FORMULA_STARTS, csv_text
from graph.db import Graph
from loaders.load import Job, dry_run, load_directory
from loaders.mapping import load_mapping
from loaders.reader import SourceRow
from loaders.spec import Feed, load_spec
from tests.support.fixture import FeedFixture

SPEC = load_spec()
FEEDS = sorted(SPEC.feeds)
FUZZ = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What agencies' exports and attackers put in a cell: quotes, delimiters, line ends, control bytes, formulas,
# markup, dates and numbers that are nearly right, very long text.
NASTY = st.sampled_from(
    [
        "",
        " ",
        '"',
        '""',
        ",",
        "\n",
        "\r\n",
        "\x00",
        "\x1b[31m",
        '=HYPERLINK("http://x")',
        "+1",
        "-1",
        "@SUM(A1)",
        ":red-badge[offender]",
        "2024-02-30",
        "31/12/2024",
        "0000000000",
        "9999999999",
        "Y",
        "N",
        "maybe",
        "99999999999999999999",
        "x" * 6000,
        "Zoë Ødegård",
        "O'Brien",
    ]
)
CELL = st.one_of(NASTY, st.text(max_size=40), st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12))


def _written(feed: Feed, rows: list[dict[str, str]], quoted: bool) -> str:
    """A feed file as a careful writer (quoted) or a careless one (cells joined with commas) would write it."""
    out = io.StringIO()
    if quoted:
        # every cell quoted: minimal quoting leaves a lone \r unquoted, which no strict reader takes
        writer = csv.DictWriter(out, fieldnames=feed.header, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    lines = [",".join(feed.header)] + [",".join(row[c] for c in feed.header) for row in rows]
    return "\n".join(lines) + "\n"


@st.composite
def feed_rows(draw: st.DrawFn, feed: Feed) -> list[dict[str, str]]:
    """Rows that start valid (the fixture's defaults) and have some cells replaced by nasty ones."""
    fx = FeedFixture()
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        fx.add(feed.name)
        row = fx.rows[feed.name][-1]
        for column in draw(st.lists(st.sampled_from(feed.header), max_size=3)):
            row[column] = draw(CELL)
        rows.append(row)
    return rows


def _check(report_file: str, read: int, loaded: int, rejected: int, rejects: list[tuple[SourceRow, list]]) -> None:
    assert read == loaded + rejected, f"{report_file}: read {read} != loaded {loaded} + rejected {rejected}"
    assert len(rejects) == rejected
    for item, problems in rejects:
        assert item.line >= 2 and problems, "a reject names its line and at least one reason"
        for field, reason in problems:
            assert isinstance(field, str) and reason.strip(), (field, reason)


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_survives_random_rows(name: str) -> None:
    feed = SPEC.feeds[name]

    @FUZZ
    @given(rows=feed_rows(feed), quoted=st.booleans())
    def run(rows: list[dict[str, str]], quoted: bool) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / feed.file
            path.write_text(_written(feed, rows, quoted), encoding="utf-8")
            rejects: list[tuple[SourceRow, list]] = []
            result = dry_run(Job(feed, path), lambda item, problems: rejects.append((item, problems)))
            assert result.error is None, result.error  # the header is right: only rows can be wrong
            _check(result.file, result.read, result.loaded, result.rejected, rejects)
            if quoted:
                assert result.read == len(rows), "a carefully quoted file loses no row"
            for _, problems in rejects:
                fields = {f for f, _ in problems}
                assert fields <= {"", *feed.header}, fields

    run()


@FUZZ
@given(data=st.binary(max_size=400), name=st.sampled_from(FEEDS))
def test_a_whole_file_of_random_bytes_is_a_clear_error_or_rejects(data: bytes, name: str) -> None:
    feed = SPEC.feeds[name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / feed.file
        path.write_bytes(",".join(feed.header).encode() + b"\n" + data if data[:1] == b"!" else data)
        rejects: list[tuple[SourceRow, list]] = []
        result = dry_run(Job(feed, path), lambda item, problems: rejects.append((item, problems)))
        if result.error:
            assert feed.file in result.error and "\n" not in result.error.strip(), result.error
        else:
            _check(result.file, result.read, result.loaded, result.rejected, rejects)


YAML_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20), NASTY),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)),
    max_leaves=12,
)


@FUZZ
@given(
    body=st.one_of(
        st.text(max_size=200),
        st.fixed_dictionaries(
            {"feed": st.sampled_from([*FEEDS, "nope"]), "file": CELL, "columns": YAML_VALUE},
            optional={"encoding": CELL, "delimiter": CELL, "date_format": CELL, "ignore": YAML_VALUE},
        ).map(yaml.safe_dump),
    )
)
def test_a_random_mapping_is_a_config_error_naming_the_file_or_a_mapping(body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.yaml"
        path.write_text(body, encoding="utf-8", errors="surrogatepass")
        try:
            load_mapping(path, SPEC)
        except ConfigError as e:
            assert "fuzzed.yaml" in str(e) or str(path) in str(e), e


@FUZZ
@given(cells=st.lists(st.one_of(NASTY, st.text(max_size=30)), min_size=1, max_size=8))
def test_exports_never_hold_a_formula(cells: list[str]) -> None:
    columns = [f"c{i}" for i in range(len(cells))]
    text = csv_text([dict(zip(columns, cells, strict=True))], columns)
    (header, row) = list(csv.reader(io.StringIO(text, newline="")))
    assert header == columns
    for written, given_cell in zip(row, cells, strict=True):
        assert not written.startswith(FORMULA_STARTS), written
        assert written in (given_cell, "'" + given_cell)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=feed_rows(SPEC.feeds["police_nominals"]), agencies=feed_rows(SPEC.feeds["agencies"]))
def test_random_rows_load_into_neo4j_counted_and_twice_changes_nothing(
    graph: Graph, tmp_path: Path, rows: list[dict[str, str]], agencies: list[dict[str, str]]
) -> None:
    """The same property through the real loader and Neo4j (references to other feeds checked too)."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for feed, feed_rows_ in ((SPEC.feeds["agencies"], agencies), (SPEC.feeds["police_nominals"], rows)):
        (folder / feed.file).write_text(_written(feed, feed_rows_, quoted=True), encoding="utf-8")
    first = load_directory(graph, SPEC, folder, folder / "rejects")
    counts = graph.read("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r")
    again = load_directory(graph, SPEC, folder, folder / "rejects-again")
    assert graph.read("MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r") == counts
    for report in (first, again):
        for f in report.files:
            assert f.error is None and f.read == f.loaded + f.rejected
        written = report.rejects_file
        lines = list(csv.DictReader(written.open(encoding="utf-8"))) if written and written.exists() else []
        assert len(lines) == report.rejected
        assert not any(cell.startswith(FORMULA_STARTS) for line in lines for cell in line.values() if cell)
    graph.write("MATCH (n) DETACH DELETE n", name="empty between examples")
