"""Content fingerprints: what a stage read, so that a re-run with nothing new can skip the stage and
say so (issue 13: landing, Great Expectations, dbt).

A fingerprint is a SHA-256 over the content, never over timestamps or paths: a snapshot copied
again with the same bytes is unchanged, a table rewritten with the same rows is unchanged, and any
changed byte or row changes it. A relation's fingerprint is taken in the warehouse (no row passes
through Python): its column names and types, its row count and the sum and XOR of DuckDB's
`hash()` of every row (order does not matter; a repeated row counts twice).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import duckdb


def digest(value: Any) -> str:
    """SHA-256 of a JSON-serialisable value (keys sorted)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def files_sha256(root: Path, names: list[str]) -> str:
    """One digest of every file under `root` named in or below `names` (relative path and bytes)."""
    root = Path(root)
    files = sorted(f for n in names for f in ([root / n] if (root / n).is_file() else (root / n).rglob("*"))
                   if f.is_file())
    return digest([(str(f.relative_to(root)), file_sha256(f)) for f in files])


def relation_fingerprint(conn: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The content of a query's result (or of a table: pass `select * from schema.table`)."""
    columns = [(d[0], str(d[1])) for d in conn.execute(f"select * from ({sql}) limit 0").description]
    count, total, xor = conn.execute(
        f"select count(*), coalesce(sum(hash(q)::hugeint), 0), coalesce(bit_xor(hash(q)), 0) from ({sql}) q"
    ).fetchone()
    return digest({"duckdb": duckdb.__version__, "columns": columns, "rows": count, "sum": str(total), "xor": xor})


def table_fingerprint(conn: duckdb.DuckDBPyConnection, table: str) -> str | None:
    """`relation_fingerprint` of `schema.table`; None when it does not exist."""
    schema, name = table.split(".", 1)
    exists = conn.execute("select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                          [schema, name]).fetchone()[0]
    return relation_fingerprint(conn, f"select * from {table}") if exists else None
