"""Connection state per system, kept in the warehouse (`ops.connections`, issue 12).

One row per system: `status` (`ok` / `error`), `last_error` (the remote's own message and what
to do), `last_success_at` (the last time a landing or a writer got through), `updated_at` and the
`run_id` that set it. Every writer run updates it (`executor.execute`), and so does every API
landing; the impact report and the Dagster write asset show it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from autoresponder.errors import ConnectionFailed

DDL = """create table if not exists ops.connections (
    system varchar primary key, status varchar not null, last_error varchar,
    last_success_at timestamp, updated_at timestamp not null, run_id varchar)"""
COLUMNS = ("system", "status", "last_error", "last_success_at", "updated_at", "run_id")


def ensure(conn: Any) -> None:
    conn.execute("create schema if not exists ops")
    conn.execute(DDL)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def mark_ok(conn: Any, system: str, run_id: str | None = None) -> None:
    """The system answered with our credentials: `ok`, `last_success_at` now, the error cleared."""
    ensure(conn)
    now = _now()
    conn.execute(
        "insert into ops.connections values (?, 'ok', null, ?, ?, ?) on conflict (system) do update set "
        "status = 'ok', last_error = null, last_success_at = excluded.last_success_at, "
        "updated_at = excluded.updated_at, run_id = excluded.run_id", [system, now, now, run_id])


def mark_error(conn: Any, system: str, message: str, run_id: str | None = None) -> None:
    """The system refused our credentials after one renewal: `error` with `message`; the last
    success is kept, so the report says since when the connection is down."""
    ensure(conn)
    conn.execute(
        "insert into ops.connections values (?, 'error', ?, null, ?, ?) on conflict (system) do update set "
        "status = 'error', last_error = excluded.last_error, updated_at = excluded.updated_at, "
        "run_id = excluded.run_id", [system, message[:4000], _now(), run_id])


def read(conn: Any) -> list[dict[str, Any]]:
    """Every system's row, by name; [] before any system was reached."""
    exists = conn.execute("select count(*) from information_schema.tables "
                          "where table_schema = 'ops' and table_name = 'connections'").fetchone()[0]
    if not exists:
        return []
    rows = conn.execute(f"select {', '.join(COLUMNS)} from ops.connections order by system").fetchall()
    return [{c: (v.isoformat(sep=' ', timespec='seconds') if isinstance(v, datetime) else v)
             for c, v in zip(COLUMNS, r, strict=True)} for r in rows]


def is_auth_failure(exc: BaseException) -> bool:
    """A refused credential: `ConnectionFailed`, or an error whose HTTP status is 401 / 403 that
    says so (Salesforce's `INVALID_SESSION_ID`; a 403 `REQUEST_LIMIT_EXCEEDED` is a limit, not this)."""
    if isinstance(exc, ConnectionFailed) or getattr(exc, "auth_failure", False):
        return True
    status = getattr(exc, "status", None)
    code = str(getattr(exc, "code", "") or "")
    return status == 401 or code == "INVALID_SESSION_ID" or (status == 403 and "LIMIT" not in code)


def auth_message(system: str, exc: BaseException) -> str:
    return getattr(exc, "message", None) or f"{system}: {exc}"
