"""The per-run impact report (DESIGN §8): this run's figures only — messages landed, processed,
parse errors and duplicates (each with its file), by determination / outcome / review reason,
writes by status and system, API calls, LLM calls and tokens, and a link to every document.

Built from the marts filtered on the run (`run_id` = the run that landed the message), this run's
`ops.write_log` rows and the landing tables, so the CLI and Dagster write the same report. The
JSON keys are a contract (docs/contracts.md, "impact_report.json").
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import duckdb

from autoresponder.act import connection_state
from autoresponder.systems import registry

# write-log status -> bucket of the report. `succeeded`: a remote confirmed; `queued`: a file
# hand-off written for a team to import (never confirmed by us); `failed`: retriable or terminal,
# listed with the remote's own message; `skipped`: no-op or conflict; `pending`: outcome unknown
# (a crash), resolved by the next run's heal.
STATUS_BUCKETS = {
    "succeeded": "succeeded", "queued": "queued", "failed_retriable": "failed", "failed_terminal": "failed",
    "skipped_noop": "skipped", "skipped_conflict": "skipped", "pending": "pending",
}
BUCKETS = ("succeeded", "queued", "failed", "skipped", "pending")


def _counts(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> dict[str, int]:
    return {str(k): int(v) for k, v in conn.execute(sql, params or []).fetchall()}


def _scalar(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> int:
    return int(conn.execute(sql, params or []).fetchone()[0] or 0)


def _table_exists(conn: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(_scalar(conn, "select count(*) from information_schema.tables "
                              "where table_schema = ? and table_name = ?", [schema, table]))


def _parse_errors(conn: duckdb.DuckDBPyConnection, runs: list[str]) -> list[dict[str, Any]]:
    """Messages of `runs` whose MIME did not parse cleanly (they still landed and were classified)."""
    rows = conn.execute(
        "select file_path, message_id, parse_error from raw.emails where list_contains(?::varchar[], landed_run_id) "
        "and parse_error is not null order by file_path, message_id", [runs]).fetchall()
    return [{"file": f, "message_id": m, "reason": e} for f, m, e in rows]


def _column_exists(conn: duckdb.DuckDBPyConnection, schema: str, table: str, column: str) -> bool:
    return bool(_scalar(conn, "select count(*) from information_schema.columns "
                              "where table_schema = ? and table_name = ? and column_name = ?", [schema, table, column]))


def _duplicates(conn: duckdb.DuckDBPyConnection, runs: list[str]) -> list[dict[str, Any]]:
    """Files `runs` met under an already landed Message-ID: re-deliveries (same body; not landed again)
    and different messages (landed with `duplicate_of`; every write they would cause goes to review)."""
    out: list[dict[str, Any]] = []
    if _table_exists(conn, "raw", "email_duplicates"):
        rows = conn.execute(
            "select file_path, message_id, duplicate_of_file from raw.email_duplicates "
            "where list_contains(?::varchar[], run_id) order by file_path", [runs]).fetchall()
        out += [{"file": f, "message_id": m, "duplicate_of_file": o, "landed": False, "duplicate_of": m,
                 "to_review": False, "writes_to_review": 0, "status": "re-delivery (same body): not landed again"}
                for f, m, o in rows]
    if _column_exists(conn, "raw", "emails", "duplicate_of"):
        has_marts = _table_exists(conn, "marts", "fct_actions") and _table_exists(conn, "marts", "fct_message_outcomes")
        review = ("(select count(*) from marts.fct_actions a where a.message_id = e.message_id and a.gate = 'review' "
                  "and a.gate_reason = 'DUPLICATE_MESSAGE_ID')" if has_marts else "0")
        outcome = ("(select o.outcome from marts.fct_message_outcomes o where o.message_id = e.message_id)"
                   if has_marts else "null")
        rows = conn.execute(
            f"select e.file_path, e.message_id, e.duplicate_of, f.file_path, {review}, {outcome} "
            "from raw.emails e left join raw.emails f on f.message_id = e.duplicate_of "
            "where e.duplicate_of is not null and list_contains(?::varchar[], e.landed_run_id) "
            "order by e.file_path", [runs]).fetchall()
        for file, key, first, first_file, n_review, outcome_ in rows:
            status = (f"different body: landed; {n_review} write(s) sent to review (DUPLICATE_MESSAGE_ID)" if n_review
                      else f"different body: landed; no write to hold (outcome {outcome_ or 'not planned'})")
            out.append({"file": file, "message_id": key, "duplicate_of_file": first_file, "landed": True,
                        "duplicate_of": first, "to_review": bool(n_review), "writes_to_review": int(n_review or 0),
                        "outcome": outcome_, "status": status})
    return sorted(out, key=lambda d: d["file"])


def _bucket(status: str) -> str:
    return STATUS_BUCKETS.get(status, status)


def _writes_by_status(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """{bucket: {system: n}} over this run's write-log rows; every bucket present, even when empty."""
    out: dict[str, Counter] = {b: Counter() for b in BUCKETS}
    for r in rows:
        out.setdefault(_bucket(r["status"]), Counter())[r["system"]] += 1
    return {b: dict(sorted(c.items())) for b, c in out.items()}


def _failed_writes(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"system": r["system"], "object": r.get("object"), "record_id": r.get("record_id"), "action": r["action"],
         "message_id": r.get("message_id"), "status": r["status"], "attempts": r.get("attempts"),
         "remote_message": r.get("remote_message")}
        for r in sorted(rows, key=lambda r: (r["system"], str(r.get("record_id")), r["idempotency_key"]))
        if _bucket(r["status"]) == "failed"
    ]


def _writes(rows: list[dict[str, Any]]) -> dict[str, Counter]:
    """{'deactivated': Counter('system.object'), 'added': ..., ...} from this run's succeeded writes."""
    out = {"deactivated": Counter(), "added": Counter(), "updated": Counter(), "reactivated": Counter(),
           "bounces_recorded": Counter(), "weekly_rollups": Counter()}
    kind = {"mark_inactive": "deactivated", "create": "added", "update_email": "updated",
            "update_title": "updated", "reactivate": "reactivated", "record_bounce": "bounces_recorded",
            "weekly_rollup": "weekly_rollups"}
    for r in rows:
        if r["status"] == "succeeded" and r["action"] in kind and r["system"] != "sfmc":
            out[kind[r["action"]]][f"{r['system']}.{r['object']}"] += 1
    return out


def _by_system_status(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, Counter] = {}
    for r in rows:
        out.setdefault(r["system"], Counter())[r["status"]] += 1
    return {s: dict(c) for s, c in sorted(out.items())}


def requests_by_system(systems: Any, writers: dict) -> dict[str, dict[str, int]]:
    """{system: {kind: requests}} from each registered system's counter (`System.request_counts`):
    an emulator counts every request it received, a real system our writer's."""
    opened = getattr(systems, "opened", None) or {}
    out: dict[str, dict[str, int]] = {}
    for system in registry.systems():
        if system.request_counts is None:
            continue
        if system.name not in opened and system.name not in writers:
            continue
        counts = system.request_counts(opened.get(system.name), writers.get(system.name))
        out[system.name] = dict(counts or {})
    return out


def build_impact(ctx, conn: duckdb.DuckDBPyConnection, systems, writers: dict,
                 log_rows: list[dict[str, Any]], documents: dict[str, dict[str, Any]] | None = None,
                 runs: list[str] | None = None) -> dict[str, Any]:
    """`log_rows`: this run's `ops.write_log` rows; `writers`: the writers that ran, if any;
    `documents`: {file name: {"path": relative to the run folder, "rows": n or None}}; `runs`: the
    runs whose messages the documents hold (this run first, then runs carried over)."""
    execution = ctx.facts.get("execution")
    classification = ctx.facts.get("classification") or {}
    runs = list(runs or [ctx.run_id])
    run = [runs]  # the query parameter: messages of these runs
    in_runs = "list_contains(?::varchar[], run_id)"
    writes = _writes(log_rows)
    outcomes = _counts(conn, f"select outcome, count(*) from marts.fct_message_outcomes where {in_runs} "
                             "group by 1 order by 1", run)
    parse_errors = _parse_errors(conn, runs)
    duplicates = _duplicates(conn, runs)
    carried = _counts(conn, f"select run_id, count(*) from marts.fct_message_outcomes where {in_runs} "
                            "and run_id <> ? group by 1 order by 1", [runs, ctx.run_id])
    by_status = _writes_by_status(log_rows)
    requests = requests_by_system(systems, writers)
    sf_server = requests.get("salesforce", {})
    sf_writer = writers.get("salesforce")
    cupola = getattr(systems, "cupola", None)
    impact = {
        "run_id": ctx.run_id,
        "as_of": ctx.as_of,
        "mode": ctx.mode,
        "landed_this_run": _scalar(conn, "select count(*) from raw.emails where landed_run_id = ?", [ctx.run_id]),
        "total_processed": _scalar(conn, f"select count(*) from marts.fct_message_outcomes where {in_runs}", run),
        "carried_over": carried,
        "parse_error_count": len(parse_errors),
        "duplicate_count": len(duplicates),
        "parse_errors": parse_errors,
        "duplicates": duplicates,
        "landing": ctx.facts.get("landing", {}),
        "records_deactivated": sum(writes["deactivated"].values()),
        "new_records_added": sum(writes["added"].values()),
        "records_updated": sum(writes["updated"].values()),
        "records_handed_off": sum(by_status.get("queued", {}).values()),
        "deactivated_by_system": dict(writes["deactivated"]),
        "added_by_system": dict(writes["added"]),
        "updated_by_system": dict(writes["updated"]),
        # hard bounces recorded on Salesforce records (EmailBouncedDate/Reason) and weekly roll-up Tasks
        "bounces_recorded": sum(writes["bounces_recorded"].values()),
        "bounces_recorded_by_system": dict(writes["bounces_recorded"]),
        "weekly_rollups_written": sum(writes["weekly_rollups"].values()),
        "by_determination": _counts(
            conn, f"select determination, count(*) from marts.fct_message_outcomes where {in_runs} "
                  "group by 1 order by 1", run),
        "by_outcome": outcomes,
        "review_reasons": _counts(
            conn, "select review_reason, count(*) from marts.fct_message_outcomes "
                  f"where {in_runs} and outcome = 'manual_review' group by 1 order by 1", run),
        "counters": {
            "skipped_unknown_determination": outcomes.get("skipped_unknown", 0),
            "skipped_no_contact": outcomes.get("skipped_no_contact", 0),
            "skipped_already_inactive_at_org": _scalar(
                conn, f"select count(distinct message_id) from marts.fct_actions where {in_runs} and system = 'cupola' "
                      "and gate_reason = 'ALREADY_INACTIVE_AT_ORG'", run),
        },
        "actions_by_system_and_gate": {
            f"{s}.{g}": int(n) for s, g, n in conn.execute(
                f"select system, gate, count(*) from marts.fct_actions where {in_runs} "
                "group by 1, 2 order by 1, 2", run).fetchall()
        },
        "writes": by_status,
        "writes_total": {b: sum(c.values()) for b, c in by_status.items()},
        "failed_writes": _failed_writes(log_rows),
        "writes_by_system": _by_system_status(log_rows),
        "planned_auto_writes": _scalar(
            conn, f"select count(*) from marts.fct_actions where {in_runs} and gate = 'auto'", run),
        "write_errors": dict(execution.errors) if execution is not None else {},
        # file hand-offs on disk (Hodor import, SFMC suppression), not confirmed by a remote
        "handoffs_queued": {s: c["queued"] for s, c in _by_system_status(log_rows).items() if c.get("queued")},
        "stopped": getattr(execution, "stopped", None),
        "api_calls": {
            "salesforce_requests": sum(sf_server.values()),
            "salesforce_requests_by_kind": sf_server,
            "salesforce_writer_requests_by_kind": dict(getattr(sf_writer, "request_counts", {}) or {}),
            "hubspot_requests": sum(requests.get("hubspot", {}).values()),
            "hubspot_requests_by_kind": requests.get("hubspot", {}),
            "cupola_procedure_calls": len(cupola.procedure_calls()) if hasattr(cupola, "procedure_calls") else None,
            "requests_by_system": requests,
        },
        "connections": connection_state.read(conn),
        "llm": {
            "calls": int(classification.get("llm_calls", 0) or 0),
            "tokens": int(classification.get("llm_tokens", 0) or 0),
        },
        "stage_seconds": dict(ctx.stage_seconds),
        "documents": documents or {},
    }
    return impact


def _table(rows: dict[str, Any], head: tuple[str, str]) -> list[str]:
    if not rows:
        return ["_none_", ""]
    lines = [f"| {head[0]} | {head[1]} |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in rows.items()]
    return lines + [""]


def _cell(value: Any) -> str:
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def _list(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> list[str]:
    if not rows:
        return ["_none_", ""]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(r.get(c)) for c in columns) + " |" for r in rows]
    return lines + [""]


def _writes_table(writes: dict[str, dict[str, int]]) -> list[str]:
    systems = sorted({s for c in writes.values() for s in c})
    if not systems:
        return ["_no writes this run_", ""]
    buckets = list(writes)
    lines = ["| system | " + " | ".join(buckets) + " |", "|---|" + "---:|" * len(buckets)]
    lines += [f"| {s} | " + " | ".join(str(writes[b].get(s, 0)) for b in buckets) + " |" for s in systems]
    return lines + [""]


def impact_markdown(impact: dict[str, Any]) -> str:
    t = impact["writes_total"]
    lines = [
        f"# Impact report — run {impact['run_id']}",
        "",
        f"Run date (as of): {impact['as_of']} · mode: **{impact['mode']}** · figures are this run's only",
        "",
        f"* **Messages landed this run:** {impact['landed_this_run']}",
        f"* **Total emails processed:** {impact['total_processed']} (this run's messages)",
        *(["* Of which carried over from earlier runs that issued no documents (killed, or plan): "
           + ", ".join(f"{r}: {n}" for r, n in impact["carried_over"].items())] if impact.get("carried_over") else []),
        f"* **Parse errors:** {impact['parse_error_count']} · **duplicates:** {impact['duplicate_count']}",
        f"* **Records deactivated:** {impact['records_deactivated']}",
        f"* **New records added:** {impact['new_records_added']}",
        f"* **Records updated (email / title):** {impact['records_updated']}",
        f"* **Hard bounces recorded in Salesforce (EmailBouncedDate / Reason):** {impact.get('bounces_recorded', 0)}",
        f"* **Weekly roll-up Tasks written:** {impact.get('weekly_rollups_written', 0)}",
        f"* **Writes:** {t['succeeded']} succeeded (remote confirmed) · {t['queued']} queued (file hand-offs) · "
        f"{t['failed']} failed · {t['skipped']} skipped · {t['pending']} pending",
        f"* Salesforce API requests: {impact['api_calls']['salesforce_requests']}",
        *([f"* HubSpot API requests: {impact['api_calls']['hubspot_requests']}"]
          if impact["api_calls"].get("hubspot_requests_by_kind") else []),
        *[f"* **Connection {c['system']}: error** — {c['last_error']} (last success: {c['last_success_at'] or 'never'})"
          for c in impact.get("connections") or [] if c["status"] == "error"],
        f"* LLM calls: {impact['llm']['calls']} ({impact['llm']['tokens']} tokens)",
        f"* Hand-off rows queued (on disk, not confirmed by a remote): "
        f"{sum((impact.get('handoffs_queued') or {}).values())}",
        *([f"* **Run stopped by a guard:** {impact['stopped']}"] if impact.get("stopped") else []),
        "",
        "## Parse errors",
        "",
        *_list(impact["parse_errors"], ("file", "message_id", "reason")),
        "## Duplicates (same Message-ID as a landed message)",
        "",
        "A re-delivery (same body) is not landed again; a different body lands with `duplicate_of` and every "
        "write it would cause goes to review (`DUPLICATE_MESSAGE_ID`).",
        "",
        *_list(impact["duplicates"], ("file", "message_id", "duplicate_of_file", "status")),
        "## By determination",
        "",
        *_table(impact["by_determination"], ("determination", "messages")),
        "## By outcome",
        "",
        *_table(impact["by_outcome"], ("outcome", "messages")),
        "## Manual review reasons",
        "",
        *_table(impact["review_reasons"], ("reason", "messages")),
        "## Writes by status and system",
        "",
        *_writes_table(impact["writes"]),
        "## Failed writes",
        "",
        *_list(impact["failed_writes"], ("system", "object", "record_id", "action", "status", "remote_message")),
        "## Counters",
        "",
        *_table(impact["counters"], ("counter", "value")),
        "## Salesforce requests by kind",
        "",
        *_table(impact["api_calls"]["salesforce_requests_by_kind"], ("kind", "requests")),
    ]
    if impact["api_calls"].get("hubspot_requests_by_kind"):  # HubSpot configured (off by default)
        lines += ["## HubSpot requests by kind", "",
                  *_table(impact["api_calls"]["hubspot_requests_by_kind"], ("kind", "requests"))]
    requests = (impact["api_calls"].get("requests_by_system") or {})
    if any(requests.get(s) for s in requests if s != "salesforce"):
        lines += ["## Requests by system", "",
                  *_table({s: sum(k.values()) for s, k in requests.items()}, ("system", "requests"))]
    if impact.get("connections"):
        lines += ["## Connections", "",
                  *_list(impact["connections"], ("system", "status", "last_error", "last_success_at", "updated_at"))]
    if impact.get("write_errors"):
        lines += ["## Write errors", "", *_table(impact["write_errors"], ("system", "error"))]
    docs = impact.get("documents") or {}
    lines += ["## Documents", ""]
    if docs:
        lines += [f"* [{name}]({d['path']})" + ("" if d.get("rows") is None else f" — {d['rows']} rows")
                  for name, d in docs.items()]
    else:
        lines += ["_none_"]
    return "\n".join(lines).rstrip() + "\n"
