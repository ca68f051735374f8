"""Erasure of source records (DPA 2018 Part 3 s.47, MoPI review): a record, a whole feed, or everything held
about one person. Exactly those records go, with what only they support: a relationship a record made goes;
a node goes when no other record supports it; a node another record still supports stays, without the erased
facts (its provenance and `sources` name only the records left, a key conflict the record raised is
withdrawn). Facts read from the erased records' notes are read again, and reviewers' decisions about an erased
person record go. The caller rebuilds identities afterwards (linkage) and logs the erasure (audit)."""

from __future__ import annotations

from dataclasses import dataclass, field

from errors import ConfigError
from graph.db import Graph
from graph.marks import unfinished
from loaders.spec import Spec
from loaders.statements import STATEMENTS


@dataclass
class Erasure:
    """What an erasure removed: the source records ("feed:id") and the person records (keys) it touched."""

    records: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)  # person records touched (their keys, for the s.62 log)
    deleted_people: list[str] = field(default_factory=list)  # person records no record supports any more


def records_of(graph: Graph, spec: Spec, record: str | None, feed: str | None, person: str | None) -> list[str]:
    """The source records one of --record FEED:ID, --feed FEED, --person KEY names (exactly one is given)."""
    if sum(x is not None for x in (record, feed, person)) != 1:
        raise ConfigError("name exactly one of --record FEED:ID, --feed FEED or --person KEY")
    if record is not None:
        name, _, rid = record.partition(":")
        if name not in spec.feeds or not rid:
            raise ConfigError(f"{record!r} is not FEED:ID with a known feed (see docs/feeds.md)")
        return [record]
    if feed is not None:
        if feed not in spec.feeds:
            raise ConfigError(f"{feed!r} is not a known feed (see docs/feeds.md)")
        rows = graph.read(STATEMENTS["erase/records_of_feed"], name="erase: records of a feed", feed=feed)
        return sorted(rows[0]["records"])
    rows = graph.read(STATEMENTS["erase/records_of_person"], name="erase: records of a person", key=person)
    return sorted(r for r in rows[0]["records"] if r)


def erase(graph: Graph, spec: Spec, records: list[str]) -> Erasure:
    """Remove these source records and what only they support; marked in the graph while under way."""
    if not records:
        raise ConfigError("nothing to erase: no source record in the graph matches")
    order = [f.name for f in spec.load_order()]
    with unfinished(graph, "erasure"):
        touched = graph.read(STATEMENTS["erase/touched"], name="erase: touched nodes", records=records)[0]
        if not touched["nodes"]:
            raise ConfigError(f"nothing to erase: the graph holds no source record {', '.join(records[:3])}")
        people = sorted({k for k in touched["people"] if k})
        graph.write_in_batches(STATEMENTS["erase/drop_facts"], name="erase: relationships", records=records)
        nodes = touched["nodes"]
        for start in range(0, len(nodes), 5000):
            graph.write(
                STATEMENTS["erase/settle_nodes"],
                name="erase: nodes",
                nodes=nodes[start : start + 5000],
                records=records,
                order=order,
            )
        left = graph.read(STATEMENTS["erase/existing_people"], name="erase: people left", people=people)
        gone = sorted(set(people) - set(left[0]["people"]))
        graph.write(STATEMENTS["erase/drop_decisions"], name="erase: decisions", people=gone)
        from notes.read import read_notes  # spaCy loads only here

        read_notes(graph)
    return Erasure(records=records, people=people, deleted_people=gone)
