"""Describe-driven landing of Salesforce objects into DuckDB `raw.sf_<object>` (DESIGN §4.1).

Per object: `describe` gives the columns and their types; a `COUNT()` picks Bulk API 2.0
(at or above `bulk_threshold` rows) or REST query/queryMore; rows land through a VARCHAR
staging table and typed casts. Incremental runs read `SystemModstamp >= watermark` (an
overlap of one instant: upserts make it harmless), upsert by Id, and delete the Ids that
`queryAll` reports `IsDeleted`. Watermarks live in `ops.sf_watermarks`. A field added in the
org becomes a new column and triggers a full re-read of that object, so old rows get values.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from simple_salesforce import Salesforce
from simple_salesforce.bulk2 import Operation

from .transport import SalesforceCaller

DEFAULT_OBJECTS = ("Contact", "Lead", "Account")
COMPOUND_TYPES = ("address", "location")
SKIPPED_TYPES = ("base64",)

_DUCK_TYPES = {
    "boolean": "BOOLEAN",
    "datetime": "TIMESTAMP",
    "date": "DATE",
    "double": "DOUBLE",
    "currency": "DOUBLE",
    "percent": "DOUBLE",
    "int": "BIGINT",
    "long": "BIGINT",
    "id": "VARCHAR(18)",
    "reference": "VARCHAR(18)",
    "address": "JSON",
    "location": "JSON",
}


def duckdb_type(sf_type: str) -> str:
    """The warehouse type of a Salesforce field type (string-like types are VARCHAR)."""
    return _DUCK_TYPES.get(sf_type, "VARCHAR")


def table_name(sobject: str) -> str:
    return f"raw.sf_{sobject.lower()}"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _cast(name: str, sf_type: str) -> str:
    duck = duckdb_type(sf_type)
    col = f"NULLIF({_q(name)}, '')"
    if duck == "VARCHAR":
        return f"{col} AS {_q(name)}"
    if duck == "VARCHAR(18)":
        return f"CAST({col} AS VARCHAR) AS {_q(name)}"
    return f"TRY_CAST({col} AS {duck}) AS {_q(name)}"


def _ensure_ops(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("CREATE SCHEMA IF NOT EXISTS raw")
    conn.execute("CREATE SCHEMA IF NOT EXISTS ops")
    conn.execute("CREATE TABLE IF NOT EXISTS ops.sf_watermarks (object VARCHAR PRIMARY KEY, watermark TIMESTAMP, "
                 "last_sync_at TIMESTAMP, mode VARCHAR, rows_read BIGINT, rows_deleted BIGINT)")


def _existing_columns(conn: duckdb.DuckDBPyConnection, sobject: str) -> list[str] | None:
    rows = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = 'raw' "
                        "AND table_name = ? ORDER BY ordinal_position", [f"sf_{sobject.lower()}"]).fetchall()
    return [r[0] for r in rows] or None


class _Landing:
    """Rows of one object on their way into the warehouse."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, sobject: str, fields: list[dict[str, Any]], *, full: bool):
        self.conn = conn
        self.fields = fields
        cols = ", ".join(f"{_q(f['name'])} {duckdb_type(f['type'])}" for f in fields)
        if full:  # a full read lands straight into the next table (no second in-memory copy)
            self.stage = f"raw.sf_{sobject.lower()}__loading"
            conn.execute(f"CREATE OR REPLACE TABLE {self.stage} ({cols})")
        else:
            self.stage = f"stage_sf_{sobject.lower()}"
            conn.execute(f"CREATE OR REPLACE TEMP TABLE {self.stage} ({cols})")
        self.rows = 0

    def _select(self, available: list[str]) -> str:
        have = set(available)
        return ", ".join(_cast(f["name"], f["type"]) if f["name"] in have
                         else f"NULL::{duckdb_type(f['type'])} AS {_q(f['name'])}" for f in self.fields)

    def add_records(self, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        names = [f["name"] for f in self.fields]
        data = {n: [_text(r.get(n)) for r in records] for n in names}
        frame = pd.DataFrame(data, dtype="object")
        self.conn.register("sf_page_df", frame)
        try:
            self.conn.execute(f"INSERT INTO {self.stage} SELECT {self._select(names)} FROM sf_page_df")
        finally:
            self.conn.unregister("sf_page_df")
        self.rows += len(records)

    def add_csv(self, path: Path, header: list[str], n: int) -> None:
        if n == 0:
            return
        src = f"read_csv({_sql_str(str(path))}, header=true, all_varchar=true, quote='\"', escape='\"', delim=',')"
        self.conn.execute(f"INSERT INTO {self.stage} SELECT {self._select(header)} FROM {src}")
        self.rows += n


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return json.dumps(v)
    return str(v)


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _soql_datetime(ts: Any) -> str:
    return ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"


def sync_objects(sf: Salesforce, conn: duckdb.DuckDBPyConnection, objects: list[str] | tuple[str, ...] | None = None,
                 *, bulk_threshold: int = 50_000, full_resync: bool = False, bulk_page_size: int = 50_000,
                 bulk_poll_interval: float = 0.2, max_attempts: int = 6, backoff_base: float = 0.1,
                 caller: SalesforceCaller | None = None) -> dict[str, Any]:
    """Land `objects` into `raw.sf_<object>`; returns per-object stats and request counts.

    Args:
        sf: a logged-in client (see `connect`).
        conn: the warehouse.
        objects: API names (default Contact, Lead, Account).
        bulk_threshold: Bulk API 2.0 at or above this many rows to read, REST below.
        full_resync: ignore watermarks and re-read everything.
    """
    caller = caller or SalesforceCaller(sf, max_attempts=max_attempts, backoff_base=backoff_base)
    _ensure_ops(conn)
    stats: dict[str, Any] = {}
    t_all = time.perf_counter()
    for sobject in objects or DEFAULT_OBJECTS:
        t0 = time.perf_counter()
        stats[sobject] = _sync_one(caller, conn, sobject, full_resync=full_resync, bulk_threshold=bulk_threshold,
                                   bulk_page_size=bulk_page_size, poll=bulk_poll_interval)
        stats[sobject]["wall_s"] = round(time.perf_counter() - t0, 3)
    return {"objects": stats, "requests": dict(caller.counts), "retries": dict(caller.retries),
            "wall_s": round(time.perf_counter() - t_all, 3)}


def _describe(caller: SalesforceCaller, sobject: str) -> list[dict[str, Any]]:
    desc = caller.call("describe", lambda: getattr(caller.sf, sobject).describe())
    return [f for f in desc["fields"] if f["type"] not in SKIPPED_TYPES]


def _sync_one(caller: SalesforceCaller, conn: duckdb.DuckDBPyConnection, sobject: str, *, full_resync: bool,
              bulk_threshold: int, bulk_page_size: int, poll: float) -> dict[str, Any]:
    fields = _describe(caller, sobject)
    names = [f["name"] for f in fields]
    table = table_name(sobject)
    existing = _existing_columns(conn, sobject)
    added = [f for f in fields if existing is not None and f["name"] not in existing]
    row = conn.execute("SELECT watermark FROM ops.sf_watermarks WHERE object = ?", [sobject]).fetchone()
    watermark = row[0] if row and existing is not None else None
    has_stamp = "SystemModstamp" in names
    full = full_resync or watermark is None or not has_stamp or bool(added)

    where = "" if full else f" WHERE SystemModstamp >= {_soql_datetime(watermark)}"
    total = caller.call("query", lambda: caller.sf.query(f"SELECT COUNT() FROM {sobject}{where}"))["totalSize"]
    use_bulk = total >= bulk_threshold
    landing = _Landing(conn, sobject, fields, full=full)
    if use_bulk:
        bulk_names = [f["name"] for f in fields if f["type"] not in COMPOUND_TYPES]  # bulk refuses compound fields
        _read_bulk(caller, landing, sobject, f"SELECT {', '.join(bulk_names)} FROM {sobject}{where}",
                   bulk_page_size, poll)
    else:
        _read_rest(caller, landing, f"SELECT {', '.join(names)} FROM {sobject}{where}")

    deleted_ids: list[str] = []
    if not full:
        soql = (f"SELECT Id FROM {sobject} WHERE IsDeleted = true AND SystemModstamp >= "
                f"{_soql_datetime(watermark)}")
        for page in iter_query_pages(caller, soql, include_deleted=True):
            deleted_ids.extend(r["Id"] for r in page)

    conn.execute("BEGIN")
    try:
        if full:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
            conn.execute(f"ALTER TABLE {landing.stage} RENAME TO sf_{sobject.lower()}")
        else:
            conn.execute(f"DELETE FROM {table} WHERE \"Id\" IN (SELECT \"Id\" FROM {landing.stage})")
            conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {landing.stage}")
            if deleted_ids:
                conn.execute(f"DELETE FROM {table} WHERE \"Id\" IN (SELECT UNNEST(?))", [deleted_ids])
        new_wm = None
        if has_stamp:
            src = table if full else landing.stage
            new_wm = conn.execute(f'SELECT max("SystemModstamp") FROM {src}').fetchone()[0]
        new_wm = max([w for w in (new_wm, watermark) if w is not None], default=None)
        conn.execute("INSERT OR REPLACE INTO ops.sf_watermarks VALUES (?, ?, now()::TIMESTAMP, ?, ?, ?)",
                     [sobject, new_wm, "bulk" if use_bulk else "rest", landing.rows, len(deleted_ids)])
        conn.execute("COMMIT")
    except Exception:
        conn.execute("ROLLBACK")
        raise
    if not full:
        conn.execute(f"DROP TABLE IF EXISTS {landing.stage}")
    return {"mode": "bulk" if use_bulk else "rest", "incremental": not full, "rows_read": landing.rows,
            "rows_deleted": len(deleted_ids), "columns_added": [f["name"] for f in added],
            "watermark": new_wm.isoformat() if new_wm is not None else None}


def iter_query_pages(caller: SalesforceCaller, soql: str, *, include_deleted: bool = False) -> Iterator[list[dict[str, Any]]]:
    """Record pages of a REST query (query/queryAll, then queryMore), each call retried."""
    sf = caller.sf
    page = caller.call("query_all" if include_deleted else "query",
                       lambda: sf.query(soql, include_deleted=include_deleted))
    while True:
        yield page["records"]
        if page.get("done", True):
            return
        url = page["nextRecordsUrl"]
        page = caller.call("query_more", lambda u=url: sf.query_more(u, identifier_is_url=True))


def _read_rest(caller: SalesforceCaller, landing: _Landing, soql: str) -> None:
    buffer: list[dict[str, Any]] = []
    for records in iter_query_pages(caller, soql):
        buffer.extend(records)
        if len(buffer) >= 20_000:
            landing.add_records(buffer)
            buffer = []
    landing.add_records(buffer)


def _read_bulk(caller: SalesforceCaller, landing: _Landing, sobject: str, soql: str, page_size: int,
               poll: float) -> None:
    """Bulk API 2.0 query job through simple-salesforce's own client calls, one retried call each.

    `sf.bulk2.X.query()` sleeps `wait` seconds before the first poll, never retries and never
    re-authenticates, so the steps are driven here instead.
    """
    def client() -> Any:  # fresh each call: after a re-login the handler must carry the new session id
        return getattr(caller.sf.bulk2, sobject)._client  # noqa: SLF001

    job = caller.call("bulk_create_job", lambda: client().create_job(Operation.query, soql))
    job_id = job["id"]
    deadline = time.monotonic() + 3600
    while True:
        info = caller.call("bulk_get_job", lambda: client().get_job(job_id, True))
        if info["state"] == "JobComplete":
            break
        if info["state"] in ("Failed", "Aborted"):
            raise RuntimeError(f"bulk query job {job_id} {info['state']}: {info.get('errorMessage')}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"bulk query job {job_id} did not complete")
        time.sleep(poll)
    locator = ""
    with tempfile.TemporaryDirectory(prefix="sf-bulk-") as tmp:
        path = Path(tmp) / "page.csv"
        while True:
            result = caller.call("bulk_results",
                                 lambda loc=locator: client().get_query_results(job_id, loc, page_size))
            text = result["records"]
            path.write_text(text, encoding="utf-8")
            header = next(csv.reader(io.StringIO(text.split("\n", 1)[0]))) if text else []
            landing.add_csv(path, header, int(result["number_of_records"]))
            locator = result["locator"]
            if not locator:
                break


def request_counts(result: dict[str, Any]) -> Counter[str]:
    return Counter(result.get("requests", {}))
