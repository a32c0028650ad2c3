"""Fixtures shared by unit tests: a tiny CUPOLA source set and the embedded store seeded from it,
an in-memory warehouse, a write factory (executor, CUPOLA, Hodor); a seeded TLS Salesforce
emulator and simple-salesforce clients bound to it (emulator, connector); a SQLite stand-in for the
SQL Server sources (sql_store)."""

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from simple_salesforce import Salesforce
from sqlalchemy import BigInteger, Date, Engine, Table, insert

from autoresponder.emulators.salesforce import start_emulator, write_sample_sources
from autoresponder.land.email_store import emails_table
from autoresponder.land.snapshots import Snapshot
from autoresponder.land.sql_source import open_engine, schemas_of
from autoresponder.systems.cupola import EmbeddedCupola

PERSONS = """person_id,first_name,last_name,email,phone
1,Ada,Lovelace,ada@acme.com,+1 555 0100
2,Alan,Turing,alan@initech.com,
"""
ORGS = """org_id,org_name,website_domain
10,Acme,acme.com
20,Initech,initech.com
"""
ORG_PERSONS = """org_person_id,person_id,org_id,position,email,status,status_change_date
100,1,10,Analyst,ada@acme.com,Active,
101,1,20,Director,ada@initech.com,Inactive,2023-01-05
200,2,20,CIO,alan@initech.com,Active,2022-02-01
"""


def write_sources(root: Path) -> Path:
    (root / "cupola").mkdir(parents=True, exist_ok=True)
    (root / "cupola" / "persons.csv").write_text(PERSONS)
    (root / "cupola" / "orgs.csv").write_text(ORGS)
    (root / "cupola" / "org_persons.csv").write_text(ORG_PERSONS)
    return root


@pytest.fixture
def sources_dir(tmp_path: Path) -> Path:
    return write_sources(tmp_path / "sources")


@pytest.fixture
def cupola(tmp_path: Path, sources_dir: Path) -> EmbeddedCupola:
    store = EmbeddedCupola(tmp_path / "cupola.sqlite", clock=lambda: date(2025, 3, 14))
    store.seed_from_csv(sources_dir)
    yield store
    store.close()


def make_write(system, obj, record_id, action, payload, prior=None, message_id="m1", run_id="r1"):
    from autoresponder.act.idempotency import idempotency_key
    from autoresponder.models import PlannedWrite

    return PlannedWrite(
        run_id=run_id, message_id=message_id, system=system, object=obj, record_id=record_id, action=action,
        payload=payload, prior=prior or {},
        idempotency_key=idempotency_key(system, obj, record_id, action, payload, message_id),
        determination="INACTIVE", reason="left",
    )  # fmt: skip


@pytest.fixture
def wh():
    import duckdb

    con = duckdb.connect()
    yield con
    con.close()


@pytest.fixture
def mk():
    return make_write


@pytest.fixture
def emulator(tmp_path):
    with start_emulator(write_sample_sources(tmp_path / "sources")) as emu:
        yield emu


@pytest.fixture
def sf(emulator) -> Salesforce:
    """Logged in with an access token + instance URL."""
    return Salesforce(instance_url=emulator.instance_url, session_id=emulator.access_token,
                      session=emulator.session())


@pytest.fixture
def sf_login(emulator) -> Salesforce:
    """Logged in through the SOAP login endpoint (username + password + security token)."""
    return Salesforce(username=emulator.username, password=emulator.password,
                      security_token=emulator.security_token, session=emulator.session())


# --- a SQLite file standing in for the SQL Server sources (email store, CUPOLA, Multipub, Hodor),
# filled through SQLAlchemy with the tables the SQL reads name

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
