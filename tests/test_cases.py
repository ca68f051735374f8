"""Hand-written family chronologies (tests/cases/, issue 11) replayed through every saved query.

Each case is loaded into an emptied graph, linked as a MASH would link it (exact rules, then `resolve` on the
one family), and every saved query is run on the last day of the records, and every saved query of each
expected signal on the day it became knowable (see tests/support/cases.py). The outcome of each expectation is
"on the day", "late" (with the first day it shows) or "missed"; the matrix of outcomes is printed at the end
of the module, and tests/cases/README.md states today's counts.

The suite passes today without hiding a miss: an expectation today's queries do not meet on its day carries
`known_gap: "class N: ..."` (the class of issue 11 it belongs to), and the test asserts it is STILL unmet, so
fixing a query fails this test until the line is removed. Every other expectation must be met on the day,
no decoy may be raised (unless it carries a known gap), and every child a flag names must be born and under
18 on the flag's day (class 9; today's faults are listed under `explanation_gaps`).
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.db import Graph
from loaders.spec import Spec, load_spec
from loaders.validate import nhs_number_is_valid
from queries.library import SIGNALS
from tests.support.cases import (
    CASES,
    ON_THE_DAY,
    Case,
    CaseResult,
    all_cases,
    counts,
    evaluate,
    matrix,
    summary_line,
)

ALL = all_cases()
README = CASES / "README.md"
CASE_A_REPLAY = CASES.parent / "fixtures" / "case_a"
SPEC: Spec = load_spec()
RESULTS: dict[str, CaseResult] = {}  # one replay per case per session, shared by the tests below


@pytest.fixture(scope="module", autouse=True)
def print_matrix(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the module: the matrix of outcomes (case, signal, child, knowable, outcome) in the test output."""
    yield
    done = [RESULTS[c.name] for c in ALL if c.name in RESULTS]
    if not done:
        return
    text = matrix(done)
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        print("\n\ntests/cases: every expected signal with today's saved queries\n" + text, flush=True)


def replayed(graph: Graph, case: Case, rejects: Path) -> CaseResult:
    if case.name not in RESULTS:
        RESULTS[case.name] = evaluate(graph, SPEC, case, rejects)
    return RESULTS[case.name]


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
def test_case(graph: Graph, case: Case, tmp_path: Path) -> None:
    result = replayed(graph, case, tmp_path)
    problems = result.problems()
    assert not problems, f"{case.name}:\n  " + "\n  ".join(problems) + "\n\n" + matrix([result])


def test_readme_reports_todays_counts(graph: Graph, tmp_path: Path) -> None:
    """tests/cases/README.md states the counts this replay finds today, word for word."""
    results = [replayed(graph, c, tmp_path / c.name) for c in ALL]
    line = summary_line(counts(results))
    assert line in README.read_text(encoding="utf-8"), f"update tests/cases/README.md to say: {line}"


# ------------------------------------------------------------------------------ the yardstick itself


def test_enough_cases_expectations_and_decoys() -> None:
    """Twelve chronologies and Case A; 32 expectations and 12 decoys; every signal, most more than once."""
    assert len(ALL) >= 13
    expectations = [e for c in ALL for e in c.expect]
    assert len(expectations) >= 32
    assert sum(len(c.decoys) for c in ALL) >= 12
    covered = {e.signal for e in expectations}
    assert covered == set(SIGNALS), f"signals no case expects: {sorted(set(SIGNALS) - covered)}"
    repeated = [s for s in SIGNALS if sum(e.signal == s for e in expectations) > 1]
    assert len(repeated) >= 10, f"signals expected more than once: {repeated}"
    assert sum(bool(c.mappings) for c in ALL) >= 2, "at least two cases come in through a YAML mapping"


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
def test_case_folder_is_complete(case: Case) -> None:
    """A story, the agencies' exports and expectations that name the records of the case."""
    readme = (case.folder / "README.md").read_text(encoding="utf-8")
    assert "Theme" in readme and "Who knew what, when" in readme, f"{case.name}/README.md: theme and timeline"
    exports = list(case.folder.glob("*.csv"))
    assert len(exports) >= 8, f"{case.name}: {len(exports)} exports"
    for exp in case.expect:
        assert exp.knowable >= min(e.knowable for e in case.expect)
        assert exp.known_gap is None or exp.known_gap.split(":")[0] in {f"class {i}" for i in range(1, 10)}


def _cells(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.csv")):
        text = path.read_text(encoding=_encoding(path))
        delimiter = ";" if text.count(";") > text.count(",") else ","
        for row in csv.reader(text.splitlines(), delimiter=delimiter):
            yield from row


def _encoding(path: Path) -> str:
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


NHS_LIKE = re.compile(r"^\d{3} ?\d{3} ?\d{4}$")


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
def test_nhs_numbers_are_valid_and_not_placeholders(case: Case) -> None:
    numbers = {c.replace(" ", "") for c in _cells(case.folder) if NHS_LIKE.match(c.strip())}
    assert numbers, f"{case.name}: no NHS number"
    bad = [n for n in numbers if not nhs_number_is_valid(n) or len(set(n)) < 4]
    assert not bad, f"{case.name}: invalid or placeholder NHS numbers {bad}"


def _column_values(folder: Path, suffix: str) -> set[str]:
    """Every value of the canonical columns whose name ends with `suffix`, upper-cased."""
    out = set()
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out |= {v.strip().upper() for k, v in row.items() if k and k.endswith(suffix) and v and v.strip()}
    return out


def test_case_a_is_encoded_independently_of_the_replay_fixture() -> None:
    """tests/cases' Case A shares no NHS number, surname or record id with tests/fixtures/case_a."""
    mine = next(c for c in ALL if "case_a" in c.name).folder
    shared = {
        what: _column_values(mine, suffix) & _column_values(CASE_A_REPLAY, suffix)
        for what, suffix in (("NHS numbers", "nhs_number"), ("surnames", "surname"), ("record ids", "_id"))
    }
    shared["record ids"] -= {a for a in shared["record ids"] if not re.search(r"\d", a)}  # agency types, codes
    assert not any(shared.values()), f"copied from tests/fixtures/case_a: {shared}"


def test_readme_lists_every_case() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [c.name for c in ALL if f"`{c.name}`" not in text]
    assert not missing, f"tests/cases/README.md does not list {missing}"
    assert ON_THE_DAY in text
