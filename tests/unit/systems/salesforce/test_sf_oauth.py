"""The Salesforce OAuth 2.0 web-server flow over real HTTP (issue 12): `serve` (uvicorn on
127.0.0.1) redirects a reviewer to the emulator's authorize page, the emulator redirects back with
a code, the callback exchanges it and stores the tokens encrypted in the warehouse, and a client
built on the stored grant renews its access token with the stored refresh token."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import httpx
import pytest
from cryptography.fernet import Fernet

from autoresponder.config import Settings
from autoresponder.emulators.serving import bind_local, serving
from autoresponder.review.app import create_app
from autoresponder.systems.salesforce.oauth import connect_stored
from autoresponder.token_store import load

SECRET = "admin-secret-1"


@pytest.fixture
def served(emulator, tmp_path: Path):
    sock = bind_local()
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    org = emulator.org
    settings = Settings(warehouse=tmp_path / "w.duckdb", runs_dir=tmp_path / "runs", reviewers={"admin": SECRET},
                        salesforce_client_id=org.client_id, salesforce_client_secret=org.client_secret,
                        salesforce_login_url=emulator.instance_url, review_url=base + "/",
                        token_key=Fernet.generate_key().decode(), salesforce_oauth=True)
    with serving(create_app(settings, salesforce_session=emulator.session), sock, "serve"), \
            httpx.Client(base_url=base, timeout=30) as client:
        yield settings, client


def _authorize(emulator, client: httpx.Client) -> str:
    """The reviewer's browser: start, then the org's authorize page; returns the callback URL."""
    start = client.get("/oauth/salesforce/start", headers={"Authorization": f"Bearer {SECRET}"})
    assert start.status_code == 302
    authorize = urlsplit(start.headers["location"])
    query = parse_qs(authorize.query)
    assert authorize.path == "/services/oauth2/authorize" and query["response_type"] == ["code"]
    assert query["redirect_uri"] == [f"{client.base_url}/oauth/salesforce/callback"] and query["state"][0]
    consent = emulator.session().get(start.headers["location"], allow_redirects=False)
    assert consent.status_code == 302
    return consent.headers["location"]


def test_the_web_server_flow_stores_encrypted_tokens_that_renew_access(emulator, served) -> None:
    settings, client = served
    callback = _authorize(emulator, client)
    done = client.get(callback)
    assert done.status_code == 200 and "connected by admin" in done.text

    conn = duckdb.connect(str(settings.warehouse))
    stored = conn.execute("select refresh_token, access_token, granted_by from ops.oauth_tokens").fetchall()
    grant = load(conn, "salesforce", settings.token_key)
    conn.close()
    assert grant.refresh_token in emulator.org.refresh_tokens and grant.instance_url == emulator.instance_url
    [(refresh_enc, access_enc, granted_by)] = stored
    assert granted_by == "admin"
    assert grant.refresh_token not in refresh_enc and grant.access_token not in access_enc  # never in clear
    assert grant.refresh_token not in settings.warehouse.read_bytes().decode("latin-1")

    emulator.expire_sessions()  # the stored access token no longer works: the refresh token renews it
    sf = connect_stored(settings, settings.warehouse, session=emulator.session())
    assert sf.query("SELECT Id FROM Contact")["totalSize"] > 0
    assert sf.session_id != grant.access_token and emulator.org.session_valid(sf.session_id)


def test_a_rotated_refresh_token_is_stored_and_the_next_run_uses_it(emulator, served) -> None:
    settings, client = served
    assert client.get(_authorize(emulator, client)).status_code == 200
    with duckdb.connect(str(settings.warehouse)) as conn:
        first = load(conn, "salesforce", settings.token_key)
    emulator.org.rotate_refresh_tokens = True  # the connected app rotates refresh tokens
    for _run in range(2):  # each run renews its expired session with the refresh token stored last
        emulator.expire_sessions()
        sf = connect_stored(settings, settings.warehouse, session=emulator.session())
        assert sf.query("SELECT Id FROM Contact")["totalSize"] > 0
    with duckdb.connect(str(settings.warehouse)) as conn:
        stored = load(conn, "salesforce", settings.token_key)
    assert stored.refresh_token != first.refresh_token and first.refresh_token not in emulator.org.refresh_tokens
    assert stored.refresh_token in emulator.org.refresh_tokens and stored.granted_by == "admin"


def test_a_replayed_callback_or_code_stores_nothing(emulator, served) -> None:
    settings, client = served
    assert client.get("/oauth/salesforce/start").status_code == 401  # a reviewer only
    callback = _authorize(emulator, client)
    code = parse_qs(urlsplit(callback).query)["code"][0]
    assert client.get(callback).status_code == 200
    again = client.get(callback)  # the state is spent
    assert again.status_code == 400 and "unknown or already used state" in again.json()["error"]

    callback2 = _authorize(emulator, client)
    state2 = parse_qs(urlsplit(callback2).query)["state"][0]
    reused = client.get("/oauth/salesforce/callback", params={"code": code, "state": state2})
    assert reused.status_code == 400
    assert "invalid_grant: invalid authorization code" in reused.json()["error"]  # the token endpoint's words
