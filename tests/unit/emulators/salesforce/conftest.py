"""Fixtures: a seeded TLS emulator and simple-salesforce clients bound to it."""

from __future__ import annotations

import pytest
from simple_salesforce import Salesforce

from autoresponder.emulators.salesforce import start_emulator, write_sample_sources


@pytest.fixture
def emulator(tmp_path):
    with start_emulator(write_sample_sources(tmp_path / "sources")) as emu:
        yield emu


@pytest.fixture
def sf(emulator) -> Salesforce:
    """Logged in with an access token + instance URL."""
    return Salesforce(instance_url=emulator.instance_url, session_id=emulator.access_token,
                      session=emulator.session())


@pytest.fixture
def sf_login(emulator) -> Salesforce:
    """Logged in through the SOAP login endpoint (username + password + security token)."""
    return Salesforce(username=emulator.username, password=emulator.password,
                      security_token=emulator.security_token, session=emulator.session())
