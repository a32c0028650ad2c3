"""CSV snapshots land typed; a missing or misshapen file stops the run naming file and fix."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from autoresponder.errors import SourceFormatError, SourceMissingError
from autoresponder.land.snapshots import SNAPSHOTS, land_snapshots


def test_demo_snapshots_land_typed(sources: Path) -> None:
    conn = duckdb.connect()
    counts = land_snapshots(conn, sources)
    assert counts["raw.cupola_org_persons"] > 0
    types = dict(conn.execute("select column_name, data_type from information_schema.columns "
                              "where table_name = 'cupola_org_persons'").fetchall())
    assert types["org_person_id"] == "BIGINT" and types["status_change_date"] == "DATE"


def test_missing_source_file_stops_the_run_naming_the_file(sources: Path) -> None:
    (sources / "hodor" / "prospects.csv").unlink()
    conn = duckdb.connect()
    with pytest.raises(SourceMissingError, match="hodor/prospects.csv"):
        land_snapshots(conn, sources)
    tables = conn.execute("select count(*) from information_schema.tables where table_schema = 'raw'").fetchone()[0]
    assert tables == 0  # nothing half-landed


def test_missing_column_names_the_file_and_the_column(sources: Path) -> None:
    path = sources / "cupola" / "orgs.csv"
    path.write_text("org_id,org_name\n1,Acme\n")
    with pytest.raises(SourceFormatError, match="website_domain"):
        land_snapshots(duckdb.connect(), sources, tuple(s for s in SNAPSHOTS if s.relpath == "cupola/orgs.csv"))


def test_columns_in_another_order_still_land(sources: Path) -> None:
    path = sources / "cupola" / "orgs.csv"
    path.write_text("website_domain,org_name,org_id\nacme.com,Acme,7\n")
    conn = duckdb.connect()
    land_snapshots(conn, sources, tuple(s for s in SNAPSHOTS if s.relpath == "cupola/orgs.csv"))
    assert conn.execute("select org_id, org_name from raw.cupola_orgs").fetchone() == (7, "Acme")
