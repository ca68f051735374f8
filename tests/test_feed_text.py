"""Feed text is data: a forename written as Streamlit markdown (a fake offender badge, an outside image, a link)
shows as typed, in search hits and flag cards alike. No Neo4j needed: the widgets are drawn with AppTest."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from explorer.text import md
from tests.support.population import unescaped

HOSTILE = ":red-badge[offender] ![x](http://evil.example/x.png) **b** $x^2$ <b>b</b> [a](http://x) :material/home:"
PUNCTUATION = r"[!-/:-@\[-`{-~]"


def test_md_keeps_every_character_and_disarms_the_markup() -> None:
    shown = md(HOSTILE)
    assert unescaped(shown) == HOSTILE
    assert re.fullmatch(rf"(?:(?!{PUNCTUATION}|\\).|\\{PUNCTUATION})*", shown), "punctuation left unescaped"
    assert "\\:red\\-badge\\[offender\\]" in shown and "\\!\\[x\\]" in shown
    assert md(None) == "" and md("O'Brien\nSmith") == "O\\'Brien Smith"


def _hit_rows() -> None:
    from explorer import widgets
    from explorer.search import Hit

    hostile = ":red-badge[offender] ![x](http://evil.example/x.png)"
    widgets.hit_rows([Hit("person", "police:N1", hostile, "born 2001-01-01; 1 record(s)", ("police",), 1.0)], "t")


def test_a_search_hit_named_in_markdown_shows_the_name_as_typed() -> None:
    at = AppTest.from_function(_hit_rows).run()
    assert not at.exception
    (source,) = [m.value for m in at.markdown]
    assert ":red-badge[offender]" not in source and "![x]" not in source  # no directive, no image left to fetch
    assert unescaped(source).startswith("**:red-badge[offender] ![x](http://evil.example/x.png)**")
    assert ":blue-badge[police]" in source  # the real badges still draw
