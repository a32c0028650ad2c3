"""Parity: a second Salesforce client (jsforce, Node.js) drives the emulator the way a real integration would.

`parity/jsforce_roundtrip.mjs` logs in through SOAP, queries with paging, describes, writes through
sObject Collections and single-record calls, reads limits, runs a Bulk API 2.0 query and checks the
error codes jsforce surfaces. This test installs the pinned jsforce (`npm ci`, only when
`node_modules` is missing), runs the script against a seeded emulator, and checks its figures and,
through simple-salesforce, that jsforce's writes landed.

Not skipped when node or npm is missing: CI runs on a machine that has both, and a silent skip
would hide a parity regression.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from autoresponder.emulators.salesforce import start_emulator
from autoresponder.systems.salesforce import connect
from tests.integration.node_tools import PARITY, ensure_clients, tool

REPO = Path(__file__).resolve().parents[2]
PURPOSE = "jsforce parity test"
NEW_CONTACTS = 250  # what the script creates (and deletes again)


def test_jsforce_round_trip_against_the_emulator():
    node = tool("node", PURPOSE)
    ensure_clients(PURPOSE)
    with start_emulator(sources_dir=REPO / "seeds") as emu:
        seeded_count = emu.state.count("Contact")
        env = {**os.environ, "NODE_EXTRA_CA_CERTS": str(emu.ca_cert_path),
               "SF_EMULATOR_CREDENTIALS": json.dumps(emu.credentials())}
        env.pop("HTTPS_PROXY", None)
        env.pop("https_proxy", None)
        proc = subprocess.run([node, "jsforce_roundtrip.mjs"], cwd=PARITY, env=env, capture_output=True, text=True,
                              timeout=60)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        assert lines, f"no summary line; exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr[-3000:]}"
        summary = json.loads(lines[-1])
        assert proc.returncode == 0 and summary["ok"], json.dumps(summary, indent=1) + proc.stderr[-3000:]

        assert summary["jsforce"].startswith("3.")
        assert summary["seeded_contacts"] == seeded_count > 0
        assert summary["created"] == summary["destroyed"] == NEW_CONTACTS
        assert summary["records_read"] == seeded_count + NEW_CONTACTS
        assert summary["query_pages"] == -(-summary["records_read"] // 200)  # queryMore pages of 200
        assert summary["bulk_records"] == seeded_count
        assert summary["error_code"] == "INVALID_FIELD"
        assert summary["error_codes"]["update"] == "INVALID_FIELD"
        assert summary["collection_error_code"] == "INVALID_EMAIL_ADDRESS"
        assert summary["login"]["bad_password_error"] == "INVALID_LOGIN"
        assert summary["api_usage"]["limit"] == 100000 and summary["api_usage"]["used"] > 0

        # what jsforce wrote, seen through the other client
        sf = connect(session=emu.session(), instance_url=emu.instance_url, access_token=emu.access_token)
        ids = summary["updated_ids"]
        assert len(ids) == 5
        id_list = ",".join(f"'{i}'" for i in ids)
        rows = sf.query_all(f"SELECT Id, Title FROM Contact WHERE Id IN ({id_list})")["records"]
        assert {r["Id"]: r["Title"] for r in rows} == {i: summary["updated_title"] for i in ids}
        assert sf.query("SELECT COUNT() FROM Contact")["totalSize"] == seeded_count
        gone = sf.query_all("SELECT Id FROM Contact WHERE Email LIKE '%@jsforce.example.com'")["totalSize"]
        assert gone == 0

        counts = emu.request_counts()
        for kind in ("login", "identity", "query_more", "composite_post", "composite_patch", "composite_delete",
                     "composite_get", "sobject_post", "sobject_patch", "sobject_delete", "limits",
                     "bulk_create_job", "bulk_results"):
            assert counts.get(kind, 0) > 0, (kind, counts)
