"""The generator's twins and stays "at his partner's" written only in a visit note (issue 11, classes 2, 3 and 7),
loaded, linked (exact rules, then `resolve`) and read by the saved queries on the real bundled Neo4j.

A small, dense population: every planted S1 family may have twins (identity rate 0.5), and half the S1 stories and
decoys are written only in a note. Linkage must keep each twin pair apart (two NHS numbers are two people, whatever
"Baby 1" and "Baby 2" share), both twins of a planted family must be named by its S1 flag, and S1 must find the
note-only stays "from a note" and raise nothing for a note about a partner's home where no child lives.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from graph.db import Graph
from linkage.exact import link_exact
from linkage.pipeline import resolve
from loaders.load import load_directory
from loaders.spec import load_spec
from queries.evaluate import evaluate, load_truth
from queries.flags import Flag
from queries.library import get_query
from queries.runner import run_query
from synthetic import generate

S1 = "s1_child_at_offender_address"


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("twins-feeds")
    generate(600, 11, folder, variation_rate=0.0, identity_rate=0.5, note_rate=0.5, cases_per_signal=4)
    return folder


def twin_pairs(feeds: Path) -> list[tuple[str, str]]:
    """Pairs of twins' NHS numbers: birth records named "Baby 1" / "Baby 2" of one mother on one day."""
    births: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    with (feeds / "health_births.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["child_forenames"] in ("Baby 1", "Baby 2"):
                births[row["mother_nhs_number"], row["date_of_birth"]][row["child_forenames"]] = row["child_nhs_number"]
    return [(b["Baby 1"], b["Baby 2"]) for b in births.values() if len(b) == 2]


def test_the_generator_writes_twins_as_two_people(feeds: Path) -> None:
    pairs = twin_pairs(feeds)
    assert len(pairs) >= 5
    truth = load_truth(feeds / "ground_truth.json")
    owner = {k: i["person_id"] for i in truth["identities"] for k in i["records"]}
    assert all(owner[f"nhs:{a}"] != owner[f"nhs:{b}"] for a, b in pairs)
    with (feeds / "health_gp_registrations.csv").open(encoding="utf-8", newline="") as handle:
        named = {r["nhs_number"]: r["forenames"] for r in csv.DictReader(handle)}
    assert all(named[a] != named[b] and not named[a].startswith("Baby") for a, b in pairs if a in named and b in named)


def test_twins_kept_apart_both_named_and_noted_stays_found(graph: Graph, feeds: Path, tmp_path: Path) -> None:
    """One load and `resolve` of the population, then the three checks of the module docstring."""
    report = load_directory(graph, load_spec(), feeds, tmp_path / "rejects")
    assert report.ok and report.rejected == 0
    assert report.note_facts.get("stays_at", 0) > 0
    link_exact(graph)
    resolve(graph)
    truth = load_truth(feeds / "ground_truth.json")
    pairs = twin_pairs(feeds)
    keeps_twins_apart(graph, pairs)
    twins_records_still_merge(graph, truth, pairs)
    raised = run_query(graph, get_query(S1), {"as_of": truth["generator"]["as_of"]})
    names_both_twins(raised, truth, pairs)
    finds_noted_stays(raised, truth)
    score = evaluate(graph, truth, include_linkage=True)["S1"]
    assert score.recall == 1.0, score.missed
    assert score.precision == 1.0 and score.decoy_flags == 0, score.false_alarms


def keeps_twins_apart(graph: Graph, pairs: list[tuple[str, str]]) -> None:
    """No identity holds both NHS numbers of a twin pair."""
    rows = graph.read(
        "MATCH (i:Identity)-[:HAS_RECORD]->(p:Person) WHERE p.key STARTS WITH 'nhs:' "
        "RETURN i.key AS identity, collect(p.key) AS records"
    )
    holder = {k: r["identity"] for r in rows for k in r["records"]}
    together = [(a, b) for a, b in pairs if holder.get(f"nhs:{a}") == holder.get(f"nhs:{b}")]
    assert not together, f"{len(together)} of {len(pairs)} twin pairs linked into one identity: {together[:3]}"


KNOWN_GAP_TWINS = (
    "class 2: the birth record's 'Baby 2' replaces the GP registration's first name on the NHS-number node the two "
    "share (loaders/cypher/feeds/health_births.cypher keeps the last name written), so Splink links a twin's school "
    "and social care records to the other twin's: 81 of 100 pairs at 20,000 people (seed 7) share an identity, "
    "though never both NHS numbers"
)


def twins_records_still_merge(graph: Graph, truth: dict[str, Any], pairs: list[tuple[str, str]]) -> None:
    """Known gap (tests/cases' convention): some identity still holds records of both twins. When linkage keeps
    every record of the two apart, this fails: delete KNOWN_GAP_TWINS and assert `merged == []` instead."""
    owner = {k: i["person_id"] for i in truth["identities"] for k in i["records"]}
    rows = graph.read("MATCH (i:Identity)-[:HAS_RECORD]->(p:Person) RETURN i.key AS i, collect(p.key) AS records")
    people = [{owner.get(k) for k in r["records"]} for r in rows]
    merged = [(a, b) for a, b in pairs if any({owner[f"nhs:{a}"], owner[f"nhs:{b}"]} <= held for held in people)]
    assert merged, f"fixed ({KNOWN_GAP_TWINS}): make this test assert that no identity holds records of both twins"


def names_both_twins(raised: list[Flag], truth: dict[str, Any], pairs: list[tuple[str, str]]) -> None:
    """Both twins of a planted S1 family are children of one S1 flag."""
    planted = [c for c in truth["cases"] if c["signal"] == "S1" and not c["decoy"]]
    in_cases = [(a, b) for a, b in pairs for c in planted if {f"nhs:{a}", f"nhs:{b}"} <= set(c["children"])]
    assert in_cases, "no planted S1 family with twins"
    named = [{r for c in f.children for r in c.record_keys} for f in raised]
    for a, b in in_cases:
        assert any({f"nhs:{a}", f"nhs:{b}"} <= n for n in named), (a, b)


def finds_noted_stays(raised: list[Flag], truth: dict[str, Any]) -> None:
    """Each S1 case written only in a note is raised by one flag that says it comes from a note."""
    noted = [c for c in truth["cases"] if c["signal"] == "S1" and c["from_note"]]
    assert any(not c["decoy"] for c in noted) and any(c["decoy"] for c in noted)
    for case in (c for c in noted if not c["decoy"]):
        (flag,) = [f for f in raised if {f"{e.feed}:{e.record_id}" for e in f.evidence} & set(case["evidence"])]
        assert flag.confidence == "from a note" and flag.from_notes(), case["case_id"]
