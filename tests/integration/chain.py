"""Runs the real chain once (land → classify → dbt → apply against the emulators) and answers
questions about what it did: outcomes, actions, writes made and not made, remote state."""

from __future__ import annotations

import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from autoresponder.config import Settings
from autoresponder.connections import Connections, open_systems
from autoresponder.pipeline import run_pipeline
from autoresponder.run import RunContext


@dataclass
class ChainRun:
    ctx: RunContext
    systems: Connections
    impact: dict
    stack: ExitStack
    expected: dict[str, dict] = field(default_factory=dict)

    def query(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        conn = duckdb.connect(str(self.ctx.warehouse))
        try:
            cur = conn.execute(sql, params or [])
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        finally:
            conn.close()

    def outcome(self, message_id: str) -> dict:
        rows = self.query("select * from marts.fct_message_outcomes where message_id = ?", [message_id])
        assert len(rows) == 1, f"{message_id}: {len(rows)} outcome rows"
        return rows[0]

    def actions(self, message_id: str, **where: str) -> list[dict]:
        rows = self.query("select * from marts.fct_actions where message_id = ?", [message_id])
        for r in rows:
            r["payload"] = json.loads(r["payload"] or "{}")
            r["prior"] = json.loads(r["prior"] or "{}")
        return [r for r in rows if all(r.get(k) == v for k, v in where.items())]

    def writes(self, message_id: str, **where: str) -> list[dict]:
        """Write-log rows of this message that succeeded or were queued as a hand-off (writes made)."""
        rows = self.query("select * from ops.write_log where message_id = ? and status in ('succeeded', 'queued')", [message_id])
        return [r for r in rows if all(r.get(k) == v for k, v in where.items())]

    def cupola_row(self, org_person_id: int) -> dict | None:
        return self.systems.cupola.read_org_person(org_person_id)

    def sf_record(self, obj: str, record_id: str) -> dict:
        """Read back through the real client, as any Salesforce user would."""
        return getattr(self.systems.salesforce, obj).get(record_id)

    def message_id(self, filename: str) -> str:
        return self.expected[filename]["message_id"]


def count(warehouse: Path, sql: str) -> int:
    """The one number a query on the warehouse answers (`select count(*) ...`)."""
    conn = duckdb.connect(str(warehouse))
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def start_chain(sources: Path, workdir: Path, *, mode: str = "apply", as_of: str = "2026-11-25",
                **settings: Any) -> ChainRun:
    s = Settings(sources_dir=sources, warehouse=workdir / "warehouse.duckdb", runs_dir=workdir / "runs",
                 as_of=as_of, mode=mode, **settings)
    ctx = RunContext.create(s)
    stack = ExitStack()
    systems = stack.enter_context(open_systems(s, ctx.sources_dir, ctx.warehouse))
    try:
        impact = run_pipeline(ctx, systems)
    except BaseException:
        stack.close()
        raise
    return ChainRun(ctx=ctx, systems=systems, impact=impact, stack=stack)
