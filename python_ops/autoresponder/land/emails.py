"""Land raw replies from a folder of `.eml` / `.mbox` files into `raw.emails` (DESIGN §4 step 1).

Every file lands: a broken MIME message keeps its bytes with `parse_error` set, an empty file
lands as an empty message with `parse_error = 'empty file'`. Each message records the run that
first landed it (`landed_run_id`), which dbt carries to the marts as `run_id`.

Messages are deduplicated on the normalised Message-ID; the first file (in path order) wins. A
later file with an already landed Message-ID is either
* a re-delivery: its body is the landed copy's (headers such as `Received` or the Message-ID's
  spelling may differ). It is listed once, in `raw.email_duplicates` with the run that met it and
  the file that holds the landed copy, and never landed; or
* a different message under the same Message-ID (DESIGN §5 gates): it lands too, under the key
  `<message-id>#body-<first 12 hex of its body's sha256>`, with `duplicate_of` = the first
  message's key; dbt sends every write it would cause to review (`DUPLICATE_MESSAGE_ID`).
Both kinds are named, with their files, in the stage log. A file already seen by an earlier run
(same path, same bytes; landed or listed) is only counted as `already_landed`, without parsing.

Each landed row keeps its parse (`parsed`, `mime.ParsedMessage.to_json`), which classification
reads instead of parsing the bytes again.
"""

from __future__ import annotations

import hashlib
import json
import mailbox
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

import duckdb
import pandas as pd

from autoresponder.errors import SourceMissingError
from autoresponder.mime import ParsedMessage, body_sha256, parse_message, utcnow
from autoresponder.progress import Log, meter

EMAIL_COLUMNS = (
    "message_id", "message_id_raw", "file_path", "sha256", "from_email", "from_name", "to_emails",
    "subject", "sent_at", "headers", "text", "auth_status", "parse_error", "raw", "landed_at", "landed_run_id",
    "duplicate_of", "parsed",
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
    landed_run_id varchar,
    duplicate_of varchar,
    parsed json
);
alter table raw.emails add column if not exists landed_run_id varchar;
alter table raw.emails add column if not exists duplicate_of varchar;
alter table raw.emails add column if not exists parsed json;
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
    duplicates: int = 0  # re-deliveries met by this run: not landed again
    duplicates_landed: int = 0  # same Message-ID, different body: landed with `duplicate_of`
    already_landed: int = 0
    parse_errors: int = 0
    # {file, message_id, duplicate_of_file, landed[, message_key, duplicate_of]} of each duplicate met by this run
    duplicate_files: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The counts only (Dagster metadata and the stage log)."""
        return {k: v for k, v in self.__dict__.items() if isinstance(v, int)}

    def duplicate_notes(self, limit: int = 50) -> list[str]:
        """One line per duplicate met by this run, naming its file (the stage log)."""
        notes = [
            f"{d['file']}: same Message-ID {d['message_id']} as {d['duplicate_of_file']} with a different body; "
            f"landed as {d['message_key']} with duplicate_of={d['duplicate_of']}; its writes go to review "
            "(DUPLICATE_MESSAGE_ID)"
            if d["landed"] else
            f"{d['file']}: re-delivery of {d['duplicate_of_file']} (Message-ID {d['message_id']}, same body); not landed"
            for d in self.duplicate_files
        ]
        if len(notes) > limit:
            notes = [*notes[:limit], f"… and {len(notes) - limit} more (impact report, raw.email_duplicates)"]
        return notes


def message_files(emails_dir: Path) -> list[Path]:
    """Every file under `emails_dir`, in path order (the order landing reads them)."""
    # sorted by parts, as Path sorts on POSIX, but without pathlib's slow comparisons (6 s of 15 for 20k files)
    return sorted((p for p in emails_dir.rglob("*") if p.is_file()), key=lambda p: p.parts)


def iter_raw_messages(emails_dir: Path, paths: list[Path] | None = None) -> Iterator[tuple[str, bytes]]:
    """(source path, raw bytes) for each `.eml` file and each message of each `.mbox` file."""
    for path in message_files(emails_dir) if paths is None else paths:
        suffix = path.suffix.lower()
        if suffix == ".mbox":
            box = mailbox.mbox(str(path), create=False)
            for i, key in enumerate(box.keys()):
                yield f"{path}#{i}", box.get_bytes(key)
        elif suffix in (".eml", ".msg", ".txt") or suffix == "":
            yield str(path), path.read_bytes()


def _row(path: str, raw: bytes, p: ParsedMessage, landed_at, run_id: str | None, key: str,
         duplicate_of: str | None) -> dict:
    sent_at = p.sent_at
    if sent_at is not None and sent_at.tzinfo is not None:
        sent_at = sent_at.astimezone(UTC).replace(tzinfo=None)
    return {
        "message_id": key,
        "message_id_raw": p.message_id_raw,
        "file_path": path,
        "sha256": p.sha256,
        "from_email": p.from_email,
        "from_name": p.from_name,
        "to_emails": json.dumps(p.to_emails),
        "subject": p.subject or None,
        "sent_at": sent_at,
        "headers": json.dumps(p.field_values(), ensure_ascii=False),
        "text": p.text,
        "auth_status": p.auth_status,
        "parse_error": p.parse_error,
        "raw": raw,
        "landed_at": landed_at,
        "landed_run_id": run_id,
        "duplicate_of": duplicate_of,
        "parsed": p.to_json(),
    }


def duplicate_key(message_id: str, body_hash: str) -> str:
    """The key a different message under an already landed Message-ID lands with."""
    return f"{message_id}#body-{body_hash[:12]}"


def land_emails(conn: duckdb.DuckDBPyConnection, emails_dir: Path, *, run_id: str | None = None,
                batch_size: int = 5000, log: Log | None = None) -> LandingStats:
    """Parse every new message under `emails_dir` and insert it into `raw.emails` with
    `landed_run_id = run_id`; re-deliveries met for the first time go to `raw.email_duplicates`.

    Streams: at most `batch_size` parsed messages are held at once; a file whose path and bytes
    an earlier run already met is only hashed. `log` receives progress lines (Dagster's
    `context.log.info`); without it a terminal shows a bar (`autoresponder.progress`)."""
    emails_dir = Path(emails_dir)
    if not emails_dir.is_dir():
        raise SourceMissingError(
            f"{emails_dir}: the emails folder does not exist; create it with the .eml/.mbox replies "
            "(DESIGN §3 layout: <sources>/emails/*.eml)"
        )
    paths = message_files(emails_dir)
    total = None if any(p.suffix.lower() == ".mbox" for p in paths) else len(paths)
    return land_messages(conn, iter_raw_messages(emails_dir, paths), total, run_id=run_id,
                         batch_size=batch_size, log=log)


def land_messages(conn: duckdb.DuckDBPyConnection, messages: Iterable[tuple[str, bytes]], total: int | None = None,
                  *, run_id: str | None = None, batch_size: int = 5000, log: Log | None = None) -> LandingStats:
    """Land (source, raw bytes) pairs in their order, the first of a Message-ID winning: the
    folder's files (`land_emails`) or the email store's rows (`land.email_store`). `source` is
    what `file_path` records; a (source, bytes) pair met before counts as `already_landed`."""
    conn.execute(DDL)
    seen = set(conn.execute("select file_path, sha256 from raw.emails "
                            "union all select file_path, sha256 from raw.email_duplicates").fetchall())
    # Message-ID -> the messages landed under it, first first: [key, file, body hash (read when needed)]
    landed: dict[str, list[list]] = {}
    for key, path, dup_of in conn.execute(
            "select message_id, file_path, duplicate_of from raw.emails order by duplicate_of nulls first, landed_at, "
            "message_id").fetchall():
        landed.setdefault(dup_of or key, []).append([key, path, None])  # duplicate_of is the first's key
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

    def body_of(entry: list) -> str:
        if entry[2] is None:
            stored = conn.execute("select raw from raw.emails where message_id = ?", [entry[0]]).fetchone()
            entry[2] = body_sha256(bytes(stored[0]) if stored and stored[0] is not None else b"")
        return entry[2]

    def land_one(path: str, raw: bytes) -> None:
        stats.files += 1
        if (path, hashlib.sha256(raw).hexdigest()) in seen:
            stats.already_landed += 1
            return
        p = parse_message(raw)
        mid, key, duplicate_of = p.message_id, p.message_id, None
        earlier = landed.get(mid)
        if earlier:
            same = next((e for e in earlier if body_of(e) == p.body_sha256), None)
            if same is not None:  # a re-delivery: listed, not landed again
                stats.duplicates += 1
                stats.duplicate_files.append({"file": path, "message_id": mid, "duplicate_of_file": same[1],
                                              "landed": False})
                conn.execute("insert into raw.email_duplicates values (?, ?, ?, ?, ?)",
                             [run_id, path, mid, same[1], p.sha256])
                seen.add((path, p.sha256))
                return
            key, duplicate_of = duplicate_key(mid, p.body_sha256), earlier[0][0]
            stats.duplicates_landed += 1
            stats.duplicate_files.append({"file": path, "message_id": mid, "duplicate_of_file": earlier[0][1],
                                          "landed": True, "message_key": key, "duplicate_of": duplicate_of})
        landed.setdefault(mid, []).append([key, path, p.body_sha256])
        seen.add((path, p.sha256))
        if p.parse_error:
            stats.parse_errors += 1
        batch.append(_row(path, raw, p, landed_at, run_id, key, duplicate_of))
        stats.landed += 1
        if len(batch) >= batch_size:
            flush()

    with meter("land emails", total, log=log) as progress:
        for path, raw in messages:
            land_one(path, raw)
            progress.advance()
    flush()
    return stats
