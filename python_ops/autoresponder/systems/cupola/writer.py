"""`CupolaWriter`: the system writer for CUPOLA (docs/contracts.md "Writers", DESIGN §2, §10).

| action                      | procedure                           | arguments from payload     |
|-----------------------------|-------------------------------------|----------------------------|
| mark_inactive               | IP4SP_AutoBounce_MarkPersonInactive | (payload `{}`)             |
| update_email / update_title | IP4SP_AutoBounce_OrgPersonUpdates   | `position`, `email` (None = unchanged) |

Before each write the live row is read (`read_org_person`). That read gives the audit log and
the rollback plan the real prior values, and lets the writer refuse to overwrite a newer edit:
when a field to update differs both from the snapshot's prior and from the target, the write is
`skipped_conflict`; when an update's fields already hold the target, it is `skipped_noop`.
Result codes map as: 0 `succeeded`, 2 `skipped_noop`, 1 / 3 / other `failed_terminal`.
Transient DB-API errors (deadlock, timeout, lost connection) are retried with tenacity and end
as `failed_retriable`; any other error is `failed_terminal`. No single write raises.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential
from tenacity.wait import wait_base

from autoresponder.models import PlannedWrite, WriteOutcome
from autoresponder.systems.cupola.errors import is_transient
from autoresponder.systems.cupola.procedures import (
    MARK_PERSON_INACTIVE,
    ORG_PERSON_UPDATES,
    RESULT_ALREADY_INACTIVE,
    RESULT_OK,
    CupolaProcedures,
    describe_result,
)

UPDATE_ACTIONS = ("update_email", "update_title")
ACTIONS = ("mark_inactive", *UPDATE_ACTIONS)
_PRIOR_FIELDS = ("person_id", "status", "position", "email", "status_change_date")


class CupolaWriter:
    """Applies planned CUPOLA writes through `CupolaProcedures`.

    Args:
        procs: the embedded store or `MssqlCupola`.
        max_attempts: tries per call for transient errors.
        wait: tenacity wait strategy between tries (default exponential, 0.2 s to 5 s).
        now: timestamp source for `executed_at` (default UTC now).
    """

    system = "cupola"

    def __init__(
        self,
        procs: CupolaProcedures,
        *,
        max_attempts: int = 4,
        wait: wait_base | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.procs = procs
        self._max_attempts = max_attempts
        self._wait = wait if wait is not None else wait_exponential(multiplier=0.2, max=5)
        self._now = now or (lambda: datetime.now(UTC))

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        """One outcome per write, in order."""
        return [self._apply_one(w) for w in writes]

    def heal(self, writes: list[PlannedWrite]) -> list[WriteOutcome | None]:
        """For writes an interrupted run left `pending` (or `failed_retriable`): when CUPOLA already
        shows the target state the procedure is not called again. The write is `succeeded` when the
        planned prior (the snapshot the interrupted run planned from) was not in that state: the
        row changed to exactly this value after the write was logged, i.e. the interrupted call
        committed, so it is counted and its prior goes into the rollback plan. Without such a prior
        it is `skipped_noop` (the value is there, nothing proves this product wrote it). Else None
        (apply it normally)."""
        out: list[WriteOutcome | None] = []
        for w in writes:
            try:
                row = self._retry(lambda w=w: self.procs.read_org_person(int(w.record_id)))[0]
            except Exception:  # noqa: BLE001 - cannot tell; the normal path decides
                out.append(None)
                continue
            if row is not None and _in_target_state(w, row) and _changed_since_planned(w):
                out.append(
                    WriteOutcome(
                        w.idempotency_key,
                        "succeeded",
                        remote_id=str(row["org_person_id"]),
                        message=f"healed: org_person_id {w.record_id} went from the planned prior "
                        f"{_targets_view(w, w.prior)} to the target after this write was logged: the interrupted "
                        "call committed; procedure not called again",
                        attempts=0,
                        observed={"healed": True, "prior": dict(w.prior), "new": _prior_view(row),
                                  "executed_at": self._stamp()},
                    )
                )
            elif row is not None and _in_target_state(w, row):
                out.append(
                    WriteOutcome(
                        w.idempotency_key,
                        "skipped_noop",
                        remote_id=str(row["org_person_id"]),
                        message=f"healed: org_person_id {w.record_id} already in the target state "
                        "after an interrupted run (no proof this product wrote it); procedure not called again",
                        attempts=0,
                        observed={"healed": True, "new": _prior_view(row), "executed_at": self._stamp()},
                    )
                )
            else:
                out.append(None)
        return out

    def _apply_one(self, w: PlannedWrite) -> WriteOutcome:
        key = w.idempotency_key
        if w.action not in ACTIONS:
            return WriteOutcome(
                key, "failed_terminal", message=f"CUPOLA has no procedure for action {w.action!r}", attempts=0
            )
        try:
            opid = int(str(w.record_id))
        except ValueError:
            return WriteOutcome(
                key, "failed_terminal", message=f"bad org_person_id {w.record_id!r}", attempts=0
            )
        try:
            before, _ = self._retry(lambda: self.procs.read_org_person(opid))
        except Exception as exc:  # noqa: BLE001 - surfaced in the outcome
            status = "failed_retriable" if is_transient(exc) else "failed_terminal"
            return WriteOutcome(
                key, status, message=f"reading org_person_id {opid} failed: {exc}", attempts=0
            )
        prior = _prior_view(before)

        if w.action == "mark_inactive":
            procedure, params = MARK_PERSON_INACTIVE, {"OrgPersonID": opid}

            def call() -> int:
                return self.procs.mark_person_inactive(opid)
        else:
            position, email = w.payload.get("position"), w.payload.get("email")
            procedure, params = (
                ORG_PERSON_UPDATES,
                {"OrgPersonID": opid, "Position": position, "Email": email},
            )
            if position is None and email is None:
                return WriteOutcome(
                    key,
                    "failed_terminal",
                    message=f"{w.action} for org_person_id {opid} has an empty payload",
                    attempts=0,
                )
            early = _check_update(w, opid, before, prior, procedure, params, self._stamp())
            if early is not None:
                return early

            def call() -> int:
                return self.procs.org_person_updates(opid, position, email)

        observed: dict[str, Any] = {
            "procedure": procedure,
            "params": params,
            "prior": prior,
            "executed_at": self._stamp(),
        }
        try:
            code, attempts = self._retry(call)
        except Exception as exc:  # noqa: BLE001 - surfaced in the outcome
            status = "failed_retriable" if is_transient(exc) else "failed_terminal"
            return WriteOutcome(
                key, status, remote_id=str(opid), attempts=getattr(exc, "attempts", self._max_attempts),
                message=f"{procedure} for org_person_id {opid} failed: {exc}", observed=observed,
            )  # fmt: skip
        observed["result_code"] = code
        text = f"{procedure} @OrgPersonID={opid} returned @Result={code} ({describe_result(procedure, code)})"
        if code == RESULT_OK:
            observed["new"] = _after(w, prior)
            return WriteOutcome(
                key, "succeeded", remote_id=str(opid), message=text, attempts=attempts, observed=observed
            )
        if code == RESULT_ALREADY_INACTIVE and attempts > 1 and (prior or {}).get("status") == "Active":
            # an earlier try committed before its transient error: this write did it
            observed["new"] = _after(w, prior)
            text += "; committed by an earlier attempt"
            return WriteOutcome(
                key, "succeeded", remote_id=str(opid), message=text, attempts=attempts, observed=observed
            )
        if code == RESULT_ALREADY_INACTIVE and procedure == MARK_PERSON_INACTIVE:
            observed["new"] = prior
            return WriteOutcome(
                key, "skipped_noop", remote_id=str(opid), message=text, attempts=attempts, observed=observed
            )
        return WriteOutcome(
            key, "failed_terminal", remote_id=str(opid), message=text, attempts=attempts, observed=observed
        )

    def _retry(self, fn: Callable[[], Any]) -> tuple[Any, int]:
        """Run `fn` with retries on transient errors; return (result, tries)."""
        tries = 0

        def counted() -> Any:
            nonlocal tries
            tries += 1
            return fn()

        retrying = Retrying(
            stop=stop_after_attempt(self._max_attempts),
            wait=self._wait,
            retry=retry_if_exception(is_transient),
            reraise=True,
        )
        try:
            return retrying(counted), tries
        except Exception as exc:
            exc.attempts = tries  # type: ignore[attr-defined]
            raise

    def _stamp(self) -> str:
        return self._now().isoformat()


def _prior_view(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: row.get(k) for k in _PRIOR_FIELDS}


def _same(field: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if field == "email":
        return str(a).strip().casefold() == str(b).strip().casefold()
    return str(a).strip() == str(b).strip()


def _targets(w: PlannedWrite) -> dict[str, Any]:
    if w.action == "mark_inactive":
        return {"status": "Inactive"}
    return {f: w.payload.get(f) for f in ("position", "email") if w.payload.get(f) is not None}


def _in_target_state(w: PlannedWrite, row: dict[str, Any]) -> bool:
    return all(_same(f, row.get(f), v) for f, v in _targets(w).items())


def _changed_since_planned(w: PlannedWrite) -> bool:
    """The planned prior holds every target field and was not already in the target state."""
    prior = w.prior or {}
    return all(f in prior for f in _targets(w)) and not _in_target_state(w, prior)


def _targets_view(w: PlannedWrite, row: dict[str, Any]) -> dict[str, Any]:
    return {f: row.get(f) for f in _targets(w)}


def _after(w: PlannedWrite, prior: dict[str, Any] | None) -> dict[str, Any]:
    new = dict(prior or {})
    new.update(_targets(w))
    return new


def _check_update(
    w: PlannedWrite,
    opid: int,
    before: dict[str, Any] | None,
    prior: dict[str, Any] | None,
    procedure: str,
    params: dict[str, Any],
    stamp: str,
) -> WriteOutcome | None:
    """skipped_noop / skipped_conflict for an update of an active row, else None (call it)."""
    if before is None or before.get("status") != "Active":
        return None  # the procedure answers 1 or 3 authoritatively
    observed = {
        "procedure": procedure,
        "params": params,
        "prior": prior,
        "new": prior,
        "executed_at": stamp,
        "result_code": None,
    }
    targets = _targets(w)
    for field, target in targets.items():
        live = before.get(field)
        if field in w.prior and not _same(field, live, w.prior[field]) and not _same(field, live, target):
            return WriteOutcome(
                w.idempotency_key, "skipped_conflict", remote_id=str(opid), attempts=0, observed=observed,
                message=f"org_person_id {opid} {field} changed since the snapshot "
                f"({w.prior[field]!r} -> {live!r}); not overwritten with {target!r}",
            )  # fmt: skip
    if all(_same(f, before.get(f), v) for f, v in targets.items()):
        return WriteOutcome(
            w.idempotency_key, "skipped_noop", remote_id=str(opid), attempts=0, observed=observed,
            message=f"org_person_id {opid} already holds the target values; procedure not called",
        )  # fmt: skip
    return None
