"""Replacement contacts (DESIGN §5 REPLACEMENT, behind `auto_add_replacements`; issue 12).

`POST /crm/v3/objects/contacts/batch/create`, at most 100 inputs. HubSpot refuses a whole batch
with HTTP 409 `CONFLICT` ("Contact already exists. Existing ID: <id>") when one address is held
already: the batch's addresses are then read by email (`batch/read`, `idProperty: email`), the
ones found are "already exists" (`succeeded`, their id as `remote_id`, prior `{"existed": "yes"}`
so rollback never archives them) and the rest are sent again. A create re-sent after a lost answer
meets its own contact this way, so a create is never made twice. Rollback archives a contact a run
created (`batch/archive`, `system.py`'s restore rule).
"""

from __future__ import annotations

from ...models import PlannedWrite, WriteOutcome
from .errors import HubSpotApiError, HubSpotConnectionInError, HubSpotTerminalError, failure_status
from .transport import HubSpotCaller

MAX_BATCH = 100


def _email(w: PlannedWrite) -> str:
    return str(w.payload.get("email") or "").strip().lower()


def create_contacts(caller: HubSpotCaller, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome]) -> None:
    """One outcome per create in `outcomes`; raises only `HubSpotConnectionInError`."""
    for w in writes:
        if not _email(w):
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "failed_terminal", attempts=0,
                                                       message="a HubSpot contact is created with an email")
    ready = [w for w in writes if _email(w)]
    for start in range(0, len(ready), MAX_BATCH):
        _create(caller, ready[start:start + MAX_BATCH], outcomes)


def _create(caller: HubSpotCaller, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome]) -> None:
    pending = list(writes)
    while pending:
        body = {"inputs": [{"properties": {k: v for k, v in w.payload.items() if v not in (None, "")}}
                           for w in pending]}
        before = caller.counts["contacts_batch_create"]
        try:
            res = caller.call("contacts_batch_create", lambda api, b=body: api.crm.contacts.batch_api.create(b))
        except HubSpotConnectionInError:
            raise
        except HubSpotTerminalError as exc:
            existing = _existing(caller, pending) if exc.status == 409 else {}
            if not existing:
                _finish(pending, outcomes, "failed_terminal", exc.message, caller.counts["contacts_batch_create"] - before)
                return
            for w in pending:
                rid = existing.get(_email(w))
                if rid is not None:
                    outcomes[w.idempotency_key] = WriteOutcome(
                        w.idempotency_key, "succeeded", remote_id=rid, attempts=1, observed={"prior": {"existed": "yes"}},
                        message=f"already exists in HubSpot (409 CONFLICT): contact {rid}")
            pending = [w for w in pending if _email(w) not in existing]
            continue
        except HubSpotApiError as exc:
            _finish(pending, outcomes, failure_status(exc), exc.message, caller.counts["contacts_batch_create"] - before)
            return
        ids = {str((r.properties or {}).get("email") or "").lower(): str(r.id) for r in res.results or []}
        attempts = caller.counts["contacts_batch_create"] - before
        for w in pending:
            rid = ids.get(_email(w))
            outcomes[w.idempotency_key] = (
                WriteOutcome(w.idempotency_key, "succeeded", remote_id=rid, attempts=attempts,
                             message=f"contact {rid} created") if rid is not None else
                WriteOutcome(w.idempotency_key, "failed_terminal", attempts=attempts,
                             message="HubSpot did not return this contact in the batch result"))
        return


def _existing(caller: HubSpotCaller, writes: list[PlannedWrite]) -> dict[str, str]:
    """Email -> id of the contacts already holding the batch's addresses."""
    body = {"inputs": [{"id": _email(w)} for w in writes], "idProperty": "email", "properties": ["email"],
            "propertiesWithHistory": []}
    res = caller.call("contacts_batch_read", lambda api: api.crm.contacts.batch_api.read(body))
    return {str((r.properties or {}).get("email") or "").lower(): str(r.id) for r in res.results or []}


def archive_contacts(caller: HubSpotCaller, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome]) -> None:
    """Rollback of a created contact: `batch/archive` (idempotent: an archived id is accepted again)."""
    for start in range(0, len(writes), MAX_BATCH):
        part = writes[start:start + MAX_BATCH]
        body = {"inputs": [{"id": str(w.record_id)} for w in part]}
        before = caller.counts["contacts_batch_archive"]
        try:
            caller.call("contacts_batch_archive", lambda api, b=body: api.crm.contacts.batch_api.archive(b))
        except HubSpotConnectionInError:
            raise
        except HubSpotApiError as exc:
            _finish(part, outcomes, failure_status(exc), exc.message, caller.counts["contacts_batch_archive"] - before)
            continue
        _finish(part, outcomes, "succeeded", "contact archived", caller.counts["contacts_batch_archive"] - before)
        for w in part:
            outcomes[w.idempotency_key].remote_id = str(w.record_id)


def _finish(writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome], status: str, message: str,
            attempts: int) -> None:
    for w in writes:
        outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, status, message=message, attempts=attempts)
