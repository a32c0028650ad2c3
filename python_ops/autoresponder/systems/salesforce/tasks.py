"""Curated Tasks logged on written Contacts/Leads: what changed and why, never the email text (DESIGN §10)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from simple_salesforce.format import format_soql

from ...models import PlannedWrite, WriteOutcome
from .collections import Unit, send_collection
from .transport import SalesforceCaller

ACTION_LABELS = {
    "mark_inactive": "marked inactive",
    "update_email": "email updated",
    "update_title": "title updated",
    "reactivate": "reactivated",
    "create": "created from a replacement reply",
    "record_bounce": "hard bounce recorded",
}
ACCOUNT_NAME_KEYS = ("AccountName", "Account")  # non-API payload keys naming the Account of a new Contact
TASK_MARKER = "AutoResponder key:"


def query_records(caller: SalesforceCaller, soql: str) -> list[dict[str, Any]]:
    """Every record of a REST query (query, then queryMore), each call retried."""
    out: list[dict[str, Any]] = []
    page = caller.call("query", lambda: caller.sf.query(soql))
    while True:
        out.extend(page["records"])
        if page.get("done", True):
            return out
        url = page["nextRecordsUrl"]
        page = caller.call("query_more", lambda u=url: caller.sf.query_more(u, identifier_is_url=True))


def task_subject(writes: list[PlannedWrite]) -> str:
    """`AutoResponder: marked inactive (left)`; several actions are joined with `; `."""
    labels = []
    for w in writes:
        label = ACTION_LABELS.get(w.action, w.action.replace("_", " "))
        if w.determination == "ROLLBACK" and w.reason:  # "Email restored to X (rollback of run R)"
            label = w.reason
        elif w.action == "mark_inactive" and w.reason:
            label += f" ({w.reason})"
        if label not in labels:
            labels.append(label)
    return ("AutoResponder: " + "; ".join(labels))[:255]


def task_record(record_id: str, writes: list[PlannedWrite]) -> dict[str, Any]:
    """A curated Task: what changed and why, with no email text (DESIGN §10)."""
    lines = ["Automated update by AutoResponder from an automatic email reply."]
    for w in writes:
        what = ", ".join(f"{k}: {w.prior.get(k)!r} -> {v!r}" for k, v in w.payload.items()
                         if k not in ACCOUNT_NAME_KEYS)
        det = f"{w.determination or ''} ({w.reason})" if w.reason else (w.determination or "")
        lines.append(f"- {w.action}: {what}; determination {det.strip()}; run {w.run_id}")
    lines.extend(f"{TASK_MARKER} {w.idempotency_key}" for w in writes)  # one per write: heal finds each
    task = {"attributes": {"type": "Task"}, "WhoId": record_id, "Subject": task_subject(writes),
            "Status": "Completed", "Priority": "Normal", "ActivityDate": datetime.now(UTC).date().isoformat(),
            "Description": "\n".join(lines)}
    # seed crm_connectors.md V1.4: WhatId = the Opportunity the thread maps to; only beside a Contact
    # (Salesforce refuses a WhatId when WhoId is a Lead: FIELD_INTEGRITY_EXCEPTION)
    what_id = next((w.opportunity_id for w in writes if w.opportunity_id), None)
    if what_id and not record_id.startswith("00Q"):
        task["WhatId"] = what_id
    return task


def task_keys(caller: SalesforceCaller, record_ids: list[str], *, batch_size: int = 200) -> dict[str, str]:
    """Idempotency key -> Task Id for every key marker on the Tasks of `record_ids` (WhoId).

    The key travels in the Task's Description (`AutoResponder key: <key>`, one line per write):
    the emulator and every org store Description as is, so no custom field is needed. An org
    that prefers a field would add an external-id text field (e.g. `AutoResponder_Key__c`) and
    query it instead; the Description marker keeps working either way."""
    out: dict[str, str] = {}
    ids = list(dict.fromkeys(r for r in record_ids if r))
    for start in range(0, len(ids), batch_size):
        part = ids[start:start + batch_size]
        soql = format_soql("SELECT Id, WhoId, Description FROM Task WHERE WhoId IN {ids}", ids=part)
        for rec in query_records(caller, soql):
            for line in (rec.get("Description") or "").splitlines():
                if line.startswith(TASK_MARKER):
                    out.setdefault(line[len(TASK_MARKER):].strip(), rec["Id"])
    return out


def create_tasks(caller: SalesforceCaller, written: list[tuple[PlannedWrite, str]],
                 outcomes: dict[str, WriteOutcome], *, batch_size: int = 200,
                 before_write: Callable[[], None] | None = None) -> int:
    """One curated Task per written Contact/Lead (collection POST); returns how many were created.

    A write counts as done only with its Task: when the Task cannot be created the write's
    outcome becomes `failed_retriable` with Salesforce's message (the record holds the value),
    and the next run's heal creates the Task once (its key marker prevents a second)."""
    by_record: dict[str, list[PlannedWrite]] = defaultdict(list)
    for w, rid in written:
        if w.object in ("Contact", "Lead") and rid:
            by_record[rid].append(w)
    units = [Unit(task_record(rid, ws), ws, key=rid) for rid, ws in by_record.items()]
    created = 0

    def confirm(pending: list[Unit]) -> dict[int, str]:
        ids = [u.key for u in pending]
        soql = format_soql("SELECT Id, WhoId, Description FROM Task WHERE WhoId IN {ids}", ids=ids)
        recs = query_records(caller, soql)
        landed = {}
        for i, u in enumerate(pending):
            markers = [f"{TASK_MARKER} {w.idempotency_key}" for w in u.writes]
            for rec in recs:
                if rec.get("WhoId") == u.key and any(m in (rec.get("Description") or "") for m in markers):
                    landed[i] = rec["Id"]
        return landed

    send_collection(caller, "POST", units, chunk=batch_size, confirm=confirm, before_write=before_write)
    for u in units:
        if u.status == "succeeded":
            created += 1
        for w in u.writes:
            out = outcomes.get(w.idempotency_key)
            if out is None:
                continue
            if u.status == "succeeded":
                out.observed["task_id"] = u.remote_id
            else:
                out.observed["task_error"] = u.message
                if out.status == "succeeded":
                    out.status = "failed_retriable"
                    out.message = f"record updated, but its Task was not created: {u.message}"
    return created
