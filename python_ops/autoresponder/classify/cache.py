"""LLM answers cached in the warehouse (`classification.llm_cache`), so a re-run pays nothing.

The key is the hash of the exact prompt (message content included) + model + prompt
version + agent name.
"""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Any

import duckdb

from autoresponder.classify.prompts import PROMPT_VERSION
from autoresponder.systems.llm import LLMReply


def ensure_cache_table(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("create schema if not exists classification")
    conn.execute(
        "create table if not exists classification.llm_cache (cache_key varchar primary key, content_hash varchar,"
        " model varchar, prompt_version varchar, agent varchar, response varchar, tokens integer,"
        " created_at timestamp default current_timestamp)"
    )


class CachedLLM:
    """Wraps an LLM client; `complete_json` answers from the cache when it can."""

    def __init__(self, llm: Any, conn: duckdb.DuckDBPyConnection):
        self.llm = llm
        self.conn = conn
        self.model = getattr(llm, "model", "unknown")
        self.calls = 0
        self.tokens = 0
        self.hits = 0
        self._lock = threading.Lock()
        ensure_cache_table(conn)

    def complete_json(self, *, system: str, user: str, schema: dict[str, Any], name: str) -> LLMReply:
        content_hash = hashlib.sha256(f"{system}\x00{user}".encode()).hexdigest()
        key = hashlib.sha256(f"{content_hash}|{self.model}|{PROMPT_VERSION}|{name}".encode()).hexdigest()
        with self._lock:
            rows = self.conn.execute("select response, tokens from classification.llm_cache where cache_key = ?",
                                     [key]).fetchall()
        row = rows[0] if rows else None
        if row:
            self.hits += 1
            return LLMReply(data=json.loads(row[0]), tokens=0, model=self.model)
        reply = self.llm.complete_json(system=system, user=user, schema=schema, name=name)
        self.calls += 1
        self.tokens += reply.tokens
        with self._lock:
            self.conn.execute(
                "insert or replace into classification.llm_cache (cache_key, content_hash, model, prompt_version,"
                " agent, response, tokens) values (?, ?, ?, ?, ?, ?, ?)",
                [key, content_hash, self.model, PROMPT_VERSION, name, json.dumps(reply.data), reply.tokens],
            )
        return reply
