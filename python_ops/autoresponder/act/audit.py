"""Rows of `cupola_audit_log.csv/.json` (DESIGN §8): one per CUPOLA procedure decision.

From an `ExecutionReport` (full detail: result code, live prior and new values) or, when the
report is gone, from `ops.write_log` (prior from the log, result code read back from the
writer's message).
"""

from __future__ import annotations

import re
from typing import Any

from autoresponder.act import write_log
from autoresponder.act.executor import ExecutionReport
from autoresponder.systems.cupola.procedures import MARK_PERSON_INACTIVE, ORG_PERSON_UPDATES

CUPOLA_AUDIT_COLUMNS = [
    "run_id", "message_id", "org_person_id", "person_id", "action", "procedure", "params", "result_code",
    "status", "prior_status", "prior_position", "prior_email", "new_status", "new_position", "new_email",
    "executed_at", "attempts", "message", "idempotency_key",
]  # fmt: skip
_RESULT = re.compile(r"@Result=(-?\d+)")


def _procedure_for(action: str) -> str:
    return MARK_PERSON_INACTIVE if action == "mark_inactive" else ORG_PERSON_UPDATES


def _params_for(action: str, record_id: Any, payload: dict[str, Any]) -> dict[str, Any]:
    if action == "mark_inactive":
        return {"OrgPersonID": record_id}
    return {"OrgPersonID": record_id, "Position": payload.get("position"), "Email": payload.get("email")}


def cupola_audit_rows(report: ExecutionReport) -> list[dict[str, Any]]:
    """One row per CUPOLA write this run executed (healed and skipped ones included)."""
    rows = []
    for w, o in report.results():
        if w.system != "cupola":
            continue
        obs = o.observed or {}
        prior = obs.get("prior") or w.prior or {}
        new = obs.get("new") or {}
        rows.append(
            {
                "run_id": report.run_id,
                "message_id": w.message_id,
                "org_person_id": w.record_id,
                "person_id": prior.get("person_id") or new.get("person_id"),
                "action": w.action,
                "procedure": obs.get("procedure") or _procedure_for(w.action),
                "params": obs.get("params") or _params_for(w.action, w.record_id, w.payload),
                "result_code": obs.get("result_code"),
                "status": o.status,
                "prior_status": prior.get("status"),
                "prior_position": prior.get("position"),
                "prior_email": prior.get("email"),
                "new_status": new.get("status"),
                "new_position": new.get("position"),
                "new_email": new.get("email"),
                "executed_at": obs.get("executed_at"),
                "attempts": o.attempts,
                "message": o.message,
                "idempotency_key": w.idempotency_key,
            }
        )
    return rows


def cupola_audit_rows_from_log(conn: Any, run_id: str) -> list[dict[str, Any]]:
    """The same rows rebuilt from `ops.write_log` for `run_id` (new values are the targets)."""
    rows = []
    for r in write_log.fetch_rows(conn, run_id=run_id):
        if r["system"] != "cupola":
            continue
        prior, payload = r["prior"], r["payload"]
        m = _RESULT.search(r["remote_message"] or "")
        done = r["status"] == "succeeded"
        rows.append(
            {
                "run_id": r["run_id"],
                "message_id": r["message_id"],
                "org_person_id": r["record_id"],
                "person_id": prior.get("person_id"),
                "action": r["action"],
                "procedure": _procedure_for(r["action"]),
                "params": _params_for(r["action"], r["record_id"], payload),
                "result_code": int(m.group(1)) if m else None,
                "status": r["status"],
                "prior_status": prior.get("status"),
                "prior_position": prior.get("position"),
                "prior_email": prior.get("email"),
                "new_status": ("Inactive" if r["action"] == "mark_inactive" else prior.get("status"))
                if done
                else prior.get("status"),
                "new_position": (payload.get("position") or prior.get("position"))
                if done
                else prior.get("position"),
                "new_email": (payload.get("email") or prior.get("email")) if done else prior.get("email"),
                "executed_at": r["updated_at"],
                "attempts": r["attempts"],
                "message": r["remote_message"],
                "idempotency_key": r["idempotency_key"],
            }
        )
    return rows
