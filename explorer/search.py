"""One search box: people (spelling variants, nicknames), addresses (street, postcode) and agencies."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from errors import QueryError
from explorer import statements as cypher
from explorer.badges import agency_of_feed, is_child
from graph.db import Graph
from linkage.names import name_variants

_WORD = re.compile(r"[A-Za-z0-9']+")
_LUCENE_SPECIAL = re.compile(r"([+\-&|!(){}\[\]^\"~*?:\\/])")


@dataclass(frozen=True)
class Hit:
    """One search result: what it is, how to open it, and its badges (role, agencies)."""

    kind: str  # person, address, agency
    key: str
    title: str
    detail: str
    badges: list[str] = field(default_factory=list)
    score: float = 0.0


def words(text: str) -> list[str]:
    return [w.replace("'", "") for w in _WORD.findall(text) if w.replace("'", "")]


def _escape(term: str) -> str:
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def fuzzy_term(word: str) -> str:
    """Lucene clause for one typed word: exact, prefix, edit distance (by length) and its nicknames and the
    names it is a nickname of, from the table record linkage uses (Bill <-> William)."""
    low = word.lower()
    edits = 0 if len(low) <= 3 else 1 if len(low) <= 5 else 2
    options = {_escape(v) for v in name_variants(low)} | {f"{_escape(low)}*"}
    if edits:
        options.add(f"{_escape(low)}~{edits}")
    return "(" + " OR ".join(sorted(options)) + ")"


def people_query(text: str) -> str:
    """Full-text query requiring every typed word (in any name field), each widened by fuzzy_term."""
    return " AND ".join(fuzzy_term(w) for w in words(text)[:4])


def address_query(text: str) -> str:
    """Every typed word required; postcodes match with or without their space ("E8 1AB" = "E81AB")."""
    terms = words(text)
    joined = "".join(terms).upper()
    clauses = [f"{_escape(w.lower())}*" for w in terms]
    query = " AND ".join(clauses)
    if re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}", joined):
        spaced = f"{joined[:-3]} {joined[-3:]}"
        query = f'({query}) OR "{spaced.lower()}" OR {joined.lower()}'
    return query


def search_people(graph: Graph, text: str, as_of: dt.date, limit: int = 20) -> list[Hit]:
    query = people_query(text)
    if not query:
        return []
    rows = cypher.read(graph, "explore/search_people", query=query, hits=limit * 10, limit=limit)
    return [_person_hit(r, as_of) for r in rows]


def _person_hit(row: dict[str, Any], as_of: dt.date) -> Hit:
    records = row["records"]
    badges = []
    if any(r["offender"] for r in records):
        badges.append("offender")
    if any(r["practitioner"] for r in records):
        badges.append("practitioner")
    if is_child(row["dob"], as_of):
        badges.append("child")
    badges += sorted({agency_of_feed(r["source"]) for r in records if r["source"]})
    title = display_name(records) or row["name"] or row["key"]
    spellings = sorted({r["name"] for r in records if r["name"] and r["name"].lower() != title.lower()})
    detail = f"born {cypher.iso(row['dob']) or 'unknown'}; {len(records)} record(s)"
    if spellings:
        detail += f"; also recorded as {', '.join(spellings[:3])}"
    return Hit("person", row["key"], title, detail, badges, row["score"])


def display_name(records: list[dict[str, Any]]) -> str:
    """The name most of a person's records give, as written (identities keep only a folded form)."""
    names = Counter(r["name"] for r in records if r.get("name"))
    return names.most_common(1)[0][0] if names else ""


def search_addresses(graph: Graph, text: str, limit: int = 10) -> list[Hit]:
    query = address_query(text)
    if not query:
        return []
    rows = cypher.read(graph, "explore/search_addresses", query=query, limit=limit)
    return [
        Hit(
            "address",
            r["key"],
            ", ".join(x for x in (r["line1"], r["line2"], r["town"], r["postcode"]) if x),
            f"{r['people']} person record(s) linked" + (f"; {', '.join(r['agencies'])}" if r["agencies"] else ""),
            ["address"],
            r["score"],
        )
        for r in rows
    ]


def search_agencies(graph: Graph, text: str, limit: int = 10) -> list[Hit]:
    if len(text.strip()) < 2:
        return []
    rows = cypher.read(graph, "explore/search_agencies", text=text.strip(), limit=limit)
    return [
        Hit(
            "agency",
            r["key"],
            r["name"] or r["key"],
            f"{r['key']} · {r['area'] or 'area unknown'}",
            [(r["agency_type"] or "agency").replace("_", " ")],
        )
        for r in rows
    ]


MAX_LENGTH = 200  # characters: no name, street or agency is longer; a 10,000-character text showed the engine's error


def search_all(graph: Graph, text: str, as_of: dt.date) -> list[Hit]:
    """People first, then addresses, then agencies; each group in score order. Text longer than MAX_LENGTH
    is a QueryError saying so, before anything is asked of Neo4j."""
    if len(text) > MAX_LENGTH:
        raise QueryError(
            f"Search text is {len(text):,} characters; type at most {MAX_LENGTH} (a name, street or agency)."
        )
    return search_people(graph, text, as_of) + search_addresses(graph, text) + search_agencies(graph, text)
