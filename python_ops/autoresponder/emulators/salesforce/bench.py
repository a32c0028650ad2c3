"""Scale figures for the Salesforce path; prints one JSON document.

The emulator runs in a child process (seeded without HTTP), so the client's peak RSS is
measured alone. Run: ``python -m autoresponder.emulators.salesforce.bench --contacts 600000
--leads 400000 --writes 2000 --faults 0.1``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import tempfile
import time
from collections import Counter
from typing import Any

import duckdb
import requests

from . import seed_records, start_emulator, synthetic_contacts, synthetic_leads
from .server import LOGIN_HOSTS, LoopbackAdapter

FAULT_KINDS = ["429", "503", "UNABLE_TO_LOCK_ROW", "INVALID_SESSION_ID", "drop"]


def _serve(pipe: Any, contacts: int, leads: int) -> None:
    with start_emulator() as emu:
        t0 = time.perf_counter()
        seed_records(emu.state, "Contact", synthetic_contacts(contacts))
        seed_records(emu.state, "Lead", synthetic_leads(leads))
        seed_s = time.perf_counter() - t0
        pipe.send({**emu.credentials(), "seed_s": seed_s})
        pipe.recv()  # wait for the stop message
        pipe.send({"emulator_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _session(creds: dict[str, Any]) -> requests.Session:
    sess = requests.Session()
    for host in LOGIN_HOSTS:
        sess.mount(host, LoopbackAdapter(creds["instance_url"], creds["ca_cert"]))
    sess.mount(creds["instance_url"], LoopbackAdapter(None, creds["ca_cert"]))
    return sess


def run(contacts: int, leads: int, writes: int, fault_rate: float, rest_sync: bool, baseline_emails: int) -> dict:
    # lazy: the spawned emulator process imports this module too; keep the client out of its peak RSS
    from ...models import PlannedWrite
    from ...systems.salesforce import SalesforceWriter, baseline_apply, connect, sync_objects

    rss_at_start = _rss_mb()
    parent, child = mp.get_context("spawn").Pipe()
    proc = mp.get_context("spawn").Process(target=_serve, args=(child, contacts, leads), daemon=True)
    proc.start()
    creds = parent.recv()
    out: dict[str, Any] = {"params": {"contacts": contacts, "leads": leads, "writes": writes,
                                      "fault_rate": fault_rate}, "seed_s": round(creds["seed_s"], 2),
                           "client_rss_after_imports_mb": round(rss_at_start)}
    try:
        sf = connect(session=_session(creds), username=creds["username"], password=creds["password"],
                     security_token=creds["security_token"])
        with tempfile.TemporaryDirectory() as tmp:
            conn = duckdb.connect(f"{tmp}/wh.duckdb")
            t0 = time.perf_counter()
            res = sync_objects(sf, conn, ["Contact", "Lead"], bulk_threshold=50_000)
            wall = time.perf_counter() - t0
            c = res["objects"]["Contact"]
            out["sync_bulk"] = {"wall_s": round(wall, 2), "contact_wall_s": c["wall_s"],
                                "contact_rows_per_s": round(c["rows_read"] / c["wall_s"]),
                                "rows": {k: v["rows_read"] for k, v in res["objects"].items()},
                                "requests": res["requests"], "client_peak_rss_mb": round(_rss_mb())}
            if rest_sync:
                t0 = time.perf_counter()
                res = sync_objects(sf, conn, ["Contact"], bulk_threshold=10**12, full_resync=True)
                c = res["objects"]["Contact"]
                out["sync_rest"] = {"contact_wall_s": c["wall_s"], "contact_rows_per_s": round(c["rows_read"] /
                                                                                               c["wall_s"]),
                                    "requests": res["requests"], "client_peak_rss_mb": round(_rss_mb())}
            t0 = time.perf_counter()
            incr = sync_objects(sf, conn, ["Contact"])
            out["sync_incremental_noop_s"] = round(time.perf_counter() - t0, 2)
            out["sync_incremental_rows"] = incr["objects"]["Contact"]["rows_read"]
            rows = conn.execute("SELECT Id, Contact_Status__c FROM raw.sf_contact ORDER BY Id LIMIT ?",
                                [writes]).fetchall()
            emails = conn.execute("SELECT Email FROM raw.sf_contact ORDER BY Id DESC LIMIT ?",
                                  [baseline_emails]).fetchall()
            conn.close()
        planned = [PlannedWrite("bench", f"m{i}", "salesforce", "Contact", rid, "mark_inactive",
                                {"Contact_Status__c": "Inactive"}, {"Contact_Status__c": st}, f"bench-{i}",
                                "INACTIVE", "left") for i, (rid, st) in enumerate(rows)]
        admin = _session(creds)
        admin.post(creds["instance_url"] + "/_emulator/faults",
                   json={"rate": fault_rate, "kinds": FAULT_KINDS, "seed": 1})
        t0 = time.perf_counter()
        writer = SalesforceWriter(sf, backoff_base=0.05, backoff_max=1.0)
        outcomes = writer.apply(planned)
        wall = time.perf_counter() - t0
        dbg = admin.get(creds["instance_url"] + "/_emulator/requests").json()
        applied = admin.get(creds["instance_url"] + "/_emulator/applied").json()
        out["writes_under_faults"] = {
            "wall_s": round(wall, 2), "outcomes": dict(Counter(o.status for o in outcomes)),
            "faults_injected": dbg["faults"], "client_requests": writer.request_counts,
            "retries": dict(writer.caller.retries), "emulator_applied": applied,
            "every_write_exactly_once": all(o.status == "succeeded" for o in outcomes)
            and applied["by_object"].get("Contact", {}).get("max_per_record") == 1
            and applied["records_with_several_tasks"] == 0,
        }
        admin.post(creds["instance_url"] + "/_emulator/faults", json={})
        if baseline_emails:
            by_email = {e: [PlannedWrite("b", e, "salesforce", "Contact", None, "update_title", {"Title": "Bench"},
                                         {}, e)] for (e,) in emails}
            ours = [PlannedWrite("o", e, "salesforce", "Contact", rid, "update_title", {"Title": "Bench2"}, {},
                                 f"o-{e}") for (rid, _), (e,) in zip(rows[:len(emails)], emails, strict=False)]
            t0 = time.perf_counter()
            base = baseline_apply(sf, by_email)
            base_wall = time.perf_counter() - t0
            w2 = SalesforceWriter(sf, create_tasks=False)
            t0 = time.perf_counter()
            w2.apply(ours)
            ours_wall = time.perf_counter() - t0
            ours_n = sum(w2.request_counts.values())
            out["baseline_vs_ours"] = {"emails": len(emails), "baseline_requests": base["requests"],
                                       "baseline_wall_s": round(base_wall, 2), "ours_requests": ours_n,
                                       "ours_wall_s": round(ours_wall, 2),
                                       "request_ratio": round(ours_n / max(1, base["requests"]), 4)}
    finally:
        parent.send("stop")
        out.update(parent.recv() if parent.poll(30) else {})
        proc.join(timeout=30)
    out["client_peak_rss_mb"] = round(_rss_mb())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--contacts", type=int, default=600_000)
    ap.add_argument("--leads", type=int, default=400_000)
    ap.add_argument("--writes", type=int, default=2_000)
    ap.add_argument("--faults", type=float, default=0.1)
    ap.add_argument("--rest-sync", action="store_true", help="also time a full REST (queryMore) sync of Contact")
    ap.add_argument("--baseline-emails", type=int, default=500)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.contacts, args.leads, args.writes, args.faults, args.rest_sync,
                         args.baseline_emails)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
