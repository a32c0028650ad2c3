"""Every file of a run folder `runs/<run_id>/` (DESIGN §8).

Documents are dbt models (schema `marts`) exported as neutralised CSV (and JSON where §8 asks);
audit files come from the executor's report and the write log. The models keep the rows of every
run with the run that landed the message (`run_id`); a run folder holds only its own run's rows,
so a re-run with nothing new writes documents with headers only.

A run's messages are "issued" when an `apply` run has written their documents
(`report.issued_runs`). Messages of a run that never got there — killed before its report, or a
`plan` run, whose documents are a preview — are carried into the next run's documents with their
own `run_id`, so no message misses its documents and none is issued twice by apply runs.
"""

from __future__ import annotations

from typing import Any

import duckdb

from autoresponder.act.audit import cupola_audit_rows_from_log
from autoresponder.act.rollback import rollback_plan_rows
from autoresponder.act.write_log import ensure_write_log, fetch_rows
from autoresponder.models import PlannedWrite
from autoresponder.report import cumulative, out_of_office
from autoresponder.report.csv_safe import write_csv, write_json, write_query
from autoresponder.report.handoff import HandoffFile, read_rows
from autoresponder.report.impact import build_impact, impact_markdown
from autoresponder.report.suppression import FILE_NAME as SUPPRESSION_FILE
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


ISSUED_DDL = """
create schema if not exists report;
create table if not exists report.issued_runs (
    run_id varchar primary key,
    issued_by_run varchar,
    issued_at timestamp default current_timestamp
);
"""


def document_run_ids(conn: duckdb.DuckDBPyConnection, run_id: str) -> list[str]:
    """`run_id` first, then every earlier run whose messages no apply run has issued documents for.
    Rows landed before runs were recorded (`unrecorded`) are never carried."""
    conn.execute(ISSUED_DDL)
    rows = conn.execute(
        "select distinct run_id from marts.fct_message_outcomes where run_id <> ? and run_id <> 'unrecorded' "
        "and run_id not in (select run_id from report.issued_runs) order by run_id", [run_id]).fetchall()
    return [run_id, *(r[0] for r in rows)]


def mark_issued(conn: duckdb.DuckDBPyConnection, ctx, run_ids: list[str]) -> None:
    """An apply run's report issues the documents of `run_ids`; a plan run issues nothing."""
    if ctx.mode != "apply":
        return
    conn.execute(ISSUED_DDL)
    conn.execute("insert or ignore into report.issued_runs (run_id, issued_by_run) "
                 "select unnest(?::varchar[]), ?", [run_ids, ctx.run_id])


def query_table(conn: duckdb.DuckDBPyConnection, sql: str,
                params: list | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """(column names, rows): the columns are known even when no row is, so empty files keep headers."""
    cur = conn.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return cols, [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def query_rows(conn: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    return query_table(conn, sql, params)[1]


# the classification of the messages `run_ids` landed (parameter: run_ids), and its order
CLASSIFIER_SQL = ("select e.landed_run_id as run_id, e.file_path as path, c.* exclude (replacements), c.replacements "
                  "from classification.classified_messages c join raw.emails e using (message_id) "
                  "where list_contains(?::varchar[], e.landed_run_id)")
CLASSIFIER_ORDER = ["run_id", "path", "message_id"]


def document_sql(model: str) -> str:
    """The rows of one document model for the messages of the runs given as parameter (written
    in the order of all their columns)."""
    return f"select * from marts.{model} where list_contains(?::varchar[], run_id)"


def write_documents(ctx, conn: duckdb.DuckDBPyConnection, runs: list[str], link) -> None:
    """The document files (CSV, and JSON where §8 asks) and the classifier output of `runs`,
    streamed from the warehouse in batches; `link(name, rows)` is told each file written."""
    d = ctx.run_dir
    with ctx.meter("report documents", len(DOCUMENTS), unit="documents") as progress:
        for model, stem, as_json in DOCUMENTS:
            n = write_query(conn, document_sql(model), [runs], csv_path=d / f"{stem}.csv",
                            json_path=d / f"{stem}.json" if as_json else None)
            link(f"{stem}.csv", n)
            if as_json:
                link(f"{stem}.json", n)
            progress.advance()
    n = write_query(conn, CLASSIFIER_SQL, [runs], csv_path=d / "classifier_output.csv",
                    json_path=d / "classifier_output.json", order_by=CLASSIFIER_ORDER)
    link("classifier_output.csv", n)
    link("classifier_output.json", n)


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
    documents: dict[str, dict[str, Any]] = {}  # file name -> {"path": relative to the run folder, "rows"}

    def link(name: str, rows: int | None) -> None:
        documents[name] = {"path": name, "rows": rows}

    runs = document_run_ids(conn, ctx.run_id)
    write_documents(ctx, conn, runs, link)

    ensure_write_log(conn)  # a plan run has written nothing yet: the audit files are then empty
    audit = cupola_audit_rows_from_log(conn, ctx.run_id)
    write_csv(d / "cupola_audit_log.csv", audit)
    write_json(d / "cupola_audit_log.json", audit)
    write_csv(d / "cupola_audit_log_rollback_plan.csv", rollback_plan_rows(conn, ctx.run_id))
    log_rows = fetch_rows(conn, run_id=ctx.run_id)  # this run's writes, read once for the files below
    write_csv(d / "write_log.csv", log_rows)
    # hand-offs: the act stage appended and fsynced this run's rows; the files exist even when empty
    HandoffFile(d / HODOR_FILE, HODOR_COLUMNS, HODOR_KEY).ensure()
    add_bounces(d, query_rows(conn, "select run_id, email, reason, message_id from marts.marketing_suppression "
                                    "where source = 'bounce' and list_contains(?::varchar[], run_id) "
                                    "order by run_id, email", [runs]))
    link(SUPPRESSION_FILE, len(read_rows(d / SUPPRESSION_FILE)))
    hodor = hodor_import_of_run(conn, ctx.run_id, log_rows)
    hodor.write_verification(d / "hodor_prospect_import_verification.csv")
    link("cupola_audit_log.csv", len(audit))
    link("write_log.csv", len(log_rows))
    for name in ("cupola_audit_log.json", "cupola_audit_log_rollback_plan.csv", "hodor_pending_actions.csv",
                 "hodor_prospect_import_verification.csv", "stage_execution.log"):
        if (d / name).exists():
            link(name, None)

    back_now = out_of_office.back_now_rows(conn, ctx.run_id, ctx.as_of)  # issue 10: whom to write again
    write_csv(d / out_of_office.FILE_NAME, back_now, columns=out_of_office.COLUMNS)
    link(out_of_office.FILE_NAME, len(back_now))
    for name in (cumulative.PNG, cumulative.MARKDOWN):
        link(name, None)

    impact = build_impact(ctx, conn, systems, writers, log_rows, documents=dict(sorted(documents.items())),
                          runs=runs)
    impact["out_of_office"] = {"tracked": out_of_office.tracked_count(conn, runs), "back_now": len(back_now)}
    across = cumulative.write(conn, d, impact, log_rows, runs)
    impact["across_runs"] = across["totals"]
    write_json(d / "impact_report.json", impact)
    (d / "impact_report.md").write_text(
        impact_markdown(impact)
        + f"\n## Out of office\n\n* Tracked this run: {impact['out_of_office']['tracked']} · back now (date "
          f"passed, listed once): {len(back_now)} — [{out_of_office.FILE_NAME}]({out_of_office.FILE_NAME})\n\n"
        + across["markdown"], encoding="utf-8")
    ctx.facts["impact_across_runs"] = across
    if ctx.mode == "apply":
        out_of_office.mark_listed(conn, back_now, ctx.run_id)
    mark_issued(conn, ctx, runs)
    ctx.log("report", "run folder written", files=sorted(p.name for p in d.iterdir()))
    return impact
