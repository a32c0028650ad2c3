"""What an upload does, apart from HTTP (issue 10, DESIGN §7).

* `multipub_upload`: the reviewed `multipub_audit` file with its Yes/No `decision` column. Every
  decided row is stored with who uploaded it and when; the Yes rows not mailed before are mailed
  to Client Services (`notify_multipub_subscriber_followup_from_upload`) as one message. The same
  file twice, or a row already mailed, sends nothing again.
* `human_review_upload`: the reviewed `output_document_human_review` file with its `approve`
  column. Approved messages: their held writes become `approved` in `marts.fct_actions` at the
  next dbt build and the next `apply` executes them through the write log; rejected messages are
  remembered (with the reply's fingerprint), so the same reply is not asked about again.

Everything is checked before anything is stored (one transaction), so a rejected upload leaves
no trace but its error message.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from autoresponder.notify import send
from autoresponder.notify.roles import notify_multipub_subscriber_followup_from_upload
from autoresponder.report.csv_safe import write_csv
from autoresponder.review.parse import BadUpload, decision, read_table

# The review tables are dbt's: `ensure_review_tables` (dbt_project/macros/review.sql, DuckDB and SQL
# Server) creates them before every dbt invocation, and `__sources.yml` declares them. Any run that
# produced a document to review has therefore created them; this module only writes rows.
REVIEW_TABLES = ("uploads", "multipub_decisions", "human_review_decisions")

MULTIPUB_REQUIRED = ("message_id", "subscription_id", "decision")
HUMAN_REVIEW_REQUIRED = ("message_id", "approve")


def require_review_tables(conn: duckdb.DuckDBPyConnection) -> None:
    """Refuse (409) an upload to a warehouse no dbt build has prepared: nothing to review yet."""
    missing = [t for t in REVIEW_TABLES if not _table_exists(conn, "review", t)]
    if missing:
        raise BadUpload(409, f"no run has built this warehouse yet (review.{', review.'.join(missing)} missing; "
                             "dbt creates them); run the pipeline first")


def _table_exists(conn, schema: str, table: str) -> bool:
    return bool(conn.execute("select count(*) from information_schema.tables where table_schema = ? "
                             "and table_name = ?", [schema, table]).fetchone()[0])


def _query(conn, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _previous(conn, kind: str, sha: str) -> dict | None:
    rows = _query(conn, "select * from review.uploads where kind = ? and file_sha256 = ? order by uploaded_at "
                        "limit 1", [kind, sha])
    return rows[0] if rows else None


def _upload_id(kind: str, reviewer: str, now: datetime) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reviewer.lower()).strip("-") or "reviewer"
    return f"{now.strftime('%Y%m%dT%H%M%S%f')[:-3]}Z-{kind}-{slug}"


def _keep_file(uploads_dir: Path, upload_id: str, filename: str, data: bytes) -> Path:
    d = Path(uploads_dir) / upload_id
    d.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(filename or "upload").name) or "upload"
    p = d / safe
    p.write_bytes(data)
    return p


def _unknown(ids: list[str], what: str) -> BadUpload:
    shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    return BadUpload(422, f"unknown message id(s) for {what}: {shown}; upload only rows of the file you "
                          "downloaded (nothing was stored)")


# --- Multipub audit ----------------------------------------------------------------------------

def multipub_upload(conn, settings, *, reviewer: str, filename: str, data: bytes, uploads_dir: Path) -> dict:
    table = read_table(filename, data, MULTIPUB_REQUIRED)
    decided = []
    for r in table.rows:
        d = decision(r.get("decision", ""), row=int(r["__line__"]), column="decision")
        if d is not None:
            decided.append((r["message_id"].strip(), r["subscription_id"].strip(), d))
    require_review_tables(conn)
    sha = hashlib.sha256(data).hexdigest()
    prev = _previous(conn, "multipub_audit", sha)
    if prev is not None:
        return {"status": "duplicate", "upload_id": prev["upload_id"], "stored": 0, "mailed_rows": 0,
                "message": f"this file was already uploaded by {prev['uploaded_by']} at {prev['uploaded_at']}; "
                           "nothing stored or sent again"}
    if not _table_exists(conn, "marts", "output_document_multipub_audit"):
        raise BadUpload(409, "no run has produced a Multipub audit yet; run the pipeline first")
    audit = {(a["message_id"], a["subscription_id"]): a for a in _query(
        conn, "select * from marts.output_document_multipub_audit")}
    unknown = sorted({f"{m} / {s}" for m, s, _ in decided if (m, s) not in audit})
    if unknown:
        raise _unknown(unknown, "the Multipub audit (message_id / subscription_id)")
    mailed_before = {(r["message_id"], r["subscription_id"]) for r in _query(
        conn, "select message_id, subscription_id from review.multipub_decisions where notified_upload_id is not null")}
    now = datetime.now(UTC).replace(tzinfo=None)
    upload_id = _upload_id("multipub", reviewer, now)
    to_mail = [(m, s) for m, s, d in decided if d == "yes" and (m, s) not in mailed_before]
    to_mail = list(dict.fromkeys(to_mail))
    stored = _keep_file(uploads_dir, upload_id, filename, data)
    conn.execute("begin transaction")
    try:
        conn.execute("insert into review.uploads values (?, 'multipub_audit', ?, ?, ?, ?, ?, ?)",
                     [upload_id, filename, sha, reviewer, now, len(decided), str(stored)])
        for m, s, d in decided:
            conn.execute(
                "insert into review.multipub_decisions (message_id, subscription_id, lookup_email, decision, "
                "upload_id, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id, "
                "subscription_id) do update set decision = excluded.decision, upload_id = excluded.upload_id, "
                "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                [m, s, audit[(m, s)].get("lookup_email"), d, upload_id, reviewer, now])
        for m, s in to_mail:
            conn.execute("update review.multipub_decisions set notified_upload_id = ? where message_id = ? "
                         "and subscription_id = ?", [upload_id, m, s])
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    mail = _mail_confirmed(conn, settings, to_mail, audit, reviewer=reviewer, upload_id=upload_id,
                           filename=filename, folder=stored.parent)
    return {"status": "stored", "upload_id": upload_id, "stored": len(decided),
            "yes": sum(1 for *_, d in decided if d == "yes"), "no": sum(1 for *_, d in decided if d == "no"),
            "mailed_rows": len(to_mail), "mail": mail,
            "message": f"{len(decided)} decisions stored; {len(to_mail)} new Yes rows mailed to Client Services"}


def _mail_confirmed(conn, settings, keys, audit, *, reviewer, upload_id, filename, folder: Path) -> dict | None:
    if not keys:
        return None
    rows = [{**audit[k], "decision": "Yes", "confirmed_by": reviewer} for k in keys]
    path = write_csv(folder / "multipub_followup_confirmed.csv", rows)
    n = notify_multipub_subscriber_followup_from_upload(path, uploaded_by=reviewer, upload_id=upload_id,
                                                        rows=len(rows), source_file=filename)
    if n is None:
        return None
    return send(conn, settings, n, folder, mode="apply", run_id=f"upload-{upload_id}")


# --- human review approvals -----------------------------------------------------------------------

def human_review_upload(conn, settings, *, reviewer: str, filename: str, data: bytes, uploads_dir: Path) -> dict:
    table = read_table(filename, data, HUMAN_REVIEW_REQUIRED)
    decided: dict[str, str] = {}
    for r in table.rows:
        d = decision(r.get("approve", ""), row=int(r["__line__"]), column="approve")
        if d is not None:
            decided[r["message_id"].strip()] = "approve" if d == "yes" else "reject"
    require_review_tables(conn)
    sha = hashlib.sha256(data).hexdigest()
    prev = _previous(conn, "human_review", sha)
    if prev is not None:
        return {"status": "duplicate", "upload_id": prev["upload_id"], "approved": 0, "rejected": 0,
                "message": f"this file was already uploaded by {prev['uploaded_by']} at {prev['uploaded_at']}; "
                           "nothing stored again"}
    if not _table_exists(conn, "marts", "output_document_human_review"):
        raise BadUpload(409, "no run has produced a human-review document yet; run the pipeline first")
    open_items = {r["message_id"]: r for r in _query(
        conn, "select message_id, review_fingerprint, review_reason from marts.output_document_human_review")}
    already = {r["message_id"]: r for r in _query(
        conn, "select message_id, decision, decided_by, decided_at from review.human_review_decisions")}
    unknown = sorted(m for m in decided if m not in open_items and m not in already)
    if unknown:
        raise _unknown(unknown, "the human-review document")
    new = {m: d for m, d in decided.items() if m not in already}
    now = datetime.now(UTC).replace(tzinfo=None)
    upload_id = _upload_id("review", reviewer, now)
    stored = _keep_file(uploads_dir, upload_id, filename, data)
    conn.execute("begin transaction")
    try:
        conn.execute("insert into review.uploads values (?, 'human_review', ?, ?, ?, ?, ?, ?)",
                     [upload_id, filename, sha, reviewer, now, len(new), str(stored)])
        for m, d in new.items():
            item = open_items[m]
            conn.execute("insert into review.human_review_decisions values (?, ?, ?, ?, ?, ?, ?)",
                         [m, d, item["review_fingerprint"], item["review_reason"], upload_id, reviewer, now])
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    # the writes the next apply makes of an approval: the same rule as `decided` in fct_actions.sql
    held = _query(conn, "select message_id, count(*) as n from marts.fct_actions where gate = 'review' and "
                        "system in ('cupola', 'hodor', 'salesforce', 'hubspot', 'sfmc') and action in "
                        "('mark_inactive', 'update_email', 'update_title', 'suppress', 'record_bounce') "
                        "and record_id is not null "
                        "and list_contains(?::varchar[], message_id) group by 1",
                  [[m for m, d in new.items() if d == "approve"]])
    approved = [m for m, d in new.items() if d == "approve"]
    return {"status": "stored", "upload_id": upload_id,
            "approved": len(approved), "rejected": sum(1 for d in new.values() if d == "reject"),
            "writes_on_next_apply": sum(int(r["n"]) for r in held),
            "approved_without_writes": sorted(set(approved) - {r["message_id"] for r in held}),
            "already_decided": [{"message_id": m, "decision": already[m]["decision"],
                                 "decided_by": already[m]["decided_by"]} for m in decided if m in already],
            "message": f"{len(approved)} approved (written by the next apply run), "
                       f"{sum(1 for d in new.values() if d == 'reject')} rejected (remembered)"}


def to_json(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))
