"""Read every note in the graph and write the facts it proposes as `NoteFact` nodes, marked `from_note`.

Run after feeds load (a step of `loaders.load.load_directory`) and by `sightline notes`. Idempotent and
re-runnable: a fact is keyed by its record, kind and sentence; reading again re-decides whom each fact is
about, where a stay "at his partner's" is (`resolve_stays.cypher`: the partner his records name, her address
on the note's date) and removes facts no note proposes any more. A fact is a proposal, never a record: saved
queries that raise flags from it say so ("from a note") and show the sentence for an analyst to confirm.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from notes.matcher import Proposal, reader
from notes.statements import STATEMENTS

if TYPE_CHECKING:
    from graph.db import Graph

BATCH = 500
"""Facts written per transaction."""


@dataclass
class NotesReport:
    """What one reading found: notes read, and facts proposed by kind."""

    notes: int = 0
    facts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.facts.values())


def about(proposal: Proposal, row: dict[str, Any]) -> str | None:
    """The person a fact is about: the mother or father when the sentence is theirs and the record is their
    child's (known from a birth record), else the person whose record the note is on."""
    if proposal.speaker in ("mother", "father") and row.get(proposal.speaker):
        return str(row[proposal.speaker])
    return row.get("subject")


def facts_of(row: dict[str, Any], proposals: list[Proposal]) -> list[dict[str, Any]]:
    """The write parameters of one note's proposals."""
    out = []
    for p in proposals:
        who = about(p, row)
        out.append(
            {
                "key": f"{row['record_key']}:{p.kind}:{p.index}",
                "record": row["record"],
                "about": who,
                "props": {
                    "kind": p.kind,
                    "rule": p.rule,
                    "phrase": p.phrase,
                    "sentence": p.sentence,
                    "speaker": p.speaker,
                    "host": p.host,
                    "about": who,
                    "record_kind": row["kind"],
                    "source": row["source"],
                    "source_id": row["source_id"],
                    "agency": row["agency"],
                    "date": row["date"],
                },
            }
        )
    return out


def read_notes(graph: Graph) -> NotesReport:
    """Read every note in the graph, write what it proposes, drop what no note proposes any more."""
    graph.run_script(STATEMENTS["schema"], name="notes schema")
    rows = graph.read(STATEMENTS["notes_to_read"], name="notes to read")
    report = NotesReport(notes=len(rows))
    facts: list[dict[str, Any]] = []
    for row, proposals in zip(rows, reader().read_all(r["text"] for r in rows), strict=True):
        for f in facts_of(row, proposals):
            facts.append(f)
            report.facts[f["props"]["kind"]] = report.facts.get(f["props"]["kind"], 0) + 1
    read_at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    for i in range(0, len(facts), BATCH):
        graph.write(STATEMENTS["write_facts"], name="write note facts", facts=facts[i : i + BATCH], read_at=read_at)
    graph.write(STATEMENTS["drop_stale"], name="drop stale note facts", keys=[f["key"] for f in facts])
    resolve_stays(graph)
    return report


def resolve_stays(graph: Graph) -> None:
    """Place each stay "at his partner's" at her address on the note's date (resolve_stays.cypher). Run by every
    reading, and again by `sightline resolve`: identities built after the load reach more of her records."""
    graph.write(STATEMENTS["resolve_stays"], name="resolve stays at a partner's")
