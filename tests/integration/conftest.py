"""Fixtures shared by the integration test files."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from autoresponder.emulators.hubspot import contacts_like_salesforce, start_emulator
from autoresponder.systems.hubspot import HubSpotSettings, Tokens, TokenStore


@pytest.fixture
def hubspot(sources: Path, tmp_path: Path) -> Iterator[tuple[Any, HubSpotSettings]]:
    """The emulator seeded with the demo's contacts, and settings holding its OAuth grant encrypted."""
    contacts_like_salesforce(sources)
    with start_emulator(sources) as emu:
        creds = emu.credentials()
        key = Fernet.generate_key().decode()
        TokenStore(tmp_path / "hubspot_tokens.enc", key).save(
            Tokens(creds["access_token"], creds["refresh_token"], time.time() + 1800))
        yield emu, HubSpotSettings(enabled=True, base_url=emu.base_url, client_id=creds["client_id"],
                                   client_secret=creds["client_secret"], token_path=str(tmp_path / "hubspot_tokens.enc"),
                                   token_key=key)
