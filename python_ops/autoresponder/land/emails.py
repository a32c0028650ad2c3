"""Land raw replies from a folder of `.eml` / `.mbox` files into `raw.emails` (DESIGN §4 step 1).

Every file lands: a broken MIME message keeps its bytes with `parse_error` set, an empty file
lands as an empty message with `parse_error = 'empty file'`. Messages are deduplicated on the
normalised Message-ID; the first file (in path order) wins, later duplicates are counted.
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
    "subject", "sent_at", "headers", "text", "auth_status", "parse_error", "raw", "landed_at",
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
    landed_at timestamp
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

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "duplicate_ids"}


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


def _row(path: str, raw: bytes, landed_at) -> dict:
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
    }


def land_emails(conn: duckdb.DuckDBPyConnection, emails_dir: Path, *, batch_size: int = 5000) -> LandingStats:
    """Parse every message under `emails_dir` and insert new Message-IDs into `raw.emails`."""
    emails_dir = Path(emails_dir)
    if not emails_dir.is_dir():
        raise SourceMissingError(
            f"{emails_dir}: the emails folder does not exist; create it with the .eml/.mbox replies "
            "(DESIGN §3 layout: <sources>/emails/*.eml)"
        )
    conn.execute(DDL)
    existing = {r[0] for r in conn.execute("select message_id from raw.emails").fetchall()}
    stats = LandingStats()
    seen: set[str] = set()
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
        row = _row(path, raw, landed_at)
        mid = row["message_id"]
        if mid in existing:
            stats.already_landed += 1
            continue
        if mid in seen:
            stats.duplicates += 1
            stats.duplicate_ids.append(mid)
            continue
        seen.add(mid)
        if row["parse_error"]:
            stats.parse_errors += 1
        batch.append(row)
        stats.landed += 1
        if len(batch) >= batch_size:
            flush()
    flush()
    return stats
