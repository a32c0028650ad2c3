"""The plug-in entry points: write through the shared write log, re-run, rollback, count, OAuth."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from cryptography.fernet import Fernet

from autoresponder.act import write_log
from autoresponder.errors import ConfigurationError
from autoresponder.systems.hubspot import HubSpotConnectionInError, HubSpotSettings, TokenStore, plugin

from .conftest import title_write


@pytest.fixture
def settings(portal, tmp_path):
    p = portal.emu.portal
    key = Fernet.generate_key().decode()
    path = tmp_path / "tokens.enc"
    from autoresponder.systems.hubspot import Tokens

    TokenStore(path, key).save(Tokens(p.access_token, p.refresh_token))
    return HubSpotSettings(enabled=True, base_url=portal.emu.base_url, auth_base_url=portal.emu.base_url,
                           client_id=p.client_id, client_secret=p.client_secret, token_path=str(path), token_key=key,
                           redirect_uri="http://127.0.0.1:8765/oauth/hubspot/callback")


def test_rerun_writes_nothing_and_creates_no_second_task_or_note(portal, db, settings):
    handle = plugin.open(settings)
    plugin.land(handle, db)
    writes = [title_write(portal, rid) for rid in portal.ids[:120]]
    report = plugin.write(handle, db, writes, "run-1")
    assert report.counts["hubspot"] == {"succeeded": 120}
    notes = {r["record_id"]: r["remote_id"] for r in write_log.fetch_rows(db, run_id="run-1")
             if r["object"] == "note"}
    assert len(notes) == 120 and len(portal.objects("notes")) == 120 and len(portal.objects("tasks")) == 120
    portal.emu.reset()
    again = plugin.write(plugin.open(settings), db, writes, "run-2")
    assert again.counts["hubspot"] == {"already_done": 120}
    assert len(portal.objects("tasks")) == 120 and len(portal.objects("notes")) == 120
    assert portal.emu.request_counts() == {}


def test_a_later_run_in_the_same_week_extends_the_note_found_in_the_write_log(portal, db, settings):
    handle = plugin.open(settings)
    plugin.land(handle, db)
    rid = portal.ids[1]
    plugin.write(handle, db, [title_write(portal, rid, "CIO")], "run-1")
    plugin.land(handle, db)
    plugin.write(handle, db, [title_write(portal, rid, "CEO", message_id="<2@example.com>")], "run-2")
    assert len(portal.objects("notes")) == 1
    assert portal.objects("notes")[0]["properties"]["hs_note_body"].count("\n- ") == 2
    assert portal.emu.request_counts()["POST /crm/v3/objects/notes/batch/update"] == 1


def test_rollback_restores_prior_values_and_lists_notes_as_manual(portal, db, settings):
    handle = plugin.open(settings)
    plugin.land(handle, db)
    plugin.write(handle, db, [title_write(portal, rid) for rid in portal.ids[:3]], "run-1")
    plugin.land(handle, db)
    out = plugin.rollback(handle, db, "run-1")
    assert len(out["restored"]) == 3 and not out["failed"]
    assert [portal.contact(rid)["jobtitle"] for rid in portal.ids[:3]] == ["Portfolio Manager", "Analyst", "Analyst"]
    assert {m["object"] for m in out["manual"]} == {"note"}
    assert any("restored to 'Portfolio Manager'" in t["properties"]["hs_task_subject"] for t in portal.objects("tasks"))


def test_count_reports_requests_and_connection_state(portal, db, settings):
    handle = plugin.open(settings)
    plugin.land(handle, db)
    portal.emu.expire_tokens()
    plugin.write(handle, db, [title_write(portal, portal.ids[0])], "run-1")
    c = plugin.count(handle)
    assert c["refreshes"] == 1 and c["connection"]["status"] == "ok" and c["tasks_created"] == 1
    assert c["total_requests"] == sum(c["requests"].values()) > 0
    # the refreshed token was saved encrypted, not in clear
    raw = open(settings.token_path, "rb").read()
    assert handle.connection.tokens.access_token.encode() not in raw
    assert TokenStore(settings.token_path, settings.token_key).load().access_token == \
        handle.connection.tokens.access_token


def test_oauth_start_and_callback_store_tokens_from_the_code(portal, settings, tmp_path):
    url = plugin.oauth_start(settings, "state-123")
    assert url.startswith(f"{portal.emu.base_url}/oauth/authorize?")
    answer = requests.get(url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    query = parse_qs(urlsplit(answer.headers["location"]).query)
    assert query["state"] == ["state-123"]
    fresh = settings.model_copy(update={"token_path": str(tmp_path / "new.enc")})
    tokens = plugin.oauth_callback(fresh, query["code"][0])
    assert TokenStore(fresh.token_path, fresh.token_key).load() == tokens
    assert plugin.count(plugin.open(fresh))["connection"]["status"] == "ok"


def test_wrong_token_key_names_the_file_and_the_fix(settings):
    bad = settings.model_copy(update={"token_key": Fernet.generate_key().decode()})
    with pytest.raises(ConfigurationError, match="cannot be decrypted.*re-authorize"):
        plugin.open(bad)


def test_enabled_without_any_token_is_a_configuration_error(tmp_path):
    s = HubSpotSettings(enabled=True, token_path=str(tmp_path / "none.enc"), token_key=Fernet.generate_key().decode())
    with pytest.raises(ConfigurationError, match="no token"):
        plugin.open(s)


def test_a_connection_that_errors_stops_the_run_with_exit_2_and_keeps_the_log(portal, db, settings):
    handle = plugin.open(settings)
    plugin.land(handle, db)
    portal.emu.expire_tokens()
    portal.emu.portal.refresh_tokens.clear()  # the app was uninstalled: refresh is refused
    with pytest.raises(HubSpotConnectionInError, match="BAD_REFRESH_TOKEN.*re-authorize") as caught:
        plugin.write(handle, db, [title_write(portal, rid) for rid in portal.ids[:2]], "run-1")
    assert caught.value.exit_code == 2
    assert caught.value.report.counts["hubspot"] == {"failed_retriable": 2}
    assert {r["status"] for r in write_log.fetch_rows(db, run_id="run-1")} == {"failed_retriable"}
    assert plugin.count(handle)["connection"]["status"] == "error"
