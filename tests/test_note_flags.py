"""A flag raised from a note says so, lists the sentences it rests on, and the explorer shows them literally."""

from __future__ import annotations


def test_a_flag_from_a_note_lists_its_sentences_and_the_explorer_shows_them_literally() -> None:
    from explorer.text import md
    from queries.flags import Evidence, Flag

    flag = Flag(
        "s10_minimising_account_of_offence", "S10", "medium", "t", confidence="from a note",
        evidence=(
            Evidence("health", "health_contacts", "PHN-1", what="x",
                     more={"from_note": True, "sentence": "Mum says [he](http://x) was *framed*."}),
            Evidence("police", "police_convictions", "C1", what="recorded conviction"),
        ),
    )  # fmt: skip
    assert flag.from_notes() == ("health_contacts PHN-1: Mum says [he](http://x) was *framed*.",)
    assert flag.to_json()["confidence"] == "from a note"
    assert "confidence" not in Flag("q", "S1", "high", "t").to_json()  # only a flag from a note says so
    shown = md(flag.from_notes()[0])
    assert "\\[he\\]\\(http\\:\\/\\/x\\)" in shown and "\\*framed\\*" in shown  # no link, no emphasis
