"""SFMC in the registry: a snapshot, and suppressions as rows of `marketing_suppression.csv`."""

from __future__ import annotations

from typing import Any

from autoresponder.land.snapshots import Snapshot
from autoresponder.report.suppression import SuppressionList
from autoresponder.systems.registry import System

SNAPSHOTS = (
    Snapshot("sfmc/suppressions.csv", "raw.sfmc_suppressions", {
        "email": "VARCHAR", "list_name": "VARCHAR", "reason": "VARCHAR", "added_at": "TIMESTAMP"}),
)


def _writer(ctx: Any, handle: Any, conn: Any) -> Any:

    return SuppressionList(run_dir=ctx.run_dir)


def _restore(row: dict[str, Any]) -> tuple[Any, str, str]:
    return None, f"manual: ask Marketing to lift the suppression of {row['record_id']}", "SFMC is owned by Marketing"


SYSTEM = System(name="sfmc", order=90, snapshots=SNAPSHOTS, writer=_writer, restore=_restore,
                handoff_of=("cupola", {"suppress": "mark_inactive"}))
