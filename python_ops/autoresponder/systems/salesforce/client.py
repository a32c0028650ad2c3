"""Connecting to Salesforce through simple-salesforce with an injected `requests.Session`.

DESIGN §6: access token + instance URL, or username + password + security token. The
session is a parameter so a local emulator (or a proxy) plugs in without patching.

Re-authentication after a 401 `INVALID_SESSION_ID`:

* username + password: a new SOAP login (simple-salesforce's own path);
* access token + refresh token (+ connected-app client id / secret): the OAuth 2.0
  refresh-token flow, `POST <token_url> grant_type=refresh_token` (RFC 6749 §6); the token
  endpoint's own `{"error", "error_description"}` is kept in the error;
* access token alone: nothing can renew it, so the first 401 marks the connection lost and
  `AuthGuard` refuses every later request without sending it: no further write goes out, and
  the run ends with `SalesforceAuthError` (exit 2) naming the fix.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from simple_salesforce import Salesforce

from .errors import SalesforceAuthError, SalesforceSessionRefused

NO_RENEWAL_FIX = ("the access token was refused (401 INVALID_SESSION_ID) and cannot be renewed: set "
                  "AUTORESPONDER_SALESFORCE_REFRESH_TOKEN with AUTORESPONDER_SALESFORCE_CLIENT_ID / _CLIENT_SECRET, "
                  "or a fresh AUTORESPONDER_SALESFORCE_ACCESS_TOKEN, and run again (the writes not sent are retried)")


class AuthGuard(BaseAdapter):
    """Wraps the session's adapter for the instance URL; after a 401 that cannot be renewed it
    refuses every request (raising `SalesforceAuthError`) so nothing more is sent."""

    def __init__(self, inner: BaseAdapter):
        super().__init__()
        self.inner = inner
        self.lost: str | None = None

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        if self.lost is not None:
            raise SalesforceAuthError(self.lost, "INVALID_SESSION_ID", 401)
        response = self.inner.send(request, **kwargs)
        if response.status_code == 401:
            self.lost = f"salesforce: {NO_RENEWAL_FIX}"
        return response

    def close(self) -> None:
        self.inner.close()


REFUSED_AFTER_RENEWAL = (
    "again after renewing the access token once: the org refuses this user's sessions (user frozen or "
    "deactivated, connected app blocked or its IP range / session policy refusing us?); fix it in Salesforce "
    "Setup or grant access again (autoresponder serve: /oauth/salesforce/start), then run again: the writes not "
    "sent stay pending and the next run sends them")


class OneRenewal:
    """simple-salesforce's login hook, limited to one renewal until a data request succeeds again.

    simple-salesforce renews a refused session itself (up to three times a call); here only the
    first renewal is sent, and a 401 on the renewed session raises `SalesforceSessionRefused`
    with Salesforce's own message: the caller retries it with backoff, without renewing again,
    and gives up with an actionable `SalesforceAuthError` when every attempt is refused
    (DESIGN §6, issue 12)."""

    def __init__(self, login: Any, session: requests.Session):
        self.login = login
        self.spent = False
        self.last_refusal = "INVALID_SESSION_ID: Session expired or invalid"
        session.hooks.setdefault("response", []).append(self._observe)

    def _observe(self, response: requests.Response, *args: Any, **kwargs: Any) -> None:
        if "/services/data/" not in response.url:
            return
        if response.status_code == 401:
            try:
                body = response.json()
                first = body[0] if isinstance(body, list) and body else body
                self.last_refusal = f"{first.get('errorCode')}: {first.get('message')}"
            except (ValueError, AttributeError, IndexError):
                self.last_refusal = f"HTTP 401: {response.text[:200]}"
        elif response.status_code < 400:
            self.spent = False

    def __call__(self) -> tuple[str, str]:
        if self.spent:
            raise SalesforceSessionRefused(self.last_refusal, "INVALID_SESSION_ID", 401)
        self.spent = True
        return self.login()


def _token_refresher(session: requests.Session, token_url: str, refresh_token: str, client_id: str | None,
                     client_secret: str | None, on_rotate: Callable[[str, str], Any] | None = None):
    """simple-salesforce's login hook for the OAuth 2.0 refresh-token flow: (access token, instance).

    A connected app with refresh token rotation answers with a new refresh token (the old one is
    then dead): it is used from then on and handed to `on_rotate(refresh_token, access_token)`,
    which saves it (the stored grant); without `on_rotate` it lives for this run only."""
    current = [refresh_token]

    def refresh() -> tuple[str, str]:
        data = {"grant_type": "refresh_token", "refresh_token": current[0]}
        if client_id:
            data["client_id"] = client_id
        if client_secret:
            data["client_secret"] = client_secret
        try:
            resp = session.post(token_url, data=data, headers={"Accept": "application/json"}, timeout=60)
        except requests.RequestException as exc:
            raise SalesforceAuthError(f"salesforce: token refresh at {token_url} failed: {exc}", "CONNECTION") from exc
        try:
            body = resp.json()
        except ValueError:
            body = {"error": f"HTTP {resp.status_code}", "error_description": resp.text[:200]}
        if resp.status_code != 200 or not body.get("access_token"):
            raise SalesforceAuthError(
                f"salesforce: token refresh refused by {token_url}: {body.get('error')}: "
                f"{body.get('error_description')}; issue a new refresh token for the connected app "
                "(AUTORESPONDER_SALESFORCE_REFRESH_TOKEN) and run again", body.get("error"), resp.status_code)
        rotated = body.get("refresh_token")
        if rotated and rotated != current[0]:
            current[0] = rotated
            if on_rotate is not None:
                on_rotate(rotated, body["access_token"])
            else:
                print("warning: salesforce rotated the refresh token; the new one is used for this run only: "
                      "grant access through `autoresponder serve` (/oauth/salesforce/start) with "
                      "AUTORESPONDER_SALESFORCE_OAUTH=true so it is stored", file=sys.stderr)
        instance = urlsplit(body.get("instance_url") or token_url).netloc
        return body["access_token"], instance

    return refresh


def connect(*, session: requests.Session, instance_url: str | None = None, access_token: str | None = None,
            username: str | None = None, password: str | None = None, security_token: str | None = None,
            domain: str = "login", version: str = "59.0", refresh_token: str | None = None,
            client_id: str | None = None, client_secret: str | None = None,
            token_url: str | None = None, on_rotate: Callable[[str, str], Any] | None = None) -> Salesforce:
    """A logged-in `Salesforce` client.

    Username/password wins when both are given, because it can re-authenticate after a 401
    (simple-salesforce then refreshes the session itself). An access token re-authenticates
    through the refresh-token flow when `refresh_token` is given; otherwise the client gets an
    `AuthGuard` (see the module docstring). `on_rotate` receives a rotated refresh token.
    """
    if username and password is not None:
        sf = Salesforce(username=username, password=password, security_token=security_token or "",
                        domain=domain, version=version, session=session)
        sf._salesforce_login_partial = OneRenewal(sf._salesforce_login_partial, session)  # noqa: SLF001
        return sf
    if instance_url and access_token:
        instance_url = instance_url.rstrip("/")
        sf = Salesforce(instance_url=instance_url, session_id=access_token, version=version, session=session)
        if refresh_token:
            url = token_url or f"{instance_url}/services/oauth2/token"
            sf._salesforce_login_partial = OneRenewal(_token_refresher(  # noqa: SLF001 - simple-salesforce's hook
                session, url, refresh_token, client_id, client_secret, on_rotate), session)
        else:
            guard = AuthGuard(session.get_adapter(instance_url))
            session.mount(instance_url, guard)
            sf.auth_guard = guard
        return sf
    raise ValueError("salesforce: give instance_url + access_token, or username + password (+ security_token)")


def auth_lost(sf: Any) -> str | None:
    """The message of a 401 that could not be renewed on this client, else None."""
    guard = vars(sf).get("auth_guard") if sf is not None else None  # Salesforce.__getattr__ makes SFTypes
    return guard.lost if guard is not None else None


def can_reauthenticate(sf: Salesforce) -> bool:
    """True when the client holds credentials to log in again."""
    return getattr(sf, "_salesforce_login_partial", None) is not None


def reauthenticate(sf: Salesforce) -> None:
    """Log in again and swap the session id (DESIGN §6: one re-authentication on a 401)."""
    sf._refresh_session()  # noqa: SLF001 - simple-salesforce's own refresh path
