"""Parity: the official HubSpot Node client (@hubspot/api-client, npm) drives the HubSpot emulator.

`parity/hubspot_roundtrip.mjs` refreshes an OAuth token, reads the token's info, pages through an
incremental contact search, batch-updates 150 contacts, reads them back, resolves the task ->
contact type id through the v4 labels API, creates a Task with `associations`, and checks the
error bodies the client surfaces (400 VALIDATION_ERROR, 401, BAD_REFRESH_TOKEN). This test
installs the pinned client (`npm ci`, only when it is missing from `node_modules`), runs the
script, and checks through the emulator's state and the Python client that the writes landed.

Not skipped when node or npm is missing: CI has both, and a silent skip would hide a regression.
"""

from __future__ import annotations

import json
import os
import subprocess

from autoresponder.emulators.hubspot import seed_synthetic, start_emulator
from autoresponder.systems.hubspot import HubSpotCaller, HubSpotConnection
from tests.integration.node_tools import PARITY, ensure_clients, tool

PURPOSE = "HubSpot Node parity test"
SEEDED = 230  # three search pages of 100


def test_official_node_client_round_trip_against_the_emulator():
    node = tool("node", PURPOSE)
    ensure_clients(PURPOSE)
    with start_emulator() as emu:
        seed_synthetic(emu.portal, SEEDED)
        creds = {**emu.credentials(), "seeded_contacts": SEEDED}
        env = {**os.environ, "HUBSPOT_EMULATOR_CREDENTIALS": json.dumps(creds)}
        for proxy in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
            env.pop(proxy, None)
        proc = subprocess.run([node, "hubspot_roundtrip.mjs"], cwd=PARITY, env=env, capture_output=True, text=True,
                              timeout=120)
        lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
        assert lines, f"no summary line; exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr[-3000:]}"
        summary = json.loads(lines[-1])
        assert proc.returncode == 0 and summary["ok"], json.dumps(summary, indent=1) + proc.stderr[-3000:]

        assert summary["client"] == json.loads((PARITY / "package.json").read_text())["dependencies"][
            "@hubspot/api-client"]
        assert summary["search"] == {"records": SEEDED, "pages": 3}
        assert summary["task"]["association_type_id"] == 204

        # what the Node client wrote, seen through the Python client and the portal
        caller = HubSpotCaller(HubSpotConnection(emu.base_url, access_token=emu.portal.access_token))
        body = {"inputs": [{"id": i} for i in summary["updated_ids"]], "properties": ["jobtitle"],
                "propertiesWithHistory": []}
        read = caller.call("read", lambda api: api.crm.contacts.batch_api.read(body))
        assert {r.properties["jobtitle"] for r in read.results} == {summary["updated_title"]}
        task = summary["task"]
        assert emu.portal.associated("tasks", task["id"], "contacts") == {task["contact_id"]: {204}}
        assert emu.portal.associated("contacts", task["contact_id"], "tasks") == {task["id"]: {203}}

        counts = emu.request_counts()
        assert counts["POST /crm/v3/objects/contacts/batch/update"] == 3  # two of <= 100, one refused
        assert counts["POST /oauth/v1/token"] == 2 and counts["GET /crm/v4/associations/tasks/contacts/labels"] == 1
