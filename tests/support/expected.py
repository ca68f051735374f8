"""Counts a directory of canonical feed files should produce, computed from feeds.yaml's declarations.

Independent of the .cypher files: if a statement creates a node or relationship the catalogue does not
declare (or misses one), Neo4j's counts and these differ.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from loaders.load import graph_row
from loaders.reader import CsvSource
from loaders.spec import Spec
from loaders.validate import validate_row


def expected_counts(directory: Path, spec: Spec) -> tuple[Counter[str], Counter[str]]:
    """(nodes by label, relationships by type) for the valid rows of every canonical file in directory."""
    nodes: dict[str, set[tuple[str, str]]] = {}
    rels: Counter[str] = Counter()
    for feed in spec.load_order():
        path = directory / feed.file
        if not path.exists():
            continue
        seen: set[str] = set()
        with CsvSource(path) as source:
            for item in source.rows():
                typed, _ = validate_row(feed, item.values or {})
                if typed is None or str(typed[feed.key]) in seen:
                    continue
                seen.add(str(typed[feed.key]))
                row = graph_row(feed, typed)
                for decl in feed.nodes:
                    key = row[f"{decl.alias}_key"]
                    if key is not None:
                        for label in (decl.label, *decl.extra_labels):
                            nodes.setdefault(label, set()).add((decl.label, key))
                for rel in feed.relationships:
                    if row[f"{rel.start}_key"] is not None and row[f"{rel.end}_key"] is not None:
                        rels[rel.type] += 1
    return Counter({label: len(keys) for label, keys in nodes.items()}), rels
