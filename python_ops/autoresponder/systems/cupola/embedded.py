"""An embedded CUPOLA store in a SQLite file, for the demo and the tests (DESIGN §2).

Its two procedures follow the contract of `procedures.py` (result codes documented there):

* `mark_person_inactive`: sets `status = 'Inactive'` and stamps `status_change_date` with the
  clock's date; 0 success, 1 not found, 2 already inactive (nothing changed).
* `org_person_updates`: sets `position` and/or `email` where the argument is not None;
  0 success, 1 not found, 3 row inactive (refused).

Each call runs in one `BEGIN IMMEDIATE` transaction and leaves a row in `procedure_calls`
(procedure, org_person_id, params, result_code, called_at), so a test or the CUPOLA owner can
see exactly what was called. A `faults` hook can raise before a call runs (soak and retry tests).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from autoresponder.errors import SourceFormatError, SourceMissingError
from autoresponder.land.csv_source import check_header, header_of, read_text, value_error, value_ok
from autoresponder.systems.cupola.errors import as_cupola_error
from autoresponder.systems.cupola.procedures import (
    MARK_PERSON_INACTIVE,
    ORG_PERSON_FIELDS,
    ORG_PERSON_UPDATES,
    RESULT_ALREADY_INACTIVE,
    RESULT_NOT_FOUND,
    RESULT_OK,
    RESULT_ROW_INACTIVE,
)

_SCHEMA = """
create table if not exists persons (
    person_id integer primary key, first_name text, last_name text, email text, phone text
);
create table if not exists orgs (
    org_id integer primary key, org_name text, website_domain text
);
create table if not exists org_persons (
    org_person_id integer primary key, person_id integer, org_id integer, position text,
    email text, status text not null check (status in ('Active', 'Inactive')), status_change_date text
);
create table if not exists seed_meta (key text primary key, value text);
create table if not exists procedure_calls (
    call_id integer primary key autoincrement, called_at text not null, procedure text not null,
    org_person_id integer, params text not null, result_code integer
);
"""

_CSV_TABLES = {
    "persons": ("persons.csv", ("person_id", "first_name", "last_name", "email", "phone")),
    "orgs": ("orgs.csv", ("org_id", "org_name", "website_domain")),
    "org_persons": ("org_persons.csv", ORG_PERSON_FIELDS),
}


class EmbeddedCupola:
    """CUPOLA in a SQLite file with the two procedures of the real one.

    Args:
        path: the SQLite file (created when missing); `":memory:"` works too.
        clock: returns today's date for `status_change_date` (default `date.today`).
        faults: called with the procedure name before each procedure call; raising there
            simulates a failing server (the exception is wrapped as a typed `CupolaError`).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        clock: Callable[[], date] | None = None,
        faults: Callable[[str], None] | None = None,
    ) -> None:
        self.path = str(path)
        self._clock = clock or date.today
        self._faults = faults
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=5)
        self._conn.row_factory = sqlite3.Row
        # wal + normal sync: each procedure call still commits durably enough for a demo store,
        # without an fsync per call (thousands of calls per run at bench scale)
        self._conn.execute("pragma journal_mode = wal")
        self._conn.execute("pragma synchronous = normal")
        self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        self._conn.close()

    def seed_from_csv(self, sources_dir: str | Path) -> dict[str, int]:
        """Replace persons, orgs and org_persons with `<sources_dir>/cupola/*.csv` (DESIGN §3).

        Every file is read and checked first (encoding, header, whole-number ids, dates), then
        the three tables are replaced in one transaction with the sources' hash, so a bad file
        leaves the store as it was. Returns the number of rows loaded per table; the call log is
        kept.

        Raises:
            SourceMissingError / SourceFormatError: naming the file, line, column and the fix.
        """
        base = Path(sources_dir) / "cupola"
        loaded = {table: _read_table(base / filename, columns) for table, (filename, columns) in _CSV_TABLES.items()}
        digest = source_hash(sources_dir)
        self._conn.execute("begin immediate")
        try:
            for table, (_, columns) in _CSV_TABLES.items():
                self._conn.execute(f"delete from {table}")
                marks = ", ".join("?" for _ in columns)
                try:
                    self._conn.executemany(f"insert into {table} ({', '.join(columns)}) values ({marks})",
                                           loaded[table])
                except sqlite3.IntegrityError as exc:
                    raise SourceFormatError(f"{base / _CSV_TABLES[table][0]}: {exc} (a repeated {columns[0]}?); "
                                            f"keep one row per {columns[0]} and run again") from exc
            self._conn.execute("insert or replace into seed_meta (key, value) values ('source_hash', ?)", (digest,))
            self._conn.execute("commit")
        except BaseException:
            self._conn.execute("rollback")
            raise
        return {table: len(rows) for table, rows in loaded.items()}

    def seeded_hash(self) -> str | None:
        """The hash of the CUPOLA CSVs the store was last seeded from (None: never seeded)."""
        row = self._conn.execute("select value from seed_meta where key = 'source_hash'").fetchone()
        return row[0] if row else None

    def ensure_seeded(self, sources_dir: str | Path) -> bool:
        """Seed from `<sources_dir>/cupola/*.csv` unless the store already holds exactly those files.

        A store never seeded (or whose seed failed) is seeded; a changed source is re-seeded (a
        new CUPOLA snapshot replaces the embedded one). Returns True when it (re-)seeded.
        """
        if self.seeded_hash() == source_hash(sources_dir):
            return False
        self.seed_from_csv(sources_dir)
        return True

    def mark_person_inactive(self, org_person_id: int) -> int:
        """`IP4SP_AutoBounce_MarkPersonInactive`: 0 done, 1 not found, 2 already inactive."""

        def body(cur: sqlite3.Cursor) -> int:
            row = cur.execute(
                "select status from org_persons where org_person_id = ?", (org_person_id,)
            ).fetchone()
            if row is None:
                return RESULT_NOT_FOUND
            if row["status"] == "Inactive":
                return RESULT_ALREADY_INACTIVE
            cur.execute(
                "update org_persons set status = 'Inactive', status_change_date = ? where org_person_id = ?",
                (self._clock().isoformat(), org_person_id),
            )
            return RESULT_OK

        return self._call(MARK_PERSON_INACTIVE, org_person_id, {"OrgPersonID": org_person_id}, body)

    def org_person_updates(self, org_person_id: int, position: str | None, email: str | None) -> int:
        """`IP4SP_AutoBounce_OrgPersonUpdates`: 0 done, 1 not found, 3 row inactive (refused)."""

        def body(cur: sqlite3.Cursor) -> int:
            row = cur.execute(
                "select status from org_persons where org_person_id = ?", (org_person_id,)
            ).fetchone()
            if row is None:
                return RESULT_NOT_FOUND
            if row["status"] == "Inactive":
                return RESULT_ROW_INACTIVE
            cur.execute(
                "update org_persons set position = coalesce(?, position), email = coalesce(?, email)"
                " where org_person_id = ?",
                (position, email, org_person_id),
            )
            return RESULT_OK

        params = {"OrgPersonID": org_person_id, "Position": position, "Email": email}
        return self._call(ORG_PERSON_UPDATES, org_person_id, params, body)

    def read_org_person(self, org_person_id: int) -> dict[str, Any] | None:
        """The org-person row (keys `ORG_PERSON_FIELDS`) or None."""
        row = self._conn.execute(
            f"select {', '.join(ORG_PERSON_FIELDS)} from org_persons where org_person_id = ?",
            (org_person_id,),
        ).fetchone()
        return dict(row) if row is not None else None

    def procedure_calls(self) -> list[dict[str, Any]]:
        """Every procedure call so far, oldest first, params decoded."""
        rows = self._conn.execute("select * from procedure_calls order by call_id").fetchall()
        return [{**dict(r), "params": json.loads(r["params"])} for r in rows]

    def _call(
        self,
        procedure: str,
        org_person_id: int,
        params: dict[str, Any],
        body: Callable[[sqlite3.Cursor], int],
    ) -> int:
        try:
            if self._faults is not None:
                self._faults(procedure)
            cur = self._conn.cursor()
            cur.execute("begin immediate")
            try:
                code = body(cur)
                cur.execute(
                    "insert into procedure_calls (called_at, procedure, org_person_id, params, result_code)"
                    " values (?, ?, ?, ?, ?)",
                    (datetime.now(UTC).isoformat(), procedure, org_person_id, json.dumps(params), code),
                )
                cur.execute("commit")
            except BaseException:
                cur.execute("rollback")
                raise
        except Exception as exc:
            raise as_cupola_error(exc) from exc
        return code


def _blank_to_none(value: str | None) -> str | None:
    return None if value is None or value.strip() == "" else value


_TYPES = {"person_id": "BIGINT", "org_id": "BIGINT", "org_person_id": "BIGINT", "status_change_date": "DATE"}


def source_hash(sources_dir: str | Path) -> str:
    """SHA-256 over the three CUPOLA CSVs (name and bytes); a missing file names itself."""
    h = hashlib.sha256()
    for filename, _ in _CSV_TABLES.values():
        path = Path(sources_dir) / "cupola" / filename
        h.update(filename.encode())
        h.update(path.read_bytes() if path.is_file() else b"\0missing")
    return h.hexdigest()


def _read_table(path: Path, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Checked rows of one CUPOLA CSV: encoding detected, header complete, ids whole numbers,
    status Active/Inactive; errors name the file, line and column."""
    if not path.is_file():
        raise SourceMissingError(f"{path}: source file missing; the embedded CUPOLA store is seeded from it "
                                 f"(columns: {', '.join(columns)}), see DESIGN §3")
    text, _ = read_text(path)
    header = check_header(path, header_of(text), list(columns))
    # csv.reader rather than land's DictReader rows: the same values (last of a repeated column,
    # None past a short row, blank lines skipped) without a dict per row
    where = {name: i for i, name in enumerate(header)}
    plan = [(where[c], header.index(c) + 1, c, _TYPES.get(c)) for c in columns]
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader, None)
    rows = []
    for row in reader:
        if not row:
            continue
        values = []
        for i, col, c, t in plan:
            v = _blank_to_none(row[i] if i < len(row) else None)
            if t == "BIGINT" and v is not None:
                if not (v.isascii() and v.isdigit()):
                    if not value_ok(t, v):
                        raise value_error(path, reader.line_num, col, c, t, v)
                    v = v.strip()
                v = int(v)
            elif t is not None and not value_ok(t, v):
                raise value_error(path, reader.line_num, col, c, t, v or "")
            if c == "status" and v not in ("Active", "Inactive"):
                raise SourceFormatError(f"{path}:{reader.line_num}:{col}: column status is {v!r}, not "
                                        "'Active' or 'Inactive'; correct the value and run again")
            values.append(v)
        rows.append(tuple(values))
    return rows
