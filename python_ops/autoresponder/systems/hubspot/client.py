"""A HubSpot connection: the official client (`hubspot-api-client`) on a configurable base URL,
OAuth 2.0 tokens (authorization code, refresh) kept in an encrypted `TokenStore`, and the
connection state the run reports (`ok` / `error`, `last_error`, `last_success_at`).

hubspot-api-client takes `host=` for every API (so the emulator plugs in without patching) and
`retry=` for urllib3; retries are switched off there (`Retry(total=False)`) because
`transport.HubSpotCaller` owns them: it must count each attempt, honour `Retry-After` and refresh
the token once on 401/403, which urllib3's retry cannot do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from hubspot import HubSpot
from hubspot.discovery.discovery_base import DiscoveryBase
from urllib3.util.retry import Retry

from .errors import HubSpotConnectionInError, classify
from .tokens import Tokens, TokenStore

API_BASE_URL = "https://api.hubapi.com"
AUTH_BASE_URL = "https://app.hubspot.com"
SCOPES = ("crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.deals.read", "oauth")


@dataclass
class ConnectionState:
    status: str = "ok"
    last_error: str | None = None
    last_success_at: str | None = None


class HubSpotConnection:
    """Tokens plus a lazily built client; `refresh()` swaps in a new access token.

    Args:
        base_url: API host (`https://api.hubapi.com`, or the emulator's URL).
        tokens: current tokens; loaded from `store` when None.
        store: where refreshed tokens are saved (encrypted).
        client_id, client_secret: the app's OAuth credentials (needed to refresh).
        access_token: a private-app token instead of OAuth (never refreshed).
    """

    def __init__(self, base_url: str = API_BASE_URL, *, tokens: Tokens | None = None, store: TokenStore | None = None,
                 client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.store = store
        self.tokens = tokens or (store.load() if store else None)
        if self.tokens is None and access_token:
            self.tokens = Tokens(access_token, "")
        self.client_id = client_id
        self.client_secret = client_secret
        self.state = ConnectionState()
        self._api: HubSpot | None = None

    def api(self) -> HubSpot:
        if self.tokens is None:
            raise HubSpotConnectionInError("no HubSpot token: the app was never authorized")
        if self._api is None:
            self._api = HubSpot(access_token=self.tokens.access_token, host=self.base_url, retry=Retry(total=False),
                                api_factory=_cached_factory())
        return self._api

    def can_refresh(self) -> bool:
        return bool(self.tokens and self.tokens.refresh_token and self.client_id and self.client_secret)

    def _token_call(self, **form: Any) -> Tokens:
        oauth = HubSpot(host=self.base_url, retry=Retry(total=False)).oauth.tokens_api
        try:
            answer = oauth.create(client_id=self.client_id, client_secret=self.client_secret, **form)
        except Exception as exc:  # noqa: BLE001 - classified
            raise classify(exc) from exc
        return Tokens.from_answer(answer.to_dict(), form.get("refresh_token"))

    def refresh(self) -> Tokens:
        """Exchange the refresh token for a new access token; saved to the store."""
        assert self.tokens is not None
        self._set(self._token_call(grant_type="refresh_token", refresh_token=self.tokens.refresh_token))
        return self.tokens

    def exchange_code(self, code: str, redirect_uri: str) -> Tokens:
        """The OAuth callback's step: an authorization code for tokens (saved to the store)."""
        self._set(self._token_call(grant_type="authorization_code", code=code, redirect_uri=redirect_uri))
        assert self.tokens is not None
        return self.tokens

    def _set(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self._api = None
        if self.store is not None:
            self.store.save(tokens)

    def mark_ok(self) -> None:
        self.state.status = "ok"
        self.state.last_success_at = datetime.now(UTC).isoformat(timespec="seconds")

    def mark_error(self, message: str) -> None:
        self.state.status = "error"
        self.state.last_error = message


def _cached_factory() -> Any:
    """The client builds a new API object (and reads its package metadata, ~35 ms) on every attribute
    access; this factory keeps one per API class for the life of one token."""
    cache: dict[tuple[str, str], Any] = {}

    def factory(package: Any, api_name: str, config: dict[str, Any]) -> Any:
        key = (package.__name__, api_name)
        if key not in cache:
            cache[key] = DiscoveryBase._default_api_factory(package, api_name, config)
        return cache[key]

    return factory


def authorize_url(client_id: str, redirect_uri: str, state: str, *, scopes: tuple[str, ...] = SCOPES,
                  auth_base_url: str = AUTH_BASE_URL) -> str:
    """Where the OAuth start endpoint sends the user (HubSpot's consent page)."""
    query = urlencode({"client_id": client_id, "redirect_uri": redirect_uri, "scope": " ".join(scopes),
                       "state": state})
    return f"{auth_base_url.rstrip('/')}/oauth/authorize?{query}"
