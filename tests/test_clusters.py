"""Identities from links: strongest first, and no weak link may chain people with different births together."""

from __future__ import annotations

import datetime as dt

from linkage.clusters import Link, build, same_birth

CHILD, MOTHER = dt.date(2005, 1, 4), dt.date(1982, 11, 5)


def test_dates_of_birth_one_person_can_have() -> None:
    assert same_birth(CHILD, CHILD)
    assert same_birth(dt.date(2005, 4, 1), CHILD), "day and month swapped"
    assert same_birth(dt.date(2005, 1, 5), CHILD), "one digit mistyped"
    assert not same_birth(MOTHER, CHILD)


def test_a_record_without_a_birth_date_joins_one_person_not_two() -> None:
    dobs = {"contact": None, "child": CHILD, "child-gp": CHILD, "mother": MOTHER}
    links = [
        Link("child", "child-gp", "same name and date of birth", 1.0),
        Link("contact", "child", "probabilistic match (p=0.933)", 0.933),
        Link("contact", "mother", "probabilistic match (p=0.933)", 0.933),
    ]
    graph, held = build(dobs, links)
    assert held == [links[2]], "the second name-only link would make the child and the mother one identity"
    assert graph.has_edge("contact", "child") and not graph.has_edge("contact", "mother")


def test_strong_links_apply_before_weak_ones_and_forced_links_always_apply() -> None:
    dobs = {"a": CHILD, "b": None, "c": MOTHER, "d": MOTHER}
    weak = Link("b", "a", "probabilistic match (p=0.91)", 0.91)
    strong = Link("b", "c", "probabilistic match (p=0.99)", 0.99)
    nhs = Link("a", "d", "same NHS number", 1.0, forced=True)
    graph, held = build(dobs, [weak, strong])
    assert held == [weak] and graph.has_edge("b", "c")
    graph, held = build(dobs, [weak, strong, nhs])
    assert graph.has_edge("a", "d"), "a shared NHS number links whatever the recorded dates say"
    assert held == [weak], "the forced link is never held, and the weak one still may not chain the two births"
