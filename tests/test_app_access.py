"""Need to know in the explorer: nothing is drawn before sign-in; a wrong password is refused, rate-limited and
logged; each role's menu lists only its pages and a page reached by its URL refuses the others (logged); a
session expires after inactivity; every action class writes its s.62 entry with subjects and justification;
the administrators' console reads only."""

from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest

from access.accounts import MAX_FAILURES, Accounts
from explorer import signin
from graph.db import Graph
from settings import Settings
from tests.support.explorer import PASSWORD, account
from tests.support.population import (
    Population,
    consultations,
    explorer_env,
    open_app,
    population,
    sign_in,
    texts,
    widget,
)

__all__ = ["explorer_env", "population"]  # fixtures
PAGES = ["worklist", "search", "profile", "chronology", "line_of_sight", "saved_queries", "review_links"]
PAGES += ["audit_log", "data", "console"]
MENU = {  # the menu each role sees
    "analyst": ["Worklist & triage", "Search", "Profile & link chart", "Chronology", "Line of sight", "Saved queries"],
    "supervisor": ["Review links", "Audit log"],
    "administrator": ["Data", "Cypher console"],
}


def _menu(at: AppTest) -> list[str]:
    return [str(e.proto.label) for e in at.sidebar if e.type == "page_link"]


def _refusals() -> list[dict[str, object]]:
    return [e for e in consultations() if e["action"] == "refusal"]


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_every_page_is_only_the_sign_in_form(population: Population, page: str) -> None:
    at = open_app(page, identified=False, focus=population.case("S1")["children"][0])
    assert not at.exception
    assert [w.label for w in at.text_input] == ["Account name", "Password"]
    assert texts(at, "title") == ["Sightline"]
    assert not at.dataframe and not _menu(at) and not at.sidebar.children
    shown = " ".join(texts(at, "markdown") + texts(at, "caption") + texts(at, "info") + texts(at, "error"))
    assert population.case("S1")["children"][0] not in shown
    assert consultations() == []


def test_a_wrong_password_is_refused_rate_limited_and_logged(population: Population) -> None:
    at = open_app(identified=False)
    name = account(Settings.from_env().accounts)
    for _ in range(MAX_FAILURES):
        sign_in(at, name, "not the password").run()
        assert texts(at, "error") == ["wrong account name or password"]
    sign_in(at, name, PASSWORD).run()  # the right password, but the account is locked for the window
    assert any("too many failed sign-ins" in e for e in texts(at, "error"))
    assert [w.label for w in at.text_input] == ["Account name", "Password"] and not _menu(at)
    refused = _refusals()
    assert len(refused) == MAX_FAILURES + 1
    assert all(e["who"] == name and e["what"] == "explorer sign-in" for e in refused)
    sign_in(at, "nobody at all", PASSWORD).run()  # an unknown name reads like a wrong password
    assert texts(at, "error") == ["wrong account name or password"]


@pytest.mark.parametrize("role", ["analyst", "supervisor", "administrator"])
def test_the_menu_lists_only_the_pages_of_the_role(population: Population, role: str) -> None:
    at = open_app("search", role=role)  # a page that asks before it reads: the menu is what is tested
    ranked = list(MENU)
    expected = [title for r in ranked[: ranked.index(role) + 1] for title in MENU[r]]
    assert sorted(_menu(at)) == sorted(expected)
    assert f"Signed in as **{account(Settings.from_env().accounts, role)}** ({role})" in texts(at, "markdown")


@pytest.mark.parametrize(
    ("role", "page", "needs"),
    [
        ("analyst", "review_links", "supervisor"),
        ("analyst", "audit_log", "supervisor"),
        ("analyst", "data", "administrator"),
        ("analyst", "console", "administrator"),
        ("supervisor", "data", "administrator"),
        ("supervisor", "console", "administrator"),
    ],
)
def test_a_page_opened_by_its_url_refuses_a_role_without_it_and_logs_it(
    population: Population, role: str, page: str, needs: str
) -> None:
    at = open_app(page, role=role)
    assert not at.exception
    assert texts(at, "error") == [f"This page needs the {needs} role; you are {role}."]
    assert not at.dataframe and not at.text_area and not [b for b in at.button if b.label != "Sign out"]
    refused = _refusals()
    assert len(refused) == 1 and refused[0]["who"] == f"Test {role.title()}" and refused[0]["role"] == role
    assert str(refused[0]["what"]).startswith("page ")


def test_a_session_expires_after_inactivity_and_a_disabled_account_is_signed_out(
    population: Population, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_SESSION_MINUTES", "5")
    at = open_app("search", **{"search-text": "Smith"})
    assert _menu(at) and texts(at, "subheader")
    at.session_state[signin.SEEN] = time.time() - 4 * 60  # 4 minutes idle: still signed in
    at.run()
    assert _menu(at) and texts(at, "subheader")
    at.session_state[signin.SEEN] = time.time() - 6 * 60
    at.run()
    assert not _menu(at) and not texts(at, "subheader") and texts(at, "title") == ["Sightline"]
    assert any("expired after 5 minutes" in w for w in texts(at, "warning"))
    assert [w.label for w in at.text_input] == ["Account name", "Password"]
    assert "reason" not in at.session_state, "signing out forgets the session's reason and choices"
    expired = _refusals()[-1]
    assert expired["who"] == "Test Analyst" and "expired" in str(expired["why"])

    at = open_app("search")
    Accounts(Settings.from_env().accounts).set_active("Test Analyst", False)
    at.run()
    assert not _menu(at) and any("disabled" in w for w in texts(at, "warning"))
    Accounts(Settings.from_env().accounts).set_active("Test Analyst", True)


def test_sign_out_returns_to_the_form(population: Population) -> None:
    at = open_app("search")
    at.button(key="sign-out").click().run()
    assert not _menu(at) and [w.label for w in at.text_input] == ["Account name", "Password"]
    assert signin.SESSION not in at.session_state


def test_triage_is_logged_as_an_alteration_and_an_analyst_may_not_assign(population: Population) -> None:
    at = open_app(reason="MASH 2024/117")
    widget(at, "selectbox", "Child to triage").select_index(0).run()
    assert widget(at, "text_input", "Assigned to").disabled, "assigning a flag is a supervisor's"
    widget(at, "selectbox", "Status").select("under review")
    next(b for b in at.button if b.label == "Save triage").click().run()
    assert not texts(at, "error"), texts(at, "error")
    entry = consultations()[-1]
    assert (entry["action"], entry["what"], entry["why"]) == ("alteration", "triage", "MASH 2024/117")
    assert entry["who"] == "Test Analyst" and entry["role"] == "analyst" and entry["subjects"]
    assert entry["params"]["status"] == "under review"


def test_downloads_are_logged_as_disclosures(population: Population) -> None:
    at = open_app("saved_queries", reason="strategy meeting 12/03")
    next(b for b in at.button if b.label == "Run").click().run()
    assert at.download_button, "the query raised flags to export"
    at.download_button[0].click().run()
    entry = consultations()[-1]
    assert entry["action"] == "disclosure" and entry["what"].endswith(".csv")
    assert entry["why"] == "strategy meeting 12/03" and entry["subjects"] and entry["rows"] > 0


def test_supervisors_read_and_filter_the_log_and_reading_it_is_logged(population: Population) -> None:
    open_app("search", **{"search-text": "Smith"})  # an analyst's look-up, to find in the log
    searched = consultations()[-1]
    at = open_app("audit_log", role="supervisor", reason="audit of access")
    assert not at.exception and not texts(at, "error"), texts(at, "error")
    table = at.dataframe[0].value
    assert "search" in set(table["what"]) and "Test Analyst" in set(table["who"])
    subject = searched["subjects"][0]
    widget(at, "text_input", "Person (key)").input(subject).run()
    table = at.dataframe[0].value
    assert len(table) >= 1 and all(subject in s.split() for s in table["subjects"])
    read = [e for e in consultations() if e["what"] == "audit log"]
    assert read[-1]["subjects"] == [subject] and read[-1]["role"] == "supervisor"
    at.download_button[0].click().run()
    assert consultations()[-1]["action"] == "disclosure" and consultations()[-1]["what"] == "download audit-log.csv"


def test_the_console_reads_with_a_row_limit_and_a_write_is_refused_by_neo4j(
    population: Population, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_CONSOLE_ROWS", "3")
    at = open_app("console", role="administrator", reason="data quality check")
    widget(at, "text_area", "Query").input("MATCH (p:Person) RETURN p.key AS key, p.surname AS surname")
    next(b for b in at.button if b.label == "Run").click().run()
    assert not texts(at, "error"), texts(at, "error")
    assert len(at.dataframe[0].value) == 3 and any("there are more" in t for t in texts(at, "markdown"))
    entry = consultations()[-1]
    assert entry["what"] == "cypher console" and entry["rows"] == 3 and len(entry["subjects"]) == 3
    assert entry["params"]["query"].startswith("MATCH (p:Person)") and entry["why"] == "data quality check"

    widget(at, "text_area", "Query").input("CREATE (n:ConsoleProbe {at: 1}) RETURN n")
    next(b for b in at.button if b.label == "Run").click().run()
    assert any("write" in e.lower() for e in texts(at, "error")), texts(at, "error")
    with Graph.connect(settings) as graph:
        assert graph.read("MATCH (n:ConsoleProbe) RETURN count(n) AS n")[0]["n"] == 0


def test_the_console_stops_a_query_at_its_timeout(population: Population, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGHTLINE_CONSOLE_TIMEOUT", "1")
    at = open_app("console", role="administrator")
    widget(at, "text_area", "Query").input("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)")
    started = time.monotonic()
    next(b for b in at.button if b.label == "Run").click().run()
    assert time.monotonic() - started < 60
    assert any("timed out" in e.lower() or "terminated" in e.lower() for e in texts(at, "error")), texts(at, "error")
