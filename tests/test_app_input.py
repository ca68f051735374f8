"""What an analyst (or a crafted link) types cannot break a page: a day outside the records' span in the URL,
a search text of 10,000 characters. No Neo4j needed."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from errors import QueryError
from explorer import signin
from explorer.search import MAX_LENGTH, search_all


def _sidebar() -> None:
    import streamlit as st

    from explorer import ui

    ui.sidebar()
    st.text(ui.as_of().isoformat())


@pytest.mark.parametrize(
    ("given", "opens_on"), [("0001-01-01", None), ("9999-12-31", None), ("2019-05-01", "2019-05-01")]
)
def test_a_day_in_the_url_outside_the_records_span_opens_on_today(given: str, opens_on: str | None) -> None:
    """`?as_of=0001-01-01` crashed every page (the date picker refuses a day before 1900)."""
    at = AppTest.from_function(_sidebar)
    at.session_state[signin.SESSION] = signin.SignedIn("Test Analyst", "analyst")  # the sidebar is drawn signed in
    at.query_params["as_of"] = given
    at.run()
    assert not at.exception
    assert at.text[-1].value == (opens_on or dt.date.today().isoformat())


def test_a_search_longer_than_any_name_is_refused_before_neo4j_is_asked() -> None:
    """A 10,000-character search showed the engine's raw error."""
    with pytest.raises(QueryError, match=f"10,000 characters; type at most {MAX_LENGTH}"):
        search_all(None, "x" * 10_000, dt.date(2024, 12, 31))  # type: ignore[arg-type]  # never reached
