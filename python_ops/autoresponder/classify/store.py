"""`classify_all`: classify every landed message and (re)write `classification.classified_messages`."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import duckdb

from autoresponder.classify.cache import CachedLLM
from autoresponder.classify.engine import classify_parsed
from autoresponder.mime import ParsedMessage, parse_message
from autoresponder.models import Classification

COLUMNS = {
    "message_id": "VARCHAR", "determination": "VARCHAR", "reason": "VARCHAR", "category": "VARCHAR",
    "confidence": "DOUBLE", "method": "VARCHAR", "source_email": "VARCHAR", "new_email": "VARCHAR",
    "new_title": "VARCHAR", "new_org": "VARCHAR", "replacements": "VARCHAR", "return_date": "VARCHAR",
    "bounce_kind": "VARCHAR", "bounce_status": "VARCHAR", "bounce_diagnostic": "VARCHAR",
    "bounce_recipient": "VARCHAR", "bounce_reason": "VARCHAR", "bounces": "VARCHAR", "evidence": "VARCHAR",
    "rule": "VARCHAR", "identity_basis": "VARCHAR", "identity_ok": "BOOLEAN", "speaks_for": "VARCHAR",
    "sender_auth": "VARCHAR", "qa_agreed": "BOOLEAN",
}


def _create_table(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("create schema if not exists classification")
    cols = ", ".join(f"{k} {v}" for k, v in COLUMNS.items())
    conn.execute(f"create or replace table classification.classified_messages ({cols})")


def write_classifications(conn: duckdb.DuckDBPyConnection, results: list[Classification]) -> None:
    """Replace the table's content with these results (one row per message_id)."""
    # heavy: pandas takes ~1 s to import; `autoresponder classify` loads this module but writes no table
    import pandas as pd

    _create_table(conn)
    if not results:
        return
    frame = pd.DataFrame([r.to_row() for r in results], columns=list(COLUMNS))
    conn.register("_classified_frame", frame)
    try:
        conn.execute(f"insert into classification.classified_messages select {', '.join(COLUMNS)} "
                     "from _classified_frame")
    finally:
        conn.unregister("_classified_frame")


def classify_all(conn: duckdb.DuckDBPyConnection, settings: Any, llm: Any = None) -> dict[str, Any]:
    """Classify `raw.emails` into `classification.classified_messages`; returns run statistics.

    With an LLM client, answers are cached in `classification.llm_cache` (content hash +
    model + prompt version), so a re-run over the same messages makes no call.
    """
    started = time.perf_counter()
    client = None
    if llm is not None and getattr(settings, "llm_enabled", True) is not False:
        client = CachedLLM(llm, conn)
    # landing's parse of each message (`parsed`); the bytes are parsed here only when there is none
    # (a row landed before parses were stored, or by another parser version)
    stored = "parsed" if conn.execute(
        "select count(*) from information_schema.columns where table_schema = 'raw' and table_name = 'emails' "
        "and column_name = 'parsed'").fetchone()[0] else "null"
    rows = conn.execute(f"select message_id, {stored}, raw, file_path from raw.emails order by message_id").fetchall()
    results: list[Classification] = []
    seen: set[str] = set()
    reparsed = 0
    for message_id, parsed_json, raw, file_path in rows:
        if message_id in seen:
            continue
        seen.add(message_id)
        parsed = ParsedMessage.from_json(parsed_json)
        if parsed is None:
            reparsed += 1
            parsed = parse_message(bytes(raw) if raw is not None else b"")
        c = classify_parsed(parsed, path=file_path, settings=settings, llm=client)
        if c.message_id != message_id:  # landing's normalised id is the join key downstream
            c = Classification(**{**c.__dict__, "message_id": message_id})
        results.append(c)
    write_classifications(conn, results)
    by_det = Counter(r.determination for r in results)
    by_method = Counter(r.method for r in results)
    return {
        "messages": len(results),
        "parsed_from_bytes": reparsed,
        "by_determination": dict(sorted(by_det.items())),
        "by_method": dict(sorted(by_method.items())),
        "llm_calls": client.calls if client else 0,
        "llm_tokens": client.tokens if client else 0,
        "llm_cache_hits": client.hits if client else 0,
        "wall_s": round(time.perf_counter() - started, 3),
    }
