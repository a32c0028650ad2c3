"""CUPOLA on SQL Server through a DB-API connection (pyodbc), calling the real procedures.

Each procedure runs as one batch that declares the output variable, executes the procedure and
selects the variable::

    SET NOCOUNT ON; DECLARE @r INT;
    EXEC dbo.IP4SP_AutoBounce_MarkPersonInactive @OrgPersonID=?, @Result=@r OUTPUT;
    SELECT @r;

`SET NOCOUNT ON` keeps row-count messages out of the way, so the `SELECT @r` result set can
be fetched (pyodbc otherwise reports "No results. Previous SQL was not a query"). The batch is
committed after the result is read and rolled back on error. Result codes: see `procedures.py`.

The read used for healing and verification (`read_org_person`) is the snapshot's org-person read
(`reads.py`) narrowed to one id; its text is a constructor argument, because the CUPOLA table and
column names are the owner's to confirm.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.dialects import mssql

from autoresponder.systems.cupola.errors import CupolaTerminalError, as_cupola_error
from autoresponder.systems.cupola.procedures import (
    MARK_PERSON_INACTIVE,
    ORG_PERSON_FIELDS,
    ORG_PERSON_UPDATES,
)
from autoresponder.systems.cupola.reads import ORG_PERSON, ORG_PERSONS

MARK_PERSON_INACTIVE_SQL = (
    "SET NOCOUNT ON; DECLARE @r INT; "
    f"EXEC dbo.{MARK_PERSON_INACTIVE} @OrgPersonID=?, @Result=@r OUTPUT; SELECT @r;"
)
ORG_PERSON_UPDATES_SQL = (
    "SET NOCOUNT ON; DECLARE @r INT; "
    f"EXEC dbo.{ORG_PERSON_UPDATES} @OrgPersonID=?, @Position=?, @Email=?, @Result=@r OUTPUT; SELECT @r;"
)
# the snapshot's org-person read (reads.py: the table is an assumption to confirm with the CUPOLA
# owner) for one row by id: columns in ORG_PERSON_FIELDS order, one `?` (pyodbc's parameter style)
DEFAULT_READ_SQL = str(ORG_PERSONS.order_by(None).where(ORG_PERSON.c.OrgPersonID == bindparam("org_person_id"))
                       .compile(dialect=mssql.dialect(paramstyle="qmark")))


class MssqlCupola:
    """`CupolaProcedures` over a DB-API connection to the CUPOLA database.

    Args:
        conn: an open DB-API connection (pyodbc, autocommit off).
        read_sql: SELECT returning one org-person row in `ORG_PERSON_FIELDS` order, one `?`.
    """

    def __init__(self, conn: Any, *, read_sql: str = DEFAULT_READ_SQL) -> None:
        self._conn = conn
        self._read_sql = read_sql

    def mark_person_inactive(self, org_person_id: int) -> int:
        return self._exec_result(MARK_PERSON_INACTIVE_SQL, (int(org_person_id),))

    def org_person_updates(self, org_person_id: int, position: str | None, email: str | None) -> int:
        return self._exec_result(ORG_PERSON_UPDATES_SQL, (int(org_person_id), position, email))

    def read_org_person(self, org_person_id: int) -> dict[str, Any] | None:
        try:
            cur = self._conn.cursor()
            cur.execute(self._read_sql, (int(org_person_id),))
            row = cur.fetchone()
        except Exception as exc:
            raise as_cupola_error(exc) from exc
        if row is None:
            return None
        out = dict(zip(ORG_PERSON_FIELDS, tuple(row), strict=False))
        if out.get("status_change_date") is not None and hasattr(out["status_change_date"], "isoformat"):
            out["status_change_date"] = out["status_change_date"].isoformat()
        return out

    def _exec_result(self, sql: str, params: tuple[Any, ...]) -> int:
        try:
            cur = self._conn.cursor()
            cur.execute(sql, params)
            last = None
            while True:
                if cur.description is not None:
                    last = cur.fetchall()
                if not cur.nextset():
                    break
            self._conn.commit()
        except Exception as exc:
            try:
                self._conn.rollback()
            except Exception:  # noqa: BLE001 - the connection may be gone; the first error matters
                pass
            raise as_cupola_error(exc) from exc
        if not last or last[-1][0] is None:
            raise CupolaTerminalError(f"procedure returned no @Result (params {params!r})")
        return int(last[-1][0])
