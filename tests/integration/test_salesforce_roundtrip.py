"""Salesforce end to end: land through the API, plan from the warehouse, write under faults, re-land."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import duckdb
import pytest

from autoresponder.emulators.salesforce import (
    seed_records,
    start_emulator,
    synthetic_contacts,
    write_sample_sources,
)
from autoresponder.models import PlannedWrite
from autoresponder.systems.salesforce import SalesforceWriter, connect, sync_objects


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


@pytest.fixture
def emulator(tmp_path):
    with start_emulator(write_sample_sources(tmp_path / "sources")) as emu:
        seed_records(emu.state, "Contact", synthetic_contacts(600))
        yield emu


def test_planned_writes_complete_exactly_once_under_ten_percent_faults(emulator):
    sf = connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                 security_token=emulator.security_token)
    conn = duckdb.connect()
    sync_objects(sf, conn, ["Contact", "Lead", "Account"])
    rows = conn.execute("SELECT Id, Contact_Status__c FROM raw.sf_contact WHERE Email LIKE 'person%' "
                        "ORDER BY Email LIMIT 450").fetchall()
    writes = [PlannedWrite("run-1", f"m{i}", "salesforce", "Contact", rid, "mark_inactive",
                           {"Contact_Status__c": "Inactive"}, {"Contact_Status__c": status},
                           _key("salesforce", "Contact", rid, "mark_inactive", str(i)), "INACTIVE", "left")
              for i, (rid, status) in enumerate(rows)]
    emulator.set_faults({"rate": 0.1, "kinds": ["429", "503", "UNABLE_TO_LOCK_ROW", "INVALID_SESSION_ID", "drop"],
                         "seed": 11})
    writer = SalesforceWriter(sf, batch_size=25, backoff_base=0.001, backoff_max=0.02)  # more requests, more faults
    outcomes = writer.apply(writes)
    emulator.set_faults(None)

    assert [o.idempotency_key for o in outcomes] == [w.idempotency_key for w in writes]
    assert {o.status for o in outcomes} == {"succeeded"}
    assert sum(emulator.faults_injected().values()) > 0
    applied = emulator.state.applied_writes
    assert all(applied[("Contact", w.record_id)] == 1 for w in writes)
    tasks = emulator.state.query("SELECT WhoId FROM Task")
    assert sorted(t["WhoId"] for t in tasks) == sorted(w.record_id for w in writes)

    sync_objects(sf, conn, ["Contact"])
    inactive = conn.execute("SELECT count(*) FROM raw.sf_contact WHERE Contact_Status__c = 'Inactive' "
                            "AND Email LIKE 'person%'").fetchone()[0]
    assert inactive == 450
    again = SalesforceWriter(sf).apply(writes)
    assert {o.status for o in again} == {"skipped_noop"}


def test_standalone_emulator_prints_credentials_and_serves(tmp_path):
    src = write_sample_sources(tmp_path / "sources")
    code = ("import sys, types; from autoresponder.emulators.salesforce import emulate_main; "
            f"emulate_main(types.SimpleNamespace(port=0, sources={str(src)!r}))")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    try:
        creds = json.loads(proc.stdout.readline())
        assert set(creds) == {"instance_url", "access_token", "username", "password", "security_token", "ca_cert"}
        import requests

        resp = requests.get(creds["instance_url"] + "/services/data/v59.0/query",
                            params={"q": "SELECT COUNT() FROM Contact"}, verify=creds["ca_cert"],
                            headers={"Authorization": "Bearer " + creds["access_token"]}, timeout=10)
        assert resp.json()["totalSize"] == 3
    finally:
        proc.terminate()
        proc.wait(timeout=10)
