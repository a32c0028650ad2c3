"""`serve`'s OAuth 2.0 endpoints (issue 12): a reviewer grants AutoResponder access to the
Salesforce org through the web-server flow.

* `GET /oauth/salesforce/start` (reviewer authentication): redirects to the org's authorize page
  with a one-time `state`.
* `GET /oauth/salesforce/callback?code=&state=`: checks the state, exchanges the code at the token
  endpoint, stores the tokens encrypted (`token_store`) and says so. A refused code or an unknown
  state is HTTP 400 with the reason; nothing is stored.
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
from autoresponder.systems.salesforce import oauth


def add_oauth_routes(app: FastAPI, settings: Any, connect: Callable[..., Any], reviewer: Callable[[Request], str],
                     session_factory: Callable[[], requests.Session] = requests.Session) -> None:
    """Register the Salesforce start and callback routes; `session_factory` makes the HTTP session
    that talks to the token endpoint (a CA bundle or an emulator's session)."""
    states: dict[str, str] = {}  # one-time state -> the reviewer who started the flow

    @app.get("/oauth/salesforce/start")
    def salesforce_start(request: Request) -> RedirectResponse:
        who = reviewer(request)
        try:
            token_store.fernet(settings.token_key)  # refuse before the round trip, not after it
            state = secrets.token_urlsafe(24)
            url = oauth.authorize_url(settings, state)
        except AutoResponderError as exc:
            raise HTTPException(409, str(exc)) from exc
        states[state] = who
        return RedirectResponse(url, status_code=302)

    @app.get("/oauth/salesforce/callback")
    def salesforce_callback(request: Request) -> HTMLResponse:
        params = request.query_params
        who = states.pop(params.get("state", ""), None)
        if who is None:
            raise HTTPException(400, "unknown or already used state: start again at /oauth/salesforce/start")
        if params.get("error"):
            raise HTTPException(400, f"Salesforce refused the grant: {params.get('error')}: "
                                     f"{params.get('error_description')}")
        if not params.get("code"):
            raise HTTPException(400, "no authorization code in the callback: start again at /oauth/salesforce/start")
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
