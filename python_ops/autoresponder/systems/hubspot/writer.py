"""The HubSpot writer: planned writes in, one outcome per write out (DESIGN §6, §10, §11 `hubspot`).

1. Live check: the contacts modified since the snapshot (`changed_since_ms`, the sync watermark)
   are read with one incremental search; the rest still hold the snapshot's values (`prior`).
   Without a watermark the targets are read with `batch/read`. A record already in the target
   state is `skipped_noop`; one changed since the snapshot is `skipped_conflict` (never overwrite
   a newer human edit).
2. `batch/update` (<= 100 inputs, each contact once a request). A 400 for a batch is split in
   halves until the refused input is alone, so one bad record fails alone, with HubSpot's message;
   ids HubSpot does not know (HTTP 207) are `failed_terminal`.
   Replacement contacts (`action = 'create'`) go through `batch/create` (`creates.py`), rollback's
   `archive` through `batch/archive`.
3. One curated Task per written contact update (`tasks.py`); a write whose Task could not be
   created is `failed_retriable`.
4. One roll-up Note per contact per ISO week (`rollups.py`).

A `HubSpotConnectionInError` (token refresh failed or refused again) stops the writer: the writes
not yet decided are `failed_retriable` with the connection's message and nothing more is sent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from ...models import PlannedWrite, WriteOutcome
from .associations import AssociationTypes
from .creates import archive_contacts, create_contacts
from .errors import HubSpotApiError, HubSpotConnectionInError, HubSpotTerminalError, failure_status
from .rollups import RollupStore, write_rollups
from .tasks import create_tasks, task_keys
from .transport import HubSpotCaller

CONTACT_OBJECTS = ("contact", "contacts", "Contact")
MAX_BATCH = 100


def same_value(prop: str, a: Any, b: Any) -> bool:
    """HubSpot-equal: '' equals null; emails compare case-insensitively after trimming."""
    a = None if a in (None, "") else str(a).strip()
    b = None if b in (None, "") else str(b).strip()
    if a is not None and b is not None and prop == "email":
        return a.lower() == b.lower()
    return a == b


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class HubSpotWriter:
    """Applies `PlannedWrite`s (object `contact`, payload = HubSpot properties) through batches.

    Args:
        caller: the retrying caller of one connection.
        deals: contact id -> the deal its thread maps to (from the synced snapshot).
        changed_since_ms: the snapshot's watermark; None reads every target live.
        assoc_types: a shared association type cache (TTL).
        rollups: where roll-up note ids are remembered (the write log); None searches HubSpot.
    """

    def __init__(self, caller: HubSpotCaller, *, deals: dict[str, str] | None = None,
                 changed_since_ms: int | None = None, assoc_types: AssociationTypes | None = None,
                 rollups: RollupStore | None = None, create_tasks: bool = True, weekly_rollup: bool = True,
                 today: Callable[[], date] = lambda: datetime.now(UTC).date()):
        self.caller = caller
        self.deals = deals or {}
        self.changed_since_ms = changed_since_ms
        self.assoc_types = assoc_types or AssociationTypes()
        self.rollups = rollups
        self.create_tasks = create_tasks
        self.weekly_rollup = weekly_rollup
        self.today = today
        self.tasks_created = 0
        self.notes_written = 0
        self.connection_error: str | None = None
        self.rollup_errors: list[str] = []

    # live values ------------------------------------------------------------------------
    def _live(self, writes: list[PlannedWrite]) -> dict[str, dict[str, Any]]:
        """Contact id -> live properties, for the targets that may differ from the snapshot."""
        props = sorted({"lastmodifieddate", *(k for w in writes for k in (*w.payload, *w.prior))})
        ids = list(dict.fromkeys(str(w.record_id) for w in writes))
        if self.changed_since_ms is not None:
            found = self._changed(props, set(ids))
            if found is not None:
                return found
        out: dict[str, dict[str, Any]] = {}
        for part in chunks(ids, MAX_BATCH):
            body = {"inputs": [{"id": i} for i in part], "properties": props, "propertiesWithHistory": []}
            res = self.caller.call("contacts_batch_read",
                                   lambda api, b=body: api.crm.contacts.batch_api.read(b))
            for rec in res.results or []:
                out[str(rec.id)] = rec.properties or {}
        for i in ids:
            out.setdefault(i, {"__missing__": True})
        return out

    def _changed(self, props: list[str], targets: set[str]) -> dict[str, dict[str, Any]] | None:
        """Targets modified since the watermark (one search, paged); None past HubSpot's 10,000 cap."""
        out: dict[str, dict[str, Any]] = {}
        after: str | None = None
        while True:
            body: dict[str, Any] = {"filterGroups": [{"filters": [
                {"propertyName": "lastmodifieddate", "operator": "GTE", "value": str(self.changed_since_ms)}]}],
                "sorts": [{"propertyName": "lastmodifieddate", "direction": "ASCENDING"}],
                "properties": props, "limit": MAX_BATCH}
            if after:
                if int(after) + MAX_BATCH > 10_000:
                    return None
                body["after"] = after
            res = self.caller.call("contacts_search", lambda api, b=body: api.crm.contacts.search_api.do_search(b))
            for rec in res.results or []:
                if str(rec.id) in targets:
                    out[str(rec.id)] = rec.properties or {}
            after = res.paging.next.after if res.paging and res.paging.next else None
            if not after:
                return out

    # apply ------------------------------------------------------------------------------
    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        """One outcome per write, same order; never raises for a record."""
        outcomes: dict[str, WriteOutcome] = {}
        valid = []
        creates = [w for w in writes if w.action == "create" and w.object in CONTACT_OBJECTS]
        archives = [w for w in writes if w.action == "archive" and w.object in CONTACT_OBJECTS and w.record_id]
        for w in [w for w in writes if w not in creates and w not in archives]:
            problem = None if w.object in CONTACT_OBJECTS else f"HubSpot writes support contacts, not {w.object}"
            problem = problem or (None if w.record_id else "no record_id") or (None if w.payload else "empty payload")
            if problem:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "failed_terminal", message=problem,
                                                           attempts=0)
            else:
                valid.append(w)
        written: list[tuple[PlannedWrite, str]] = []
        try:
            if creates:  # replacement contacts (creates.py): no curated Task, no roll-up line
                create_contacts(self.caller, creates, outcomes)
            if archives:  # rollback of a created contact
                archive_contacts(self.caller, archives, outcomes)
            if valid:
                live = self._live(valid)
                for round_units in self._plan(valid, live, outcomes):
                    for part in chunks(round_units, MAX_BATCH):
                        self._send(part, outcomes, written)
            if self.create_tasks and written:
                self.tasks_created += create_tasks(self.caller, self.assoc_types, written, self.deals, outcomes)
            if self.weekly_rollup and written:
                self.notes_written += write_rollups(self.caller, self.assoc_types, written, self.deals,
                                                    self.rollups, self.today(), self.rollup_errors)
        except HubSpotConnectionInError as exc:
            self.connection_error = exc.message
            self._undecided(writes, outcomes, "failed_retriable", exc.message)
        except HubSpotApiError as exc:  # retries exhausted on a read: nothing else is decided
            self._undecided(writes, outcomes, failure_status(exc), exc.message)
        return [outcomes[w.idempotency_key] for w in writes]

    def _undecided(self, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome], status: str,
                   message: str) -> None:
        """After a stop: writes never sent get `status`; a contact updated without its Task is retriable."""
        for w in writes:
            out = outcomes.get(w.idempotency_key)
            if out is None:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, status, message=message, attempts=0)
            elif out.status == "pending":
                out.status, out.message = status, message
            elif out.status == "succeeded" and self.create_tasks and "task_id" not in out.observed:
                out.status, out.message = "failed_retriable", f"contact updated, but its Task was not created: " \
                                                              f"{message}"

    def _plan(self, writes: list[PlannedWrite], live: dict[str, dict[str, Any]],
              outcomes: dict[str, WriteOutcome]) -> list[list[tuple[str, dict[str, Any], PlannedWrite]]]:
        """Noop / conflict / missing checks, then units in rounds holding each contact once."""
        rounds: list[dict[str, tuple[str, dict[str, Any], PlannedWrite]]] = []
        for w in writes:
            rid, key = str(w.record_id), w.idempotency_key
            rec = live.get(rid)
            if rec is not None and rec.get("__missing__"):
                outcomes[key] = WriteOutcome(key, "failed_terminal", attempts=0,
                                             message=f"OBJECT_NOT_FOUND: contact {rid} does not exist or is archived")
                continue
            current = rec if rec is not None else {k: w.prior.get(k) for k in (*w.prior, *w.payload)}
            observed = {k: current.get(k) for k in (*w.prior, *w.payload)}
            if all(same_value(k, current.get(k), v) for k, v in w.payload.items()):
                outcomes[key] = WriteOutcome(key, "skipped_noop", remote_id=rid, attempts=0, observed=observed,
                                             message="already in the target state")
                continue
            changed = [k for k, v in w.prior.items() if k in current and not same_value(k, current.get(k), v)]
            if changed:
                detail = "; ".join(f"{k}: snapshot {w.prior[k]!r}, now {current.get(k)!r}" for k in changed)
                outcomes[key] = WriteOutcome(key, "skipped_conflict", remote_id=rid, attempts=0, observed=observed,
                                             message=f"changed since the snapshot ({detail})")
                continue
            unit = (rid, {k: ("" if v is None else v) for k, v in w.payload.items()}, w)
            w_prior = {k: current.get(k) for k in w.payload}
            outcomes[key] = WriteOutcome(key, "pending", remote_id=rid, attempts=0, observed={"prior": w_prior})
            for r in rounds:
                if rid not in r:
                    r[rid] = unit
                    break
            else:
                rounds.append({rid: unit})
        return [list(r.values()) for r in rounds]

    def _send(self, units: list[tuple[str, dict[str, Any], PlannedWrite]], outcomes: dict[str, WriteOutcome],
              written: list[tuple[PlannedWrite, str]]) -> None:
        """One batch/update; a 400 splits the batch until the refused input stands alone."""
        body = {"inputs": [{"id": rid, "properties": props} for rid, props, _ in units]}
        attempts_before = self.caller.counts["contacts_batch_update"]
        try:
            res = self.caller.call("contacts_batch_update", lambda api: api.crm.contacts.batch_api.update(body))
        except HubSpotTerminalError as exc:
            if len(units) > 1:
                half = len(units) // 2
                self._send(units[:half], outcomes, written)
                self._send(units[half:], outcomes, written)
                return
            self._finish(units, outcomes, "failed_terminal", exc.message, 1)
            return
        except HubSpotConnectionInError:
            raise
        except HubSpotApiError as exc:
            self._finish(units, outcomes, "failed_retriable", exc.message,
                         self.caller.counts["contacts_batch_update"] - attempts_before)
            return
        attempts = self.caller.counts["contacts_batch_update"] - attempts_before
        missing: dict[str, str] = {}
        for err in getattr(res, "errors", None) or []:
            for rid in (err.context or {}).get("ids", []):
                missing[str(rid)] = f"{err.category}: {err.message}"
        done = {str(r.id) for r in res.results or []}
        for rid, _props, w in units:
            out = outcomes[w.idempotency_key]
            out.attempts = attempts
            if rid in done:
                out.status = "succeeded"
                written.append((w, rid))
            else:
                out.status = "failed_terminal"
                out.message = missing.get(rid, "HubSpot did not return this contact in the batch result")

    @staticmethod
    def _finish(units: list[tuple[str, dict[str, Any], PlannedWrite]], outcomes: dict[str, WriteOutcome],
                status: str, message: str, attempts: int) -> None:
        for _rid, _props, w in units:
            out = outcomes[w.idempotency_key]
            out.status, out.message, out.attempts = status, message, attempts

    # tasks ------------------------------------------------------------------------------
    # heal -------------------------------------------------------------------------------
    def heal(self, writes: list[PlannedWrite]) -> list[WriteOutcome | None]:
        """Writes an interrupted run may have sent: `succeeded` when the contact holds the value
        and a Task carries the write's key; when the contact holds the value but no Task does (the
        run stopped between the update and its Task), the Task is created now. Otherwise None
        (apply decides, with its checks; the batch update is idempotent by value)."""
        candidates = [w for w in writes if w.object in CONTACT_OBJECTS and w.record_id and w.payload]
        try:
            saved, self.changed_since_ms = self.changed_since_ms, None
            live = self._live(candidates) if candidates else {}
            self.changed_since_ms = saved
            landed = [w for w in candidates if not live.get(str(w.record_id), {}).get("__missing__")
                      and all(same_value(k, live.get(str(w.record_id), {}).get(k), v) for k, v in w.payload.items())]
            keys = task_keys(self.caller, [str(w.record_id) for w in landed]) if landed and self.create_tasks else {}
        except HubSpotApiError:
            return [None for _ in writes]
        healed = {w.idempotency_key: WriteOutcome(
            w.idempotency_key, "succeeded", remote_id=str(w.record_id), attempts=0,
            message="healed: the contact holds the value and its Task carries this write's key",
            observed={"healed": True, "task_id": keys.get(w.idempotency_key)})
            for w in landed if not self.create_tasks or w.idempotency_key in keys}
        taskless = [(w, str(w.record_id)) for w in landed if w.idempotency_key not in healed]
        if taskless:
            for w, rid in taskless:
                healed[w.idempotency_key] = WriteOutcome(
                    w.idempotency_key, "succeeded", remote_id=rid, attempts=0, observed={"healed": True},
                    message="healed: the contact holds the value; its missing Task was created now")
            try:
                self.tasks_created += create_tasks(self.caller, self.assoc_types, taskless, self.deals, healed)
            except HubSpotApiError as exc:  # connection in error: apply decides (and stops)
                for w, _rid in taskless:
                    healed.pop(w.idempotency_key, None)
                if isinstance(exc, HubSpotConnectionInError):
                    self.connection_error = exc.message
        return [healed.get(w.idempotency_key) for w in writes]

    def stats(self) -> dict[str, Any]:
        return {"requests": dict(self.caller.counts), "retries": dict(self.caller.retries),
                "refreshes": self.caller.refreshes, "tasks_created": self.tasks_created,
                "notes_written": self.notes_written, "rollup_errors": list(self.rollup_errors), "association_lookups": self.assoc_types.lookups}


def summarize(outcomes: list[WriteOutcome]) -> dict[str, int]:
    return dict(Counter(o.status for o in outcomes))


