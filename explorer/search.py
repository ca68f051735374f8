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
from wording import address, age, agency, date, tidy_name

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
    of: int = 0  # how many of its kind matched, of which this is one of the first few ("20 of 57")
    more: bool = False  # the search stopped counting: more than `of` matched


def words(text: str) -> list[str]:
    return [w.replace("'", "") for w in _WORD.findall(text) if w.replace("'", "")]


def _escape(term: str) -> str:
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def _edits(word: str) -> int:
    return 0 if len(word) <= 3 else 1 if len(word) <= 5 else 2


def fuzzy_term(word: str) -> str:
    """Lucene clause for one typed word: exact, prefix, edit distance (by length) and its nicknames and the
    names it is a nickname of, from the table record linkage uses (Bill <-> William, Chas <-> Charles). Every
    word is widened on its own, so a nickname and a typo in the other word go together."""
    low = word.lower()
    edits = _edits(low)
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


HITS_PER_SHOWN = 10  # records the full-text index returns per person shown: the count stops there


def search_people(graph: Graph, text: str, as_of: dt.date, limit: int = 20) -> list[Hit]:
    """People whose names match, exact matches first, each with age and current address."""
    query = people_query(text)
    if not query:
        return []
    typed = [w.lower() for w in words(text)[:4]]
    hits = limit * HITS_PER_SHOWN
    rows = cypher.read(graph, "explore/search_people", query=query, words=typed, hits=hits, limit=limit)
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
    title = tidy_name(display_name(records) or row["name"]) or "name not recorded"
    spellings = sorted({tidy_name(r["name"]) for r in records if r["name"]} - {title})
    detail = f"{_age(row['dob'], as_of)} · {current_address(records, as_of)} · {len(records)} record(s)"
    if spellings:
        detail += f" · also recorded as {', '.join(spellings[:3])}"
    return Hit("person", row["key"], title, detail, badges, row["score"], row["total"], row["capped"])


def _age(dob: Any, as_of: dt.date) -> str:
    shown = age(dob, as_of, missing="")
    return f"age {shown}, born {date(dob)}" if shown and shown[0].isdigit() else f"born {date(dob)}"


def current_address(records: list[dict[str, Any]], as_of: dt.date) -> str:
    """The address any of the person's records gives most recently (on or before as_of), with since when."""
    held = [
        a
        for r in records
        for a in r.get("addresses") or ()
        if not isinstance(a.get("from"), dt.date) or a["from"] <= as_of
    ]
    if not held:
        return "no address recorded"
    latest = max(held, key=lambda a: a["from"] if isinstance(a.get("from"), dt.date) else dt.date.min)
    since = f" (since {date(latest['from'])})" if isinstance(latest.get("from"), dt.date) else ""
    return address(latest.get("line1"), latest.get("postcode") or "") + since


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
            address(r["line1"], r["postcode"] or "", r["line2"], r["town"]),
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
            r["name"] or agency(r["agency_type"]),
            f"{agency(r['agency_type'], missing='agency')} · {r['area'] or 'area unknown'}",
            [agency(r["agency_type"], missing="agency")],
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


def shown_of(group: list[Hit]) -> str:
    """ "20 of 57" when more matched than are shown (the search stops counting at `hits`), else the count."""
    total = max((h.of for h in group), default=0)
    if total <= len(group):
        return str(len(group))
    return f"{len(group)} of {total}" + (" or more" if any(h.more for h in group) else "")
