"""HubSpot settings (environment `AUTORESPONDER_HUBSPOT_*`); HubSpot is off unless `enabled`."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

from .client import API_BASE_URL, AUTH_BASE_URL


class HubSpotSettings(BaseSettings):
    """Args:
        enabled: write to HubSpot at all (DESIGN §2: off unless configured).
        base_url / auth_base_url: API host and the consent page host (the emulator serves both).
        client_id / client_secret / redirect_uri: the OAuth app; the callback of `autoresponder serve`.
        token_path / token_key: the encrypted token file and its Fernet key (None: the shared
            `AUTORESPONDER_TOKEN_KEY` of the Salesforce grant, see `system.resolved`).
        access_token: a private-app token instead of OAuth (never refreshed).
        association_ttl_s: how long association type ids are cached.
        create_tasks / weekly_rollup / record_bounces: the curated Task, the weekly Note, the bounce write.
    """

    model_config = SettingsConfigDict(env_prefix="AUTORESPONDER_HUBSPOT_", extra="ignore")

    enabled: bool = False
    base_url: str = API_BASE_URL
    auth_base_url: str = AUTH_BASE_URL
    client_id: str | None = None
    client_secret: str | None = None
    redirect_uri: str | None = None  # None: `<review_url>oauth/hubspot/callback` (system.resolved)
    token_path: str = "hubspot_tokens.enc"
    token_key: str | None = None
    access_token: str | None = None
    association_ttl_s: float = 3600.0
    create_tasks: bool = True
    weekly_rollup: bool = True
    record_bounces: bool = True
    bounce_properties: tuple[str, str] = ("hs_email_hard_bounce_reason_enum", "hs_email_hard_bounce_reason")
    max_attempts: int = 6
