"""A CSV snapshot with the bytes last landed is not read again; any change lands it again."""

from __future__ import annotations

from pathlib import Path

import duckdb

from autoresponder.land.snapshots import land_changed_snapshots


def test_unchanged_snapshots_are_not_landed_again_and_are_named(sources: Path) -> None:
    conn = duckdb.connect()
    first = land_changed_snapshots(conn, sources, run_id="a")
    again = land_changed_snapshots(conn, sources, run_id="b")
    assert first.unchanged == [] and sorted(again.unchanged) == sorted(first.rows)
    assert again.rows == first.rows
    assert {r[0] for r in conn.execute("select distinct run_id from ops.landed_snapshots").fetchall()} == {"a"}


def test_a_changed_byte_lands_that_snapshot_again_and_only_it(sources: Path) -> None:
    conn = duckdb.connect()
    land_changed_snapshots(conn, sources, run_id="a")
    path = sources / "hodor" / "prospects.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Ben,Carter", "Ben,Cartier"), encoding="utf-8")
    again = land_changed_snapshots(conn, sources, run_id="b")
    assert "raw.hodor_prospects" not in again.unchanged and "raw.cupola_orgs" in again.unchanged
    assert conn.execute("select count(*) from raw.hodor_prospects where last_name = 'Cartier'").fetchone()[0] == 1


def test_a_table_changed_since_its_landing_is_landed_again_from_the_same_file(sources: Path) -> None:
    conn = duckdb.connect()
    first = land_changed_snapshots(conn, sources, run_id="a")
    conn.execute("delete from raw.cupola_orgs")  # e.g. another source replaced the table
    again = land_changed_snapshots(conn, sources, run_id="b")
    assert "raw.cupola_orgs" not in again.unchanged
    assert conn.execute("select count(*) from raw.cupola_orgs").fetchone()[0] == first.rows["raw.cupola_orgs"]
