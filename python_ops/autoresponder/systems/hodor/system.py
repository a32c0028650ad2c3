"""Hodor in the registry: a snapshot, and writes as rows of a Prospect Import file (DESIGN §2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from autoresponder.act.rollback import generic_restore
from autoresponder.land.snapshots import Snapshot
from autoresponder.land.sql_source import SqlRead
from autoresponder.systems.hodor import reads
from autoresponder.systems.hodor.prospect_import import HodorProspectImport
from autoresponder.systems.registry import System

SNAPSHOTS = (
    Snapshot("hodor/prospects.csv", "raw.hodor_prospects", {
        "prospect_id": "VARCHAR", "first_name": "VARCHAR", "last_name": "VARCHAR", "email": "VARCHAR",
        "phone": "VARCHAR", "company": "VARCHAR", "title": "VARCHAR", "status": "VARCHAR"},
        sql=SqlRead("hodor_sql", reads.PROSPECTS)),
)


def _writer(ctx: Any, handle: Any, conn: Any) -> Any:

    # hand-offs are appended and fsynced to the run folder inside the act stage (DESIGN §10)
    return HodorProspectImport.from_warehouse(conn, run_dir=ctx.run_dir)


def _offline_writer(conn: Any, warehouse: Path) -> Any:

    return HodorProspectImport.from_warehouse(conn)


def _restore(row: dict[str, Any]) -> tuple[Any, str, str] | None:
    """A reversing Prospect Import row carrying the prior values (generic rule, Hodor's call text)."""

    write, call, note = generic_restore(row)
    if write is not None:
        call = f"Prospect Import row for prospect {row['record_id']}: " \
               f"{json.dumps(write.payload, ensure_ascii=False, default=str)}"
    return write, call, note


def _after_rollback(writer: Any, folder: Path) -> dict[str, str]:
    if writer is None or not hasattr(writer, "rows") or not writer.rows():
        return {}
    out = {"hodor_file": str(writer.write(folder / "hodor_pending_actions.csv"))}
    writer.write_verification(folder / "hodor_prospect_import_verification.csv")
    return out


SYSTEM = System(
    name="hodor", order=20, snapshots=SNAPSHOTS, writer=_writer, offline_writer=_offline_writer, restore=_restore,
    after_rollback=_after_rollback, matched=True,
    handoff_of=("cupola", {"mark_inactive": "mark_inactive", "update_email": "update_email",
                           "update_title": "update_title"}),
)
