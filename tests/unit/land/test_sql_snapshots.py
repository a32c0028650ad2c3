"""CUPOLA, Multipub and Hodor snapshots read from SQL (a SQLite stand-in through SQLAlchemy) land the
same typed tables as their CSVs; the settings choose the source, for the snapshots and the replies
alike, in the pipeline's landing stage."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from email.parser import BytesHeaderParser
from pathlib import Path

import duckdb
import pytest
from sqlalchemy import text

from autoresponder.config import Settings
from autoresponder.connections import Connections
from autoresponder.errors import SourceFormatError
from autoresponder.land.emails import message_files
from autoresponder.land.snapshots import land_snapshots
from autoresponder.pipeline import land
from autoresponder.run import RunContext
from autoresponder.systems import registry
from tests.conftest import SEEDS

SQL_SNAPSHOTS = [s for s in registry.csv_snapshots() if s.sql is not None]
T0 = datetime(2026, 11, 16, 9, 0, 0)
SQL_SETTINGS = sorted({s.sql.setting for s in SQL_SNAPSHOTS})


def _table(conn: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    return conn.execute(f"select * from {name} order by all").fetchall()


def test_cupola_multipub_and_hodor_each_have_one_setting() -> None:
    assert SQL_SETTINGS == ["cupola_sql", "hodor_sql", "multipub_sql"]


@pytest.mark.parametrize("snap", SQL_SNAPSHOTS, ids=[s.table for s in SQL_SNAPSHOTS])
def test_sql_snapshot_lands_the_same_table_as_its_csv(snap, tmp_path: Path, sql_store) -> None:
    assert sql_store.fill_snapshot(snap, SEEDS / snap.relpath) > 0
    from_csv = duckdb.connect()
    land_snapshots(from_csv, SEEDS, (snap,))
    from_sql = duckdb.connect()
    empty_sources = tmp_path / "no_csvs"
    empty_sources.mkdir()
    counts = land_snapshots(from_sql, empty_sources, (snap,), settings=Settings(**{snap.sql.setting: sql_store.url}))
    assert counts[snap.table] == from_csv.execute(f"select count(*) from {snap.table}").fetchone()[0]
    assert _table(from_sql, snap.table) == _table(from_csv, snap.table)
    assert from_sql.execute(f"describe {snap.table}").fetchall() == from_csv.execute(f"describe {snap.table}").fetchall()


def test_a_sql_value_that_does_not_fit_its_column_stops_landing_with_every_table_intact(
        tmp_path: Path, sql_store) -> None:
    cupola = [s for s in SQL_SNAPSHOTS if s.sql.setting == "cupola_sql"]
    for snap in cupola:
        sql_store.fill_snapshot(snap, SEEDS / snap.relpath)
    conn = duckdb.connect()
    land_snapshots(conn, SEEDS, tuple(cupola))
    before = _table(conn, "raw.cupola_persons")
    engine = sql_store.engine(["dbo"])
    with engine.begin() as c:  # an id column that holds text (SQLite keeps what it is given)
        c.execute(text('update dbo."Person" set "PersonID" = \'P-\' || "PersonID" where "PersonID" = 1001'))
    engine.dispose()
    with pytest.raises(SourceFormatError, match="person_id holds 'P-1001'") as err:
        land_snapshots(conn, tmp_path, tuple(cupola), settings=Settings(cupola_sql=sql_store.url))
    assert "cupola_sql" in str(err.value) and "password" not in str(err.value)
    assert _table(conn, "raw.cupola_persons") == before


def _store_replies(sql_store, emails_dir: Path) -> None:
    """The folder's replies as rows of the email store, ReceivedDate in the folder's path order."""
    rows = []
    for i, path in enumerate(message_files(emails_dir)):
        raw = path.read_bytes()
        rows.append((BytesHeaderParser().parsebytes(raw)["Message-ID"], T0 + timedelta(seconds=i), raw))
    sql_store.fill_emails(Settings().emails_sql_table, rows)


def _land_stage(settings: Settings) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(str(settings.warehouse))
    land(RunContext.create(settings, run_id="R1"), conn, Connections())  # Salesforce from its CSV export
    return conn


def test_the_landing_stage_reads_the_sources_the_settings_choose(tmp_path: Path, sql_store) -> None:
    for snap in SQL_SNAPSHOTS:
        sql_store.fill_snapshot(snap, SEEDS / snap.relpath)
    _store_replies(sql_store, SEEDS / "emails")
    sql_sources = tmp_path / "sql_sources"  # only the sources without a SQL read: SFMC, the Salesforce export
    for keep in ("sfmc", "salesforce"):
        shutil.copytree(SEEDS / keep, sql_sources / keep)
    url = sql_store.url
    from_sql = _land_stage(Settings(sources_dir=sql_sources, warehouse=tmp_path / "sql.duckdb",
                                    runs_dir=tmp_path / "runs", emails_sql=url, cupola_sql=url, multipub_sql=url,
                                    hodor_sql=url))
    from_files = _land_stage(Settings(sources_dir=SEEDS, warehouse=tmp_path / "files.duckdb",
                                      runs_dir=tmp_path / "runs"))
    for table in sorted({s.table for s in SQL_SNAPSHOTS} | {"raw.sfmc_suppressions"}):
        assert _table(from_sql, table) == _table(from_files, table), table
    landed = "select * exclude (file_path, landed_at) from raw.emails order by message_id"
    assert from_sql.execute(landed).fetchall() == from_files.execute(landed).fetchall()
    listed = "select run_id, message_id, sha256 from raw.email_duplicates order by all"
    assert from_sql.execute(listed).fetchall() == from_files.execute(listed).fetchall()
    paths = {p for (p,) in from_sql.execute("select file_path from raw.emails").fetchall()}
    assert all(p.startswith("CBI_EmailExtraction.dbo.Emails#") for p in paths)
