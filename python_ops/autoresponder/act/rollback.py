"""Rollback of a run's writes (DESIGN §10): restore what can be restored, list the rest.

For every `succeeded` write of the run (from `ops.write_log`):

| system / action                 | restoring call                                            |
|---------------------------------|-----------------------------------------------------------|
| cupola mark_inactive            | manual: CUPOLA has no reactivate procedure; a reactivation request for the CUPOLA owner |
| cupola update_email / _title    | `IP4SP_AutoBounce_OrgPersonUpdates` with the prior position / email (a prior NULL cannot be restored: the procedure reads NULL as "unchanged" -> manual) |
| hodor (any)                     | a reversing Prospect Import row carrying the prior values  |
| salesforce / hubspot updates    | the system's writer with `payload = prior` (changed keys)  |
| salesforce record_bounce        | the bounce fields back to the values read before the write (empty ones cleared) |
| salesforce Lead create, roll-up Task create | the writer deletes the record it created (`delete`) |
| hubspot replacement contact create | the writer archives it (`archive`); one that existed (409) is left |
| sfmc suppression                | manual: Marketing lifts the suppression                    |
| create (other systems, Contact, Account) | manual: delete the created record               |

Each system's rule lives in its own folder, registered as `System.restore` by its
`systems/<name>/system.py` (Salesforce's in `systems/salesforce/restore.py`, HubSpot's for its
replacement contacts in `systems/hubspot/system.py`); other rows (HubSpot: its contact updates are
restored through its writer, its Tasks and roll-up Notes are creates, listed as manual) get the
generic rule (`generic_restore`). A write whose prior value is
unknown or empty (a null cannot be restored through a payload where null means "unchanged") is
listed as manual.

Restoring writes go through `execute` under run id `<run_id>-rollback`, so they are logged and
idempotent; each key hashes the message id `rollback:<original key>`. Their `prior` is the value
the original write set, so a writer that checks conflicts will not undo a newer human edit.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from autoresponder.act import write_log
from autoresponder.act.executor import Writer, execute
from autoresponder.act.idempotency import idempotency_key
from autoresponder.models import PlannedWrite
from autoresponder.systems import registry

ROLLBACK_PLAN_COLUMNS = [
    "run_id", "system", "object", "record_id", "action", "message_id", "prior", "applied",
    "restore_kind", "restore_call", "note", "idempotency_key",
]  # fmt: skip
WritersFactory = Callable[[Any, Path], dict[str, Writer]]


def plan_restore(row: dict[str, Any]) -> tuple[PlannedWrite | None, str, str]:
    """For one write-log row: (restoring write or None, the restoring call as text, note).

    The system's own rule first (a Salesforce Lead or roll-up Task a run created is deleted); a
    create is otherwise never undone automatically; else the system's own rule (`System.restore` in
    its `systems/<name>/system.py`) when it has one, else `generic_restore`."""

    system = registry.get(row["system"])
    if system is not None and system.restore is not None:
        planned = system.restore(row)
        if planned is not None:
            return planned
    return generic_restore(row)


def generic_restore(row: dict[str, Any]) -> tuple[PlannedWrite | None, str, str]:
    """The system's writer with `payload = prior` (the changed keys); manual when a prior is unknown."""
    system, payload, prior, rid = row["system"], row["payload"] or {}, row["prior"] or {}, row["record_id"]
    if row["action"] == "create":
        return (
            None,
            f"delete {row['object']} {row['remote_id'] or rid} in {system}",
            "created records are never deleted automatically",
        )
    changed = {k: v for k, v in payload.items() if v is not None}  # null in a payload = unchanged
    missing = [k for k in changed if prior.get(k) is None]
    if not changed or missing:
        return (
            None,
            f"manual: restore {', '.join(missing) or 'the record'} of {row['object']} {rid} in {system}",
            "prior value unknown",
        )
    restore = {k: prior[k] for k in changed}
    call = f"{system} {row['object']} {rid}: set {json.dumps(restore, ensure_ascii=False, default=str)}"
    return restoring_write(row, restore, changed), call, ""


def restore_text(row: dict[str, Any], payload: dict[str, Any]) -> str:
    """What a restoring write does, for its Task and the log: `Email restored to 'X' (rollback of run R)`."""
    what = ", ".join(f"{k} restored to {v!r}" if v is not None else f"{k} cleared"
                     for k, v in payload.items()) or "restored"
    return f"{what} (rollback of run {row['run_id']})"


def restoring_write(row: dict[str, Any], payload: dict[str, Any], prior: dict[str, Any]) -> PlannedWrite:
    message = f"rollback:{row['idempotency_key']}"
    return PlannedWrite(
        run_id=f"{row['run_id']}-rollback",
        message_id=row["message_id"],
        system=row["system"],
        object=row["object"],
        record_id=row["record_id"],
        action=row["action"],
        payload=payload,
        prior=prior,
        idempotency_key=idempotency_key(
            row["system"], row["object"], row["record_id"], row["action"], payload, message
        ),
        determination="ROLLBACK",
        reason=restore_text(row, payload),
    )


def rollback_plan_rows(conn: Any, run_id: str) -> list[dict[str, Any]]:
    """Rows of `cupola_audit_log_rollback_plan.csv`: every succeeded write of `run_id`, every
    system, with its prior value and the call that restores it."""
    if not write_log.write_log_exists(conn):
        return []
    rows = []
    for r in write_log.fetch_rows(conn, run_id=run_id, status=write_log.APPLIED_STATUSES):
        write, call, note = plan_restore(r)
        rows.append(
            {
                "run_id": run_id,
                "system": r["system"],
                "object": r["object"],
                "record_id": r["record_id"],
                "action": r["action"],
                "message_id": r["message_id"],
                "prior": r["prior"],
                "applied": r["payload"],
                "restore_kind": "automatic" if write is not None else "manual",
                "restore_call": call,
                "note": note,
                "idempotency_key": r["idempotency_key"],
            }
        )
    return rows


def rollback(conn: Any, run_id: str, writers: dict[str, Writer]) -> dict[str, Any]:
    """Restore the succeeded writes of `run_id` that can be restored; list the rest.

    Returns:
        `{"run_id", "rollback_run_id", "restored", "failed", "manual", "counts"}`; `restored` and
        `failed` hold `{system, record_id, action, status, message}`, `manual` the plan rows.
    """
    plan = rollback_plan_rows(conn, run_id)
    rows = write_log.fetch_rows(conn, run_id=run_id, status=write_log.APPLIED_STATUSES) if plan else []
    restoring, manual = [], [p for p in plan if p["restore_kind"] == "manual"]
    for r in rows:
        write = plan_restore(r)[0]
        if write is None:
            continue
        if write.system not in writers:
            manual.append(
                {
                    **next(p for p in plan if p["idempotency_key"] == r["idempotency_key"]),
                    "note": f"no writer for {write.system}",
                }
            )
            continue
        restoring.append(write)
    rollback_run_id = f"{run_id}-rollback"
    report = execute(conn, restoring, writers, mode="apply", run_id=rollback_run_id)
    restored, failed = [], []
    for w, o in report.results():
        item = {
            "system": w.system,
            "record_id": w.record_id,
            "action": w.action,
            "status": o.status,
            "message": o.message,
        }
        (restored if o.status in write_log.DONE_STATUSES else failed).append(item)
    for system, error in report.errors.items():
        failed.append(
            {"system": system, "record_id": None, "action": None, "status": "error", "message": error}
        )
    return {
        "run_id": run_id,
        "rollback_run_id": rollback_run_id,
        "restored": restored,
        "failed": failed,
        "manual": manual,
        "counts": report.counts,
    }


def default_writers(conn: Any, warehouse: Path) -> dict[str, Writer]:
    """Each registered system's writer that needs no open connection (`System.offline_writer`):
    the embedded CUPOLA next to the warehouse (when present) and a Hodor import file."""

    writers: dict[str, Writer] = {}
    for system in registry.systems():
        writer = system.offline_writer(conn, warehouse) if system.offline_writer is not None else None
        if writer is not None:
            writers[system.name] = writer
    return writers


def rollback_main(args: argparse.Namespace, writers_factory: WritersFactory | None = None,
                  settings: Any = None) -> int:
    """`autoresponder rollback RUN_ID`: prints the result as JSON; 1 when a restore failed.

    The warehouse and runs folder come from `settings` (the CLI's `Settings`: flags, then
    `AUTORESPONDER_*`, then the defaults of config.py). The Hodor reversing rows go to
    `<runs_dir>/<run_id>-rollback/hodor_pending_actions.csv`.
    """
    if settings is None:
        # cycle: autoresponder.commands imports this module
        from autoresponder.commands import settings_from_args

        settings = settings_from_args(args)
    warehouse = Path(settings.warehouse)
    runs_dir = Path(settings.runs_dir)
    conn = duckdb.connect(str(warehouse))
    try:
        writers = (writers_factory or default_writers)(conn, warehouse)
        result = rollback(conn, args.run_id, writers)
    finally:
        conn.close()

    folder = runs_dir / result["rollback_run_id"]
    for system in registry.systems():  # files a rollback leaves (the Hodor reversing rows)
        if system.after_rollback is not None and system.name in writers:
            result.update(system.after_rollback(writers[system.name], folder))
    print(json.dumps(result, indent=2, default=str))
    return 1 if result["failed"] else 0
