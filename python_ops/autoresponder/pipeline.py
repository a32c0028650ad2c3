"""The whole chain, stage by stage: land → classify → dbt → act → report (DESIGN §4).

The CLI and the Dagster assets call the same stage functions, so a run from either place
does the same work. Each stage takes the run context and an open warehouse connection.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from autoresponder.act import connection_state
from autoresponder.act.executor import execute
from autoresponder.act.write_log import ensure_write_log
from autoresponder.classify import classify_all
from autoresponder.config import duckdb_limits
from autoresponder.connections import Connections
from autoresponder.dbt import build_inputs, last_build_unchanged, record_build, run_dbt, run_vars
from autoresponder.errors import RunStopped
from autoresponder.land.email_store import land_replies
from autoresponder.land.snapshots import land_changed_snapshots
from autoresponder.models import PlannedWrite
from autoresponder.notify import send_run_notifications
from autoresponder.quality.suites import OUTPUT_SUITES
from autoresponder.quality.validate import (
    DOCS_PAGES,
    InputExpectationsFailed,
    build_docs,
    validate,
    validate_inputs,
)
from autoresponder.quality.validate import check_inputs as guard
from autoresponder.report.run_folder import write_run_folder
from autoresponder.run import RunContext
from autoresponder.systems import registry
from autoresponder.targets import ensure_runs


def connect_warehouse(path: Path, settings: Any = None) -> duckdb.DuckDBPyConnection:
    """The warehouse, with DuckDB's memory limit and threads of `settings` (`duckdb_limits`; None:
    `Settings()`). Set on the connection, not passed as connect-time config: DuckDB refuses a second
    connection to an open file with a different config, and both settings hold for the whole
    database instance, i.e. for every connection this process has open on the file."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(str(path))
    try:
        for name, value in duckdb_limits(settings).items():
            quoted = value.replace("'", "''")
            conn.execute(f"set {name} = '{quoted}'")
    except duckdb.Error:
        conn.close()
        raise
    return conn


# --- stages -------------------------------------------------------------------------------------

def land(ctx: RunContext, conn: duckdb.DuckDBPyConnection, systems: Connections) -> dict:
    """Land emails (the folder, or the email store on SQL Server), every registered system's
    snapshots (CSV or SQL, one transaction), then each opened system through its API
    (`System.land`); a system that is not opened lands its CSV export."""

    with ctx.stage("land"):
        landing = land_changed_snapshots(conn, ctx.sources_dir, run_id=ctx.run_id, settings=ctx.settings)
        snapshots = landing.rows
        emails = land_replies(conn, ctx.settings, ctx.sources_dir, run_id=ctx.run_id, log=ctx.progress_log)
        by_system: dict[str, Any] = {}
        for system in registry.systems():
            handle = systems.get(system.name)
            if system.land is not None and handle is not None:
                by_system[system.name] = land_system(ctx, conn, system, handle)
            elif system.fallback_snapshots:
                fallback = land_changed_snapshots(conn, ctx.sources_dir, system.fallback_snapshots, run_id=ctx.run_id)
                by_system[system.name] = fallback.rows
                landing.unchanged.extend(fallback.unchanged)
        e = emails
        ctx.log("land", f"{e.files} files: {e.landed} new messages, {e.already_landed} already landed, "
                        f"{e.duplicates} re-deliveries of a landed message (not landed again), "
                        f"{e.duplicates_landed} with a landed Message-ID but a different body (landed, to review), "
                        f"{e.parse_errors} with parse errors",
                emails=emails.as_dict(), snapshots=snapshots)
        if landing.unchanged:
            ctx.log("land", f"{len(landing.unchanged)} CSV snapshot(s) unchanged since they were last landed "
                            "(same SHA-256, table as that landing left it): not read again",
                    unchanged=landing.unchanged)
        for note in emails.duplicate_notes():
            ctx.log("land", f"duplicate: {note}")
    ctx.facts["landing"] = emails.as_dict()
    ctx.facts["snapshots_unchanged"] = list(landing.unchanged)
    return {"emails": emails.as_dict(), "snapshots": snapshots, **by_system}


def land_system(ctx: RunContext, conn: duckdb.DuckDBPyConnection, system: Any, handle: Any,
                objects: list[str] | None = None) -> dict:
    """One system's API landing; a refused credential marks its connection `error` (ops.connections):
    raised, the run stops; returned as `connection_error` (HubSpot), the run goes on without it."""

    try:
        stats = system.land(handle, conn, ctx.settings, objects)
    except Exception as exc:
        if connection_state.is_auth_failure(exc):
            connection_state.mark_error(conn, system.name, connection_state.auth_message(system.name, exc),
                                        ctx.run_id)
        raise
    if isinstance(stats, dict) and stats.get("connection_error"):  # refused, kept its last snapshot
        connection_state.mark_error(conn, system.name, stats["connection_error"], ctx.run_id)
    else:
        connection_state.mark_ok(conn, system.name, ctx.run_id)
    return stats


def check_inputs(ctx: RunContext, conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Great Expectations suites on the landed inputs (`quality.suites.INPUT_SUITES`).

    A failure stops `apply` here, before anything is classified or written (exit 4, the failing
    expectations named); `plan` goes on and returns them for the report."""
    if not ctx.settings.data_quality:
        return []

    with ctx.stage("quality_inputs"):
        results = validate_inputs(conn, ctx.run_dir, ctx.run_id, ctx.settings)
        failures = [line for r in results for line in r.failure_lines()]
        ctx.log("quality_inputs", f"{sum(r.success for r in results)}/{len(results)} input suites passed"
                                  + _reused_note(results), failures=failures, reused=_reused(results))
        ctx.facts["quality_inputs"] = failures
        _count_suites(ctx, results)
        if failures and ctx.mode == "apply":
            build_docs(ctx.run_dir)
        guard(conn, ctx.run_id, ctx.mode)
    return failures


def check_outputs(ctx: RunContext, conn: duckdb.DuckDBPyConnection) -> list[str]:
    """Great Expectations suites on the marts, the documents and the write log; then Data Docs
    of the whole run in `runs/<run_id>/data_docs/`. Failures are reported, not raised: the
    writes they describe are made."""
    if not ctx.settings.data_quality:
        return []

    with ctx.stage("quality_outputs"):
        ensure_write_log(conn)  # a plan run has written nothing, maybe not even the log
        results = validate(conn, ctx.run_dir, ctx.run_id, OUTPUT_SUITES, ctx.settings)
        failures = [line for r in results for line in r.failure_lines()]
        docs = build_docs(ctx.run_dir)
        ctx.log("quality_outputs", f"{sum(r.success for r in results)}/{len(results)} output suites passed"
                                   f"{_reused_note(results)}; Data Docs {docs} ({_pages_note(ctx.run_dir)})",
                failures=failures, reused=_reused(results), docs_pages=DOCS_PAGES.get(ctx.run_dir.resolve()))
        ctx.facts["quality_outputs"] = failures
        _count_suites(ctx, results)
    return failures


def _reused(results: list) -> dict[str, str]:
    """Suites not validated again: the earlier validation each relies on."""
    return {r.suite: r.reused_from for r in results if r.reused_from}


def _count_suites(ctx: RunContext, results: list) -> None:
    ctx.facts["suites"] = ctx.facts.get("suites", 0) + len(results)
    ctx.facts["suites_reused"] = ctx.facts.get("suites_reused", 0) + len(_reused(results))


def _pages_note(run_dir: Path) -> str:
    pages = DOCS_PAGES.get(Path(run_dir).resolve(), {})
    return (f"{pages.get('rendered', 0)} result pages rendered, {pages.get('copied', 0)} copied from the earlier run "
            "that rendered the same result: nothing in them changed")


def _reused_note(results: list) -> str:
    n = len(_reused(results))
    return (f" ({n} of them not validated again: their data and suite definition are those of an earlier "
            "validation, named per suite in `reused`)") if n else ""


def classify(ctx: RunContext, conn: duckdb.DuckDBPyConnection, systems: Connections) -> dict:
    """Classify every landed message; write `classification.classified_messages` and `.replacements`."""
    with ctx.stage("classify"):
        stats = classify_all(conn, ctx.settings, llm=systems.llm, log=ctx.progress_log)
        if stats["classified_now"] or not _table_exists(conn, "classification", "replacements"):
            write_replacements(conn)
        ctx.log("classify", f"{stats['classified_now']} classified now, {stats.get('messages')} in all: "
                            f"{stats.get('by_determination')}; LLM calls {stats.get('llm_calls', 0)}, "
                            f"tokens {stats.get('llm_tokens', 0)}, cache hits {stats.get('llm_cache_hits', 0)}",
                by_method=stats.get("by_method"))
    ctx.facts["classification"] = stats
    return stats


def write_replacements(conn: duckdb.DuckDBPyConnection) -> None:
    """One row per alternate contact, so SQL need not parse JSON lists (portable to SQL Server).

    Built in the warehouse from the JSON column (no message passes through Python)."""
    conn.execute("create schema if not exists classification")
    conn.execute("""
        create or replace table classification.replacements as
        with lists as (
            select message_id, replacements::json as r from classification.classified_messages
            where replacements is not null and replacements not in ('', '[]')
        ), items as (
            select message_id, unnest(range(json_array_length(r)::bigint)) as i, r from lists
        )
        select message_id, (i + 1)::integer as ordinal,
               json_extract_string(r, '$[' || i || '].name') as name,
               json_extract_string(r, '$[' || i || '].email') as email,
               json_extract_string(r, '$[' || i || '].title') as title
        from items order by message_id, ordinal
    """)


def _table_exists(conn: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(conn.execute("select count(*) from information_schema.tables where table_schema = ? "
                             "and table_name = ?", [schema, table]).fetchone()[0])


def ensure_ops_tables(warehouse: Path, settings: Any = None) -> None:
    """Create the `ops` tables dbt reads as sources (fct_writes, fct_runs) when a warehouse has none yet."""
    conn = connect_warehouse(warehouse, settings)
    try:
        ensure_write_log(conn)
        ensure_runs(conn)
    finally:
        conn.close()


def transform(ctx: RunContext) -> dict:
    """dbt build: staging, matches, routing, marts and their tests (the warehouse must be closed).

    Skipped, and said so in the stage log, when the last build read exactly what this one would
    (every source table's content, the vars with as_of and the flags, the project files) and the
    relations it left are unchanged: it would make the same relations and run the same tests."""
    with ctx.stage("dbt"):
        ensure_ops_tables(ctx.warehouse, ctx.settings)
        variables = run_vars(ctx)
        conn = connect_warehouse(ctx.warehouse, ctx.settings)
        try:
            inputs = build_inputs(conn, variables)
            same_as, why = last_build_unchanged(conn, inputs)
        finally:
            conn.close()
        if same_as is not None:
            ctx.log("dbt", f"dbt build skipped: nothing it reads changed since run {same_as}'s build (landed and "
                           "classified data, reviewers' decisions, vars incl. as_of and flags, project files), and "
                           "the relations that build left are unchanged", built_by=same_as)
            ctx.facts["dbt"] = {"skipped": True, "built_by": same_as}
            return {"skipped": 1}
        with ctx.meter("dbt build", unit="nodes") as progress:
            counts = run_dbt("build", ctx.warehouse, variables, target_path=ctx.warehouse.parent / "dbt_target",
                             on_node=progress.advance, settings=ctx.settings)
        conn = connect_warehouse(ctx.warehouse, ctx.settings)
        try:
            record_build(conn, ctx.run_id, build_inputs(conn, variables))
        finally:
            conn.close()
        ctx.log("dbt", f"dbt build: {counts}; built because {why}")
        ctx.facts["dbt"] = {"skipped": False, "counts": counts, "why": why}
    return counts


def planned_writes(conn: duckdb.DuckDBPyConnection) -> list[PlannedWrite]:
    rows = conn.execute(
        "select run_id, message_id, system, object, record_id, action, payload, prior, idempotency_key, "
        "determination, reason, lookup_email, opportunity_id from marts.fct_actions where gate in ('auto', 'approved') "
        "order by system, object, record_id, message_id"
    ).fetchall()
    return [
        PlannedWrite(run_id=r[0], message_id=r[1], system=r[2], object=r[3], record_id=r[4], action=r[5],
                     payload=json.loads(r[6] or "{}"), prior=json.loads(r[7] or "{}"), idempotency_key=r[8],
                     determination=r[9], reason=r[10], lookup_email=r[11], opportunity_id=r[12])
        for r in rows
    ]


def matched_record_count(conn: duckdb.DuckDBPyConnection) -> int:
    """Distinct records the run's messages matched, counted as the deactivation guard counts targets
    (in the systems whose `System.matched` is set)."""

    return conn.execute(
        "select count(*) from (select distinct system, object, record_id from marts.fct_actions "
        "where record_id is not null and list_contains(?::varchar[], system))", [registry.matched_systems()]
    ).fetchone()[0]


def act(ctx: RunContext, conn: duckdb.DuckDBPyConnection, writers: dict) -> Any:
    """Execute the rows gated `auto`, or `approved` by a reviewer (apply), or list them (plan); DESIGN §10."""
    if ctx.settings.data_quality:  # the Dagster path validates inputs in the landing assets' checks
        try:
            guard(conn, ctx.run_id, ctx.mode)
        except InputExpectationsFailed:
            build_docs(ctx.run_dir)  # the failing expectations, readable in the run folder
            raise
    with ctx.stage("act"):
        writes = planned_writes(conn)
        if ctx.settings.salesforce_weekly_rollup and "salesforce" in writers:
            # lazy: only runs with the weekly roll-up on need it
            from autoresponder.systems.salesforce.rollup import rollup_writes

            writes += rollup_writes(conn, as_of=ctx.as_of, run_id=ctx.run_id)
        with ctx.meter(f"act ({ctx.mode})", len(writes), unit="writes") as progress:
            report = execute(conn, writes, writers, mode=ctx.mode, run_id=ctx.run_id,
                             max_deactivation_share=ctx.settings.max_deactivation_share,
                             matched_count=matched_record_count(conn), resume_unfinished=True,
                             progress=progress.advance)
        ctx.log("act", f"{ctx.mode}: {len(writes)} planned auto writes", counts=report.counts,
                errors=report.errors)
    ctx.facts["execution"] = report
    return report


def report(ctx: RunContext, conn: duckdb.DuckDBPyConnection, systems: Connections, writers: dict) -> dict:
    """Write the run folder (DESIGN §8) and the impact report."""
    check_outputs(ctx, conn)
    with ctx.stage("report"):
        impact = write_run_folder(ctx, conn, systems, writers)
    notify(ctx, conn)
    return impact


def notify(ctx: RunContext, conn: duckdb.DuckDBPyConnection) -> list[dict]:
    """Mail each role its part of the run folder (DESIGN §9). A mail problem never fails the run:
    the messages stay under `notifications/` and `ops.notifications` says what happened."""
    with ctx.stage("notify"):
        try:
            outcomes = send_run_notifications(ctx, conn)
        except Exception as exc:  # noqa: BLE001 - logged; the documents are already written
            outcomes = [{"role": "*", "status": "error", "reply": f"{type(exc).__name__}: {exc}"}]
        for o in outcomes:
            ctx.log("notify", f"{o['role']}: {o['status']}" + (f" ({o['reply']})" if o.get("reply") else ""))
    ctx.facts["notifications"] = outcomes
    return outcomes


# --- wiring -------------------------------------------------------------------------------------

def build_writers(ctx: RunContext, systems: Connections, conn: duckdb.DuckDBPyConnection) -> dict:
    """The run's writer of every registered system that can write (`System.writer`)."""

    writers: dict[str, Any] = {}
    for system in registry.systems():
        if system.writer is None:
            continue
        writer = system.writer(ctx, systems.get(system.name), conn)
        if writer is not None:
            writers[system.name] = writer
    return writers


def run_pipeline(ctx: RunContext, systems: Connections) -> dict:
    """Run every stage in order; returns the impact report as a dict."""
    ctx.log("run", f"run {ctx.run_id} mode={ctx.mode} as_of={ctx.as_of} sources={ctx.sources_dir}")
    conn = connect_warehouse(ctx.warehouse, ctx.settings)
    try:
        land(ctx, conn, systems)
        check_inputs(ctx, conn)
        classify(ctx, conn, systems)
    finally:
        conn.close()
    transform(ctx)
    conn = connect_warehouse(ctx.warehouse, ctx.settings)
    try:
        writers = build_writers(ctx, systems, conn)
        execution = act(ctx, conn, writers)
        impact = report(ctx, conn, systems, writers)
    finally:
        conn.close()
    if getattr(execution, "stopped", None):  # a guard stopped writes: the report says why, then exit 4
        raise RunStopped(execution.stopped)
    return impact
