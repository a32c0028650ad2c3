"""`autoresponder bench`: the scale benchmark, one JSON document on stdout (DESIGN §12).

`ours` is the whole pipeline (land → classify → dbt → apply) on generated sources against the
local emulators. `baseline` (with `--baseline`) is the seed design on the same data against a
freshly seeded emulator: two SOQL lookups (Contact, then Lead) per looked-up email and one
sObject PATCH per Salesforce write, after the same land / classify / dbt stages; its LLM calls
are those the seed design makes (classification + QA agent for every message), counted, not run.
Each side runs in its own process so `peak_rss_mb` is that side's own peak.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from autoresponder.generate import generate

PROFILES = {"small": 2_000, "full": 100_000}


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _ours(sources: str, work: str, as_of: str) -> dict[str, Any]:
    # lazy: each side runs in its own spawned process and loads only what it uses (peak RSS like for like)
    import duckdb

    from autoresponder.config import Settings
    from autoresponder.connections import open_systems
    from autoresponder.pipeline import run_pipeline
    from autoresponder.run import RunContext

    s = Settings(sources_dir=Path(sources), warehouse=Path(work) / "ours.duckdb", runs_dir=Path(work) / "runs",
                 as_of=as_of, mode="apply", max_deactivation_share=1.0)
    t0 = time.perf_counter()
    ctx = RunContext.create(s)
    with open_systems(s, ctx.sources_dir, ctx.warehouse) as systems:
        impact = run_pipeline(ctx, systems)
    total = time.perf_counter() - t0
    conn = duckdb.connect(str(ctx.warehouse))
    writes = conn.execute("select count(*) from ops.write_log where status = 'succeeded'").fetchone()[0]
    conn.close()
    by_kind = impact["api_calls"]["salesforce_requests_by_kind"]
    return {
        "wall_s": {"total": round(total, 3), **ctx.stage_seconds},
        "peak_rss_mb": _peak_rss_mb(),
        "sf_api_requests": sum(by_kind.values()),
        "sf_api_requests_by_kind": by_kind,
        "llm_calls": impact["llm"]["calls"],
        "llm_tokens": impact["llm"]["tokens"],
        "writes": int(writes),
        "messages": impact["total_processed"],
    }


def _baseline(sources: str, work: str, as_of: str, ours_warehouse: str, shared_s: dict[str, float]) -> dict[str, Any]:
    # lazy: each side runs in its own spawned process and loads only what it uses (peak RSS like for like)
    import duckdb

    from autoresponder.emulators.salesforce import start_emulator
    from autoresponder.models import PlannedWrite
    from autoresponder.systems.salesforce import baseline_apply, connect

    conn = duckdb.connect(ours_warehouse, read_only=True)
    emails = [r[0] for r in conn.execute(
        "select distinct lookup_email from marts.fct_message_outcomes "
        "where determination <> 'UNKNOWN' and lookup_email is not null").fetchall()]
    rows = conn.execute(
        "select lookup_email, message_id, object, record_id, action, payload, idempotency_key from marts.fct_actions "
        "where system = 'salesforce' and gate = 'auto'").fetchall()
    messages = conn.execute("select count(*) from marts.fct_message_outcomes").fetchone()[0]
    conn.close()
    by_email: dict[str, list[PlannedWrite]] = defaultdict(list)
    for e in emails:
        by_email[e] = []
    for email, mid, obj, rid, action, payload, key in rows:
        by_email[email].append(PlannedWrite(run_id="baseline", message_id=mid, system="salesforce", object=obj,
                                            record_id=rid, action=action, payload=json.loads(payload), prior={},
                                            idempotency_key=key))
    t0 = time.perf_counter()
    with start_emulator(sources_dir=sources, workdir=Path(work) / "baseline-sf") as emu:
        sf = connect(session=emu.session(), username=emu.username, password=emu.password,
                     security_token=emu.security_token)
        res = baseline_apply(sf, dict(by_email))
        server_counts = emu.request_counts()
    sf_s = time.perf_counter() - t0
    total = sum(shared_s.get(k, 0.0) for k in ("land", "classify", "dbt")) + sf_s
    return {
        "wall_s": {"total": round(total, 3), "land": shared_s.get("land"), "classify": shared_s.get("classify"),
                   "dbt": shared_s.get("dbt"), "salesforce": round(sf_s, 3)},
        "peak_rss_mb": _peak_rss_mb(),
        "sf_api_requests": sum(server_counts.values()),
        "sf_api_requests_by_kind": server_counts,
        "llm_calls": 2 * messages,  # seed design: classification agent + QA agent on every message
        "llm_tokens": None,
        "writes": res["writes"],
        "messages": messages,
    }


def _in_process(fn, *args) -> dict[str, Any]:
    """Run `fn` in a fresh spawned process (own peak RSS); re-raise its error here."""
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(fn, args)


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or not b:
        return None
    return round(a / b, 6)


def bench(emails: int, *, baseline: bool, seed: int = 1, as_of: str = "2026-11-25",
          workdir: Path | None = None) -> dict[str, Any]:
    tmp = tempfile.TemporaryDirectory(prefix="autoresponder-bench-") if workdir is None else None
    work = Path(workdir or tmp.name)
    try:
        sources = work / "sources"
        t0 = time.perf_counter()
        generate(sources, emails, seed, as_of=date.fromisoformat(as_of))
        gen_s = round(time.perf_counter() - t0, 3)
        ours = _in_process(_ours, str(sources), str(work), as_of)
        base = (_in_process(_baseline, str(sources), str(work), as_of, str(work / "ours.duckdb"), ours["wall_s"])
                if baseline else None)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return {
        "params": {"emails": emails, "seed": seed, "as_of": as_of, "baseline": baseline, "generate_s": gen_s},
        "ours": ours,
        "baseline": base,
        "ratios": {
            "sf_api_requests": _ratio(ours["sf_api_requests"], base["sf_api_requests"]) if base else None,
            "llm_calls": _ratio(ours["llm_calls"], base["llm_calls"]) if base else None,
            "wall_s": _ratio(ours["wall_s"]["total"], base["wall_s"]["total"]) if base else None,
        },
    }


def bench_main(args: argparse.Namespace) -> int:
    n = args.emails if args.emails else PROFILES[args.profile]
    print(f"bench: {n} emails, baseline={'on' if args.baseline else 'off'}", file=sys.stderr)
    print(json.dumps(bench(n, baseline=bool(args.baseline)), indent=2, default=str))
    return 0
