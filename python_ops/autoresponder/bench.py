"""`autoresponder bench`: the scale benchmark, one JSON document on stdout (DESIGN §12).

`ours` is the whole pipeline (land → classify → dbt → apply) on generated sources against the
local emulators. `baseline` (with `--baseline`) is the seed design on the same data against a
freshly seeded emulator: two SOQL lookups (Contact, then Lead) per looked-up email and one
sObject PATCH per Salesforce write, after the same land / classify / dbt stages; its LLM calls
are those the seed design makes (classification + QA agent for every message), counted, not run.
Each side runs in its own process so `peak_rss_mb` is that side's own peak.

`ours.rerun` is a second run over the same sources right after the first (no new reply): what it
landed, classified, asked the LLM and wrote, its time by stage and what it skipped as unchanged.
It reads back from the systems what the first run wrote (the Salesforce sync), so its dbt build
and the suites on those tables run again. `ours.rerun_settled` is a third run, with nothing new
anywhere: every stage that can skip does. `--llm` runs the chain with
the OpenAI-compatible emulator (zero latency) as the LLM: calls and tokens per reply, and the
re-run's calls (the cache answers). `--sources DIR` reuses a generated folder (`generate`).
`hubspot` is HubSpot's request count for as many contact write-backs as the run wrote (`ours.writes`):
this design (snapshot sync, batches of 100) against the seed's per-email search-then-update, each on
a freshly seeded HubSpot emulator (`emulators/hubspot/bench.py`; target <= 2 % of the seed's requests),
on at most HUBSPOT_BENCH_MAX_WRITES of them (`hubspot.run_writes` says how many the run wrote): both
counts are linear in the writes (the seed 2 per write, ours 3 per 100 plus a constant), and the seed's
side alone costs minutes of HTTP at 50,000 writes, so beyond the cap the ratio is measured, not timed.
Progress: a bar per long stage on a terminal, periodic lines otherwise (`autoresponder.progress`).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from autoresponder.emulators.hubspot import bench as hubspot_bench

# the HubSpot side-benchmark counts requests on at most this many write-backs (see the docstring)
HUBSPOT_BENCH_MAX_WRITES = 2_000

# replies, and people behind the contact systems (None: the generator's 6.6 per reply)
PROFILES: dict[str, dict[str, int | None]] = {
    "small": {"emails": 200, "people": None},  # the smoke test's size
    "full": {"emails": 100_000, "people": None},
    # ~2M CUPOLA org-person rows; the generator's ratios give ~2.4M Salesforce Contacts with them
    "million": {"emails": 1_000_000, "people": 2_640_000},
}


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _peak_rss_children_mb() -> float:
    """The largest finished child of this side (a classification worker, an emulator process)."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


def _succeeded_writes(warehouse: Path) -> int:
    # lazy: each bench side runs in its own spawned process and loads only what it uses
    import duckdb

    conn = duckdb.connect(str(warehouse))  # the open systems may hold it open read-write
    try:
        return int(conn.execute("select count(*) from ops.write_log where status = 'succeeded'").fetchone()[0])
    finally:
        conn.close()


def _one_run(settings, systems) -> tuple[dict[str, Any], Any, float]:
    # lazy: each bench side runs in its own spawned process and loads only what it uses
    from autoresponder.pipeline import run_pipeline
    from autoresponder.run import RunContext

    t0 = time.perf_counter()
    ctx = RunContext.create(settings)
    ctx.verbose = True  # stage lines and progress on stderr
    impact = run_pipeline(ctx, systems)
    return impact, ctx, time.perf_counter() - t0


def _rerun(settings, systems, warehouse: Path) -> dict[str, Any]:
    """One more run over the same sources: what it landed, classified, asked the LLM and wrote, and
    which stages it skipped as unchanged (the reasons are in its stage log)."""
    writes = _succeeded_writes(warehouse)
    impact, ctx, run_s = _one_run(settings, systems)
    return {
        "wall_s": {"total": round(run_s, 3), **ctx.stage_seconds},
        "landed": ctx.facts["landing"]["landed"],
        "classified": ctx.facts["classification"]["classified_now"],
        "llm_calls": impact["llm"]["calls"],
        "writes": _succeeded_writes(warehouse) - writes,
        "dbt_skipped": bool(ctx.facts.get("dbt", {}).get("skipped")),
        "snapshots_unchanged": len(ctx.facts.get("snapshots_unchanged", [])),
        "suites_reused": ctx.facts.get("suites_reused", 0),
        "suites": ctx.facts.get("suites", 0),
    }


def _ours(sources: str, work: str, as_of: str, llm: bool = False, rerun: bool = True) -> dict[str, Any]:
    # lazy: each bench side runs in its own spawned process and loads only what it uses
    from contextlib import ExitStack

    # lazy: each bench side runs in its own spawned process and loads only what it uses
    from autoresponder.config import Settings
    from autoresponder.connections import open_systems

    with ExitStack() as stack:
        extra: dict[str, Any] = {}
        if llm:
            # lazy: each bench side runs in its own spawned process and loads only what it uses
            from autoresponder.emulators.openai import start_emulator

            emu = stack.enter_context(start_emulator())
            extra = {"llm_base_url": emu.base_url, "llm_api_key": emu.api_key}
        s = Settings(sources_dir=Path(sources), warehouse=Path(work) / "ours.duckdb", runs_dir=Path(work) / "runs",
                     as_of=as_of, mode="apply", max_deactivation_share=1.0, **extra)
        t0 = time.perf_counter()
        systems = stack.enter_context(open_systems(s, Path(sources), s.warehouse))
        open_s = time.perf_counter() - t0
        impact, ctx, run_s = _one_run(s, systems)
        writes = _succeeded_writes(ctx.warehouse)
        again = settled = None
        if rerun:
            again = _rerun(s, systems, ctx.warehouse)
            settled = _rerun(s, systems, ctx.warehouse)
    by_kind = impact["api_calls"]["salesforce_requests_by_kind"]
    messages = impact["total_processed"]
    return {
        "wall_s": {"total": round(open_s + run_s, 3), "open_systems": round(open_s, 3), **ctx.stage_seconds},
        "peak_rss_mb": _peak_rss_mb(),
        "peak_rss_children_mb": _peak_rss_children_mb(),
        "sf_api_requests": sum(by_kind.values()),
        "sf_api_requests_by_kind": by_kind,
        "llm": "emulator" if llm else "off",
        "llm_calls": impact["llm"]["calls"],
        "llm_tokens": impact["llm"]["tokens"],
        "writes": writes,
        "messages": messages,
        "rerun": again,
        "rerun_settled": settled,
    }


def _baseline(sources: str, work: str, as_of: str, ours_warehouse: str, shared_s: dict[str, float]) -> dict[str, Any]:
    # lazy: each bench side runs in its own spawned process and loads only what it uses
    import duckdb

    # lazy: each bench side runs in its own spawned process and loads only what it uses
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
        "peak_rss_children_mb": _peak_rss_children_mb(),
        "sf_api_requests": sum(server_counts.values()),
        "sf_api_requests_by_kind": server_counts,
        "llm_calls": 2 * messages,  # seed design: classification agent + QA agent on every message
        "llm_tokens": None,
        "writes": res["writes"],
        "messages": messages,
    }


def _in_process(fn, *args) -> dict[str, Any]:
    """Run `fn` in a fresh spawned process (own peak RSS); re-raise its error here. Not a `multiprocessing.Pool`
    worker: those are daemonic and may not start the classification's own processes. The process ends
    with this one (`exit_with_parent`): a bench stopped by a signal leaves no chain running on."""
    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"), initializer=exit_with_parent,
                             initargs=(os.getpid(),)) as pool:
        return pool.submit(fn, *args).result()


def exit_with_parent(parent: int, every_s: float = 0.5) -> threading.Thread:
    """Watch, from a daemon thread, that `parent` is still this process's parent; exit at once when it
    is not (it died, and the process was handed to init). A `ProcessPoolExecutor` worker otherwise runs
    its task to the end after the bench is killed: measured, a 1M bench's side process went on landing
    at full CPU and 1.8 GB after its parent was stopped."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_s)
        os._exit(1)

    thread = threading.Thread(target=watch, name="exit-with-parent", daemon=True)
    thread.start()
    return thread


def _ratio(a: float | None, b: float | None) -> float | None:
    if a is None or not b:
        return None
    return round(a / b, 6)


def bench(emails: int, *, baseline: bool, seed: int = 1, as_of: str = "2026-11-25",
          workdir: Path | None = None, sources: Path | None = None, people: int | None = None,
          llm: bool = False, rerun: bool = True) -> dict[str, Any]:
    # lazy: each bench side runs in its own spawned process and loads only what it uses
    from datetime import date

    # lazy: each bench side runs in its own spawned process and loads only what it uses
    from autoresponder.generate import generate

    tmp = tempfile.TemporaryDirectory(prefix="autoresponder-bench-") if workdir is None else None
    work = Path(workdir or tmp.name)
    try:
        gen_s = None
        if sources is None:
            sources = work / "sources"
            t0 = time.perf_counter()
            generate(sources, emails, seed, as_of=date.fromisoformat(as_of), people=people)
            gen_s = round(time.perf_counter() - t0, 3)
        ours = _in_process(_ours, str(sources), str(work), as_of, llm, rerun)
        hubspot = hubspot_bench.run(max(1, min(ours["writes"], HUBSPOT_BENCH_MAX_WRITES)))
        base = (_in_process(_baseline, str(sources), str(work), as_of, str(work / "ours.duckdb"), ours["wall_s"])
                if baseline else None)
    finally:
        if tmp is not None:
            tmp.cleanup()
    n = ours["messages"] or 0
    return {
        "params": {"emails": emails, "seed": seed, "as_of": as_of, "baseline": baseline, "generate_s": gen_s,
                   "sources": str(sources) if gen_s is None else None, "people": people, "llm": llm},
        "ours": ours,
        "baseline": base,
        "hubspot": {"writes": hubspot["params"]["writes"], "run_writes": ours["writes"], "requests": hubspot["ours"]["requests"],
                    "sync_requests": hubspot["ours"]["sync_requests"],
                    "seed_requests": hubspot["baseline"]["requests"], "ratio": hubspot["ratio"],
                    "ratio_with_sync": hubspot["ratio_with_sync"], "target": hubspot["target"],
                    "within_target": hubspot["within_target"]},
        "ratios": {
            "sf_api_requests": _ratio(ours["sf_api_requests"], base["sf_api_requests"]) if base else None,
            "llm_calls": _ratio(ours["llm_calls"], base["llm_calls"]) if base else None,
            "wall_s": _ratio(ours["wall_s"]["total"], base["wall_s"]["total"]) if base else None,
            "llm_calls_per_reply": _ratio(ours["llm_calls"], n),
            "llm_tokens_per_reply": _ratio(ours["llm_tokens"], n),
            "seconds_per_1k_replies": _ratio(1000 * ours["wall_s"]["total"], n),
            "rerun_vs_first_wall": _ratio(ours["rerun"]["wall_s"]["total"], ours["wall_s"]["total"])
            if ours["rerun"] else None,
            "rerun_settled_vs_first_wall": _ratio(ours["rerun_settled"]["wall_s"]["total"], ours["wall_s"]["total"])
            if ours["rerun_settled"] else None,
        },
    }


def bench_main(args: argparse.Namespace) -> int:
    profile = PROFILES[args.profile]
    n = args.emails if args.emails else profile["emails"]
    people = None if args.emails else profile["people"]
    print(f"bench: {n} emails, baseline={'on' if args.baseline else 'off'}, llm={'emulator' if args.llm else 'off'}",
          file=sys.stderr)
    result = bench(n, baseline=bool(args.baseline), sources=Path(args.sources) if args.sources else None,
                   people=people, llm=bool(args.llm), rerun=not args.no_rerun)
    print(json.dumps(result, indent=2, default=str))
    return 0
