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
import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

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

        Returns the number of rows loaded per table. The call log is kept.
        """
        base = Path(sources_dir) / "cupola"
        counts: dict[str, int] = {}
        self._conn.execute("begin immediate")
        try:
            for table, (filename, columns) in _CSV_TABLES.items():
                self._conn.execute(f"delete from {table}")
                with (base / filename).open(newline="", encoding="utf-8-sig") as fh:
                    rows = [tuple(_blank_to_none(r.get(c)) for c in columns) for r in csv.DictReader(fh)]
                marks = ", ".join("?" for _ in columns)
                self._conn.executemany(f"insert into {table} ({', '.join(columns)}) values ({marks})", rows)
                counts[table] = len(rows)
            self._conn.execute("commit")
        except BaseException:
            self._conn.execute("rollback")
            raise
        return counts

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
