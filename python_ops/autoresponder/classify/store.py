"""`classify_all`: classify the landed messages into `classification.classified_messages`.

Incremental and streamed. Only messages without a classification are classified (and those
whose LLM call failed last time, `llm_error`), in batches of `batch_size` read from and written
to the warehouse, so memory does not grow with the number of messages. A run with nothing new
classifies nothing and writes nothing.

Everything that can change a message's classification is folded into one fingerprint
(`classifier_fingerprint`): the classifier's code and calibration files, the parser version,
the prompt version, the configured own domains and trusted authserv-ids, and whether an LLM is
used and which model. When it differs from the one stored in
`classification.classifier_state`, every message is classified again (LLM answers still come
from the cache).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from autoresponder.classify.cache import CachedLLM
from autoresponder.classify.engine import classify_parsed
from autoresponder.classify.prompts import PROMPT_VERSION
from autoresponder.mime import PARSER_VERSION, ParsedMessage, parse_message
from autoresponder.models import Classification
from autoresponder.progress import meter

COLUMNS = {
    "message_id": "VARCHAR", "determination": "VARCHAR", "reason": "VARCHAR", "category": "VARCHAR",
    "confidence": "DOUBLE", "method": "VARCHAR", "source_email": "VARCHAR", "new_email": "VARCHAR",
    "new_title": "VARCHAR", "new_org": "VARCHAR", "replacements": "VARCHAR", "return_date": "VARCHAR",
    "bounce_kind": "VARCHAR", "bounce_status": "VARCHAR", "bounce_diagnostic": "VARCHAR",
    "bounce_recipient": "VARCHAR", "bounce_reason": "VARCHAR", "bounces": "VARCHAR", "evidence": "VARCHAR",
    "rule": "VARCHAR", "identity_basis": "VARCHAR", "identity_ok": "BOOLEAN", "speaks_for": "VARCHAR",
    "sender_auth": "VARCHAR", "qa_agreed": "BOOLEAN",
}
_PACKAGE = Path(__file__).resolve().parents[1]
# the code a classification depends on: the classify package (rules, calibration JSON) and the parse
_CODE = ("classify", "mime.py", "sender_auth.py", "domains.py", "models.py")


def _create_table(conn: duckdb.DuckDBPyConnection, *, replace: bool) -> None:
    conn.execute("create schema if not exists classification")
    cols = ", ".join(f"{k} {v}" for k, v in COLUMNS.items())
    verb = "create or replace table" if replace else "create table if not exists"
    conn.execute(f"{verb} classification.classified_messages ({cols})")


def _insert(conn: duckdb.DuckDBPyConnection, results: list[Classification]) -> None:
    if not results:
        return
    frame = pd.DataFrame([r.to_row() for r in results], columns=list(COLUMNS))
    conn.register("_classified_frame", frame)
    try:
        conn.execute(f"insert into classification.classified_messages select {', '.join(COLUMNS)} "
                     "from _classified_frame")
    finally:
        conn.unregister("_classified_frame")


def write_classifications(conn: duckdb.DuckDBPyConnection, results: list[Classification]) -> None:
    """Replace the table's content with these results (one row per message_id)."""
    _create_table(conn, replace=True)
    _insert(conn, results)


def _code_digest() -> str:
    h = hashlib.sha256()
    for name in _CODE:
        root = _PACKAGE / name
        files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".json")) if root.is_dir() else [root]
        for p in files:
            h.update(str(p.relative_to(_PACKAGE)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def classifier_fingerprint(settings: Any, llm: Any) -> str:
    """One hash of everything that can change a classification (module docstring)."""
    llm_on = llm is not None and getattr(settings, "llm_enabled", True) is not False
    parts = {
        "code": _code_digest(), "parser": PARSER_VERSION, "prompt": PROMPT_VERSION,
        "our_domains": sorted(getattr(settings, "our_domains", None) or []),
        "trusted_authserv_ids": sorted(getattr(settings, "trusted_authserv_ids", None) or []),
        "llm": getattr(llm, "model", "unknown") if llm_on else None,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _stored_fingerprint(conn: duckdb.DuckDBPyConnection) -> str | None:
    conn.execute("create table if not exists classification.classifier_state (fingerprint varchar, "
                 "classified_at timestamp default current_timestamp)")
    row = conn.execute("select fingerprint from classification.classifier_state").fetchone()
    return row[0] if row else None


def _has_column(conn: duckdb.DuckDBPyConnection, schema: str, table: str, column: str) -> bool:
    return bool(conn.execute(
        "select count(*) from information_schema.columns where table_schema = ? and table_name = ? "
        "and column_name = ?", [schema, table, column]).fetchone()[0])


def _table_is_current(conn: duckdb.DuckDBPyConnection) -> bool:
    """The table exists with exactly today's columns (an older layout is rebuilt)."""
    cols = [r[0] for r in conn.execute(
        "select column_name from information_schema.columns where table_schema = 'classification' "
        "and table_name = 'classified_messages' order by ordinal_position").fetchall()]
    return cols == list(COLUMNS)


def _classify_batch(conn: duckdb.DuckDBPyConnection, rows: list[tuple], settings: Any,
                    client: Any, progress: Any) -> tuple[list[Classification], int]:
    results, reparsed = [], 0
    for message_id, parsed_json, raw, file_path in rows:
        parsed = ParsedMessage.from_json(parsed_json)
        if parsed is None:  # no stored parse (an older row) or one of another parser version
            reparsed += 1
            if raw is None:
                raw = conn.execute("select raw from raw.emails where message_id = ?", [message_id]).fetchone()[0]
            parsed = parse_message(bytes(raw) if raw is not None else b"")
        c = classify_parsed(parsed, path=file_path, settings=settings, llm=client)
        if c.message_id != message_id:  # landing's normalised id is the join key downstream
            c = Classification(**{**c.__dict__, "message_id": message_id})
        results.append(c)
        progress.advance()
    return results, reparsed


def classify_all(conn: duckdb.DuckDBPyConnection, settings: Any, llm: Any = None, *, full: bool = False,
                 batch_size: int = 2000, log: Callable[[str], Any] | None = None) -> dict[str, Any]:
    """Classify what `raw.emails` holds that is not classified yet; returns run statistics.

    `full` classifies every message again. With an LLM client, answers are cached in
    `classification.llm_cache` (content hash + model + prompt version), so classifying the same
    message again makes no call. `log` receives progress lines (`autoresponder.progress`).
    """
    started = time.perf_counter()
    client = None
    if llm is not None and getattr(settings, "llm_enabled", True) is not False:
        client = CachedLLM(llm, conn)
    fingerprint = classifier_fingerprint(settings, llm)
    _create_table(conn, replace=False)
    stale = full or not _table_is_current(conn) or _stored_fingerprint(conn) != fingerprint
    if stale:
        _create_table(conn, replace=True)
    else:  # a failed LLM call is not an answer: try those again
        conn.execute("delete from classification.classified_messages where reason = 'llm_error'")
    parsed_col = "parsed" if _has_column(conn, "raw", "emails", "parsed") else "null"
    raw_col = "case when parsed is null then raw end" if parsed_col == "parsed" else "raw"
    conn.execute(
        "create or replace temp table _to_classify as select message_id, row_number() over (order by message_id) "
        "as n from raw.emails e where not exists (select 1 from classification.classified_messages c "
        "where c.message_id = e.message_id)")
    todo = conn.execute("select count(*) from _to_classify").fetchone()[0]
    reparsed = 0
    with meter("classify", todo, log=log) as progress:
        for lo in range(1, todo + 1, batch_size):
            rows = conn.execute(
                f"select e.message_id, {parsed_col}, {raw_col}, e.file_path from _to_classify t "
                "join raw.emails e using (message_id) where t.n between ? and ? order by t.n",
                [lo, lo + batch_size - 1]).fetchall()
            results, n = _classify_batch(conn, rows, settings, client, progress)
            reparsed += n
            _insert(conn, results)
    conn.execute("drop table if exists _to_classify")
    if stale or _stored_fingerprint(conn) != fingerprint:
        conn.execute("delete from classification.classifier_state")
        conn.execute("insert into classification.classifier_state (fingerprint) values (?)", [fingerprint])

    def counts(column: str) -> dict[str, int]:
        return dict(conn.execute(f"select {column}, count(*) from classification.classified_messages "
                                 f"group by 1 order by 1").fetchall())

    return {
        "messages": conn.execute("select count(*) from classification.classified_messages").fetchone()[0],
        "classified_now": todo,
        "reclassified_all": stale,
        "parsed_from_bytes": reparsed,
        "by_determination": counts("determination"),
        "by_method": counts("method"),
        "llm_calls": client.calls if client else 0,
        "llm_tokens": client.tokens if client else 0,
        "llm_cache_hits": client.hits if client else 0,
        "wall_s": round(time.perf_counter() - started, 3),
    }
