"""Signing in to the explorer: a form checked against the local accounts (argon2, rate-limited), or OpenID
Connect through Streamlit's native `st.login` when the deployment configures it; the session's account and
role, and its expiry after a period without activity. Nothing with personal data is drawn before this says who
is there: app.py calls `gate()` before any page.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAuthError

from access import oidc
from access.accounts import Account, Accounts
from audit.log import AuditLog
from errors import AccessError, ConfigError
from settings import Settings

SESSION = "_signed_in"  # the account of the session (set here only, never by a widget)
SEEN = "_signed_in_seen"  # time.time() of the session's last interaction
NOTICE = "_signin_notice"  # why the form is shown again (the session expired, the account was disabled)


@dataclass(frozen=True)
class SignedIn:
    """Who the session is: the account's name and role, and how they signed in ("password" or "oidc")."""

    name: str
    role: str
    via: str = "password"


def store(settings: Settings | None = None) -> Accounts:
    return Accounts((settings or Settings.from_env()).accounts)


def refuse(who: str, role: str, what: str, why: str) -> None:
    """Log a refused attempt (a sign-in, a page, an action) in the s.62 log: an attempt is logged like an act."""
    AuditLog.from_settings().record("refusal", what, why, who=who or "(nobody)", role=role)


def current() -> SignedIn | None:
    """The session's account, or None when signed out. A session idle for longer than SIGHTLINE_SESSION_MINUTES
    is signed out here (logged), and so is one whose account was disabled since it signed in; a changed role
    applies at once."""
    found = st.session_state.get(SESSION)
    if not isinstance(found, SignedIn):
        return None
    minutes = Settings.from_env().session_minutes
    idle = time.time() - float(st.session_state.get(SEEN, 0.0))
    if idle > minutes * 60:
        refuse(found.name, found.role, "explorer session", f"session expired after {minutes} minutes without activity")
        sign_out(f"Your session expired after {minutes} minutes without activity: sign in again.")
        return None
    try:
        account = store().get(found.name)
    except ConfigError:
        account = Account(found.name, found.role, active=False)
    if not account.active:
        refuse(found.name, found.role, "explorer session", "the account was disabled or removed")
        sign_out("Your account was disabled: ask an administrator.")
        return None
    if account.role != found.role:
        found = st.session_state[SESSION] = SignedIn(found.name, account.role, found.via)
    st.session_state[SEEN] = time.time()
    return found


def sign_out(notice: str = "") -> None:
    """Forget everything the session held (account, reason, chosen people, what it consulted)."""
    via = getattr(st.session_state.get(SESSION), "via", "")
    st.session_state.clear()
    if notice:
        st.session_state[NOTICE] = notice
    if via == "oidc" and _oidc_logged_in():
        st.logout()  # else the provider's cookie signs the next interaction straight back in


def _start(account: Account, via: str) -> None:
    st.session_state.pop(NOTICE, None)
    st.session_state[SESSION] = SignedIn(account.name, account.role, via)
    st.session_state[SEEN] = time.time()


def gate() -> SignedIn:
    """The signed-in account; otherwise the sign-in form instead of the page asked for, and the script stops
    there (after signing in, the page asked for runs: a link to a person survives the sign-in)."""
    found = current()
    if found is None and NOTICE not in st.session_state:  # not straight back in after an expiry
        found = _from_oidc()
    if found is not None:
        return found
    _form()
    st.stop()


def _form() -> None:
    st.title("Sightline")
    st.caption("Sign in to see the records: every look-up is logged with your account and reason (DPA 2018 s.62).")
    notice = st.session_state.get(NOTICE)
    if notice:
        st.warning(notice)
    with st.form("sign-in"):
        name = st.text_input("Account name", key="signin-name")
        password = st.text_input("Password", type="password", key="signin-password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        try:
            account = store().sign_in(name.strip(), password)
        except AccessError as e:
            refuse(name.strip(), "", "explorer sign-in", str(e))
            st.error(str(e))
        else:
            _start(account, "password")
            st.rerun()
    for provider in providers(_auth_section()):
        label = f"Sign in with {provider.title()}" if provider else "Sign in with your organisation's account"
        if st.button(label, key=f"oidc-{provider or 'default'}"):
            try:
                st.login(provider)
            except StreamlitAuthError as e:  # Authlib missing, or the [auth] section incomplete: say so plainly
                st.error(f"Single sign-on is not set up correctly: {e}")


# --- OpenID Connect ------------------------------------------------------------------------------------


def providers(auth: Mapping[str, Any]) -> list[str | None]:
    """The providers an `[auth]` section of secrets.toml configures: one per `[auth.NAME]` table, or the
    unnamed default (None) when the section itself names a client; none without a section."""
    named = [str(k) for k, v in auth.items() if isinstance(v, Mapping)]
    if named:
        return list(named)
    return [None] if auth.get("client_id") else []


def _auth_section() -> Mapping[str, Any]:
    try:
        section = st.secrets.get("auth", {})
    except (FileNotFoundError, KeyError, OSError, ValueError):  # no secrets.toml: no OIDC
        return {}
    return section if isinstance(section, Mapping) else {}


def _oidc_logged_in() -> bool:
    try:
        return bool(st.user.to_dict().get("is_logged_in"))
    except (AttributeError, KeyError):
        return False


def _from_oidc() -> SignedIn | None:
    """A session the identity provider has signed in, mapped to its local account; refused (logged) when the
    e-mail address names none, with a way to sign out of the provider."""
    if not _oidc_logged_in():
        return None
    claims = st.user.to_dict()
    try:
        account = oidc.account_for(store(), claims)
    except AccessError as e:
        refuse(oidc.display(claims), "", "explorer sign-in (OpenID Connect)", str(e))
        st.error(str(e))
        if st.button("Sign out of the identity provider"):
            st.logout()
        st.stop()
    _start(account, "oidc")
    return st.session_state[SESSION]  # type: ignore[no-any-return]
