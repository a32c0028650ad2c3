"""`serve`'s OAuth 2.0 endpoints (issue 12): a reviewer grants AutoResponder access to the
Salesforce org through the web-server flow, and to the HubSpot portal through HubSpot's
authorization-code flow.

* `GET /oauth/salesforce/start` (reviewer authentication): redirects to the org's authorize page
  with a one-time `state`.
* `GET /oauth/salesforce/callback?code=&state=`: checks the state, exchanges the code at the token
  endpoint, stores the tokens encrypted (`token_store`) and says so. A refused code or an unknown
  state is HTTP 400 with the reason; nothing is stored.
* `GET /oauth/hubspot/start` and `GET /oauth/hubspot/callback?code=&state=`: the same for HubSpot
  (`systems/hubspot/plugin.py`); the tokens go to the encrypted token file
  (`AUTORESPONDER_HUBSPOT_TOKEN_PATH`, Fernet key `AUTORESPONDER_HUBSPOT_TOKEN_KEY`, else
  `AUTORESPONDER_TOKEN_KEY`), which runs with `AUTORESPONDER_HUBSPOT_ENABLED=true` read.
"""

from __future__ import annotations

import html
import secrets
from collections.abc import Callable
from typing import Any

import requests
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from autoresponder import token_store
from autoresponder.errors import AutoResponderError
from autoresponder.systems.hubspot import plugin as hubspot
from autoresponder.systems.hubspot.errors import HubSpotApiError
from autoresponder.systems.hubspot.system import resolved as hubspot_settings
from autoresponder.systems.salesforce import oauth


def add_oauth_routes(app: FastAPI, settings: Any, connect: Callable[..., Any], reviewer: Callable[[Request], str],
                     session_factory: Callable[[], requests.Session] = requests.Session) -> None:
    """Register the Salesforce start and callback routes; `session_factory` makes the HTTP session
    that talks to the token endpoint (a CA bundle or an emulator's session)."""
    states: dict[str, str] = {}  # one-time state -> the reviewer who started the flow

    @app.get("/oauth/salesforce/start")
    def salesforce_start(request: Request) -> RedirectResponse:
        return _redirect_to_consent(states, reviewer(request), settings.token_key,
                                    lambda state: oauth.authorize_url(settings, state))

    @app.get("/oauth/salesforce/callback")
    def salesforce_callback(request: Request) -> HTMLResponse:
        params = request.query_params
        who = _one_time_state(states, params, "/oauth/salesforce/start")
        with session_factory() as session:
            try:
                grant = oauth.exchange_code(settings, params["code"], session, granted_by=who)
            except AutoResponderError as exc:
                raise HTTPException(400, str(exc)) from exc
        with connect() as conn:
            token_store.save(conn, grant, settings.token_key)
        return HTMLResponse(f"<!doctype html><title>Salesforce connected</title><p>Salesforce "
                            f"{html.escape(grant.instance_url or '')} connected by {html.escape(who)}; runs with "
                            "AUTORESPONDER_SALESFORCE_OAUTH=true use this grant.</p>")


def _redirect_to_consent(states: dict[str, str], who: str, key: Any, consent_url: Callable[[str], str]
                         ) -> RedirectResponse:
    """A one-time `state` for `who`, and the redirect to the consent page; HTTP 409 when the token
    key or the app is not configured (refused before the round trip, not after it)."""
    try:
        token_store.fernet(key)
        state = secrets.token_urlsafe(24)
        url = consent_url(state)
    except AutoResponderError as exc:
        raise HTTPException(409, str(exc)) from exc
    states[state] = who
    return RedirectResponse(url, status_code=302)


def _one_time_state(states: dict[str, str], params: Any, start: str) -> str:
    """The reviewer who started the flow of this callback's `state` (spent now), or HTTP 400."""
    who = states.pop(params.get("state", ""), None)
    if who is None:
        raise HTTPException(400, f"unknown or already used state: start again at {start}")
    if params.get("error"):
        raise HTTPException(400, f"the grant was refused: {params.get('error')}: {params.get('error_description')}")
    if not params.get("code"):
        raise HTTPException(400, f"no authorization code in the callback: start again at {start}")
    return who


def add_hubspot_oauth_routes(app: FastAPI, settings: Any, reviewer: Callable[[Request], str]) -> None:
    """Register the HubSpot start and callback routes (the app's consent page, then the code exchange)."""
    states: dict[str, str] = {}

    @app.get("/oauth/hubspot/start")
    def hubspot_start(request: Request) -> RedirectResponse:
        who = reviewer(request)
        hs = hubspot_settings(settings)
        return _redirect_to_consent(states, who, hs.token_key, lambda state: hubspot.oauth_start(hs, state))

    @app.get("/oauth/hubspot/callback")
    def hubspot_callback(request: Request) -> HTMLResponse:
        who = _one_time_state(states, request.query_params, "/oauth/hubspot/start")
        hs = hubspot_settings(settings)
        try:
            hubspot.oauth_callback(hs, request.query_params["code"])
        except HubSpotApiError as exc:
            raise HTTPException(400, f"HubSpot refused the authorization code: {exc.message}; start again at "
                                     "/oauth/hubspot/start (a code is valid once)") from exc
        except AutoResponderError as exc:
            raise HTTPException(400, str(exc)) from exc
        return HTMLResponse(f"<!doctype html><title>HubSpot connected</title><p>HubSpot {html.escape(hs.base_url)} "
                            f"connected by {html.escape(who)}; tokens stored encrypted in "
                            f"{html.escape(hs.token_path)}; runs with AUTORESPONDER_HUBSPOT_ENABLED=true use them.</p>")
