"""OpenID Connect sign-in maps onto local accounts: the provider says who someone is, the local account store
says what they may do. An identity with no active local account is refused, however the provider vouches for
it, so that a deployment's directory never grants access to children's records by itself."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from access.accounts import Account, Accounts
from errors import AccessError, ConfigError


def email_of(claims: Mapping[str, Any]) -> str:
    """The verified e-mail address of an ID token's claims (lower case); AccessError without one."""
    email = str(claims.get("email") or "").strip().lower()
    if not email:
        raise AccessError("the identity provider gave no e-mail address: ask for the `email` scope")
    if claims.get("email_verified") is False:
        raise AccessError(f"the identity provider has not verified {email}")
    return email


def account_for(store: Accounts, claims: Mapping[str, Any]) -> Account:
    """The local account named by the signed-in e-mail address (its role applies); AccessError when there is
    none or it is disabled. Administrators add such accounts with `sightline users add <e-mail> --role ...`."""
    email = email_of(claims)
    named = {a.name.strip().lower(): a for a in store.all()}
    account = named.get(email)
    if account is None:
        raise AccessError(f"no Sightline account for {email}: an administrator adds it with `sightline users add`")
    if not account.active:
        raise AccessError(f"the account {account.name!r} is disabled")
    return account


def display(claims: Mapping[str, Any]) -> str:
    """Who the provider says signed in, for a refusal message and the log (never raises)."""
    try:
        return email_of(claims)
    except (AccessError, ConfigError):
        return str(claims.get("sub") or "(unknown)")
