"""`ops.notifications`: one row per notification, the notifier's memory (issue 10, DESIGN §9).

A row is inserted before the send with the `.eml` already on disk (a failed send loses nothing:
the message, with its attachments, stays in the run folder), then marked with the outcome and
the server's own reply. `notification_key` is the SHA-256 of the role, the scope (the run, or an
upload) and the exact attachments, so a re-run of the same run's notifications sends only what
was not delivered.

Statuses: `sent` (final), `failed` (transient errors exhausted, or a permanent refusal; a later
`autoresponder notify RUN_ID` tries again), `not_sent` (no SMTP relay configured), `preview`
(a plan run: its documents are a preview, nothing is mailed).
"""

from __future__ import annotations

import json
from typing import Any

DDL = """
create schema if not exists ops;
create table if not exists ops.notifications (
    notification_key varchar primary key,
    run_id varchar,
    role varchar not null,
    function varchar not null,
    recipients json,
    cc json,
    subject varchar,
    attachments json,
    status varchar not null,
    server_reply varchar,
    attempts integer not null default 0,
    eml_path varchar,
    created_at timestamp not null default current_timestamp,
    updated_at timestamp not null default current_timestamp
);
"""
COLUMNS = ("notification_key", "run_id", "role", "function", "recipients", "cc", "subject", "attachments",
           "status", "server_reply", "attempts", "eml_path", "created_at", "updated_at")
FINAL = ("sent",)


def ensure(conn: Any) -> None:
    conn.execute(DDL)


def status_of(conn: Any, key: str) -> str | None:
    row = conn.execute("select status from ops.notifications where notification_key = ?", [key]).fetchone()
    return row[0] if row else None


def upsert(conn: Any, *, key: str, run_id: str | None, role: str, function: str, recipients: list[str],
           cc: list[str], subject: str, attachments: list[str], status: str, eml_path: str) -> None:
    conn.execute(
        "insert into ops.notifications (notification_key, run_id, role, function, recipients, cc, subject, "
        "attachments, status, eml_path) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "on conflict (notification_key) do update set status = excluded.status, "
        "recipients = excluded.recipients, cc = excluded.cc, eml_path = excluded.eml_path, updated_at = now()",
        [key, run_id, role, function, json.dumps(recipients), json.dumps(cc), subject, json.dumps(attachments),
         status, eml_path])


def mark(conn: Any, key: str, status: str, reply: str, attempts: int) -> None:
    conn.execute("update ops.notifications set status = ?, server_reply = ?, attempts = attempts + ?, "
                 "updated_at = now() where notification_key = ?", [status, reply, int(attempts), key])


def rows(conn: Any, run_id: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    sql = f"select {', '.join(COLUMNS)} from ops.notifications where true"
    params: list[Any] = []
    if run_id is not None:
        sql += " and run_id = ?"
        params.append(run_id)
    if status is not None:
        sql += " and status = ?"
        params.append(status)
    out = []
    for v in conn.execute(sql + " order by created_at, role", params).fetchall():
        r = dict(zip(COLUMNS, v, strict=True))
        for k in ("recipients", "cc", "attachments"):
            r[k] = json.loads(r[k]) if r[k] else []
        out.append(r)
    return out
