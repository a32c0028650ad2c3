"""Sources read from SQL Server through SQLAlchemy + pyodbc (issue 11, DESIGN §2).

A source setting (`AUTORESPONDER_EMAILS_SQL`, `_CUPOLA_SQL`, `_MULTIPUB_SQL`, `_HODOR_SQL`) holds
either a SQLAlchemy URL (`mssql+pyodbc://user:pw@host/db?driver=ODBC+Driver+18+for+SQL+Server`)
or a plain ODBC connection string in the form of `AUTORESPONDER_CUPOLA_ODBC`
(`DRIVER={...};SERVER=...;DATABASE=...`), which pyodbc receives as it is (`open_engine`).

Each read is one SQLAlchemy Core statement: it compiles to T-SQL on SQL Server (`SELECT TOP n`,
`[bracketed]` names; `tsql` shows the text) and runs unchanged on a SQLite file, which stands in
for SQL Server on a workstation and in the tests: every schema a statement names (`dbo`,
`CBI_EmailExtraction.dbo`) is attached as another name of that same file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb
import pandas as pd
from pydantic import SecretStr
from sqlalchemy import Engine, Select, Table, create_engine, event, select
from sqlalchemy.dialects import mssql
from sqlalchemy.engine import make_url

from autoresponder.errors import SourceFormatError

FETCH_ROWS = 10_000  # rows per fetch and per insert into the DuckDB stage


@dataclass(frozen=True)
class SqlRead:
    """A snapshot read from SQL instead of its CSV when the setting `setting` is set.

    `statement` selects the snapshot's columns, labelled with the CSV's column names."""

    setting: str
    statement: Select


def secret(value: SecretStr | str) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else str(value)


def odbc_identity(conn_str: str) -> str:
    """SERVER and DATABASE of an ODBC connection string (never the credentials)."""
    parts = dict(p.split("=", 1) for p in conn_str.split(";") if "=" in p)
    low = {k.strip().lower(): v.strip() for k, v in parts.items()}
    return f"{low.get('server', '?')}/{low.get('database', '?')}"


def source_identity(value: SecretStr | str) -> str:
    """Where a source setting points, without its credentials (stage log, errors)."""
    text = secret(value).strip()
    if "://" not in text:
        return "mssql:" + odbc_identity(text)
    url = make_url(text)
    return f"{url.get_backend_name()}:{url.host or ''}/{url.database or ''}"


def open_engine(value: SecretStr | str, schemas: Iterable[str | None] = ()) -> Engine:
    """An engine on a source setting. An ODBC connection string goes to pyodbc as it is (kept out of
    the engine's URL, so no repr shows its password). On SQLite, each of `schemas` is attached as an
    alias of the file."""
    text = secret(value).strip()
    if "://" in text:
        engine = create_engine(text)
    else:
        engine = create_engine("mssql+pyodbc://", creator=lambda: engine.dialect.loaded_dbapi.connect(text))
    aliases = sorted({s for s in schemas if s})
    if engine.dialect.name == "sqlite" and aliases:
        path = engine.url.database or ":memory:"

        @event.listens_for(engine, "connect")
        def _attach(dbapi_conn: Any, _record: Any) -> None:
            for alias in aliases:
                dbapi_conn.execute("attach database ? as " + '"' + alias.replace('"', '""') + '"', (path,))

    return engine


def tsql(statement: Select) -> str:
    """The T-SQL text SQL Server receives for `statement` (bound values inlined, for docs and checks)."""
    return str(statement.compile(dialect=mssql.dialect(), compile_kwargs={"literal_binds": True}))


def snapshot_select(table: Table, columns: dict[str, str]) -> Select:
    """Every row of `table`, its columns {snapshot column: source column} labelled as the snapshot's,
    ordered by the first (the key)."""
    first = next(iter(columns.values()))
    return select(*(table.c[src].label(ours) for ours, src in columns.items())).order_by(table.c[first])


def schemas_of(statement: Select) -> set[str | None]:
    return {getattr(t, "schema", None) for t in statement.get_final_froms()}


def as_text(value: Any, sql_type: str) -> str | None:
    """A fetched value as the text a CSV export would hold (DATE: YYYY-MM-DD)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if sql_type == "DATE" else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", errors="replace")
    if isinstance(value, Decimal) and sql_type in ("BIGINT", "INTEGER") and value == value.to_integral_value():
        return str(int(value))
    return str(value)


def stage_rows(conn: duckdb.DuckDBPyConnection, engine: Engine, statement: Select, columns: dict[str, str],
               stage: str, where: str) -> str:
    """Fetch `statement` into the temp table `stage` of text columns, then check each typed value
    casts as the landing casts it; raises `SourceFormatError` naming `where` and the column."""
    names = list(columns)
    conn.execute(f"create or replace temp table {stage} (" + ", ".join(f'"{c}" varchar' for c in names) + ")")
    with engine.connect() as source:
        result = source.execution_options(stream_results=True, yield_per=FETCH_ROWS).execute(statement)
        missing = [c for c in names if c not in result.keys()]
        if missing:
            raise SourceFormatError(f"{where}: the query returns no column(s) {', '.join(missing)}")
        for rows in result.mappings().partitions(FETCH_ROWS):
            frame = pd.DataFrame([[as_text(r[c], columns[c]) for c in names] for r in rows], columns=names,
                                 dtype=object)
            conn.register("_sql_stage_rows", frame)
            try:
                conn.execute(f"insert into {stage} select * from _sql_stage_rows")
            finally:
                conn.unregister("_sql_stage_rows")
    for c, t in columns.items():
        if t == "VARCHAR":
            continue
        bad = conn.execute(f'select "{c}" from {stage} where nullif(trim("{c}"), \'\') is not null '
                           f'and try_cast(trim("{c}") as {t}) is null limit 1').fetchone()
        if bad is not None:
            raise SourceFormatError(f"{where}: column {c} holds {bad[0]!r}, which is not {t}; fix the source "
                                    "row or the query's column")
    return stage
