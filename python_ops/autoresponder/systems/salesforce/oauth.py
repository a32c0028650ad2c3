"""The OAuth 2.0 web-server flow for Salesforce (authorization code, RFC 6749 §4.1), issue 12.

`serve` sends an admin to `authorize_url` (the org's login page), Salesforce redirects back to
`/oauth/salesforce/callback` with a code, `exchange_code` trades it at the token endpoint for an
access and a refresh token, and `token_store` keeps both encrypted in the warehouse. A run with
`AUTORESPONDER_SALESFORCE_OAUTH=true` then connects through `connect_stored`: the stored access
token, renewed through the refresh-token flow whenever Salesforce refuses it; a refresh token the
token endpoint rotates is stored in place of the old one.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
import requests

from autoresponder import token_store
from autoresponder.errors import ConfigurationError

from .client import connect
from .errors import SalesforceAuthError

SYSTEM = "salesforce"


def redirect_uri(settings: Any) -> str:
    return settings.salesforce_redirect_uri or settings.review_url.rstrip("/") + "/oauth/salesforce/callback"


def token_url(settings: Any) -> str:
    return settings.salesforce_token_url or settings.salesforce_login_url.rstrip("/") + "/services/oauth2/token"


def _client(settings: Any) -> tuple[str, str]:
    secret = settings.salesforce_client_secret
    if not settings.salesforce_client_id or secret is None:
        raise ConfigurationError("the Salesforce OAuth flow needs the connected app's consumer key and secret: set "
                                 "AUTORESPONDER_SALESFORCE_CLIENT_ID and AUTORESPONDER_SALESFORCE_CLIENT_SECRET")
    return settings.salesforce_client_id, secret.get_secret_value()


def authorize_url(settings: Any, state: str) -> str:
    """Where the admin grants access: the org's `/services/oauth2/authorize` with our `state`."""
    client_id, _ = _client(settings)
    query = urlencode({"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri(settings),
                       "state": state, "scope": "api refresh_token"})
    return f"{settings.salesforce_login_url.rstrip('/')}/services/oauth2/authorize?{query}"


def exchange_code(settings: Any, code: str, session: requests.Session, granted_by: str | None = None
                  ) -> token_store.Grant:
    """Trade the authorization code for tokens; `SalesforceAuthError` with the endpoint's own
    `error: error_description` when refused."""
    client_id, secret = _client(settings)
    url = token_url(settings)
    data = {"grant_type": "authorization_code", "code": code, "client_id": client_id, "client_secret": secret,
            "redirect_uri": redirect_uri(settings)}
    try:
        resp = session.post(url, data=data, headers={"Accept": "application/json"}, timeout=60)
        body = resp.json()
    except requests.RequestException as exc:
        raise SalesforceAuthError(f"salesforce: token endpoint {url} unreachable: {exc}", "CONNECTION") from exc
    except ValueError:
        body = {"error": f"HTTP {resp.status_code}", "error_description": resp.text[:200]}
    if resp.status_code != 200 or not body.get("refresh_token"):
        raise SalesforceAuthError(
            f"salesforce: {url} refused the authorization code: {body.get('error')}: {body.get('error_description')}"
            "; start again at /oauth/salesforce/start (a code is valid once, for a few minutes)",
            body.get("error"), resp.status_code)
    return token_store.Grant(SYSTEM, body.get("instance_url"), body["refresh_token"], body.get("access_token"),
                             body.get("scope"), granted_by)


def connect_stored(settings: Any, warehouse: Path, *, session: requests.Session) -> Any:
    """A client on the stored grant: its access token, renewed with its refresh token on a 401."""

    conn = duckdb.connect(str(warehouse))
    try:
        grant = token_store.load(conn, SYSTEM, settings.token_key)
    finally:
        conn.close()
    if grant is None or not grant.instance_url:
        raise ConfigurationError(f"{warehouse}: no Salesforce grant stored (AUTORESPONDER_SALESFORCE_OAUTH is on): "
                                 f"open {settings.review_url.rstrip('/')}/oauth/salesforce/start as a reviewer to "
                                 "grant access, then run again")
    client_id, secret = _client(settings)

    def save_rotated(refresh_token: str, access_token: str) -> None:
        """A connected app with refresh token rotation: the old token is dead, keep the new one."""
        conn = duckdb.connect(str(warehouse))
        try:
            token_store.save(conn, replace(grant, refresh_token=refresh_token, access_token=access_token),
                             settings.token_key)
        finally:
            conn.close()

    return connect(session=session, instance_url=grant.instance_url, access_token=grant.access_token or "expired",
                   refresh_token=grant.refresh_token, client_id=client_id, client_secret=secret,
                   token_url=token_url(settings), version=settings.salesforce_api_version, on_rotate=save_rotated)
