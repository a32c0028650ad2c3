"""The per-message part of landing (`land.emails`): read, hash, parse and build the row of one message.

It depends on no other message, so landing runs it in a pool of spawned processes for a large folder;
this module imports only the parser, so such a process starts quickly (`land.emails` loads DuckDB and
pandas).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from datetime import UTC
from pathlib import Path

from autoresponder.mime import parse_message

EMAIL_COLUMNS = (
    "message_id", "message_id_raw", "file_path", "sha256", "from_email", "from_name", "to_emails",
    "subject", "sent_at", "headers", "text", "auth_status", "parse_error", "raw", "landed_at", "landed_run_id",
    "duplicate_of", "parsed",
)
# the columns `prepare` fills; landing fills message_id (the key), landed_at, landed_run_id and duplicate_of
ROW_COLUMNS = tuple(c for c in EMAIL_COLUMNS if c not in ("message_id", "landed_at", "landed_run_id", "duplicate_of"))

# (source, raw bytes or None: read the file `source`, sha256 hashes already met at `source`)
Item = tuple[str, bytes | None, Collection[str]]
# `prepare`'s answer: (source, sha256 of the bytes) for bytes already met, else also the parse's
# (Message-ID, body hash, parse error) and the row's values in ROW_COLUMNS order
Prepared = tuple


def prepare(item: Item) -> Prepared:
    """Read (a file), hash, and unless the bytes were already met at that source, parse and build the row."""
    source, raw, known = item
    if raw is None:
        raw = Path(source).read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    if sha in known:
        return source, sha
    p = parse_message(raw)
    sent_at = p.sent_at
    if sent_at is not None and sent_at.tzinfo is not None:
        sent_at = sent_at.astimezone(UTC).replace(tzinfo=None)
    row = (p.message_id_raw, source, p.sha256, p.from_email, p.from_name, json.dumps(p.to_emails), p.subject or None,
           sent_at, json.dumps(p.field_values(), ensure_ascii=False), p.text, p.auth_status, p.parse_error, raw,
           p.to_json())
    return source, sha, p.message_id, p.body_sha256, p.parse_error, row


def prepare_chunk(items: list[Item]) -> list[Prepared]:
    """`prepare` of each item (one task of a landing pool)."""
    return [prepare(item) for item in items]
