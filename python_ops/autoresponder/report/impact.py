"""The per-run impact report (DESIGN §8): processed, deactivated, added, by determination and
system, API calls, LLM calls and tokens. Built from the marts and the executor's report."""

from __future__ import annotations

from collections import Counter
from typing import Any

import duckdb


def _counts(conn: duckdb.DuckDBPyConnection, sql: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in conn.execute(sql).fetchall()}


def _writes(rows: list[dict[str, Any]]) -> dict[str, Counter]:
    """{'deactivated': Counter('system.object'), 'added': ..., ...} from this run's succeeded writes."""
    out = {"deactivated": Counter(), "added": Counter(), "updated": Counter(), "reactivated": Counter()}
    kind = {"mark_inactive": "deactivated", "create": "added", "update_email": "updated",
            "update_title": "updated", "reactivate": "reactivated"}
    for r in rows:
        if r["status"] == "succeeded" and r["action"] in kind and r["system"] != "sfmc":
            out[kind[r["action"]]][f"{r['system']}.{r['object']}"] += 1
    return out


def _by_system_status(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, Counter] = {}
    for r in rows:
        out.setdefault(r["system"], Counter())[r["status"]] += 1
    return {s: dict(c) for s, c in sorted(out.items())}


def build_impact(ctx, conn: duckdb.DuckDBPyConnection, systems, writers: dict,
                 log_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """`log_rows`: this run's `ops.write_log` rows; `writers`: the writers that ran, if any."""
    execution = ctx.facts.get("execution")
    classification = ctx.facts.get("classification") or {}
    writes = _writes(log_rows)
    outcomes = _counts(conn, "select outcome, count(*) from marts.fct_message_outcomes group by 1 order by 1")
    sf_writer = writers.get("salesforce")
    if getattr(systems, "salesforce_counts", None):
        sf_server = dict(systems.salesforce_counts())  # counted by the emulator, every request
    else:
        sf_server = dict(getattr(sf_writer, "request_counts", {}) or {})  # a real org: our writer's count
    cupola = getattr(systems, "cupola", None)
    impact = {
        "run_id": ctx.run_id,
        "as_of": ctx.as_of,
        "mode": ctx.mode,
        "total_processed": int(conn.execute("select count(*) from marts.fct_message_outcomes").fetchone()[0]),
        "landing": ctx.facts.get("landing", {}),
        "records_deactivated": sum(writes["deactivated"].values()),
        "new_records_added": sum(writes["added"].values()),
        "records_updated": sum(writes["updated"].values()),
        "deactivated_by_system": dict(writes["deactivated"]),
        "added_by_system": dict(writes["added"]),
        "updated_by_system": dict(writes["updated"]),
        "by_determination": _counts(
            conn, "select determination, count(*) from marts.fct_message_outcomes group by 1 order by 1"),
        "by_outcome": outcomes,
        "review_reasons": _counts(
            conn, "select review_reason, count(*) from marts.fct_message_outcomes "
                  "where outcome = 'manual_review' group by 1 order by 1"),
        "counters": {
            "skipped_unknown_determination": outcomes.get("skipped_unknown", 0),
            "skipped_no_contact": outcomes.get("skipped_no_contact", 0),
            "skipped_already_inactive_at_org": int(conn.execute(
                "select count(distinct message_id) from marts.fct_actions where system = 'cupola' "
                "and gate_reason = 'ALREADY_INACTIVE_AT_ORG'").fetchone()[0]),
        },
        "actions_by_system_and_gate": {
            f"{s}.{g}": int(n) for s, g, n in conn.execute(
                "select system, gate, count(*) from marts.fct_actions group by 1, 2 order by 1, 2").fetchall()
        },
        "writes_by_system": _by_system_status(log_rows),
        "planned_auto_writes": int(conn.execute(
            "select count(*) from marts.fct_actions where gate = 'auto'").fetchone()[0]),
        "write_errors": dict(execution.errors) if execution is not None else {},
        "failed_writes": [  # exit code 3: each failed write with the remote's own message
            {k: r.get(k) for k in ("system", "object", "record_id", "action", "status", "remote_message")}
            for r in log_rows if str(r.get("status", "")).startswith("failed")],
        "api_calls": {
            "salesforce_requests": sum(sf_server.values()),
            "salesforce_requests_by_kind": sf_server,
            "salesforce_writer_requests_by_kind": dict(getattr(sf_writer, "request_counts", {}) or {}),
            "cupola_procedure_calls": len(cupola.procedure_calls()) if hasattr(cupola, "procedure_calls") else None,
        },
        "llm": {
            "calls": int(classification.get("llm_calls", 0) or 0),
            "tokens": int(classification.get("llm_tokens", 0) or 0),
        },
        "stage_seconds": dict(ctx.stage_seconds),
    }
    return impact


def _table(rows: dict[str, Any], head: tuple[str, str]) -> list[str]:
    if not rows:
        return ["_none_", ""]
    lines = [f"| {head[0]} | {head[1]} |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in rows.items()]
    return lines + [""]


def impact_markdown(impact: dict[str, Any]) -> str:
    lines = [
        f"# Impact report — run {impact['run_id']}",
        "",
        f"Run date (as of): {impact['as_of']} · mode: **{impact['mode']}**",
        "",
        f"* **Total emails processed:** {impact['total_processed']}",
        f"* **Records deactivated:** {impact['records_deactivated']}",
        f"* **New records added:** {impact['new_records_added']}",
        f"* **Records updated (email / title):** {impact['records_updated']}",
        f"* Salesforce API requests: {impact['api_calls']['salesforce_requests']}",
        f"* LLM calls: {impact['llm']['calls']} ({impact['llm']['tokens']} tokens)",
        "",
        "## By determination",
        "",
        *_table(impact["by_determination"], ("determination", "messages")),
        "## By outcome",
        "",
        *_table(impact["by_outcome"], ("outcome", "messages")),
        "## Manual review reasons",
        "",
        *_table(impact["review_reasons"], ("reason", "messages")),
        "## Writes by system",
        "",
        *_table({f"{s}.{st}": n for s, c in impact["writes_by_system"].items() for st, n in c.items()},
                ("system.status", "writes")),
        "## Counters",
        "",
        *_table(impact["counters"], ("counter", "value")),
        "## Salesforce requests by kind",
        "",
        *_table(impact["api_calls"]["salesforce_requests_by_kind"], ("kind", "requests")),
    ]
    if impact.get("write_errors"):
        lines += ["## Write errors", "", *_table(impact["write_errors"], ("system", "error"))]
    if impact.get("failed_writes"):
        lines += ["## Failed writes", "", "| system | object | record | action | status | remote message |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| {f['system']} | {f['object']} | {f['record_id']} | {f['action']} | {f['status']} | "
                  f"{str(f['remote_message'] or '').replace('|', '/')} |" for f in impact["failed_writes"]]
    return "\n".join(lines).rstrip() + "\n"
