"""A seeded HubSpot emulator per test and helpers to build planned writes for it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pytest

from autoresponder.act.idempotency import idempotency_key
from autoresponder.emulators.hubspot import EmulatorHandle, seed_synthetic, start_emulator
from autoresponder.models import PlannedWrite
from autoresponder.systems.hubspot import HubSpotCaller, HubSpotConnection, Tokens


class Portal:
    """The emulator plus the seeded contact ids."""

    def __init__(self, emu: EmulatorHandle, ids: list[str]):
        self.emu = emu
        self.ids = ids

    def connection(self, **kw: Any) -> HubSpotConnection:
        p = self.emu.portal
        return HubSpotConnection(self.emu.base_url, tokens=Tokens(p.access_token, p.refresh_token),
                                 client_id=p.client_id, client_secret=p.client_secret, **kw)

    def caller(self, **kw: Any) -> HubSpotCaller:
        waits: list[float] = []
        return HubSpotCaller(self.connection(), sleep=waits.append, **kw)

    def contact(self, rid: str) -> dict[str, str]:
        return self.emu.portal.records["contacts"][rid]["properties"]

    def objects(self, otype: str) -> list[dict[str, Any]]:
        return list(self.emu.portal.records[otype].values())


@pytest.fixture
def portal() -> Iterator[Portal]:
    with start_emulator() as emu:
        ids = seed_synthetic(emu.portal, 250, deal_every=3)
        yield Portal(emu, ids)


@pytest.fixture
def db() -> Iterator[duckdb.DuckDBPyConnection]:
    conn = duckdb.connect()
    yield conn
    conn.close()


def title_write(portal: Portal, rid: str, title: str = "CIO", run_id: str = "r1", message_id: str | None = None,
                action: str = "update_title", prop: str = "jobtitle") -> PlannedWrite:
    payload = {prop: title}
    prior = {prop: portal.contact(rid).get(prop)}
    mid = message_id or f"<m{rid}@example.com>"
    return PlannedWrite(run_id, mid, "hubspot", "contact", rid, action, payload, prior,
                        idempotency_key("hubspot", "contact", rid, action, payload, mid), "TITLE_UPDATE", None)
