"""The HubSpot emulator over plain HTTP: HubSpot's error bodies, limits, OAuth, counters and faults."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from autoresponder.emulators.hubspot import EmulatorHandle, seed_synthetic, start_emulator


@pytest.fixture(scope="module")
def emu() -> Iterator[EmulatorHandle]:
    with start_emulator() as handle:
        seed_synthetic(handle.portal, 30)
        yield handle


def _post(emu, path, body, token=None):
    token = emu.portal.access_token if token is None else token
    return requests.post(emu.base_url + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=10)


def _is_hubspot_error(body, category):
    return body["status"] == "error" and body["category"] == category and body["message"] and body["correlationId"]


def test_unknown_token_is_401_invalid_authentication(emu):
    r = _post(emu, "/crm/v3/objects/contacts/search", {}, token="nope")
    assert r.status_code == 401 and _is_hubspot_error(r.json(), "INVALID_AUTHENTICATION")


def test_search_limit_over_100_and_paging_past_the_ceiling_are_400(emu):
    r = _post(emu, "/crm/v3/objects/contacts/search", {"limit": 101})
    assert r.status_code == 400 and _is_hubspot_error(r.json(), "VALIDATION_ERROR")
    r = _post(emu, "/crm/v3/objects/contacts/search", {"limit": 100, "after": "9950"})
    assert r.status_code == 400 and "10000" in r.json()["message"]


def test_search_filters_sorts_and_pages(emu):
    body = {"filterGroups": [{"filters": [{"propertyName": "jobtitle", "operator": "EQ", "value": "analyst"}]}],
            "sorts": [{"propertyName": "lastmodifieddate", "direction": "DESCENDING"}],
            "properties": ["email", "jobtitle"], "limit": 5}
    first = _post(emu, "/crm/v3/objects/contacts/search", body).json()
    assert first["total"] == 20 and len(first["results"]) == 5 and first["paging"]["next"]["after"] == "5"
    assert set(first["results"][0]["properties"]) == {"email", "jobtitle", "hs_object_id"}
    stamps = [r["updatedAt"] for r in first["results"]]
    assert stamps == sorted(stamps, reverse=True)


def test_batch_update_rejects_duplicates_and_over_100_inputs(emu):
    rid = next(iter(emu.portal.records["contacts"]))
    dup = _post(emu, "/crm/v3/objects/contacts/batch/update",
                {"inputs": [{"id": rid, "properties": {"jobtitle": "a"}}, {"id": rid, "properties": {"jobtitle": "b"}}]})
    assert dup.status_code == 400 and "Duplicate IDs" in dup.json()["message"]
    big = _post(emu, "/crm/v3/objects/contacts/batch/update", {"inputs": [{"id": rid, "properties": {}}] * 101})
    assert big.status_code == 400 and _is_hubspot_error(big.json(), "VALIDATION_ERROR")


def test_task_create_needs_hs_timestamp_and_a_valid_association_type(emu):
    rid = next(iter(emu.portal.records["contacts"]))
    no_ts = _post(emu, "/crm/v3/objects/tasks", {"properties": {"hs_task_subject": "x"}})
    assert no_ts.status_code == 400 and "hs_timestamp" in no_ts.json()["message"]
    wrong = _post(emu, "/crm/v3/objects/tasks", {"properties": {"hs_timestamp": "0"}, "associations": [
        {"to": {"id": rid}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 999}]}]})
    assert wrong.status_code == 400 and "999" in wrong.json()["message"]


def test_oauth_refresh_grant_and_token_errors(emu):
    p = emu.portal
    ok = requests.post(emu.base_url + "/oauth/v1/token", data={
        "grant_type": "refresh_token", "client_id": p.client_id, "client_secret": p.client_secret,
        "refresh_token": p.refresh_token}, timeout=10).json()
    assert ok["token_type"] == "bearer" and ok["expires_in"] == 1800 and ok["refresh_token"] == p.refresh_token
    info = requests.get(f"{emu.base_url}/oauth/v1/access-tokens/{ok['access_token']}", timeout=10).json()
    assert info["hub_id"] == p.hub_id and "crm.objects.contacts.write" in info["scopes"]
    bad = requests.post(emu.base_url + "/oauth/v1/token", data={
        "grant_type": "refresh_token", "client_id": p.client_id, "client_secret": p.client_secret,
        "refresh_token": "na1-unknown"}, timeout=10)
    assert bad.status_code == 400 and bad.json()["status"] == "BAD_REFRESH_TOKEN"


def test_faults_are_set_over_http_and_counted_per_path(emu):
    requests.post(emu.base_url + "/_emulator/reset", timeout=10)
    requests.post(emu.base_url + "/_emulator/faults", json={"retry_after": 2, "script": [
        {"path": "/crm/v4/associations", "status": 429, "times": 1}]}, timeout=10)
    path = "/crm/v4/associations/tasks/contacts/labels"
    headers = {"Authorization": f"Bearer {emu.portal.access_token}"}
    limited = requests.get(emu.base_url + path, headers=headers, timeout=10)
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "2"
    assert limited.json()["errorType"] == "RATE_LIMIT"
    labels = requests.get(emu.base_url + path, headers=headers, timeout=10).json()
    assert labels == {"results": [{"category": "HUBSPOT_DEFINED", "typeId": 204, "label": None}]}
    seen = requests.get(emu.base_url + "/_emulator/requests", timeout=10).json()
    assert seen["counts"] == {f"GET {path}": 2} and seen["faults"] == {"429": 1}
    requests.post(emu.base_url + "/_emulator/faults", json={}, timeout=10)


def test_emulate_hubspot_serves_and_takes_faults_from_the_environment():
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "AUTORESPONDER_HUBSPOT_EMULATOR_FAULTS": json.dumps(
        {"script": [{"path": "/crm/", "status": 503, "times": 1}]})}
    proc = subprocess.Popen([sys.executable, "-m", "autoresponder.cli", "emulate", "hubspot"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        creds = json.loads(proc.stdout.readline())
        assert creds["base_url"].startswith("http://127.0.0.1:") and creds["client_id"] and creds["refresh_token"]
        headers = {"Authorization": f"Bearer {creds['access_token']}"}
        url = creds["base_url"] + "/crm/v4/associations/contacts/deals/labels"
        assert requests.get(url, headers=headers, timeout=10).status_code == 503
        assert requests.get(url, headers=headers, timeout=10).json()["results"][0]["typeId"] == 4
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_bench_counts_both_designs_on_the_emulators_counter():
    from autoresponder.emulators.hubspot.bench import run

    out = run(30)
    # ours: 1 changed-since search, 1 batch/update, 1 task batch, 1 note batch, 4 label lookups
    assert out["ours"]["requests"] == 8 and out["ours"]["writes"] == {"succeeded": 30}
    assert out["baseline"]["requests"] == 60 and out["baseline"]["writes"] == 30  # per email: search + update
    assert out["ratio"] == round(8 / 60, 4)


def test_unknown_record_and_unknown_path_answer_in_hubspots_shape(emu):
    headers = {"Authorization": f"Bearer {emu.portal.access_token}"}
    missing = requests.get(emu.base_url + "/crm/v3/objects/contacts/987654321", headers=headers, timeout=10)
    assert missing.status_code == 404 and _is_hubspot_error(missing.json(), "OBJECT_NOT_FOUND")
    nowhere = requests.get(emu.base_url + "/crm/v3/nothing/here/at/all", headers=headers, timeout=10)
    assert nowhere.status_code == 404 and _is_hubspot_error(nowhere.json(), "OBJECT_NOT_FOUND")
