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
| sfmc suppression                | manual: Marketing lifts the suppression                    |
| create (other systems, Contact, Account) | manual: delete the created record               |

A write whose prior value is unknown or empty (a null cannot be restored through a payload
where null means "unchanged") is listed as manual.

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

from autoresponder.act import write_log
from autoresponder.act.executor import Writer, execute
from autoresponder.act.idempotency import idempotency_key
from autoresponder.models import PlannedWrite
from autoresponder.systems.cupola.procedures import ORG_PERSON_UPDATES

ROLLBACK_PLAN_COLUMNS = [
    "run_id", "system", "object", "record_id", "action", "message_id", "prior", "applied",
    "restore_kind", "restore_call", "note", "idempotency_key",
]  # fmt: skip
WritersFactory = Callable[[Any, Path], dict[str, Writer]]


def _sql_literal(value: Any) -> str:
    return "NULL" if value is None else "N'" + str(value).replace("'", "''") + "'"


def plan_restore(row: dict[str, Any]) -> tuple[PlannedWrite | None, str, str]:
    """For one write-log row: (restoring write or None, the restoring call as text, note)."""
    system, action, payload, prior = row["system"], row["action"], row["payload"] or {}, row["prior"] or {}
    rid = row["record_id"]
    if system == "salesforce":
        planned = _plan_salesforce_restore(row, payload, prior)
        if planned is not None:
            return planned
    if action == "create":
        return (
            None,
            f"delete {row['object']} {row['remote_id'] or rid} in {system}",
            "created records are never deleted automatically",
        )
    if system == "cupola" and action == "mark_inactive":
        return (
            None,
            f"manual reactivation request: CUPOLA org_person_id {rid} back to Active "
            f"(status_change_date was {prior.get('status_change_date') or 'unknown'})",
            "CUPOLA has no reactivate procedure; the CUPOLA owner decides",
        )
    if system == "cupola":
        fields = [f for f in ("position", "email") if payload.get(f) is not None]
        restore = {f: prior.get(f) for f in fields}
        lost = [f for f in fields if restore[f] is None]
        call = (
            f"EXEC dbo.{ORG_PERSON_UPDATES} @OrgPersonID={rid}, @Position={_sql_literal(restore.get('position'))}, "
            f"@Email={_sql_literal(restore.get('email'))}, @Result=@r OUTPUT"
        )
        if not fields or lost:
            return (
                None,
                f"manual: set {', '.join(lost or ['nothing'])} of org_person_id {rid} back to empty",
                "prior value was empty; NULL means unchanged to the procedure",
            )
        new_payload = {"position": restore.get("position"), "email": restore.get("email")}
        new_prior = {f: payload.get(f) for f in fields}
        return _restoring_write(row, new_payload, new_prior), call, ""
    if system == "sfmc":
        return None, f"manual: ask Marketing to lift the suppression of {rid}", "SFMC is owned by Marketing"
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
    if system == "hodor":
        call = (
            f"Prospect Import row for prospect {rid}: {json.dumps(restore, ensure_ascii=False, default=str)}"
        )
    return _restoring_write(row, restore, changed), call, ""


def _plan_salesforce_restore(row: dict[str, Any], payload: dict[str, Any],
                             prior: dict[str, Any]) -> tuple[PlannedWrite | None, str, str] | None:
    """Salesforce writes whose restore differs from "payload = prior" (None: the general rule).

    * a created Lead, or a weekly roll-up Task a run created: deleted (`delete`, by remote id);
    * a roll-up Task a run updated: manual (its prior Description is in the log);
    * `record_bounce`: EmailBouncedDate/Reason set back to the values read before the write, empty
      ones included (a JSON null clears a Salesforce field, so "was empty" can be restored).
    """
    obj, action, remote = row["object"], row["action"], row.get("remote_id")
    if (obj == "Lead" and action == "create") or (action == "weekly_rollup" and not prior.get("Description")):
        if not remote:
            return None, f"manual: delete the {obj} this write created in salesforce", "its id was not logged"
        message = f"rollback:{row['idempotency_key']}"
        write = PlannedWrite(
            run_id=f"{row['run_id']}-rollback", message_id=row["message_id"], system="salesforce", object=obj,
            record_id=remote, action="delete", payload={}, prior={},
            idempotency_key=idempotency_key("salesforce", obj, remote, "delete", {}, message),
            determination="ROLLBACK", reason=f"{obj} {remote} deleted (rollback of run {row['run_id']})")
        return write, f"salesforce {obj} {remote}: delete", ""
    if action == "weekly_rollup":
        return (None, f"manual: set the Description of Task {remote} in salesforce back to its logged prior",
                "the roll-up Task existed before this run; only its Description changed")
    if action == "record_bounce":
        fields = [k for k in payload if payload[k] is not None]
        if not fields or any(k not in prior for k in fields):
            return None, f"manual: restore the bounce fields of {obj} {row['record_id']} in salesforce", \
                "prior value unknown"
        restore = {k: prior[k] for k in fields}
        call = f"salesforce {obj} {row['record_id']}: set {json.dumps(restore, ensure_ascii=False, default=str)}"
        return _restoring_write(row, restore, {k: payload[k] for k in fields}), call, ""
    return None


def restore_text(row: dict[str, Any], payload: dict[str, Any]) -> str:
    """What a restoring write does, for its Task and the log: `Email restored to 'X' (rollback of run R)`."""
    what = ", ".join(f"{k} restored to {v!r}" if v is not None else f"{k} cleared"
                     for k, v in payload.items()) or "restored"
    return f"{what} (rollback of run {row['run_id']})"


def _restoring_write(row: dict[str, Any], payload: dict[str, Any], prior: dict[str, Any]) -> PlannedWrite:
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
    """The embedded CUPOLA next to the warehouse (when present) and a Hodor import file."""
    from autoresponder.systems.cupola import CupolaWriter, EmbeddedCupola
    from autoresponder.systems.hodor import HodorProspectImport

    writers: dict[str, Writer] = {"hodor": HodorProspectImport.from_warehouse(conn)}
    store = warehouse.parent / "cupola.sqlite"
    if store.exists():
        writers["cupola"] = CupolaWriter(EmbeddedCupola(store))
    return writers


def rollback_main(args: argparse.Namespace, writers_factory: WritersFactory | None = None,
                  settings: Any = None) -> int:
    """`autoresponder rollback RUN_ID`: prints the result as JSON; 1 when a restore failed.

    The warehouse and runs folder come from `settings` (the CLI's `Settings`: flags, then
    `AUTORESPONDER_*`, then the defaults of config.py). The Hodor reversing rows go to
    `<runs_dir>/<run_id>-rollback/hodor_pending_actions.csv`.
    """
    import duckdb

    if settings is None:
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
    hodor = writers.get("hodor")
    if hodor is not None and hasattr(hodor, "rows") and hodor.rows():
        folder = runs_dir / result["rollback_run_id"]
        result["hodor_file"] = str(hodor.write(folder / "hodor_pending_actions.csv"))
        hodor.write_verification(folder / "hodor_prospect_import_verification.csv")
    print(json.dumps(result, indent=2, default=str))
    return 1 if result["failed"] else 0
