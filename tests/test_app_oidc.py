"""OpenID Connect in the explorer, without a provider: which providers an `[auth]` section configures, and how
a signed-in identity maps to a local account (its role), unknown, unverified or disabled ones refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from access.accounts import Accounts, new_password
from access.oidc import account_for, display
from errors import AccessError
from explorer.signin import providers
from settings import REPO_ROOT

PASSWORD = new_password()  # generated each run: no password is written in the code


@pytest.fixture
def store(tmp_path: Path) -> Accounts:
    accounts = Accounts(tmp_path / "accounts.sqlite")
    accounts.add("ana.lyst@force.example", "analyst", PASSWORD)
    accounts.add("Sue.Pervisor@Council.example", "supervisor", PASSWORD)
    accounts.add("gone@force.example", "analyst", PASSWORD)
    accounts.set_active("gone@force.example", False)
    return accounts


def test_the_e_mail_names_the_local_account_and_its_role(store: Accounts) -> None:
    assert account_for(store, {"email": "ana.lyst@force.example", "email_verified": True}).role == "analyst"
    found = account_for(store, {"email": "sue.pervisor@council.example", "is_logged_in": True})  # case folded
    assert (found.name, found.role) == ("Sue.Pervisor@Council.example", "supervisor")


@pytest.mark.parametrize(
    ("claims", "why"),
    [
        ({"email": "stranger@elsewhere.example", "email_verified": True}, "no Sightline account"),
        ({"email": "gone@force.example"}, "disabled"),
        ({"email": "ana.lyst@force.example", "email_verified": False}, "not verified"),
        ({"sub": "12345", "name": "No Mail"}, "no e-mail address"),
    ],
)
def test_unknown_unverified_or_disabled_identities_are_refused(
    store: Accounts, claims: dict[str, object], why: str
) -> None:
    with pytest.raises(AccessError, match=why):
        account_for(store, claims)
    assert display(claims)  # the refusal names someone in the log


def test_providers_come_from_the_auth_section() -> None:
    assert providers({}) == []
    assert providers({"redirect_uri": "https://x/oauth2callback", "cookie_secret": "s"}) == []
    default = {"redirect_uri": "https://x/oauth2callback", "client_id": "id", "server_metadata_url": "https://m"}
    assert providers(default) == [None]
    named = {"redirect_uri": "https://x/oauth2callback", "microsoft": {"client_id": "a"}, "okta": {"client_id": "b"}}
    assert providers(named) == ["microsoft", "okta"]


def test_a_configured_provider_adds_its_button_to_the_sign_in_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGHTLINE_ACCOUNTS", str(tmp_path / "accounts.sqlite"))
    monkeypatch.setenv("SIGHTLINE_AUDIT_LOG", str(tmp_path / "audit.jsonl"))
    monkeypatch.setenv("SIGHTLINE_AUDIT_HEAD", str(tmp_path / "audit.head.json"))
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    at.run()
    assert [b.label for b in at.button] == ["Sign in"], "no [auth] section: the password form only"
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8611/oauth2callback",
        "cookie_secret": "a test secret",
        "microsoft": {"client_id": "a", "client_secret": "b", "server_metadata_url": "https://login.example/x"},
    }
    at.run()
    assert [b.label for b in at.button] == ["Sign in", "Sign in with Microsoft"]
    assert not at.sidebar.children and not at.exception
