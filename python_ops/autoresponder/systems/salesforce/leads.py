"""Minimal Lead creation and the deletes that roll created records back (seed crm_connectors.md).

A replacement whose organisation has no fitting Account becomes a minimal Lead: Email, names,
Title and the required fields with their fallbacks (`LastName`: the name after its first word,
else the whole name, else the address's local part; `Company`: the original Lead's Company,
else the email domain), chosen in `int_route__replacement.sql` and re-checked here, so a plan
written before this module still creates a valid Lead. An existing Lead or Contact with the
same Email makes the write `skipped_noop` (never a duplicate). Salesforce's own refusal (e.g.
`REQUIRED_FIELD_MISSING`) is terminal for that record and logged with its message.

`delete_records` is what rollback sends for a Lead (or a roll-up Task) a run created: one
`DELETE composite/sobjects?ids=…&allOrNone=false` per <= 200 ids. A record already gone is
`skipped_noop`; a Lead someone converted since is `skipped_conflict` (never deleted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...models import PlannedWrite, WriteOutcome
from .collections import Unit, send_collection
from .errors import SalesforceApiError, failure_status, record_errors

if TYPE_CHECKING:
    from .writer import SalesforceWriter

LEAD_CREATE_FIELDS = ("Company", "Email", "FirstName", "LastName", "Title")


def lead_body(payload: dict[str, Any]) -> dict[str, Any]:
    """The Lead to POST: the payload's Lead fields, required ones filled with their fallbacks."""
    body = {k: v for k, v in payload.items() if k in LEAD_CREATE_FIELDS and v not in (None, "")}
    email = str(body.get("Email") or "").strip()
    local, _, domain = email.partition("@")
    body.setdefault("LastName", local or None)
    body.setdefault("Company", domain or None)
    return {k: v for k, v in body.items() if v not in (None, "")}


def create_leads(writer: SalesforceWriter, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome],
                 written: list[tuple[PlannedWrite, str]]) -> None:
    """POST minimal Leads (collections); each created Lead gets its curated Task like any write."""
    emails = [str(w.payload.get("Email") or "").strip() for w in writes]
    wanted = [e for e in emails if e]
    try:
        existing = writer._find_by("Lead", "Email", wanted) if wanted else {}  # noqa: SLF001
        contacts = writer._find_by("Contact", "Email", wanted) if wanted else {}  # noqa: SLF001
    except SalesforceApiError as exc:
        for w in writes:
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, failure_status(exc), attempts=0,
                                                       message=exc.message)
        return
    units: list[Unit] = []
    for w, email in zip(writes, emails, strict=True):
        hit = existing.get(email.lower()) or contacts.get(email.lower())
        if email and hit:
            kind = "Lead" if email.lower() in existing else "Contact"
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "skipped_noop", attempts=0, remote_id=hit,
                                                       message=f"a {kind} with this email exists",
                                                       observed={"object": "Lead"})
            continue
        units.append(Unit({"attributes": {"type": "Lead"}, **lead_body(w.payload)}, [w], key=email))

    def confirm(pending: list[Unit]) -> dict[int, str]:
        hits = writer._find_by("Lead", "Email", [u.key for u in pending if u.key])  # noqa: SLF001
        return {i: hits[u.key.lower()] for i, u in enumerate(pending) if u.key and u.key.lower() in hits}

    send_collection(writer.caller, "POST", units, chunk=writer.batch_size, confirm=confirm,
                    before_write=writer.guard)
    for u in units:
        w = u.writes[0]
        outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, u.status or "failed_retriable",
                                                   remote_id=u.remote_id, message=u.message, attempts=u.attempts,
                                                   observed={"object": "Lead"})
        if u.status == "succeeded" and u.remote_id:
            written.append((w, u.remote_id))


def delete_records(writer: SalesforceWriter, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome]) -> None:
    """Delete the records of `writes` (rollback of a create); see the module docstring."""
    for sobject in sorted({w.object for w in writes}):
        group = [w for w in writes if w.object == sobject and w.record_id]
        fields = ["IsConverted"] if sobject == "Lead" else []
        try:
            live = writer._read(sobject, [w.record_id or "" for w in group], fields)  # noqa: SLF001
        except SalesforceApiError as exc:
            for w in group:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, failure_status(exc), attempts=0,
                                                           message=exc.message)
            continue
        doomed: list[PlannedWrite] = []
        for w in group:
            rec = live.get(w.record_id or "")
            if rec is None:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "skipped_noop", attempts=0,
                                                           remote_id=w.record_id, message="already deleted")
            elif rec.get("IsConverted"):
                outcomes[w.idempotency_key] = WriteOutcome(
                    w.idempotency_key, "skipped_conflict", attempts=0, remote_id=w.record_id,
                    message=f"{sobject} {w.record_id} was converted since it was created; not deleted")
            else:
                doomed.append(w)
        for start in range(0, len(doomed), writer.batch_size):
            _delete_chunk(writer, doomed[start:start + writer.batch_size], outcomes)
    for w in writes:
        if not w.record_id:
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "failed_terminal", attempts=0,
                                                       message="no record_id to delete")


def _delete_chunk(writer: SalesforceWriter, chunk: list[PlannedWrite], outcomes: dict[str, WriteOutcome]) -> None:
    params = {"ids": ",".join(w.record_id or "" for w in chunk), "allOrNone": "false"}
    writer.guard()
    try:
        results = writer.caller.call("composite_delete", lambda: writer.sf.restful(
            "composite/sobjects", method="DELETE", params=params)) or []
    except SalesforceApiError as exc:
        for w in chunk:
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, failure_status(exc), message=exc.message)
        return
    for w, res in zip(chunk, results, strict=False):
        errs = record_errors(res)
        if res.get("success") or any(e.code == "ENTITY_IS_DELETED" for e in errs):  # a re-sent DELETE
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "succeeded", remote_id=w.record_id,
                                                       message=f"deleted {w.object} {w.record_id}")
        else:
            outcomes[w.idempotency_key] = WriteOutcome(
                w.idempotency_key, "failed_terminal", remote_id=w.record_id,
                message="; ".join(str(e) for e in errs) or "unknown error")
