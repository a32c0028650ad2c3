"""Land raw replies from a folder of `.eml` / `.mbox` files into `raw.emails` (DESIGN §4 step 1).

Every file lands: a broken MIME message keeps its bytes with `parse_error` set, an empty file
lands as an empty message with `parse_error = 'empty file'`. Messages are deduplicated on the
normalised Message-ID; the first file (in path order) wins. Each message records the run that
first landed it (`landed_run_id`), which dbt carries to the marts as `run_id`. A later file that
carries an already landed Message-ID is a duplicate: it is listed once, in `raw.email_duplicates`
with the run that met it and the file that holds the landed copy, and never landed; a file seen
by an earlier run (landed or listed) is only counted as `already_landed`.
"""

from __future__ import annotations

import json
import mailbox
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from tqdm import tqdm

from autoresponder.errors import SourceMissingError
from autoresponder.mime import parse_email, utcnow

EMAIL_COLUMNS = (
    "message_id", "message_id_raw", "file_path", "sha256", "from_email", "from_name", "to_emails",
    "subject", "sent_at", "headers", "text", "auth_status", "parse_error", "raw", "landed_at", "landed_run_id",
)

DDL = """
create schema if not exists raw;
create table if not exists raw.emails (
    message_id varchar primary key,
    message_id_raw varchar,
    file_path varchar,
    sha256 varchar,
    from_email varchar,
    from_name varchar,
    to_emails json,
    subject varchar,
    sent_at timestamp,
    headers json,
    text varchar,
    auth_status varchar,
    parse_error varchar,
    raw blob,
    landed_at timestamp,
    landed_run_id varchar
);
alter table raw.emails add column if not exists landed_run_id varchar;
create table if not exists raw.email_duplicates (
    run_id varchar,
    file_path varchar,
    message_id varchar,
    duplicate_of_file varchar,
    sha256 varchar
);
"""


@dataclass
class LandingStats:
    files: int = 0
    landed: int = 0
    duplicates: int = 0
    already_landed: int = 0
    parse_errors: int = 0
    duplicate_ids: list[str] = field(default_factory=list)
    # {file, message_id, duplicate_of_file} of each duplicate met by this run
    duplicate_files: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The counts only (Dagster metadata and the stage log)."""
        return {k: v for k, v in self.__dict__.items() if isinstance(v, int)}


def iter_raw_messages(emails_dir: Path) -> Iterator[tuple[str, bytes]]:
    """(source path, raw bytes) for each `.eml` file and each message of each `.mbox` file."""
    paths = sorted(p for p in emails_dir.rglob("*") if p.is_file())
    for path in paths:
        suffix = path.suffix.lower()
        if suffix == ".mbox":
            box = mailbox.mbox(str(path), create=False)
            for i, key in enumerate(box.keys()):
                yield f"{path}#{i}", box.get_bytes(key)
        elif suffix in (".eml", ".msg", ".txt") or suffix == "":
            yield str(path), path.read_bytes()


def _row(path: str, raw: bytes, landed_at, run_id: str | None = None) -> dict:
    p = parse_email(raw, fallback_id=None)
    return {
        "message_id": p.message_id,
        "message_id_raw": p.message_id_raw,
        "file_path": path,
        "sha256": p.sha256,
        "from_email": p.from_email,
        "from_name": p.from_name,
        "to_emails": json.dumps(p.to_emails),
        "subject": p.subject,
        "sent_at": p.sent_at,
        "headers": json.dumps(p.headers, ensure_ascii=False),
        "text": p.text,
        "auth_status": p.auth_status,
        "parse_error": p.parse_error,
        "raw": raw,
        "landed_at": landed_at,
        "landed_run_id": run_id,
    }


def land_emails(conn: duckdb.DuckDBPyConnection, emails_dir: Path, *, run_id: str | None = None,
                batch_size: int = 5000) -> LandingStats:
    """Parse every message under `emails_dir` and insert new Message-IDs into `raw.emails`, each
    with `landed_run_id = run_id`; duplicates met for the first time go to `raw.email_duplicates`."""
    emails_dir = Path(emails_dir)
    if not emails_dir.is_dir():
        raise SourceMissingError(
            f"{emails_dir}: the emails folder does not exist; create it with the .eml/.mbox replies "
            "(DESIGN §3 layout: <sources>/emails/*.eml)"
        )
    conn.execute(DDL)
    landed_file = dict(conn.execute("select message_id, file_path from raw.emails").fetchall())
    listed_duplicates = {r[0] for r in conn.execute("select file_path from raw.email_duplicates").fetchall()}
    stats = LandingStats()
    batch: list[dict] = []
    landed_at = utcnow()

    def flush() -> None:
        if not batch:
            return
        df = pd.DataFrame(batch, columns=list(EMAIL_COLUMNS))
        conn.register("_landing_batch", df)
        try:
            conn.execute(
                f"insert into raw.emails ({', '.join(EMAIL_COLUMNS)}) "
                f"select {', '.join(EMAIL_COLUMNS)} from _landing_batch"
            )
        finally:
            conn.unregister("_landing_batch")
        batch.clear()

    for path, raw in tqdm(iter_raw_messages(emails_dir), desc="landing emails", unit="msg", disable=None):
        stats.files += 1
        row = _row(path, raw, landed_at, run_id)
        mid = row["message_id"]
        if path in listed_duplicates or landed_file.get(mid) == path:
            stats.already_landed += 1
            continue
        if mid in landed_file:
            stats.duplicates += 1
            stats.duplicate_ids.append(mid)
            stats.duplicate_files.append({"file": path, "message_id": mid, "duplicate_of_file": landed_file[mid]})
            conn.execute("insert into raw.email_duplicates values (?, ?, ?, ?, ?)",
                         [run_id, path, mid, landed_file[mid], row["sha256"]])
            listed_duplicates.add(path)
            continue
        landed_file[mid] = path
        if row["parse_error"]:
            stats.parse_errors += 1
        batch.append(row)
        stats.landed += 1
        if len(batch) >= batch_size:
            flush()
    flush()
    return stats
