"""Likely links for records that carry a surname and only part of a given name, and no date of birth.

A school writes the adult collecting a child as "OKAFOR, Mr J" or "OKAFOR, Jide"; the police know him as
Babajide Oluwaseun OKAFOR, born 1983, and perhaps by the alias "Jide". No date of birth, no NHS number and a
first name that is an initial or a short form: Splink scores such a pair low, and exact linkage needs the
whole name. The evidence that ties them is around the record: the same surname, a given name the person is
known by (an initial of any of his given names or aliases, a short form such as Jide for Babajide, a
nickname), and an address shared with the people the record was written about (the children he collects
live where he stays). A record joins the one identity that has all three; when two identities qualify, or
the identity is among the people the record was written about (a parent is not the child he collects),
nothing is linked. The link is a probabilistic one: it is stored as a scored pair a reviewer can reject.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from linkage.exact import Record, components
from linkage.names import name_agrees

RULE = "probabilistic: likely the same person"
PROBABILITY = 0.9  # ranks with an automatic Splink link: applied after every deterministic one


@dataclass
class _Group:
    """What one deterministic identity is known by: surnames with their given names, addresses, an anchor."""

    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    addresses: set[str] = field(default_factory=set)
    anchor: str | None = None  # a record with a date of birth: a person, not another bare contact


def _groups(records: list[Record], component: dict[str, int]) -> dict[int, _Group]:
    groups: dict[int, _Group] = defaultdict(_Group)
    for r in records:
        g = groups[component[r.key]]
        g.addresses |= r.addresses
        if r.name:
            surname, _, given = r.name.partition("|")
            g.names[surname] |= set(given.split())
        if r.dob and g.anchor is None:
            g.anchor = r.key
    return groups


def _how(given: str, known: set[str]) -> str | None:
    """The strongest way the record's given name agrees with a name the identity is known by."""
    found = {name_agrees(given, k) for k in known} - {None}
    return next((h for h in ("same name", "short form", "nickname", "initial") if h in found), None)


def likely_pairs(records: list[Record], pairs: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(record without a date of birth, a record of the one identity it likely is, rule with the evidence).

    Only identities at an address near the record are compared (an index by address), so a borough's worth
    of records costs about one pass over them."""
    component = components(records, pairs)
    groups = _groups(records, component)
    by_address: dict[str, set[int]] = defaultdict(set)
    for c, g in groups.items():
        if g.anchor is not None:
            for address in g.addresses:
                by_address[address].add(c)
    out = []
    for r in records:
        if r.dob or r.alias_of or not r.name:
            continue
        surname, _, given = r.name.partition("|")
        if not given:
            continue
        written_about = {component[n] for n in r.neighbours if n in component}
        near = set(r.addresses).union(*(groups[c].addresses for c in written_about))
        found = []
        for c in sorted(set().union(*(by_address.get(a, set()) for a in near))):
            g = groups[c]
            if c == component[r.key] or c in written_about or surname not in g.names:
                continue
            how = _how(given.split()[0], g.names[surname])
            if how:
                found.append((g, how))
        if len(found) == 1:
            g, how = found[0]
            assert g.anchor is not None
            out.append((r.key, g.anchor, f"{RULE} (same surname, {how} of a name known, a shared address)"))
    return out
