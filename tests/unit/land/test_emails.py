"""Landing keeps every message: broken MIME, empty files and duplicates never stop a run."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import duckdb
import pytest

from autoresponder.errors import SourceMissingError
from autoresponder.land import emails as landing
from autoresponder.land.emails import EMAIL_COLUMNS, land_emails, message_files
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "land"

GOOD = (FIXTURES / "auto_reply.eml").read_bytes()

BROKEN = (FIXTURES / "broken_mime.eml").read_bytes()


def _land(tmp_path: Path, files: dict[str, bytes]) -> tuple[duckdb.DuckDBPyConnection, object]:
    emails = tmp_path / "emails"
    emails.mkdir()
    for name, data in files.items():
        (emails / name).write_bytes(data)
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    return conn, land_emails(conn, emails)


def test_message_lands_with_normalised_id_sender_and_text(tmp_path: Path) -> None:
    conn, stats = _land(tmp_path, {"a.eml": GOOD})
    row = conn.execute("select message_id, from_email, text, parse_error, sent_at from raw.emails").fetchone()
    assert row[0] == "abc-1@acme.com"
    assert row[1] == "ann.lee@acme.com"
    assert "out of the office" in row[2]
    assert row[3] is None
    assert str(row[4]) == "2026-11-16 09:00:00"
    assert stats.landed == 1


def test_malformed_mime_lands_with_parse_error_and_its_readable_text(tmp_path: Path) -> None:
    conn, stats = _land(tmp_path, {"b.eml": BROKEN})
    err, text, raw = conn.execute("select parse_error, text, raw from raw.emails").fetchone()
    assert err and "Boundary" in err
    assert "still readable text" in text
    assert raw == BROKEN
    assert stats.parse_errors == 1


def test_empty_file_lands_with_parse_error_empty_file(tmp_path: Path) -> None:
    conn, stats = _land(tmp_path, {"c.eml": b""})
    mid, err = conn.execute("select message_id, parse_error from raw.emails").fetchone()
    assert mid.startswith("sha256:") and err == "empty file"


def test_duplicate_message_id_lands_once(tmp_path: Path) -> None:
    dup = GOOD.replace(b"<AbC-1@acme.com>", b"< abc-1@ACME.com >")
    conn, stats = _land(tmp_path, {"a.eml": GOOD, "b.eml": dup})
    assert conn.execute("select count(*) from raw.emails").fetchone()[0] == 1
    assert (stats.landed, stats.duplicates) == (1, 1)


def test_relanding_the_same_folder_adds_nothing(tmp_path: Path) -> None:
    conn, _ = _land(tmp_path, {"a.eml": GOOD, "b.eml": BROKEN})
    again = land_emails(conn, tmp_path / "emails")
    assert (again.landed, again.already_landed) == (0, 2)


def test_mbox_messages_each_land(tmp_path: Path) -> None:
    mbox = b"From MAILER-DAEMON Mon Nov 16 10:00:00 2026\n" + GOOD + b"\nFrom x Mon Nov 16 10:00:00 2026\n" + BROKEN
    conn, stats = _land(tmp_path, {"box.mbox": mbox})
    assert conn.execute("select count(*) from raw.emails").fetchone()[0] == 2


def test_missing_emails_folder_names_the_folder(tmp_path: Path) -> None:
    conn = duckdb.connect()
    with pytest.raises(SourceMissingError, match=str(tmp_path / "nope")):
        land_emails(conn, tmp_path / "nope")


def test_each_message_records_the_run_that_first_landed_it(tmp_path: Path) -> None:
    emails = tmp_path / "emails"
    emails.mkdir()
    (emails / "a.eml").write_bytes(GOOD)
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    land_emails(conn, emails, run_id="run-1")
    (emails / "b.eml").write_bytes(BROKEN)
    land_emails(conn, emails, run_id="run-2")
    rows = dict(conn.execute("select message_id, landed_run_id from raw.emails").fetchall())
    assert rows == {"abc-1@acme.com": "run-1", "broken-1@acme.com": "run-2"}


def test_a_duplicate_is_listed_once_with_its_file_and_the_landed_copy(tmp_path: Path) -> None:
    emails = tmp_path / "emails"
    emails.mkdir()
    (emails / "a.eml").write_bytes(GOOD)
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    land_emails(conn, emails, run_id="run-1")
    (emails / "z.eml").write_bytes(GOOD.replace(b"<AbC-1@acme.com>", b"<abc-1@ACME.com>"))
    second = land_emails(conn, emails, run_id="run-2")
    assert (second.landed, second.duplicates, second.already_landed) == (0, 1, 1)
    assert second.duplicate_files == [{"file": str(emails / "z.eml"), "message_id": "abc-1@acme.com",
                                       "duplicate_of_file": str(emails / "a.eml"), "landed": False}]
    third = land_emails(conn, emails, run_id="run-3")
    assert (third.landed, third.duplicates, third.already_landed) == (0, 0, 2)
    listed = conn.execute("select run_id, file_path, duplicate_of_file from raw.email_duplicates").fetchall()
    assert listed == [("run-2", str(emails / "z.eml"), str(emails / "a.eml"))]
    assert all(isinstance(v, int) for v in second.as_dict().values())


def test_a_warehouse_from_before_run_ids_gets_the_column(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    conn.execute("create schema raw; create table raw.emails (message_id varchar primary key, message_id_raw varchar,"
                 " file_path varchar, sha256 varchar, from_email varchar, from_name varchar, to_emails json,"
                 " subject varchar, sent_at timestamp, headers json, text varchar, auth_status varchar,"
                 " parse_error varchar, raw blob, landed_at timestamp)")
    emails = tmp_path / "emails"
    emails.mkdir()
    (emails / "a.eml").write_bytes(GOOD)
    land_emails(conn, emails, run_id="run-1")
    assert conn.execute("select landed_run_id from raw.emails").fetchall() == [("run-1",)]


def test_same_message_id_with_a_different_body_lands_with_duplicate_of(tmp_path: Path) -> None:
    other = GOOD.replace(b"until 7 December 2026", b"permanently: I have left Acme")
    relay = b"Received: from mx2.acme.com\n" + GOOD.replace(b"<AbC-1@acme.com>", b"<abc-1@ACME.com>")
    conn, stats = _land(tmp_path, {"a.eml": GOOD, "b.eml": other, "c.eml": relay})
    rows = conn.execute("select message_id, file_path, duplicate_of from raw.emails order by file_path").fetchall()
    key = rows[1][0]
    assert key.startswith("abc-1@acme.com#body-") and len(key) == len("abc-1@acme.com#body-") + 12
    assert [(Path(f).name, d) for _, f, d in rows] == [("a.eml", None), ("b.eml", "abc-1@acme.com")]
    assert (stats.landed, stats.duplicates_landed, stats.duplicates) == (2, 1, 1)  # c.eml: a re-delivery of a.eml
    notes = stats.duplicate_notes()
    assert any("b.eml" in n and "different body" in n and "DUPLICATE_MESSAGE_ID" in n for n in notes)
    assert any("c.eml" in n and "re-delivery of" in n and "a.eml" in n for n in notes)
    # a re-delivery of the second message is recognised as such, and a re-run lands nothing
    (tmp_path / "emails" / "d.eml").write_bytes(other)
    again = land_emails(conn, tmp_path / "emails")
    assert (again.landed, again.duplicates, again.duplicates_landed, again.already_landed) == (0, 1, 0, 3)
    assert again.duplicate_files[0]["duplicate_of_file"].endswith("b.eml")


def test_landing_stores_its_parse_for_classification(tmp_path: Path) -> None:
    from autoresponder.mime import ParsedMessage, parse_message

    conn, _ = _land(tmp_path, {"a.eml": GOOD})
    stored = ParsedMessage.from_json(conn.execute("select parsed from raw.emails").fetchone()[0])
    assert stored == parse_message(GOOD)
    assert stored.sent_at is not None and stored.sent_at.utcoffset() is not None  # the Date's own offset


def _mixed_folder(emails: Path, second_run: bool) -> None:
    """Replies of every kind, in sub-folders too: re-deliveries, a different body under a landed
    Message-ID (and its re-delivery), broken MIME, an empty file, an mbox; the second run adds more."""
    classify = sorted((ROOT / "tests" / "fixtures" / "classify").rglob("*.eml"))
    other = GOOD.replace(b"until 7 December 2026", b"permanently: I have left Acme")
    files = {"a/good.eml": GOOD, "a/relay.eml": b"Received: from mx2.acme.com\n" + GOOD, "b/other.eml": other,
             "broken.eml": BROKEN, "empty.eml": b"", "notes.txt": b"no headers at all",
             "box.mbox": b"From x Mon Nov 16 10:00:00 2026\n" + BROKEN + b"\nFrom y Mon Nov 16 10:00:00 2026\n" + GOOD,
             **{f"c/{i:03d}_{p.name}": p.read_bytes() for i, p in enumerate(classify[:60])},
             # the last task: which of two bodies under one new Message-ID keeps it depends on the order
             "z/1.eml": GOOD.replace(b"AbC-1", b"late-1"), "z/2.eml": other.replace(b"AbC-1", b"late-1")}
    if second_run:
        # landed files first (read here), then new ones (in the pool); one file edited in place
        files.update({"b/other-again.eml": other, f"c/000_{classify[0].name}": classify[0].read_bytes() + b"\n--",
                      **{f"d/{p.name}": p.read_bytes() for p in classify[40:]}})
    for name, data in files.items():
        (emails / name).parent.mkdir(parents=True, exist_ok=True)
        (emails / name).write_bytes(data)


def _land_twice(tmp_path: Path, jobs: int) -> tuple[list, list, list]:
    emails = tmp_path / "emails"
    emails.mkdir(parents=True)
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    stats = []
    for run, second in (("run-1", False), ("run-2", True)):
        _mixed_folder(emails, second)
        stats.append(land_emails(conn, emails, run_id=run, jobs=jobs, parallel_min=1))
    columns = ", ".join(c for c in EMAIL_COLUMNS if c != "landed_at")
    rows = conn.execute(f"select {columns} from raw.emails order by message_id").fetchall()
    listed = conn.execute("select * from raw.email_duplicates order by run_id, file_path").fetchall()

    def rel(v: object) -> object:  # the paths differ by the folder only
        return v.replace(str(tmp_path), "") if isinstance(v, str) else v

    return ([{k: [{dk: rel(dv) for dk, dv in d.items()} for d in v] if isinstance(v, list) else v
              for k, v in s.__dict__.items()} for s in stats],
            [tuple(map(rel, r)) for r in rows], [tuple(map(rel, r)) for r in listed])


def test_landing_on_two_processes_lands_what_one_process_lands(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(landing, "CHUNK", 7)  # many tasks, several in flight while earlier ones are landed
    monkeypatch.setattr(landing, "AHEAD", 21)
    one, two = _land_twice(tmp_path / "one", 1), _land_twice(tmp_path / "two", 2)
    assert two == one
    stats, rows, listed = one
    first, second = stats
    assert first["duplicates"] >= 1 and first["duplicates_landed"] == 2 and first["parse_errors"] >= 3
    assert second["already_landed"] > 0 and second["landed"] > 0 and second["duplicates"] >= 2
    assert len(listed) == first["duplicates"] + second["duplicates"]
    assert any(r[-2] is not None for r in rows)  # duplicate_of: the different body landed under its own key


def test_folder_order_is_the_order_of_the_paths_parts(tmp_path: Path) -> None:
    for name in ("b.eml", "a/z.eml", "a.eml", "a-b/x.eml", "a/b/c.eml", "A.eml", ".hidden.eml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    expected = sorted((p for p in tmp_path.rglob("*") if p.is_file()), key=lambda p: p.parts)
    assert message_files(tmp_path) == expected


def _land_in_a_pool_worker(folder: str) -> dict:
    return land_emails(duckdb.connect(), Path(folder), jobs=2, parallel_min=1).as_dict()


def test_inside_a_daemonic_worker_it_lands_in_that_one_process(tmp_path: Path) -> None:
    # `bench` may run the chain in a pool worker, which may not start processes of its own
    emails = tmp_path / "emails"
    _mixed_folder(emails, False)
    expected = land_emails(duckdb.connect(), emails).as_dict()
    with mp.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_land_in_a_pool_worker, (str(emails),)) == expected


def test_message_files_are_told_by_their_suffix(tmp_path: Path) -> None:
    # `.mbox` alone is a name without a suffix: one message, like `c.` and `README`; a `.pdf` is not read
    names = {"a.eml": GOOD, "b.pdf": b"%PDF", "c.": BROKEN, ".mbox": GOOD.replace(b"AbC-1", b"x-1"),
             "README": b"", "d.TXT": GOOD.replace(b"AbC-1", b"y-1")}
    conn, stats = _land(tmp_path, names)
    assert (stats.files, stats.landed) == (5, 5)
