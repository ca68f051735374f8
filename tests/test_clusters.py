"""Identities from links: strongest first, and no weak link may chain people with different births together."""

from __future__ import annotations

import datetime as dt

from linkage.clusters import HELD_NHS, Link, build, same_birth

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
    assert list(held) == [links[2]], "the second name-only link would make the child and the mother one identity"
    assert graph.has_edge("contact", "child") and not graph.has_edge("contact", "mother")


def test_strong_links_apply_before_weak_ones_and_forced_links_always_apply() -> None:
    dobs = {"a": CHILD, "b": None, "c": MOTHER, "d": MOTHER}
    weak = Link("b", "a", "probabilistic match (p=0.91)", 0.91)
    strong = Link("b", "c", "probabilistic match (p=0.99)", 0.99)
    nhs = Link("a", "d", "same NHS number", 1.0, forced=True)
    graph, held = build(dobs, [weak, strong])
    assert list(held) == [weak] and graph.has_edge("b", "c")
    graph, held = build(dobs, [weak, strong, nhs])
    assert graph.has_edge("a", "d"), "a shared NHS number links whatever the recorded dates say"
    assert list(held) == [weak], "the forced link is never held, and the weak one still may not chain the two births"


def test_twins_with_their_own_nhs_numbers_stay_two_people() -> None:
    """Issue 11: two babies, one surname, one birthday, two NHS numbers: a probabilistic link between them (or
    through a record with no number) is held for a reviewer instead of making them one identity."""
    dobs = {"twin1": CHILD, "twin2": CHILD, "nursery": CHILD}
    nhs = {"twin1": "9434765919", "twin2": "9434765870", "nursery": None}
    direct = Link("twin1", "twin2", "probabilistic match (p=0.97)", 0.97)
    via = [Link("nursery", "twin1", "probabilistic match (p=0.95)", 0.95), Link("nursery", "twin2", "p", 0.94)]
    graph, held = build(dobs, [direct, *via], nhs)
    assert held == {direct: HELD_NHS, via[1]: HELD_NHS}
    assert graph.has_edge("nursery", "twin1") and not graph.has_edge("twin1", "twin2")
