"""The emulated org's data: one SQLite table per sObject, on disk so a million rows stay cheap.

`OrgState` is the backend (moto's `models.py`): one method per action, raising `ApiError`
with Salesforce's own errorCode and message. The app shapes HTTP around it; tests may call
it directly (`handle.state`). All access holds one lock: the server thread and the test
thread share the connection.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from . import soql, soql_compile
from .derived import derived_fields
from .schema import KEY_PREFIXES, PREFIX_TO_OBJECT, FieldSpec, ObjectMeta, default_objects
from .values import ID_RE, ApiError, from_db, id18, now_sf, to_db, to_sf_datetime, validate

__all__ = ["ApiError", "OrgState", "id18", "now_sf", "to_sf_datetime"]

_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


_SQL_TYPES = {"boolean": "INTEGER", "int": "INTEGER", "double": "REAL", "currency": "REAL", "percent": "REAL"}


def _column_sql(spec: FieldSpec) -> str:
    sql_type = _SQL_TYPES.get(spec.type, "TEXT")
    collate = " COLLATE NOCASE" if sql_type == "TEXT" and spec.type not in ("id", "reference", "datetime", "date") else ""
    return f'"{spec.name}" {sql_type}{collate}'


_SF_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000")


def _seed_converter(spec: FieldSpec) -> Callable[[Any], Any]:
    """`to_db` for one field; a valid datetime already in the store's format is kept as it is
    (what `to_sf_datetime` would return), skipping its parse and reformat."""
    if spec.type == "datetime":
        def as_datetime(value: Any) -> Any:
            if isinstance(value, str) and _SF_DATETIME.fullmatch(value):
                try:
                    datetime.fromisoformat(value[:23])
                    return value
                except ValueError:
                    pass
            return to_db(spec, value)
        return as_datetime
    if spec.type in ("boolean", "int", "double", "currency", "percent", "address"):
        return lambda value: to_db(spec, value)

    def as_text(value: Any) -> Any:
        return None if value is None or value == "" else str(value)
    return as_text


class OrgState:
    """SQLite-backed records of every emulated object, plus sessions and bookkeeping."""

    def __init__(self, db_path: Path, version: str = "59.0"):
        self.db_path = Path(db_path)
        self.version = version
        self.lock = threading.RLock()
        self.db = sqlite3.connect(str(self.db_path), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=MEMORY")  # rollbacks (allOrNone) need a journal
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA cache_size=-65536")
        self.objects: dict[str, ObjectMeta] = {}
        self._counters: dict[str, itertools.count] = {}
        self.applied_writes: Counter[tuple[str, str]] = Counter()
        for name, fields in default_objects().items():
            self._create_table(ObjectMeta(name, fields))

    def _create_table(self, meta: ObjectMeta) -> None:
        self.objects[meta.name] = meta
        cols = ", ".join(_column_sql(f) for f in meta.fields)
        self.db.execute(f'CREATE TABLE IF NOT EXISTS "{meta.name}" ({cols})')
        self.db.execute(f'CREATE UNIQUE INDEX IF NOT EXISTS "ix_{meta.name}_id" ON "{meta.name}" ("Id")')
        self.db.execute(f'CREATE INDEX IF NOT EXISTS "ix_{meta.name}_ms" ON "{meta.name}" ("SystemModstamp")')
        for col in ("Email", "Name", "WhoId"):
            if meta.get(col):
                self.db.execute(f'CREATE INDEX IF NOT EXISTS "ix_{meta.name}_{col}" ON "{meta.name}" ("{col}")')
        self._counters[meta.name] = itertools.count(1)

    def meta(self, sobject: str) -> ObjectMeta:
        for name, meta in self.objects.items():
            if name.lower() == sobject.lower():
                return meta
        raise ApiError(
            400, "INVALID_TYPE", f"sObject type '{sobject}' is not supported. If you are attempting to use a "
            "custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or "
            "the describe call for the appropriate names.")

    def add_field(self, sobject: str, spec: FieldSpec) -> None:
        """An admin adds a field to the org: a new describe entry and an empty column."""
        with self.lock:
            meta = self.meta(sobject)
            meta.add(spec)
            self.db.execute(f'ALTER TABLE "{meta.name}" ADD COLUMN {_column_sql(spec)}')

    def new_id(self, sobject: str) -> str:
        n = next(self._counters[sobject])
        digits = ""
        while True:
            n, r = divmod(n, 62)
            digits = _B62[r] + digits
            if n == 0:
                break
        return id18(KEY_PREFIXES[sobject] + "5e" + digits.rjust(10, "0"))

    # storage helpers ------------------------------------------------------------------
    def _row_dict(self, meta: ObjectMeta, row: sqlite3.Row | tuple, cols: list[str]) -> dict[str, Any]:
        return {c: from_db(meta.get(c), v) for c, v in zip(cols, row, strict=True)}

    def _compute_name(self, meta: ObjectMeta, rec: dict[str, Any]) -> None:
        """Fields the org derives (Name of a person, IsClosed/IsWon of an Opportunity) and the
        cross-field rules it enforces (`derived.py`)."""
        if meta.name in ("Contact", "Lead", "User") and ("FirstName" in rec or "LastName" in rec):
            rec["Name"] = " ".join(p for p in (rec.get("FirstName"), rec.get("LastName")) if p) or None
        rec.update(derived_fields(meta.name, rec))

    # record actions ---------------------------------------------------------------------
    def create(self, sobject: str, values: dict[str, Any], id_: str | None = None) -> str:
        with self.lock:
            meta = self.meta(sobject)
            rec = validate(meta, values, creating=True)
            for spec in meta.fields:
                if spec.name not in rec and spec.default is not None:
                    rec[spec.name] = to_db(spec, spec.default)
            missing = [f.name for f in meta.fields if not f.nillable and f.createable and f.type != "boolean"
                       and rec.get(f.name) in (None, "")]
            if missing:
                raise ApiError(400, "REQUIRED_FIELD_MISSING", f"Required fields are missing: [{', '.join(missing)}]",
                               missing)
            self._compute_name(meta, rec)
            ts = now_sf()
            new_id = id_ or self.new_id(meta.name)
            rec.update({"Id": new_id, "IsDeleted": 0, "CreatedDate": ts, "LastModifiedDate": ts,
                        "SystemModstamp": ts, "CreatedById": "005000000000001AAA",
                        "LastModifiedById": "005000000000001AAA"})
            cols = list(rec)
            self.db.execute(f'INSERT INTO "{meta.name}" ({",".join(f"{chr(34)}{c}{chr(34)}" for c in cols)}) '
                            f'VALUES ({",".join("?" for _ in cols)})', [rec[c] for c in cols])
            self.applied_writes[(meta.name, new_id)] += 1
            return new_id

    def _live_row(self, meta: ObjectMeta, record_id: str) -> dict[str, Any]:
        if not ID_RE.match(record_id or ""):
            raise ApiError(400, "MALFORMED_ID", f"{meta.name} ID: id value of incorrect type: {record_id}", ["Id"])
        if PREFIX_TO_OBJECT.get(record_id[:3]) != meta.name:
            raise ApiError(404, "NOT_FOUND", "The requested resource does not exist")
        rid = record_id if len(record_id) == 18 else id18(record_id)
        cols = [f.name for f in meta.fields]
        row = self.db.execute(f'SELECT {",".join(chr(34) + c + chr(34) for c in cols)} FROM "{meta.name}" '
                              'WHERE "Id" = ?', (rid,)).fetchone()
        if row is None:
            raise ApiError(404, "NOT_FOUND", "The requested resource does not exist")
        rec = self._row_dict(meta, row, cols)
        if rec["IsDeleted"]:
            raise ApiError(404, "ENTITY_IS_DELETED", "entity is deleted", [])
        return rec

    def get(self, sobject: str, record_id: str, fields: list[str] | None = None) -> dict[str, Any]:
        with self.lock:
            meta = self.meta(sobject)
            rec = self._live_row(meta, record_id)
            if fields:
                names = []
                for f in fields:
                    spec = meta.get(f)
                    if spec is None:
                        raise ApiError(400, "INVALID_FIELD", f"No such column '{f}' on entity '{meta.name}'.", [f])
                    names.append(spec.name)
                return {n: rec[n] for n in ["Id", *names] if n in rec}
            return rec

    def update(self, sobject: str, record_id: str, values: dict[str, Any]) -> None:
        with self.lock:
            meta = self.meta(sobject)
            current = self._live_row(meta, record_id)
            rec = validate(meta, values, creating=False)
            merged = {**current, **rec}
            self._compute_name(meta, merged)
            if "Name" in merged and meta.name in ("Contact", "Lead", "User"):
                rec["Name"] = merged["Name"]
            rec.update(derived_fields(meta.name, merged))
            ts = now_sf()
            rec.update({"LastModifiedDate": ts, "SystemModstamp": ts})
            sets = ", ".join(f'"{c}" = ?' for c in rec)
            self.db.execute(f'UPDATE "{meta.name}" SET {sets} WHERE "Id" = ?', [*rec.values(), current["Id"]])
            self.applied_writes[(meta.name, current["Id"])] += 1

    def delete(self, sobject: str, record_id: str) -> None:
        with self.lock:
            meta = self.meta(sobject)
            current = self._live_row(meta, record_id)
            ts = now_sf()
            self.db.execute(f'UPDATE "{meta.name}" SET "IsDeleted" = 1, "LastModifiedDate" = ?, '
                            '"SystemModstamp" = ? WHERE "Id" = ?', (ts, ts, current["Id"]))

    def get_many(self, sobject: str, ids: list[str], fields: list[str]) -> list[dict[str, Any] | None]:
        """Collection GET: records in request order, None where missing or deleted."""
        with self.lock:
            meta = self.meta(sobject)
            names = []
            for f in fields:
                spec = meta.get(f)
                if spec is None:
                    raise ApiError(400, "INVALID_FIELD", f"No such column '{f}' on entity '{meta.name}'. If you "
                                   "are attempting to use a custom field, be sure to append the '__c' after the "
                                   "custom field name.", [f])
                names.append(spec.name)
            cols = list(dict.fromkeys(["Id", "IsDeleted", *names]))
            full = [i if len(i) != 15 else id18(i) for i in ids]
            rows = self.db.execute(
                f'SELECT {",".join(chr(34) + c + chr(34) for c in cols)} FROM "{meta.name}" WHERE "Id" IN '
                f'({",".join("?" for _ in full)})', full).fetchall()
            found = {r[0]: self._row_dict(meta, r, cols) for r in rows}
            out: list[dict[str, Any] | None] = []
            for i in full:
                rec = found.get(i)
                if rec is None or rec["IsDeleted"]:
                    out.append(None)
                else:
                    out.append({n: rec[n] for n in ["Id", *names]})
            return out

    # queries ----------------------------------------------------------------------------
    def plan_query(self, text: str, include_deleted: bool = False) -> dict[str, Any]:
        """Parse and run the filter once; returns the matching rowids in order (a cursor)."""
        with self.lock:
            try:
                q = soql.parse(text)
                meta = self.meta(q.sobject)
                fields = [] if q.count else soql_compile.resolve_fields(q, meta)
                params: list[Any] = []
                where = soql_compile.compile_where(q.where, meta, params)
                if not include_deleted:
                    where = f'({where}) AND "IsDeleted" = 0'
                order = soql_compile.compile_order(q, meta)
            except soql.SoqlError as exc:
                raise ApiError(400, exc.code, exc.message) from exc
            if q.count:
                n = self.db.execute(f'SELECT COUNT(*) FROM "{meta.name}" WHERE {where}', params).fetchone()[0]
                if q.limit is not None:
                    n = min(n, q.limit)
                return {"sobject": meta.name, "fields": [], "rowids": None, "count": n}
            sql = f'SELECT rowid FROM "{meta.name}" WHERE {where} ORDER BY {order}'
            if q.limit is not None or q.offset is not None:
                sql += f" LIMIT {q.limit if q.limit is not None else -1} OFFSET {q.offset or 0}"

            rowids = array("q", (r[0] for r in self.db.execute(sql, params)))
            return {"sobject": meta.name, "fields": fields, "rowids": rowids, "count": len(rowids)}

    def fetch_rows(self, sobject: str, fields: list[str], rowids: Iterable[int]) -> list[dict[str, Any]]:
        """The given rows (by rowid, in that order) with the selected fields."""
        with self.lock:
            meta = self.meta(sobject)
            ids = list(rowids)
            if not ids:
                return []
            cols = ",".join(f'"{c}"' for c in fields)
            by_rowid: dict[int, tuple] = {}
            for start in range(0, len(ids), 900):
                part = ids[start:start + 900]
                for row in self.db.execute(f'SELECT rowid, {cols} FROM "{meta.name}" WHERE rowid IN '
                                           f'({",".join("?" for _ in part)})', part):
                    by_rowid[row[0]] = row[1:]
            specs = [meta.get(c) for c in fields]
            return [{c: from_db(s, v) for c, s, v in zip(fields, specs, by_rowid[r], strict=True)}
                    for r in ids if r in by_rowid]

    def query(self, text: str, include_deleted: bool = False) -> list[dict[str, Any]]:
        """Every matching record at once (for tests and small lookups)."""
        plan = self.plan_query(text, include_deleted)
        if plan["rowids"] is None:
            return [{"expr0": plan["count"]}]
        return self.fetch_rows(plan["sobject"], plan["fields"], plan["rowids"])

    def count(self, sobject: str, include_deleted: bool = False) -> int:
        with self.lock:
            meta = self.meta(sobject)
            cond = "" if include_deleted else ' WHERE "IsDeleted" = 0'
            return self.db.execute(f'SELECT COUNT(*) FROM "{meta.name}"{cond}').fetchone()[0]

    # seeding ----------------------------------------------------------------------------
    def _secondary_indexes(self, table: str) -> list[tuple[str, str]]:
        """(name, CREATE statement) of the table's non-unique indexes."""
        return [(name, sql) for name, sql in self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
            "AND sql NOT LIKE 'CREATE UNIQUE%'", (table,))]

    def bulk_insert(self, sobject: str, rows: Iterable[dict[str, Any]], chunk: int = 20_000) -> int:
        """Insert many records without HTTP or validation (seeding); returns the row count.

        Missing Ids are generated; missing timestamps default to now; Name is computed. Into an
        empty table, the non-unique indexes are built once after the load (a sort instead of one
        B-tree insert per row and index); the unique Id index stays, so a repeated Id still fails.
        """
        meta = self.meta(sobject)
        specs = meta.fields
        cols = [f.name for f in specs]
        sql = (f'INSERT INTO "{meta.name}" ({",".join(chr(34) + c + chr(34) for c in cols)}) '
               f'VALUES ({",".join("?" for _ in cols)})')
        ts = now_sf()
        defaults = [(spec.name, to_db(spec, spec.default)) for spec in specs if spec.default is not None]
        plans: dict[tuple[str, ...], list[tuple[str, str, Any]]] = {}
        total = 0

        def plan(keys: tuple[str, ...]) -> list[tuple[str, str, Any]]:
            """(input key, column, converter) for one key set (CSV rows all share one)."""
            out = []
            for key in keys:
                spec = meta.get(key)
                if spec is not None:
                    out.append((key, spec.name, _seed_converter(spec)))
            return out

        def convert(rows_in: Iterator[dict[str, Any]]) -> Iterator[list[Any]]:
            nonlocal total
            for raw in rows_in:
                keys = tuple(raw)
                steps = plans.get(keys)
                if steps is None:
                    steps = plans[keys] = plan(keys)
                rec: dict[str, Any] = {}
                for key, name, conv in steps:
                    rec[name] = conv(raw[key])
                if not rec.get("Id"):
                    rec["Id"] = self.new_id(meta.name)
                elif len(rec["Id"]) == 15:
                    rec["Id"] = id18(rec["Id"])
                for name, value in defaults:
                    if rec.get(name) is None:
                        rec[name] = value
                stamp = rec.get("LastModifiedDate") or rec.get("SystemModstamp") or ts
                rec.setdefault("LastModifiedDate", stamp)
                rec["SystemModstamp"] = rec.get("SystemModstamp") or stamp
                rec["CreatedDate"] = rec.get("CreatedDate") or stamp
                rec["IsDeleted"] = rec.get("IsDeleted") or 0
                rec["CreatedById"] = rec.get("CreatedById") or "005000000000001AAA"
                rec["LastModifiedById"] = rec.get("LastModifiedById") or "005000000000001AAA"
                self._compute_name(meta, rec)
                total += 1
                yield [rec.get(c) for c in cols]

        it = iter(rows)
        with self.lock:
            empty = self.db.execute(f'SELECT NOT EXISTS (SELECT 1 FROM "{meta.name}")').fetchone()[0]
            deferred = self._secondary_indexes(meta.name) if empty else []
            for name, _ in deferred:
                self.db.execute(f'DROP INDEX "{name}"')
            try:
                while True:
                    batch = list(itertools.islice(it, chunk))
                    if not batch:
                        break
                    self.db.execute("BEGIN")
                    self.db.executemany(sql, convert(iter(batch)))
                    self.db.execute("COMMIT")
            finally:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                for _, create in deferred:
                    self.db.execute(create)
        return total

    def close(self) -> None:
        with self.lock:
            self.db.close()
