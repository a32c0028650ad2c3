"""HubSpot's OAuth 2.0 authorization-code flow through `serve` over real HTTP: `serve` (uvicorn on
127.0.0.1) sends a reviewer to the emulator's consent page, the callback trades the code for
tokens stored encrypted, and a run's connection (the registry's `open`) uses them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from cryptography.fernet import Fernet

from autoresponder.config import Settings
from autoresponder.emulators.serving import bind_local, serving
from autoresponder.review.app import create_app
from autoresponder.systems import registry
from autoresponder.systems.hubspot import HubSpotSettings, TokenStore

SECRET = "admin-secret-1"


@pytest.fixture
def served(portal, tmp_path: Path) -> Iterator[tuple[Settings, httpx.Client]]:
    sock = bind_local()
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    p = portal.emu.portal
    settings = Settings(warehouse=tmp_path / "w.duckdb", runs_dir=tmp_path / "runs", reviewers={"admin": SECRET},
                        review_url=base + "/", token_key=Fernet.generate_key().decode(),
                        hubspot=HubSpotSettings(enabled=True, base_url=portal.emu.base_url,
                                                auth_base_url=portal.emu.base_url, client_id=p.client_id,
                                                client_secret=p.client_secret,
                                                token_path=str(tmp_path / "hubspot_tokens.enc")))
    with serving(create_app(settings), sock, "serve"), httpx.Client(base_url=base, timeout=30) as client:
        yield settings, client


def _authorize(client: httpx.Client) -> str:
    """The reviewer's browser: start, then HubSpot's consent page; returns the callback URL."""
    start = client.get("/oauth/hubspot/start", headers={"Authorization": f"Bearer {SECRET}"})
    assert start.status_code == 302, start.text
    consent = urlsplit(start.headers["location"])
    query = parse_qs(consent.query)
    assert consent.path == "/oauth/authorize" and query["state"][0]
    assert query["redirect_uri"] == [f"{client.base_url}/oauth/hubspot/callback"]
    answer = httpx.get(start.headers["location"], follow_redirects=False)
    assert answer.status_code == 302
    return answer.headers["location"]


def _open(settings: Settings) -> Any:
    with ExitStack() as stack:
        return registry.get("hubspot").open(settings, Path("."), settings.warehouse, stack).handle


def test_the_callback_stores_encrypted_tokens_that_a_run_connects_with(portal, served) -> None:
    settings, client = served
    assert client.get("/oauth/hubspot/start").status_code == 401  # a reviewer only
    done = client.get(_authorize(client))
    assert done.status_code == 200 and "connected by admin" in done.text

    path = Path(settings.hubspot.token_path)
    tokens = TokenStore(path, settings.token_key.get_secret_value()).load()
    assert tokens.refresh_token in portal.emu.portal.refresh_tokens
    raw = path.read_bytes().decode("latin-1")
    assert tokens.refresh_token not in raw and tokens.access_token not in raw  # never in clear

    portal.emu.expire_tokens()  # the stored access token no longer works: the refresh token renews it
    handle = _open(settings)
    found = handle.caller.call("contacts_search", lambda api: api.crm.contacts.search_api.do_search({"limit": 1}))
    assert found.total > 0 and handle.caller.refreshes == 1


def test_a_replayed_callback_stores_nothing_new(served) -> None:
    settings, client = served
    callback = _authorize(client)
    assert client.get(callback).status_code == 200
    stored = Path(settings.hubspot.token_path).read_bytes()
    again = client.get(callback)  # the state is spent
    assert again.status_code == 400 and "unknown or already used state" in again.json()["error"]
    code = parse_qs(urlsplit(callback).query)["code"][0]
    state = parse_qs(urlsplit(_authorize(client)).query)["state"][0]
    reused = client.get("/oauth/hubspot/callback", params={"code": code, "state": state})
    assert reused.status_code == 400 and "BAD_AUTH_CODE" in reused.json()["error"]
    assert Path(settings.hubspot.token_path).read_bytes() == stored
