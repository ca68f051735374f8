"""The note reader (notes/matcher.py) on sentences as agencies write them: what it proposes, what it must not,
negation, and whose account a sentence is. No Neo4j."""

from __future__ import annotations

import pytest

from notes.matcher import KINDS, Proposal, reader
from notes.read import about, facts_of


def kinds(text: str) -> set[str]:
    return {p.kind for p in reader().read(text)}


def one(text: str, kind: str) -> Proposal:
    found = [p for p in reader().read(text) if p.kind == kind]
    assert len(found) == 1, f"{kind} in {text!r}: {found}"
    return found[0]


FALSE_ACCOUNTS = [
    # the review and the hand-written cases (tests/cases 01, 07, 09, 10)
    "Mum says it came about because he had bought a second-hand computer which had images already on it.",
    "Partner has a conviction - pt says he bought a used laptop with the material already on it.",
    "Mum says dad was wrongly accused - it was his nephew who downloaded the pictures on the family computer.",
    "Says husband's conviction 'is all behind them' - the charges were dropped on appeal.",
    "Mum disclosed dad has a conviction from 2019 - says the girl lied about her age and it was only messages.",
    "Mentions Ryan 'was in trouble years ago but it was a misunderstanding with his ex's daughter and it all got "
    "thrown out'.",
    # the generator's phrases (synthetic/cases/partners.py)
    "Says ex-partner was arrested but the charges were dropped and he was removed from the register.",
    "Discussed partner's status: she says he bought a second-hand computer and the images were already on it.",
    "She says he was never convicted of anything and the police got it wrong.",
    "Says he was taken off the register last year.",
    "Says it was only images, nothing more.",
    "Says his conviction is spent and he is no longer on the register.",
]


@pytest.mark.parametrize("text", FALSE_ACCOUNTS)
def test_a_minimising_or_false_account_is_proposed(text: str) -> None:
    assert "false_account" in kinds(text)


NOT_FALSE_ACCOUNTS = [
    # case 09's decoy: an accurate account, negated
    "Low mood. Discussed husband's recent conviction. She knows he has not been taken off the register and will "
    "be on it until 2025. Working with social worker. Coping.",
    "She understands the charges were not dropped and he was convicted.",
    # no offence in the note: a laptop is only a laptop
    "Eye strain; bought a second-hand laptop for an online course.",
    "Headaches, says she only looked at her phone late at night.",
    "Discussed his conviction. She is no longer on medication for low mood.",
    "Child well. Growth on centile. Mum coping.",
]


@pytest.mark.parametrize("text", NOT_FALSE_ACCOUNTS)
def test_an_accurate_or_unrelated_sentence_is_not_a_false_account(text: str) -> None:
    assert "false_account" not in kinds(text)


def test_the_account_is_the_speakers_and_keeps_its_sentence() -> None:
    note = (
        "School nurse drop-in (Oliver anxious, sleeping badly). Mum says dad was wrongly accused - it was his "
        "nephew who downloaded the pictures on the family computer."
    )
    p = one(note, "false_account")
    assert p.speaker == "mother"
    assert p.index == 1
    assert p.sentence.startswith("Mum says dad was wrongly accused")
    assert one("Partner has a conviction - pt says he bought a used laptop with the material already on it.",
               "false_account").speaker == "subject"  # fmt: skip
    assert one("Says the charges were dropped.", "false_account").speaker == "subject"


def test_a_mothers_account_on_her_childs_record_is_credited_to_her_not_the_child() -> None:
    p = one("Mum says dad was wrongly accused.", "false_account")
    row = {"record": "4:x:1", "record_key": "health:PHN-1", "kind": "health_contact", "source": "health_contacts",
           "source_id": "PHN-1", "agency": "health", "date": None, "subject": "nhs:child", "mother": "nhs:mum",
           "father": "nhs:dad"}  # fmt: skip
    assert about(p, row) == "nhs:mum"
    assert about(p, row | {"mother": None}) == "nhs:child"  # no birth record: the record's own person
    fact = facts_of(row, [p])[0]
    assert fact["key"] == "health:PHN-1:false_account:0"
    assert fact["props"]["sentence"] == "Mum says dad was wrongly accused."
    assert fact["about"] == "nhs:mum"


ROLES = [
    "Says he is keeping busy - helps out with a local youth football team at the weekends and looking for work.",
    "Parent reports subject ('Danny') is helping to coach an under-11s football team (Hengrove Juniors) on "
    "Saturday mornings at Hengrove Park.",
    "He volunteers at the church holiday club for children.",
    "Now a leader with the local scouts group.",
]


@pytest.mark.parametrize("text", ROLES)
def test_a_role_with_children_is_proposed(text: str) -> None:
    assert "child_role" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Says he has stopped helping out with the youth football team.",
        "He does not coach the junior team any more.",
        "Looking for work in a warehouse. Flat tidy. Devices checked.",
    ],
)
def test_no_role_with_children_when_there_is_none_or_it_is_denied(text: str) -> None:
    assert "child_role" not in kinds(text)


def test_babysitting_is_unsupervised_contact_and_its_denial_is_not() -> None:
    note = (
        "Says he babysits for his cousin Amina's kids on Saturdays while she works (3 kids, youngest is 2). "
        "Says Amina does not know about his offence. Advised this must stop pending police checks."
    )
    assert one(note, "unsupervised_contact").index == 0
    assert "unsupervised_contact" not in kinds("He says he never babysits for anyone.")
    assert "unsupervised_contact" in kinds("Left alone with her two children while she was at work.")


def test_staying_and_contact_with_a_child_are_proposed() -> None:
    assert "stays_at" in kinds("Stays at his partner's three nights a week.")
    assert "contact_with_child" in kinds("Family members said he had dropped his daughter off the night before.")
    assert "stays_at" not in kinds("He is not staying at the flat.")


def test_every_proposal_has_a_known_kind_and_a_note_without_text_proposes_nothing() -> None:
    for text in FALSE_ACCOUNTS + ROLES:
        assert {p.kind for p in reader().read(text)} <= set(KINDS)
    assert reader().read(None) == []
    assert reader().read("") == []
