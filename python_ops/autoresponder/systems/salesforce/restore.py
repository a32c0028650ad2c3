"""Salesforce's rollback rule (`System.restore`, act/rollback.py): the writes whose restore is
not the generic "the writer with `payload = prior`"."""

from __future__ import annotations

import json
from typing import Any

from autoresponder.act.idempotency import idempotency_key
from autoresponder.act.rollback import restoring_write
from autoresponder.models import PlannedWrite


def plan_restore(row: dict[str, Any]) -> tuple[PlannedWrite | None, str, str] | None:
    """Salesforce writes whose restore differs from "payload = prior" (None: the general rule).

    * a created Lead, or a weekly roll-up Task a run created: deleted (`delete`, by remote id);
    * a roll-up Task a run updated: manual (its prior Description is in the log);
    * `record_bounce`: EmailBouncedDate/Reason set back to the values read before the write, empty
      ones included (a JSON null clears a Salesforce field, so "was empty" can be restored).
    """
    payload, prior = row["payload"] or {}, row["prior"] or {}
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
        return restoring_write(row, restore, {k: payload[k] for k in fields}), call, ""
    return None
