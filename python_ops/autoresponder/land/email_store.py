"""Replies from the email store `CBI_EmailExtraction.dbo.Emails` on SQL Server (DESIGN §2, issue 11).

Chosen by `AUTORESPONDER_EMAILS_SQL` (`land_replies`); without it replies come from
`<sources>/emails`. One statement reads the most recent `emails_sql_limit` rows by
`ReceivedDate DESC` and hands them to the landing oldest first, so the first delivery of a
Message-ID wins as the first file does in a folder; dedup, `parse_error` and `raw.email_duplicates`
are the folder landing's (`land.emails.land_messages`). The T-SQL it sends is in docs/deploy.md
(`python -m autoresponder.land.sql_reads` prints it).

Columns: `MessageId` and `ReceivedDate` are DESIGN §2's; `RawMessage` (the whole RFC 822 source,
varbinary or nvarchar) is an assumption to confirm with the store's owner. A row lands with
`file_path = <table>#<ReceivedDate>#<MessageId>`, so a row met by an earlier run is not parsed again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    LargeBinary,
    MetaData,
    Select,
    Table,
    Unicode,
    desc,
    func,
    select,
)

from autoresponder.land.emails import LandingStats, land_emails, land_jobs, land_messages
from autoresponder.land.sql_source import open_engine
from autoresponder.progress import Log

FETCH_MESSAGES = 200  # rows of whole messages per fetch


def emails_table(name: str) -> Table:
    """The store's table by its `database.schema.table` name (schema part optional)."""
    schema, _, table = name.rpartition(".")
    return Table(table, MetaData(), Column("MessageId", Unicode(998)), Column("ReceivedDate", DateTime),
                 Column("RawMessage", LargeBinary), schema=schema or None)


def recent_emails(table: Table, limit: int) -> Select:
    """The most recent `limit` rows by ReceivedDate DESC, returned oldest first."""
    recent = (select(table.c.MessageId, table.c.ReceivedDate, table.c.RawMessage)
              .order_by(desc(table.c.ReceivedDate), desc(table.c.MessageId)).limit(limit).subquery("recent"))
    return select(recent).order_by(recent.c.ReceivedDate, recent.c.MessageId)


def store_state(table: Table) -> Select:
    """The newest ReceivedDate and the row count: what the new-emails sensor compares between ticks."""
    return select(func.max(table.c.ReceivedDate).label("newest"), func.count().label("row_count")).select_from(table)


def read_store_state(settings: Any) -> tuple[str, int]:
    """(newest ReceivedDate, rows) of the configured email store."""
    table = emails_table(settings.emails_sql_table)
    engine = open_engine(settings.emails_sql, [table.schema])
    try:
        with engine.connect() as source:
            newest, rows = source.execute(store_state(table)).one()
    finally:
        engine.dispose()
    return (newest.isoformat() if hasattr(newest, "isoformat") else str(newest or "")), int(rows)


def row_source(table_name: str, received: Any, message_id: str | None) -> str:
    """What `raw.emails.file_path` records for a store row."""
    when = received.isoformat() if hasattr(received, "isoformat") else str(received or "")
    return f"{table_name}#{when}#{message_id or ''}"


def raw_bytes(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(value)


def iter_store_messages(engine: Engine, table_name: str, limit: int) -> Iterator[tuple[str, bytes]]:
    """(source, raw bytes) of the most recent `limit` rows of `table_name`, oldest first, streamed."""
    with engine.connect() as source:
        result = source.execution_options(stream_results=True, yield_per=FETCH_MESSAGES).execute(
            recent_emails(emails_table(table_name), limit))
        for message_id, received, raw in result:
            yield row_source(table_name, received, message_id), raw_bytes(raw)


def land_email_store(conn: duckdb.DuckDBPyConnection, engine: Engine, table_name: str, limit: int, *,
                     run_id: str | None = None, log: Log | None = None) -> LandingStats:
    """Land the most recent `limit` rows of the store into `raw.emails` (dedup as a folder's)."""
    return land_messages(conn, iter_store_messages(engine, table_name, limit), None, run_id=run_id, log=log)


def land_replies(conn: duckdb.DuckDBPyConnection, settings: Any, sources_dir: Path, *, run_id: str | None = None,
                 log: Log | None = None) -> LandingStats:
    """Land the run's replies from the source `settings` choose: the email store when `emails_sql`
    is set, else the folder `<sources_dir>/emails`."""
    if settings.emails_sql is None:
        return land_emails(conn, Path(sources_dir) / "emails", run_id=run_id, log=log, jobs=land_jobs(settings))
    engine = open_engine(settings.emails_sql, [emails_table(settings.emails_sql_table).schema])
    try:
        return land_email_store(conn, engine, settings.emails_sql_table, settings.emails_sql_limit,
                                run_id=run_id, log=log)
    finally:
        engine.dispose()
