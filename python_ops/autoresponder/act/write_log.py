"""`ops.write_log`: one row per planned write, the executor's memory (DESIGN §10).

Columns are those of docs/contracts.md; `(system, idempotency_key)` is the primary key.
Lifecycle: a row is inserted `pending` before the writer is called and then marked with the
writer's outcome (`succeeded | queued | failed_retriable | failed_terminal | skipped_noop |
skipped_conflict | skipped_dependency`). A row still `pending` at the start of a run was left by
a crash between the remote write and the log. `succeeded`, `queued` and `skipped_noop` are final:
re-runs skip them.

* `queued`: a file hand-off row (Hodor Prospect Import, SFMC suppression) written and fsynced in
  this run's folder; final for idempotency, but no remote has confirmed it, so the impact report
  counts it apart from `succeeded`.
* `skipped_dependency`: not written because the write it follows did not land (a Hodor row whose
  CUPOLA write failed or was refused); not final, so a later run emits it once CUPOLA succeeds.

A row keeps the `run_id` of the run that planned and first logged it. A later run that takes
the row over (heals a `pending` row a crash left, or retries a failed one) records itself in
`healed_by_run_id`; `fetch_rows(run_id=R)` returns the rows R logged and the rows R finished, so
the rollback of either run covers a healed write (the restoring write's key derives from the
original key, so restoring it twice writes once).

When a writer reports the live value it read just before writing (`WriteOutcome.observed
["prior"]`), that value is merged into `prior`, so the rollback plan restores what was really
there rather than the snapshot's copy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from autoresponder.models import PlannedWrite, WriteOutcome

DONE_STATUSES = ("succeeded", "queued", "skipped_noop")
APPLIED_STATUSES = ("succeeded", "queued")  # this product wrote it (a remote confirmed, or a hand-off on disk)
RECOVERING_STATUSES = ("pending", "failed_retriable")  # the remote may hold the write: heal first
STATUSES = ("pending", "succeeded", "queued", "failed_retriable", "failed_terminal", "skipped_noop",
            "skipped_conflict", "skipped_dependency")

_DDL = """
create schema if not exists ops;
create table if not exists ops.write_log (
    system varchar not null,
    idempotency_key varchar not null,
    run_id varchar not null,
    message_id varchar,
    object varchar,
    record_id varchar,
    action varchar not null,
    payload json,
    prior json,
    status varchar not null,
    attempts integer not null default 0,
    remote_id varchar,
    remote_message varchar,
    created_at timestamp not null default current_timestamp,
    updated_at timestamp not null default current_timestamp,
    healed_by_run_id varchar,
    primary key (system, idempotency_key)
);
alter table ops.write_log add column if not exists healed_by_run_id varchar;
"""
COLUMNS = (
    "system", "idempotency_key", "run_id", "message_id", "object", "record_id", "action", "payload",
    "prior", "status", "attempts", "remote_id", "remote_message", "created_at", "updated_at", "healed_by_run_id",
)  # fmt: skip


def ensure_write_log(conn: Any) -> None:
    """Create schema `ops` and `ops.write_log` when missing."""
    conn.execute(_DDL)


def write_log_exists(conn: Any) -> bool:
    row = conn.execute(
        "select count(*) from information_schema.tables where table_schema = 'ops' and table_name = 'write_log'"
    ).fetchone()
    return bool(row and row[0])


def statuses(conn: Any, writes: Iterable[PlannedWrite]) -> dict[tuple[str, str], str]:
    """Current status of each write already in the log, by (system, idempotency_key)."""
    keys = [(w.system, w.idempotency_key) for w in writes]
    if not keys:
        return {}
    rows = conn.execute(
        "select l.system, l.idempotency_key, l.status from ops.write_log l"
        " join (select unnest(?::varchar[]) as system, unnest(?::varchar[]) as idempotency_key) k"
        " using (system, idempotency_key)",
        [[s for s, _ in keys], [k for _, k in keys]],
    ).fetchall()
    return {(s, k): st for s, k, st in rows}


def succeeded_keys(conn: Any, system: str | None = None) -> set[tuple[str, str]]:
    """(system, key) of every final write (`succeeded`, `queued` or `skipped_noop`)."""
    sql = ("select system, idempotency_key from ops.write_log"
           " where status in ('succeeded', 'queued', 'skipped_noop')")
    params: list[Any] = []
    if system is not None:
        sql += " and system = ?"
        params.append(system)
    return {(s, k) for s, k in conn.execute(sql, params).fetchall()}


def _unnest_select(names: tuple[str, ...], types: tuple[str, ...]) -> str:
    return "select " + ", ".join(f"unnest(?::{t}[]) as {n}" for n, t in zip(names, types, strict=True))


def insert_pending(conn: Any, writes: list[PlannedWrite], run_id: str) -> None:
    """Log `writes` as `pending` for `run_id` before any writer is called.

    A key already logged with a non-final status (an earlier failure or crash) is taken over
    by this run: its row goes back to `pending`, keeps the `run_id` of the run that logged it
    and names this run in `healed_by_run_id`; attempts accumulate.
    One statement for the whole batch (columns passed as lists), so thousands of writes are cheap.
    """
    if not writes:
        return
    names = ("system", "idempotency_key", "message_id", "object", "record_id", "action", "payload", "prior")
    columns = [
        [w.system for w in writes],
        [w.idempotency_key for w in writes],
        [w.message_id for w in writes],
        [w.object for w in writes],
        [None if w.record_id is None else str(w.record_id) for w in writes],
        [w.action for w in writes],
        [_json(w.payload) for w in writes],
        [_json(w.prior) for w in writes],
    ]
    conn.execute(
        "insert into ops.write_log (system, idempotency_key, message_id, object, record_id, action, payload,"
        " prior, run_id, status, attempts)"
        f" select *, ? as run_id, 'pending' as status, 0 as attempts from ({_unnest_select(names, ('varchar',) * 8)})"
        " on conflict (system, idempotency_key) do update set status = 'pending',"
        " healed_by_run_id = case when excluded.run_id <> ops.write_log.run_id then excluded.run_id"
        " else ops.write_log.healed_by_run_id end, updated_at = now()",
        [run_id, *columns],  # parameters bind in order of appearance
    )


def mark_outcomes(
    conn: Any, system: str, outcomes: list[WriteOutcome], priors: dict[str, dict] | None = None
) -> None:
    """Record each outcome of `system` on its row (status, attempts, remote id and message).

    Args:
        priors: the planned prior by idempotency key; merged with the writer's observed prior.
    """
    if not outcomes:
        return
    merged = []
    for o in outcomes:
        observed_prior = (o.observed or {}).get("prior")
        merged.append(
            _json({**((priors or {}).get(o.idempotency_key) or {}), **observed_prior})
            if isinstance(observed_prior, dict)
            else None
        )
    names = ("idempotency_key", "status", "attempts", "remote_id", "remote_message", "observed_prior")
    types = ("varchar", "varchar", "integer", "varchar", "varchar", "varchar")
    conn.execute(
        "update ops.write_log set status = o.status, attempts = ops.write_log.attempts + o.attempts,"
        " remote_id = o.remote_id, remote_message = o.remote_message,"
        " prior = coalesce(o.observed_prior, ops.write_log.prior), updated_at = now()"
        f" from ({_unnest_select(names, types)}) o"
        " where ops.write_log.system = ? and ops.write_log.idempotency_key = o.idempotency_key",
        [
            [o.idempotency_key for o in outcomes],
            [o.status for o in outcomes],
            [int(o.attempts or 0) for o in outcomes],
            [o.remote_id for o in outcomes],
            [o.message for o in outcomes],
            merged,
            system,
        ],
    )


def logged_at(conn: Any, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], float]:
    """(system, key) -> epoch seconds when the row was first logged (`created_at`, session time zone)."""
    keys = list(keys)
    if not keys:
        return {}
    rows = conn.execute(
        "select l.system, l.idempotency_key, epoch(l.created_at::timestamptz) from ops.write_log l"
        " join (select unnest(?::varchar[]) as system, unnest(?::varchar[]) as idempotency_key) k"
        " using (system, idempotency_key)",
        [[s for s, _ in keys], [k for _, k in keys]],
    ).fetchall()
    return {(s, k): float(t) for s, k, t in rows}


def unfinished_rows(conn: Any, statuses: tuple[str, ...] = RECOVERING_STATUSES) -> list[dict[str, Any]]:
    """Rows an earlier run left in one of `statuses` (default: pending or failed_retriable)."""
    marks = ", ".join("?" for _ in statuses)
    sql = f"select {', '.join(COLUMNS)} from ops.write_log where status in ({marks}) order by created_at"
    return [_decode(dict(zip(COLUMNS, v, strict=True))) for v in conn.execute(sql, list(statuses)).fetchall()]


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    row["payload"] = json.loads(row["payload"]) if row["payload"] else {}
    row["prior"] = json.loads(row["prior"]) if row["prior"] else {}
    return row


def fetch_rows(conn: Any, run_id: str | None = None,
               status: str | tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Log rows as dicts (payload and prior decoded), oldest first; `status`: one or several.

    `run_id`: the rows that run logged and the rows it finished for an earlier run (healed)."""
    sql = f"select {', '.join(COLUMNS)} from ops.write_log where true"
    params: list[Any] = []
    if run_id is not None:
        sql += " and (run_id = ? or healed_by_run_id = ?)"
        params.extend([run_id, run_id])
    if status is not None:
        wanted = (status,) if isinstance(status, str) else tuple(status)
        sql += f" and status in ({', '.join('?' for _ in wanted)})"
        params.extend(wanted)
    sql += " order by created_at, system, idempotency_key"
    return [_decode(dict(zip(COLUMNS, v, strict=True))) for v in conn.execute(sql, params).fetchall()]


def _json(value: Any) -> str:
    return json.dumps(value or {}, sort_keys=True, ensure_ascii=False, default=str)
