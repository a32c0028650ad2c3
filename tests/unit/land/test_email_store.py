"""Replies landed from the email store (`CBI_EmailExtraction.dbo.Emails` on SQL Server, here a SQLite
file through SQLAlchemy) land as the same messages of a folder would: same tables, same dedup, same
parse errors; only the most recent N by ReceivedDate are read; the settings choose the source."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from autoresponder.config import Settings, default_setting
from autoresponder.errors import SourceMissingError
from autoresponder.land.email_store import land_email_store, land_replies
from autoresponder.land.emails import land_emails
from autoresponder.land.snapshots import preflight
from tests.conftest import ROOT, SEEDS

FIXTURES = ROOT / "tests" / "fixtures" / "land"
TABLE = default_setting("emails_sql_table")
T0 = datetime(2026, 11, 16, 9, 0, 0)

ORIGINAL = (FIXTURES / "auto_reply.eml").read_bytes()
REDELIVERY = b"Received: from relay.acme.com by mx.example-research.com; Mon, 16 Nov 2026 10:05:00 +0100\n" + ORIGINAL
OTHER_BODY = ORIGINAL.replace(b"7 December", b"9 December")
BROKEN = (FIXTURES / "broken_mime.eml").read_bytes()
OLDEST = ORIGINAL.replace(b"AbC-1", b"older-1").replace(b"Ann Lee", b"Bo Old")

# oldest first; the first row is older than the N = 5 most recent and must not land
STORE = [("<older-1@acme.com>", OLDEST), ("<AbC-1@acme.com>", ORIGINAL), ("<broken-1@acme.com>", BROKEN),
         (None, None), ("<AbC-1@acme.com>", REDELIVERY), ("<AbC-1@acme.com>", OTHER_BODY)]
RECENT = STORE[1:]

def _fill(sql_store) -> None:
    sql_store.fill_emails(TABLE, [(mid, T0 + timedelta(minutes=i), raw) for i, (mid, raw) in enumerate(STORE)])


def _folder(root: Path, messages: list[tuple[str | None, bytes | None]]) -> Path:
    folder = root / "emails"
    folder.mkdir(parents=True)
    for i, (_, raw) in enumerate(messages):
        (folder / f"{i:04d}.eml").write_bytes(raw or b"")
    return folder


def _landed(conn: duckdb.DuckDBPyConnection) -> tuple[list, list]:
    emails = conn.execute("select * exclude (file_path, landed_at) from raw.emails order by message_id").fetchall()
    duplicates = conn.execute("select run_id, message_id, sha256 from raw.email_duplicates order by sha256").fetchall()
    return emails, duplicates


def test_store_rows_land_as_the_same_messages_in_a_folder_would(tmp_path: Path, sql_store) -> None:
    _fill(sql_store)
    from_store = duckdb.connect(str(tmp_path / "store.duckdb"))
    engine = sql_store.engine(["CBI_EmailExtraction.dbo"])
    store_stats = land_email_store(from_store, engine, TABLE, 5, run_id="R1")
    from_folder = duckdb.connect(str(tmp_path / "folder.duckdb"))
    folder_stats = land_emails(from_folder, _folder(tmp_path / "src", RECENT), run_id="R1")

    assert _landed(from_store) == _landed(from_folder)
    assert store_stats.as_dict() == folder_stats.as_dict()
    # the cases the comparison covers: a re-delivery listed not landed, a different body under a landed
    # Message-ID landed with duplicate_of, broken MIME and an empty row landed with parse_error
    assert (store_stats.landed, store_stats.duplicates, store_stats.duplicates_landed) == (4, 1, 1)
    assert store_stats.parse_errors == folder_stats.parse_errors >= 2
    ids = {r[0] for r in from_store.execute("select message_id from raw.emails").fetchall()}
    assert "older-1@acme.com" not in ids  # older than the 5 most recent by ReceivedDate
    sources = from_store.execute("select file_path from raw.emails order by landed_at, file_path").fetchall()
    assert all(p.startswith(f"{TABLE}#2026-11-16T09:0") for (p,) in sources)

    again = land_email_store(from_store, engine, TABLE, 5, run_id="R2")
    engine.dispose()
    assert (again.landed, again.duplicates, again.already_landed) == (0, 0, 5)


def test_settings_choose_the_email_store_or_the_folder(tmp_path: Path, sql_store) -> None:
    _fill(sql_store)
    sources = tmp_path / "sources"
    _folder(sources, [("<folder-only@acme.com>", ORIGINAL.replace(b"AbC-1", b"folder-only"))])

    folder_conn = duckdb.connect(str(tmp_path / "folder.duckdb"))
    land_replies(folder_conn, Settings(), sources, run_id="R1")
    assert folder_conn.execute("select message_id from raw.emails").fetchall() == [("folder-only@acme.com",)]

    store_conn = duckdb.connect(str(tmp_path / "store.duckdb"))
    stats = land_replies(store_conn, Settings(emails_sql=sql_store.url, emails_sql_limit=2), sources, run_id="R1")
    # the 2 most recent rows, oldest first: the re-delivery lands as AbC-1 (the first met), the
    # different body after it lands with duplicate_of
    assert (stats.landed, stats.duplicates_landed) == (2, 1)
    rows = store_conn.execute("select message_id, duplicate_of, raw from raw.emails order by message_id").fetchall()
    assert [(m.split("#")[0], d) for m, d, _ in rows] == [("abc-1@acme.com", None), ("abc-1@acme.com", "abc-1@acme.com")]
    assert bytes(rows[0][2]) == REDELIVERY


def test_a_run_reading_sql_sources_needs_no_emails_folder_nor_their_csvs(tmp_path: Path, sql_store) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS / "sfmc", sources / "sfmc")  # SFMC has no SQL read: its CSV stays needed
    settings = Settings(emails_sql=sql_store.url, cupola_sql=sql_store.url, hodor_sql=sql_store.url,
                        multipub_sql=sql_store.url)
    assert preflight(sources, settings=settings, salesforce_csv=False) == []
    with pytest.raises(SourceMissingError, match="cupola/persons.csv"):
        preflight(sources, settings=Settings(), salesforce_csv=False)
