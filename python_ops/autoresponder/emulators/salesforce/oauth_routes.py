"""OAuth 2.0 of the emulated org: the connected app, the web-server flow's authorize step and
the token endpoint (authorization code, refresh token, password grants), revocation, and session
expiry for tests (see `auth_routes.py` for the wire contract of each route). With
`org.rotate_refresh_tokens = True` (a connected app with refresh token rotation) a refresh grant
answers with a new refresh token and the one it used stops working."""

from __future__ import annotations

import secrets
import time
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from .org import EmulatedOrg


def _oauth_error(error: str, description: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


def _connected_app(org: EmulatedOrg) -> None:
    """The org's connected app (client id, secret) and one valid refresh token, made once."""
    if getattr(org, "client_id", None) is None:
        org.client_id = "3MVG9emulator" + secrets.token_hex(20)
        org.client_secret = secrets.token_hex(32).upper()
        org.refresh_token = f"5Aep861emulator{secrets.token_urlsafe(40)}"
        org.refresh_tokens = {org.refresh_token}
        org.auth_codes = {}  # code -> redirect_uri, each valid once


def _token_body(org: EmulatedOrg, token: str, *, refresh_token: str | None = None) -> dict[str, Any]:
    body = {"access_token": token, "signature": secrets.token_urlsafe(32), "scope": "refresh_token api id",
            "instance_url": org.instance_url, "id": f"{org.instance_url}/id/{org.org_id}/{org.user_id}",
            "token_type": "Bearer", "issued_at": str(int(time.time() * 1000))}
    if refresh_token:
        body["refresh_token"] = refresh_token
    return body


def _new_session(org: EmulatedOrg) -> str:
    token = org._token()  # noqa: SLF001 - the org's own token format
    with org._lock:  # noqa: SLF001
        org.sessions.add(token)
    org.count("login")
    return token


def _code_grant(org: EmulatedOrg, form: dict[str, str]) -> Response:
    """`authorization_code`: a code from `authorize`, once, with the client secret and the same redirect URI."""
    if form.get("client_secret") != org.client_secret:
        return _oauth_error("invalid_client", "invalid client credentials")
    target = org.auth_codes.pop(form.get("code", ""), None)
    if target is None:
        return _oauth_error("invalid_grant", "invalid authorization code")
    if form.get("redirect_uri") != target:
        return _oauth_error("redirect_uri_mismatch", "redirect_uri must match configuration")
    refresh = f"5Aep861emulator{secrets.token_urlsafe(40)}"
    org.refresh_tokens.add(refresh)
    return JSONResponse(_token_body(org, _new_session(org), refresh_token=refresh))

def add_oauth_routes(app: FastAPI, org: EmulatedOrg) -> None:
    """Register authorize, token, revoke and `/_emulator/sessions/expire` on `app`."""
    _connected_app(org)

    @app.get("/services/oauth2/authorize")
    def oauth_authorize(request: Request) -> Response:
        q = request.query_params
        if q.get("client_id") != org.client_id:
            return _oauth_error("invalid_client_id", "client identifier invalid")
        target = q.get("redirect_uri") or ""
        if not target.startswith(("http://", "https://")):
            return _oauth_error("redirect_uri_mismatch", "redirect_uri must match configuration")
        sep = "&" if "?" in target else "?"
        state = {"state": q["state"]} if q.get("state") is not None else {}
        if q.get("response_type") != "code":
            return RedirectResponse(target + sep + urlencode({"error": "unsupported_response_type",
                                                              "error_description": "response type not supported",
                                                              **state}), status_code=302)
        code = "aPrx" + secrets.token_urlsafe(40)
        org.auth_codes[code] = target
        return RedirectResponse(target + sep + urlencode({"code": code, **state}), status_code=302)

    @app.post("/services/oauth2/token")
    async def oauth_token(request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
        grant = form.get("grant_type")
        if grant not in ("refresh_token", "password", "authorization_code"):
            return _oauth_error("unsupported_grant_type", "grant type not supported")
        if form.get("client_id") != org.client_id:
            return _oauth_error("invalid_client_id", "client identifier invalid")
        if form.get("client_secret") is not None and form.get("client_secret") != org.client_secret:
            return _oauth_error("invalid_client", "invalid client credentials")
        if grant == "password":
            if form.get("client_secret") is None:
                return _oauth_error("invalid_client", "invalid client credentials")
            token = org.login(form.get("username", ""), form.get("password", ""))
            if token is None:
                return _oauth_error("invalid_grant", "authentication failure")
            return JSONResponse(_token_body(org, token))
        if grant == "authorization_code":
            return _code_grant(org, form)
        if form.get("refresh_token") not in org.refresh_tokens:
            return _oauth_error("invalid_grant", "expired access/refresh token")
        token = org._token()  # noqa: SLF001 - the org's own token format
        with org._lock:  # noqa: SLF001
            org.sessions.add(token)
        org.count("login")
        if getattr(org, "rotate_refresh_tokens", False):  # the connected app's "rotate refresh tokens"
            rotated = f"5Aep861emulator{secrets.token_urlsafe(40)}"
            org.refresh_tokens.discard(form["refresh_token"])
            org.refresh_tokens.add(rotated)
            return JSONResponse(_token_body(org, token, refresh_token=rotated))
        return JSONResponse(_token_body(org, token))

    @app.post("/services/oauth2/revoke")
    async def oauth_revoke(request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode("utf-8", "replace")))
        token = form.get("token") or request.query_params.get("token") or ""
        if token in org.refresh_tokens:
            org.refresh_tokens.discard(token)
        elif org.session_valid(token):
            org.logout(token)
        else:
            return _oauth_error("unsupported_token_type", "this token type is not supported")
        return Response(status_code=200)

    @app.post("/_emulator/sessions/expire")
    def expire_sessions() -> dict[str, bool]:
        org.expire_sessions()
        return {"expired": True}
