"""Record linkage: Splink links a person's varied records, folds typo'd addresses, and keeps reviewers' decisions."""

from __future__ import annotations

from pathlib import Path

from graph.db import Graph
from linkage.addresses import address_accuracy, address_merges
from linkage.decisions import DIFFERENT, decide
from linkage.exact import link_after_load
from linkage.metrics import person_metrics
from linkage.names import clean, name_variants
from linkage.pipeline import ResolveSettings, resolve
from linkage.prepare import record_row
from linkage.statements import STATEMENTS
from loaders.addresses import address_key
from loaders.load import address_aliases, load_directory
from loaders.spec import load_spec
from settings import Settings
from tests.support.population import Population

IDENTITIES = "MATCH (i:Identity) RETURN count(i) AS n"
SCORED = "MATCH ()-[m:MAY_BE_SAME]->() RETURN count(m) AS n"


def test_address_keys_fold_the_written_forms_of_one_dwelling() -> None:
    forms = ["Flat 2, 10 High Road", "2/10 High Rd", "10 HIGH ROAD FLAT 2", "flat 2 10 high road"]
    assert {address_key(f, None, None, "e8 1ab") for f in forms} == {"FLAT 2 10 HIGH ROAD | E81AB"}
    assert address_key("Flat 1, 10 High Road", None, None, "E8 1AB") != address_key(forms[0], None, None, "E8 1AB")


def test_typo_streets_merge_but_other_flats_and_numbers_do_not() -> None:
    nodes = [
        {"key": "10 HIGH ROAD | E81AB", "degree": 9},
        {"key": "10 HIHG ROAD | E81AB", "degree": 1},
        {"key": "12 HIGH ROAD | E81AB", "degree": 3},
        {"key": "FLAT 1 10 HIGH ROAD | E81AB", "degree": 2},
        {"key": "10 MILL LANE | E81AB", "degree": 2},
    ]
    assert address_merges(nodes) == [{"old": "10 HIHG ROAD | E81AB", "new": "10 HIGH ROAD | E81AB"}]


def test_names_are_prepared_for_comparison() -> None:
    assert clean("O'Neil-Smith ") == "oneil smith"
    assert "william" in name_variants("bill") and "bill" in name_variants("william")
    row = record_row(
        {
            "key": "nhs:1",
            "surname": "Smith-Jones",
            "forenames": "Bill Peter",
            "dob": None,
            "nhs": "1",
            "addresses": ["1 A ROAD | ZZ11AA"],
        }
    )
    assert row["surname_tokens"] == ["smith", "jones"] and row["first_name"] == "bill"
    assert row["postcode"] == "ZZ11AA" and row["source"] == "nhs"


def test_resolve_links_varied_records_and_keeps_decisions(resolved: Population, settings: Settings) -> None:
    """On the shared resolved population: loaded, linked by the exact rules (measured), then resolved."""
    truth, exact = resolved.truth, resolved.exact
    with Graph.connect(settings) as graph:
        linked = person_metrics(graph, truth)
        assert graph.read(IDENTITIES)[0]["n"] > 0 and graph.read(SCORED)[0]["n"] > 0
        assert linked["person_recall"] > exact["person_recall"], "probabilistic links find what exact rules miss"
        assert linked["person_precision"] >= 0.95 and linked["person_recall"] >= 0.95
        assert address_accuracy(truth, address_aliases(graph)) >= 0.98

        # a reviewer says one linked pair is two different people: it stays apart on every later run
        pair = graph.read(
            "MATCH (a:Person)-[m:MAY_BE_SAME {status: 'auto'}]->(b:Person) "
            "RETURN a.key AS a, b.key AS b ORDER BY m.probability LIMIT 1"
        )[0]
        decide(graph, pair["a"], pair["b"], DIFFERENT, who="reviewer", note="test")
        again = resolve(graph, ResolveSettings(accept=0.9, review=0.5))
        assert again.decisions_applied == 1
        status = graph.read(
            "MATCH (a:Person {key: $a})-[m:MAY_BE_SAME]-(b:Person {key: $b}) RETURN m.status AS s",
            a=pair["a"],
            b=pair["b"],
        )
    assert status == [{"s": "rejected"}]


def _clusters(graph: Graph) -> set[frozenset[str]]:
    rows = graph.read(STATEMENTS["identity_pairs"])
    return {frozenset(r["records"]) for r in rows}


def test_incremental_resolve_gives_the_links_of_a_full_run(graph: Graph, varied: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for path in varied.glob("*.csv"):
        target = second if path.name in ("employment.csv", "travel.csv") else first
        target.joinpath(path.name).write_bytes(path.read_bytes())
    load_directory(graph, load_spec(), first, tmp_path / "r1")
    resolve(graph)  # trains and keeps the model
    load_directory(graph, load_spec(), second, tmp_path / "r2")
    before = _clusters(graph)
    assert link_after_load(graph) is None and _clusters(graph) == before, "a load keeps resolve's identities"
    incremental = resolve(graph, ResolveSettings(incremental=True))
    assert incremental.scored_pairs > 0
    after_incremental = _clusters(graph)
    resolve(graph, ResolveSettings(retrain=False))  # everything again, with the same model
    assert _clusters(graph) == after_incremental


def test_an_incremental_run_applies_reviewers_decisions(resolved: Population, settings: Settings) -> None:
    """On the shared resolved population, full `resolve` already run, no decision yet."""
    with Graph.connect(settings) as graph:
        # an automatic link that alone makes a two-record identity: a reviewer says they are two people
        pair = graph.read(
            "MATCH (a:Person)-[:MAY_BE_SAME {status: 'auto'}]->(b:Person), "
            "(a)<-[ha:HAS_RECORD]-(i:Identity)-[hb:HAS_RECORD]->(b) "
            "WHERE i.records = 2 AND ha.rule STARTS WITH 'probabilistic' AND hb.rule STARTS WITH 'probabilistic' "
            "RETURN a.key AS left, b.key AS right ORDER BY left LIMIT 1"
        )[0]
        assert frozenset(pair.values()) in _clusters(graph)
        decide(graph, pair["left"], pair["right"], DIFFERENT, who="reviewer")
        before = _clusters(graph)
        report = resolve(graph, ResolveSettings(incremental=True))
        assert report.scored_pairs == 0 and report.decisions_applied == 1, "no new records: nothing new to score"
        after = _clusters(graph)
    assert frozenset(pair.values()) not in after
    assert {frozenset([pair["left"]]), frozenset([pair["right"]])} <= after
    assert after - {frozenset([pair["left"]]), frozenset([pair["right"]])} == before - {frozenset(pair.values())}
