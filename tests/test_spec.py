"""The feed catalogue is consistent with its Cypher, the schema and the generated docs."""

from __future__ import annotations

import re

from graph.statements import STATEMENTS
from loaders.feeds_doc import DOC_PATH, render
from loaders.spec import load_spec
from loaders.statements import STATEMENTS as LOADERS

SPEC = load_spec()


def test_every_feed_has_its_cypher_statement_naming_what_it_declares() -> None:
    for feed in SPEC.feeds.values():
        text = LOADERS[feed.statement_name]
        assert text.lstrip().startswith("//"), f"{feed.name}: explain the statement in a header comment"
        body = "\n".join(ln for ln in text.splitlines() if not ln.strip().startswith("//"))
        assert "UNWIND $rows AS row" in body
        for node in feed.nodes:
            assert f"row.{node.alias}_key" in body, f"{feed.name}: {node.alias} not merged"
            for label in (node.label, *node.extra_labels):
                assert re.search(rf":{label}\b", body), f"{feed.name}: label {label} missing"
        for rel in feed.relationships:
            assert re.search(rf":{rel.type}\b", body), f"{feed.name}: relationship {rel.type} missing"


def test_every_primary_label_has_a_key_constraint() -> None:
    schema = STATEMENTS["schema"]
    primary = {n.label for f in SPEC.feeds.values() for n in f.nodes}
    for label in primary:
        assert re.search(rf"FOR \(\w+:{label}\) REQUIRE \w+\.key IS UNIQUE", schema), label


def test_load_order_puts_referenced_feeds_first() -> None:
    order = [f.name for f in SPEC.load_order()]
    for feed in SPEC.feeds.values():
        for col in feed.columns:
            if col.ref and col.ref[0] != feed.name:
                assert order.index(col.ref[0]) < order.index(feed.name)


def test_feeds_doc_is_generated_from_the_catalogue() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render(SPEC), "run: python -m loaders.feeds_doc"


def test_every_column_is_documented() -> None:
    for feed in SPEC.feeds.values():
        for col in feed.columns:
            assert col.help, f"{feed.name}.{col.name} has no help text"
