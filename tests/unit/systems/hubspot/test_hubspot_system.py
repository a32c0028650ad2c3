"""HubSpot in the systems registry, against the emulator over real HTTP: off unless configured, and a
portal that refuses the token at landing keeps the run going without it."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace

import pytest

from autoresponder.act import connection_state
from autoresponder.act.executor import execute
from autoresponder.config import Settings
from autoresponder.dbt import dbt_vars_for
from autoresponder.pipeline import land_system
from autoresponder.systems import registry
from autoresponder.systems.hubspot import HubSpotSettings
from autoresponder.systems.hubspot.system import resolved

from .conftest import title_write


def _settings(portal, **kw) -> Settings:
    p = portal.emu.portal
    return Settings(hubspot=HubSpotSettings(enabled=True, base_url=portal.emu.base_url, access_token=p.access_token,
                                            **kw))


def test_hubspot_is_off_unless_enabled(tmp_path: Path) -> None:
    system = registry.get("hubspot")
    with ExitStack() as stack:
        assert system.open(Settings(), tmp_path, tmp_path / "w.duckdb", stack) is None
    assert dbt_vars_for(Settings(), as_of="2026-11-25", run_id="r")["crm_systems"] == ["salesforce"]
    on = Settings(hubspot=HubSpotSettings(enabled=True, access_token="x"))
    assert dbt_vars_for(on, as_of="2026-11-25", run_id="r")["crm_systems"] == ["salesforce", "hubspot"]


def test_a_token_refused_at_landing_marks_error_and_hubspot_gets_no_write(portal, db) -> None:
    settings = _settings(portal)
    system = registry.get("hubspot")
    with ExitStack() as stack:
        handle = system.open(settings, Path("."), Path("w.duckdb"), stack).handle
    portal.emu.expire_tokens()  # a private-app token cannot be refreshed: refused, the run goes on
    stats = land_system(SimpleNamespace(settings=settings, run_id="r1"), db, system, handle)

    assert "cannot be refreshed" in stats["connection_error"]
    assert db.execute("select count(*) from raw.hubspot_contacts").fetchone()[0] == 0  # dbt can still read it
    [row] = connection_state.read(db)
    assert (row["system"], row["status"]) == ("hubspot", "error") and "re-authorize" in row["last_error"]
    sent = sum(portal.emu.request_counts().values())
    writes = [title_write(portal, portal.ids[0])]
    report = execute(db, writes, {"hubspot": system.writer(SimpleNamespace(settings=settings, run_id="r1"), handle,
                                                           db)}, mode="apply", run_id="r1")
    assert report.connection_errors.keys() == {"hubspot"}
    assert db.execute("select status from ops.write_log").fetchall() == [("pending",)]
    assert sum(portal.emu.request_counts().values()) == sent  # nothing more sent to HubSpot


@pytest.mark.parametrize("with_key", [True, False], ids=["own-key", "shared-key"])
def test_the_token_file_key_falls_back_to_the_shared_token_key(with_key: bool) -> None:
    shared, own = "a" * 43 + "=", "b" * 43 + "="
    s = Settings(token_key=shared, review_url="http://127.0.0.1:9/",
                 hubspot=HubSpotSettings(enabled=True, token_key=own if with_key else None))
    hs = resolved(s)
    assert hs.token_key == (own if with_key else shared)
    assert hs.redirect_uri == "http://127.0.0.1:9/oauth/hubspot/callback"
