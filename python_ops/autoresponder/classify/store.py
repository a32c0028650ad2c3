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
import multiprocessing as mp
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from autoresponder.classify.cache import CachedLLM
from autoresponder.classify.engine import classify_parsed
from autoresponder.classify.prompts import PROMPT_VERSION
from autoresponder.classify.rules.human_reply import HUMAN_REPLY_RULE
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


def _parsed_of(conn: duckdb.DuckDBPyConnection | None, message_id: str, parsed_json: Any,
               raw: Any) -> tuple[ParsedMessage | None, bool]:
    """The stored parse, else a parse of the raw bytes (an older row or another parser version: `True`).
    Without `conn` (a worker process) a row whose bytes were not sent gives `(None, True)`."""
    parsed = ParsedMessage.from_json(parsed_json)
    if parsed is not None:
        return parsed, False
    if raw is None:
        if conn is None:
            return None, True
        raw = conn.execute("select raw from raw.emails where message_id = ?", [message_id]).fetchone()[0]
    return parse_message(bytes(raw) if raw is not None else b""), True


def _classify_row(conn: duckdb.DuckDBPyConnection | None, row: tuple, settings: Any,
                  client: Any) -> tuple[Classification | None, bool]:
    message_id, parsed_json, raw, file_path = row
    parsed, reparsed = _parsed_of(conn, message_id, parsed_json, raw)
    if parsed is None:
        return None, reparsed
    c = classify_parsed(parsed, path=file_path, settings=settings, llm=client)
    if c.message_id != message_id:  # landing's normalised id is the join key downstream
        c = Classification(**{**c.__dict__, "message_id": message_id})
    return c, reparsed


def _classify_batch(conn: duckdb.DuckDBPyConnection, rows: list[tuple], settings: Any,
                    client: Any, progress: Any, pool: Any = None) -> tuple[list[Classification], int]:
    """Classify `rows` in order. With `pool`, the rules run in its processes and only what the rules
    leave to a model (and rows a worker could not read alone) is classified here, with `client`:
    the same results as classifying every row here."""
    results, reparsed = [], 0
    if pool is None:
        outcomes = (None for _ in rows)
    else:
        outcomes = pool.imap(_rules_only, rows, chunksize=32)
    for row, outcome in zip(rows, outcomes, strict=True):
        c, n = outcome if outcome is not None else (None, False)
        if c is None or (client is not None and (c.reason == "llm_unavailable" or c.rule == HUMAN_REPLY_RULE)):
            c, n2 = _classify_row(conn, row, settings, client)
            n = n or n2
        reparsed += n
        results.append(c)
        progress.advance()
    return results, reparsed


# rules are pure CPU per message: from this many messages to classify on, a pool of spawned processes
# (the settings' `classify_jobs`, 0 = one per core, at most 4) runs them; the LLM, its cache and the
# warehouse stay in this process. Spawned, not forked: the chain runs emulator and server threads.
PARALLEL_MIN = 2000
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Any) -> None:
    _WORKER["settings"] = settings


def _rules_only(row: tuple) -> tuple[Classification | None, bool]:
    return _classify_row(None, row, _WORKER.get("settings"), None)


def _jobs(settings: Any) -> int:
    jobs = int(getattr(settings, "classify_jobs", 0) or 0)
    return jobs if jobs > 0 else min(os.cpu_count() or 1, 4)


def classify_all(conn: duckdb.DuckDBPyConnection, settings: Any, llm: Any = None, *, full: bool = False,
                 batch_size: int = 2000, log: Callable[[str], Any] | None = None,
                 parallel_min: int = PARALLEL_MIN) -> dict[str, Any]:
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
    # batches follow `raw.emails`' storage order (rowid), each read with a rowid range DuckDB prunes row
    # groups on: a join on message_id scanned the whole table (every `parsed` and `raw`) for each batch, so
    # classification slowed with the table's size (1M: ~390 msg/s against 830 at 100k)
    conn.execute(
        "create or replace temp table _to_classify as select e.rowid as rid, row_number() over (order by e.rowid) "
        "as n from raw.emails e where not exists (select 1 from classification.classified_messages c "
        "where c.message_id = e.message_id)")
    todo = conn.execute("select count(*) from _to_classify").fetchone()[0]
    reparsed = 0
    # a daemonic process (a pool worker itself, as `bench` runs the chain) may not start children: one process there
    jobs = _jobs(settings) if todo >= parallel_min and not mp.current_process().daemon else 1
    pool = mp.get_context("spawn").Pool(jobs, _init_worker, (settings,)) if jobs > 1 else None
    try:
        with meter("classify", todo, log=log) as progress:
            for lo in range(1, todo + 1, batch_size):
                hi = lo + batch_size - 1
                first, last = conn.execute("select min(rid), max(rid) from _to_classify where n between ? and ?",
                                           [lo, hi]).fetchone()
                rows = conn.execute(
                    f"select e.message_id, {parsed_col}, {raw_col}, e.file_path from raw.emails e "
                    "where e.rowid between ? and ? and e.rowid in (select rid from _to_classify where n between ? and ?) "
                    "order by e.rowid", [first, last, lo, hi]).fetchall()
                results, n = _classify_batch(conn, rows, settings, client, progress, pool)
                reparsed += n
                _insert(conn, results)
    finally:
        if pool is not None:
            pool.terminate()
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
        "jobs": jobs,
        "reclassified_all": stale,
        "parsed_from_bytes": reparsed,
        "by_determination": counts("determination"),
        "by_method": counts("method"),
        "llm_calls": client.calls if client else 0,
        "llm_tokens": client.tokens if client else 0,
        "llm_cache_hits": client.hits if client else 0,
        "wall_s": round(time.perf_counter() - started, 3),
    }
