"""A SQLite file standing in for the SQL Server sources (the email store, CUPOLA, Multipub, Hodor),
filled through SQLAlchemy with the tables the SQL reads name."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import BigInteger, Date, Engine, Table, insert

from autoresponder.land.email_store import emails_table
from autoresponder.land.snapshots import Snapshot
from autoresponder.land.sql_source import open_engine, schemas_of


@dataclass
class SqlStore:
    url: str

    def engine(self, schemas) -> Engine:
        return open_engine(self.url, schemas)

    def fill_snapshot(self, snap: Snapshot, csv_path: Path) -> int:
        """Create the table `snap`'s SQL read selects from and insert the CSV's rows, typed."""
        statement = snap.sql.statement
        table: Table = statement.get_final_froms()[0]
        source_of = {c.name: c.element.name for c in statement.selected_columns}
        with csv_path.open(encoding="utf-8", newline="") as fh:
            rows = [{source_of[k]: self._typed(table, source_of[k], v) for k, v in r.items()} for r in csv.DictReader(fh)]
        engine = self.engine(schemas_of(statement))
        try:
            table.create(engine, checkfirst=True)
            with engine.begin() as c:
                c.execute(insert(table), rows)
        finally:
            engine.dispose()
        return len(rows)

    @staticmethod
    def _typed(table: Table, column: str, value: str):
        if value is None or value == "":
            return None
        kind = table.c[column].type
        if isinstance(kind, BigInteger):
            return int(value)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        return value

    def fill_emails(self, table_name: str, rows: list[tuple[str | None, datetime, bytes | None]]) -> None:
        """(MessageId, ReceivedDate, RawMessage) rows into the email store's table."""
        table = emails_table(table_name)
        engine = self.engine([table.schema])
        try:
            table.create(engine, checkfirst=True)
            with engine.begin() as c:
                c.execute(insert(table), [{"MessageId": m, "ReceivedDate": d, "RawMessage": r} for m, d, r in rows])
        finally:
            engine.dispose()


@pytest.fixture
def sql_store(tmp_path: Path) -> SqlStore:
    return SqlStore(f"sqlite:///{tmp_path / 'sql_server_stand_in.sqlite'}")
