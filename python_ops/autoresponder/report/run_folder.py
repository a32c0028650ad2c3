"""Every file of a run folder `runs/<run_id>/` (DESIGN §8).

Documents are dbt models (schema `marts`) exported as neutralised CSV (and JSON where §8 asks);
audit files come from the executor's report and the write log.
"""

from __future__ import annotations

from typing import Any

import duckdb

from autoresponder.act.audit import cupola_audit_rows_from_log
from autoresponder.act.rollback import rollback_plan_rows
from autoresponder.act.write_log import ensure_write_log, fetch_rows
from autoresponder.models import PlannedWrite
from autoresponder.report.csv_safe import write_csv, write_json
from autoresponder.report.handoff import HandoffFile
from autoresponder.report.impact import build_impact, impact_markdown
from autoresponder.report.suppression import add_bounces
from autoresponder.systems.hodor.prospect_import import FILE_COLUMNS as HODOR_COLUMNS
from autoresponder.systems.hodor.prospect_import import FILE_NAME as HODOR_FILE
from autoresponder.systems.hodor.prospect_import import KEY_COLUMN as HODOR_KEY
from autoresponder.systems.hodor.prospect_import import HodorProspectImport

# (dbt model in schema marts, file stem, also JSON?)
DOCUMENTS: tuple[tuple[str, str, bool], ...] = (
    ("processing_report_master", "processing_report_master", True),
    ("output_document_email_update_requests", "output_document_email_update_requests", False),
    ("output_document_inactive_no_cupola_match", "output_document_inactive_no_cupola_match", False),
    ("output_document_human_review", "output_document_human_review", False),
    ("output_document_inactive_new_org", "output_document_inactive_new_org", False),
    ("output_document_alternate_contacts", "output_document_alternate_contacts", False),
    ("output_document_multipub_audit", "output_document_multipub_audit", False),
    ("output_document_undeliverables", "output_document_undeliverables", False),
    ("output_document_undetermined_senders", "output_document_undetermined_senders", False),
    ("human_review_metadata", "human_review_metadata", False),
    ("out_of_office_tracking", "out_of_office_tracking", False),
    ("fct_actions", "fct_actions", False),
)


def query_rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def classifier_rows(conn: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return query_rows(
        conn,
        "select e.file_path as path, c.* exclude (replacements), c.replacements "
        "from classification.classified_messages c join raw.emails e using (message_id) order by e.file_path",
    )


def hodor_import_of_run(conn: duckdb.DuckDBPyConnection, run_id: str,
                        rows: list[dict[str, Any]]) -> HodorProspectImport:
    """The Prospect Import rows of this run's queued Hodor writes (`rows`: the run's write-log
    rows), rebuilt from the log for the verification file (the import file itself is written
    durably by the writer in the act stage)."""
    hodor = HodorProspectImport.from_warehouse(conn)
    hodor.apply([
        PlannedWrite(run_id=run_id, message_id=r["message_id"], system=r["system"], object=r["object"],
                     record_id=r["record_id"], action=r["action"], payload=r["payload"], prior=r["prior"],
                     idempotency_key=r["idempotency_key"])
        for r in rows if r["system"] == "hodor" and r["status"] == "queued"
    ])
    return hodor


def write_run_folder(ctx, conn: duckdb.DuckDBPyConnection, systems, writers: dict) -> dict:
    """Write the documents, audit logs and impact report; returns the impact dict."""
    d = ctx.run_dir
    for model, stem, as_json in DOCUMENTS:
        rows = query_rows(conn, f"select * from marts.{model}")
        write_csv(d / f"{stem}.csv", rows)
        if as_json:
            write_json(d / f"{stem}.json", rows)
    rows = classifier_rows(conn)
    write_csv(d / "classifier_output.csv", rows)
    write_json(d / "classifier_output.json", rows)

    ensure_write_log(conn)  # a plan run has written nothing yet: the audit files are then empty
    audit = cupola_audit_rows_from_log(conn, ctx.run_id)
    write_csv(d / "cupola_audit_log.csv", audit)
    write_json(d / "cupola_audit_log.json", audit)
    write_csv(d / "cupola_audit_log_rollback_plan.csv", rollback_plan_rows(conn, ctx.run_id))
    log_rows = fetch_rows(conn, run_id=ctx.run_id)  # this run's writes, read once for the files below
    write_csv(d / "write_log.csv", log_rows)
    # hand-offs: the act stage appended and fsynced this run's rows; the files exist even when empty
    HandoffFile(d / HODOR_FILE, HODOR_COLUMNS, HODOR_KEY).ensure()
    add_bounces(d, query_rows(conn, "select email, reason, message_id from marts.marketing_suppression "
                                    "where source = 'bounce'"))
    hodor = hodor_import_of_run(conn, ctx.run_id, log_rows)
    hodor.write_verification(d / "hodor_prospect_import_verification.csv")

    impact = build_impact(ctx, conn, systems, writers, log_rows)
    write_json(d / "impact_report.json", impact)
    (d / "impact_report.md").write_text(impact_markdown(impact), encoding="utf-8")
    ctx.log("report", "run folder written", files=sorted(p.name for p in d.iterdir()))
    return impact
