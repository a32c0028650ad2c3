"""OAuth 2.0 of a HubSpot public app: authorize, token (code and refresh grants), token info.

* `GET /oauth/authorize?client_id&redirect_uri&scope&state`: consent is given at once; the
  answer is a 302 to `redirect_uri?code=...&state=...` (what app.hubspot.com does after consent).
* `POST /oauth/v1/token` (form-encoded): `grant_type=authorization_code` (`code`, `redirect_uri`)
  or `refresh_token` (`refresh_token`), both with `client_id` and `client_secret`; the answer is
  `{"token_type": "bearer", "access_token", "refresh_token", "expires_in"}`. Refusals are HTTP 400
  with HubSpot's `{"status": "BAD_REFRESH_TOKEN" | "BAD_AUTH_CODE" | "BAD_CLIENT_ID" |
  "BAD_CLIENT_SECRET" | "BAD_REDIRECT_URI" | "BAD_GRANT_TYPE", "message", "correlationId"}`.
* `GET /oauth/v1/access-tokens/{token}`: hub id, app id, scopes and seconds left; 404 when unknown.
"""

from __future__ import annotations

import secrets
import time
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse

from .errors import correlation_id, oauth_error
from .state import Portal

APP_ID = 1234567


def _bad(code: str, message: str) -> JSONResponse:
    return JSONResponse(oauth_error(code, message), status_code=400)


def add_oauth_routes(app: FastAPI, portal: Portal) -> None:
    @app.get("/oauth/authorize")
    def authorize(request: Request) -> Any:
        q = request.query_params
        if q.get("client_id") != portal.client_id:
            return _bad("BAD_CLIENT_ID", "missing or unknown client id")
        redirect = q.get("redirect_uri") or ""
        if not redirect:
            return _bad("BAD_REDIRECT_URI", "missing redirect uri")
        code = secrets.token_hex(12)
        portal.codes[code] = redirect
        params = {"code": code, **({"state": q["state"]} if q.get("state") else {})}
        return RedirectResponse(f"{redirect}{'&' if '?' in redirect else '?'}{urlencode(params)}", status_code=302)

    @app.post("/oauth/v1/token")
    async def token(request: Request) -> JSONResponse:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
        grant = form.get("grant_type")
        if grant not in ("authorization_code", "refresh_token"):
            return _bad("BAD_GRANT_TYPE", f"grant_type must be authorization_code or refresh_token, not {grant!r}")
        if form.get("client_id") != portal.client_id:
            return _bad("BAD_CLIENT_ID", "missing or unknown client id")
        if form.get("client_secret") != portal.client_secret:
            return _bad("BAD_CLIENT_SECRET", "missing or invalid client secret")
        with portal.lock:
            if grant == "authorization_code":
                redirect = portal.codes.pop(form.get("code") or "", None)
                if redirect is None:
                    return _bad("BAD_AUTH_CODE", "missing or invalid auth code")
                if form.get("redirect_uri") != redirect:
                    return _bad("BAD_REDIRECT_URI", "redirect_uri does not match the one the code was issued for")
                refresh = portal.issue_refresh_token()
            else:
                refresh = form.get("refresh_token") or ""
                if refresh not in portal.refresh_tokens:
                    return _bad("BAD_REFRESH_TOKEN", "missing or unknown refresh token")
            access, ttl = portal.issue_access_token()
        return JSONResponse({"token_type": "bearer", "refresh_token": refresh, "access_token": access,
                             "expires_in": ttl})

    @app.get("/oauth/v1/access-tokens/{token}")
    def token_info(token: str) -> JSONResponse:
        expiry = portal.access_tokens.get(token)
        if expiry is None:
            return JSONResponse({"status": "error", "message": "The access token is not valid",
                                 "correlationId": correlation_id(), "category": "OBJECT_NOT_FOUND"}, status_code=404)
        return JSONResponse({"token": token, "user": "autoresponder@example.com", "hub_domain": "example.com",
                             "scopes": portal.scopes, "signed_access_token": {}, "hub_id": portal.hub_id,
                             "app_id": APP_ID, "expires_in": max(0, int(expiry - time.time())), "user_id": 7,
                             "token_type": "access"})
