"""HubSpot requests for N matched write-backs: this design against the seed's per-email design.

Both run against an emulator seeded with the same contacts and count what the emulator received
(`/_emulator/requests`). Ours: snapshot sync (reported apart), then `plugin.write`: one changed-since
search, `batch/update` per 100, Tasks `batch/create` per 100, roll-up Notes `batch/create` per 100,
four association label lookups. Seed: per email one search and one update. Prints one JSON document.

Run: ``python -m autoresponder.emulators.hubspot.bench --writes 1000``.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from typing import Any

import duckdb

from ...act.idempotency import idempotency_key
from ...models import PlannedWrite
from ...systems.hubspot import HubSpotCaller, HubSpotConnection, HubSpotSettings, plugin
from ...systems.hubspot.baseline import baseline_apply
from .seed import seed_synthetic
from .server import start_emulator

TARGET = 0.02


def _writes(portal: Any, ids: list[str]) -> list[PlannedWrite]:
    out = []
    for i, rid in enumerate(ids):
        props = portal.records["contacts"][rid]["properties"]
        payload = {"jobtitle": f"Chief Officer {i}"}
        mid = f"<bench-{i}@example.com>"
        out.append(PlannedWrite("bench", mid, "hubspot", "contact", rid, "update_title", payload,
                                {"jobtitle": props.get("jobtitle")},
                                idempotency_key("hubspot", "contact", rid, "update_title", payload, mid),
                                "TITLE_UPDATE", None, props.get("email")))
    return out


def run(writes: int, contacts: int | None = None) -> dict[str, Any]:
    contacts = max(contacts or 0, writes)
    out: dict[str, Any] = {"params": {"writes": writes, "contacts": contacts}}
    with start_emulator() as emu:
        ids = seed_synthetic(emu.portal, contacts)
        settings = HubSpotSettings(enabled=True, base_url=emu.base_url, access_token=emu.portal.access_token)
        handle = plugin.open(settings)
        conn = duckdb.connect()
        plugin.land(handle, conn)
        sync_requests = emu.total_requests()
        emu.reset()
        report = plugin.write(handle, conn, _writes(emu.portal, ids[:writes]), "bench")
        ours = emu.total_requests()
        out["ours"] = {"requests": ours, "requests_by_path": emu.request_counts(), "sync_requests": sync_requests,
                       "writes": report.counts.get("hubspot", {}), "tasks": emu.portal.counts_by_type()["tasks"],
                       "notes": emu.portal.counts_by_type()["notes"]}
    with start_emulator() as emu:
        ids = seed_synthetic(emu.portal, contacts)
        caller = HubSpotCaller(HubSpotConnection(emu.base_url, access_token=emu.portal.access_token))
        by_email: dict[str, list[PlannedWrite]] = defaultdict(list)
        for w in _writes(emu.portal, ids[:writes]):
            by_email[w.lookup_email or ""].append(w)
        emu.reset()
        base = baseline_apply(caller, by_email)
        out["baseline"] = {"requests": emu.total_requests(), "requests_by_path": emu.request_counts(),
                           "writes": base["writes"]}
    out["ratio"] = round(out["ours"]["requests"] / out["baseline"]["requests"], 4)
    out["ratio_with_sync"] = round((out["ours"]["requests"] + out["ours"]["sync_requests"])
                                   / out["baseline"]["requests"], 4)
    out["target"] = TARGET
    out["within_target"] = out["ratio"] <= TARGET
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=1000)
    parser.add_argument("--contacts", type=int, default=None, help="contacts in the portal (default: --writes)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.writes, args.contacts), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
