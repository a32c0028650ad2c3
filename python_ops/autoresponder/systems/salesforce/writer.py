"""The Salesforce system writer: planned writes in, one outcome per write out (DESIGN §6, §10).

1. Re-read every target with one collection GET per <= 200 ids per object.
2. Skip records already in the target state (`skipped_noop`) or changed since the snapshot
   (`skipped_conflict`: the live value differs from `PlannedWrite.prior`; never overwrite a
   newer human edit).
3. PATCH the rest with `composite/sobjects` (allOrNone=false, <= 200 a request); `create`
   finds or creates the Account by Name, then POSTs Contacts, or POSTs minimal Leads
   (`leads.py`); `delete` (rollback of a create) and `weekly_rollup` (`rollup.py`) have their own paths.
4. Optionally one curated Task per written Contact/Lead (WhoId = the record; subject and
   description from the determination, never the email body). The Task carries every write's
   idempotency key (a marker line in its Description, see `tasks.task_keys`); a write whose
   Task could not be created is `failed_retriable` with Salesforce's message.

`heal` resolves writes an interrupted run left `pending` (a kill mid-PATCH) or
`failed_retriable`: it reads the record and its Tasks; `succeeded` when both carry the write
(value and key marker), else the PATCH is re-sent and the Task created once. A `create` (a
replacement Contact, an Account) is looked up by Email / Name: a record created after the write
was logged is the interrupted run's own POST, so the write `succeeded` and a Contact's missing
Task is created once; a record older than the log row existed before: `skipped_noop`, no Task.

A 401 that survives one renewal of the token (see `transport.py`) stops the writer:
`ConnectionFailed` carries the outcomes already final, and the writes not sent stay `pending`
(the executor marks the connection `error` in `ops.connections`).

Quota guard: before every write request the org's daily API usage (`Sforce-Limit-Info:
api-usage=N/M`, which simple-salesforce keeps in `sf.api_usage`; else GET `limits`) is compared
with `max_api_share`; past it, `SalesforceQuotaStop` (a `RunStopped`) is raised carrying the
outcomes already final, and the other writes stay `pending` for the next run.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime
from typing import Any

from simple_salesforce import Salesforce
from simple_salesforce.format import format_soql

from ...errors import ConnectionFailed, RunStopped
from ...models import PlannedWrite, WriteOutcome
from .collections import Unit, send_collection
from .errors import SalesforceApiError, failure_status
from .leads import create_leads, delete_records
from .rollup import ROLLUP_ACTION, apply_rollups
from .tasks import ACCOUNT_NAME_KEYS, create_tasks, query_records, task_keys
from .transport import SalesforceCaller


def same_value(field: str, a: Any, b: Any) -> bool:
    """Salesforce-equal: emails compare case-insensitively after trimming; '' equals null."""
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, str) and isinstance(b, str):
        if field.lower() == "email":
            return a.strip().lower() == b.strip().lower()
        return a.strip() == b.strip()
    return a == b


class SalesforceQuotaStop(RunStopped):
    """The org's daily API usage passed the configured share: Salesforce writes stop (exit 4)."""

    def __init__(self, message: str, outcomes: list[WriteOutcome] | None = None):
        super().__init__(message)
        self.outcomes = list(outcomes or [])


class SalesforceWriter:
    """Applies `PlannedWrite`s for Salesforce with sObject Collections.

    Args:
        sf: a logged-in client (see `connect`); all calls go through its own session.
        batch_size: records a collection request (Salesforce's maximum is 200).
        create_tasks: add one curated Task per written Contact/Lead.
    """

    def __init__(self, sf: Salesforce, batch_size: int = 200, create_tasks: bool = True, *, max_attempts: int = 6,
                 backoff_base: float = 0.1, backoff_max: float = 5.0, max_api_share: float | None = 0.8):
        self.sf = sf
        self.max_api_share = max_api_share
        self.api_usage: tuple[int, int] | None = None  # (used, max) last seen
        self.batch_size = max(1, min(200, batch_size))
        self.create_tasks = create_tasks
        self.caller = SalesforceCaller(sf, max_attempts=max_attempts, backoff_base=backoff_base,
                                       backoff_max=backoff_max)
        self.tasks_created = 0
        self._account_errors: dict[str, str] = {}
        self._live: dict[str, dict[str, Any]] = {}  # idempotency key -> live values before the write

    @property
    def request_counts(self) -> dict[str, int]:
        """HTTP attempts by kind (composite_get, composite_patch, composite_post, query, login...)."""
        return dict(self.caller.counts)

    # quota guard -------------------------------------------------------------------------
    def _usage(self) -> tuple[int, int] | None:
        usage = (getattr(self.sf, "api_usage", None) or {}).get("api-usage")
        if usage is not None and getattr(usage, "total", 0):
            return int(usage.used), int(usage.total)
        try:
            lim = self.caller.call("limits", lambda: self.sf.limits())["DailyApiRequests"]
            return int(lim["Max"]) - int(lim["Remaining"]), int(lim["Max"])
        except Exception:  # noqa: BLE001 - an org that reports no usage: nothing to guard on
            return None

    def guard(self) -> None:
        """Raise `SalesforceQuotaStop` when the daily API usage passed `max_api_share`."""
        if self.max_api_share is None:
            return
        usage = self._usage()
        if usage is None:
            return
        self.api_usage = usage
        used, total = usage
        if total and used / total >= self.max_api_share:
            raise SalesforceQuotaStop(
                f"Salesforce daily API usage {used}/{total} ({used / total:.0%}) passed the configured share "
                f"{self.max_api_share:.0%} (salesforce_max_api_share); Salesforce writes stopped, the rest stay "
                "pending for the next run")

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        """One outcome per write, same order and idempotency key; never raises for a record.

        Raises:
            SalesforceQuotaStop: the quota guard tripped; `.outcomes` holds the final ones.
        """
        outcomes: dict[str, WriteOutcome] = {}
        special = ("create", "delete", ROLLUP_ACTION)
        updates = [w for w in writes if w.action not in special]
        creates = [w for w in writes if w.action == "create"]
        written: list[tuple[PlannedWrite, str]] = []
        try:
            self._apply_updates(updates, outcomes, written)
            self._apply_creates(creates, outcomes, written)
            delete_records(self, [w for w in writes if w.action == "delete"], outcomes)
            apply_rollups(self, [w for w in writes if w.action == ROLLUP_ACTION], outcomes)
            if self.create_tasks and written:
                self.tasks_created += create_tasks(self.caller, written, outcomes, batch_size=self.batch_size,
                                                   before_write=self.guard)
        except SalesforceQuotaStop as stop:
            stop.outcomes = self._finished(outcomes)
            raise
        self._stop_if_refused(self._finished(outcomes))
        return [outcomes.get(w.idempotency_key) or WriteOutcome(w.idempotency_key, "failed_terminal",
                                                               message="not processed") for w in writes]

    def _stop_if_refused(self, outcomes: list[WriteOutcome]) -> None:
        """After a 401 that could not be renewed, raise `ConnectionFailed` with the outcomes that
        finished before it; the writes it refused stay pending for the next run."""
        refused = self.caller.auth_failed
        if refused is not None:
            raise ConnectionFailed("salesforce", refused, [o for o in outcomes if refused not in (o.message or "")])

    def _finished(self, outcomes: dict[str, WriteOutcome]) -> list[WriteOutcome]:
        """Outcomes that stand on their own: a write that succeeded but has no Task yet stays
        pending (heal creates the Task next run)."""
        return [o for o in outcomes.values()
                if o.status != "succeeded" or not self.create_tasks or "task_id" in o.observed
                or o.observed.get("object") not in ("Contact", "Lead")]

    # heal ---------------------------------------------------------------------------------
    def heal(self, writes: list[PlannedWrite],
             logged_at: dict[str, float] | None = None) -> list[WriteOutcome | None]:
        """Resolve writes an interrupted run may have sent: read the record and its Tasks.

        `succeeded` when the record holds the value and a Task carries the write's key; when the
        record holds the value but no Task does, the PATCH is re-sent and the Task created (a
        Task failure leaves it `failed_retriable`); otherwise None (apply decides, with the
        usual no-op and conflict checks).

        Creates: the record is found by Email (Contact) or Name (Account). Found with a Task
        carrying the key: `succeeded`. Found without it and created at or after the write was
        logged (`logged_at`: key -> epoch seconds of its write-log row, less `CLOCK_SKEW_S`):
        the interrupted run created it, so `succeeded` and its Task is created now. Found but
        older: `skipped_noop` (someone else's record; nothing written, no Task). Not found: None
        (apply creates it)."""
        healed: dict[str, WriteOutcome] = {}
        resend: list[PlannedWrite] = []
        created_written: list[tuple[PlannedWrite, str]] = []
        created_outcomes: dict[str, WriteOutcome] = {}
        self._heal_creates([w for w in writes if w.action == "create"], logged_at or {}, healed,
                           created_outcomes, created_written)
        by_object: dict[str, list[PlannedWrite]] = defaultdict(list)
        for w in writes:
            if w.action not in ("create", "delete", ROLLUP_ACTION) and w.record_id and w.payload:
                by_object[w.object].append(w)
        for sobject, group in by_object.items():
            fields = sorted({k for w in group for k in w.payload})
            try:
                live = self._read(sobject, list(dict.fromkeys(w.record_id for w in group if w.record_id)), fields)
                landed = [w for w in group if (rec := live.get(w.record_id or "")) is not None
                          and all(same_value(k, rec.get(k), v) for k, v in w.payload.items())]
                keys = task_keys(self.caller, [w.record_id or "" for w in landed], batch_size=self.batch_size) \
                    if self.create_tasks and sobject in ("Contact", "Lead") else {}
            except SalesforceApiError:
                continue  # cannot tell: apply decides
            for w in landed:
                if not self.create_tasks or sobject not in ("Contact", "Lead") or w.idempotency_key in keys:
                    healed[w.idempotency_key] = WriteOutcome(
                        w.idempotency_key, "succeeded", remote_id=w.record_id, attempts=0,
                        message="healed: the record holds the value and its Task carries this write's key",
                        observed={"healed": True, "task_id": keys.get(w.idempotency_key)})
                else:
                    resend.append(w)
        if resend or created_written:
            outcomes: dict[str, WriteOutcome] = dict(created_outcomes)
            written: list[tuple[PlannedWrite, str]] = list(created_written)
            try:
                for sobject in sorted({w.object for w in resend}):
                    group = [w for w in resend if w.object == sobject]
                    for round_units in _rounds(sobject, group):
                        self._send_updates(sobject, round_units, outcomes, written, note="re-sent by heal")
                if written and self.create_tasks:
                    self.tasks_created += create_tasks(self.caller, written, outcomes, batch_size=self.batch_size,
                                                       before_write=self.guard)
            except SalesforceQuotaStop as stop:
                stop.outcomes = [*healed.values(), *self._finished(outcomes)]
                raise
            healed.update(outcomes)
        self._stop_if_refused(list(healed.values()))
        return [healed.get(w.idempotency_key) for w in writes]

    def _heal_creates(self, creates: list[PlannedWrite], logged_at: dict[str, float],
                      healed: dict[str, WriteOutcome], outcomes: dict[str, WriteOutcome],
                      written: list[tuple[PlannedWrite, str]]) -> None:
        """Creates an interrupted run may have POSTed (see `heal`): final outcomes go to `healed`;
        Contacts this write created whose Task is missing go to `outcomes` and `written`."""
        lookup = {"Contact": "Email", "Lead": "Email", "Account": "Name"}
        by_object: dict[str, list[tuple[PlannedWrite, str]]] = defaultdict(list)
        for w in creates:
            field = lookup.get(w.object)
            value = str(w.payload.get(field) or "").strip() if field else ""
            if value:
                by_object[w.object].append((w, value))
        for sobject, group in by_object.items():
            field = lookup[sobject]
            try:
                found = self._find_created(sobject, field, [v for _, v in group])
                keys = task_keys(self.caller, [rid for rid, _ in found.values()], batch_size=self.batch_size) \
                    if self.create_tasks and sobject in ("Contact", "Lead") else {}
            except SalesforceApiError:
                continue  # cannot tell: apply decides (it finds the record by the same field)
            for w, value in group:
                hit = found.get(value.lower())
                if hit is None:
                    continue  # the POST never landed: apply creates it
                rid, created = hit
                key = w.idempotency_key
                if key in keys:
                    healed[key] = WriteOutcome(
                        key, "succeeded", remote_id=rid, attempts=0,
                        message=f"healed: {sobject} {rid} was created by this write and its Task carries its key",
                        observed={"healed": True, "object": sobject, "task_id": keys[key]})
                    continue
                since = logged_at.get(key)
                if since is not None and (created is None or created < since - CLOCK_SKEW_S):
                    healed[key] = WriteOutcome(
                        key, "skipped_noop", remote_id=rid, attempts=0, observed={"object": sobject},
                        message=f"a {sobject} with this {field} existed before this write was logged "
                                f"({rid}, created {_iso(created)}); nothing written")
                    continue
                when = "after this write was logged" if since is not None else "since it was planned"
                outcomes[key] = WriteOutcome(
                    key, "succeeded", remote_id=rid, attempts=0, observed={"healed": True, "object": sobject},
                    message=f"healed: {sobject} {rid} was created by the interrupted run (created {when})"
                            + ("; its missing Task created now" if self.create_tasks and sobject in ("Contact", "Lead")
                               else ""))
                if sobject in ("Contact", "Lead"):
                    written.append((w, rid))
                else:
                    healed[key] = outcomes.pop(key)

    def _find_created(self, sobject: str, field: str, values: list[str]) -> dict[str, tuple[str, float | None]]:
        """Lower-cased value -> (Id, CreatedDate as epoch seconds) of existing records."""
        found: dict[str, tuple[str, float | None]] = {}
        for start in range(0, len(values), self.batch_size):
            part = values[start:start + self.batch_size]
            soql = format_soql(f"SELECT Id, {field}, CreatedDate FROM {sobject} WHERE {field} IN {{vals}}", vals=part)
            for rec in query_records(self.caller, soql):
                if rec.get(field):
                    found.setdefault(str(rec[field]).strip().lower(), (rec["Id"], _epoch(rec.get("CreatedDate"))))
        return found

    # reads ------------------------------------------------------------------------------
    def _read(self, sobject: str, ids: list[str], fields: list[str]) -> dict[str, dict[str, Any] | None]:
        """Live records by id (None when missing or deleted), one GET per <= batch_size ids."""
        out: dict[str, dict[str, Any] | None] = {}
        fields = list(dict.fromkeys(["Id", *fields]))
        for start in range(0, len(ids), self.batch_size):
            part = ids[start:start + self.batch_size]
            params = {"ids": ",".join(part), "fields": ",".join(fields)}
            recs = self.caller.call("composite_get", lambda p=params: self.sf.restful(
                f"composite/sobjects/{sobject}", params=p)) or []
            for rid, rec in zip(part, recs, strict=False):
                out[rid] = dict(rec) if rec else None
        return out

    # updates ----------------------------------------------------------------------------
    def _apply_updates(self, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome],
                       written: list[tuple[PlannedWrite, str]]) -> None:
        by_object: dict[str, list[PlannedWrite]] = defaultdict(list)
        for w in writes:
            if not w.record_id or not w.payload:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "failed_terminal", message=(
                    "no record_id" if not w.record_id else "empty payload"), attempts=0)
                continue
            by_object[w.object].append(w)
        for sobject, group in by_object.items():
            fields = sorted({k for w in group for k in (*w.payload, *w.prior)})
            ids = list(dict.fromkeys(w.record_id for w in group if w.record_id))
            try:
                live = self._read(sobject, ids, fields)
            except SalesforceApiError as exc:
                status = failure_status(exc)
                for w in group:
                    outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, status, message=exc.message,
                                                               attempts=0)
                continue
            units = self._plan_units(sobject, group, live, outcomes)
            for round_units in units:
                self._send_updates(sobject, round_units, outcomes, written)

    def _send_updates(self, sobject: str, round_units: list[Unit], outcomes: dict[str, WriteOutcome],
                      written: list[tuple[PlannedWrite, str]], note: str | None = None) -> None:
        send_collection(self.caller, "PATCH", round_units, chunk=self.batch_size,
                        confirm=lambda pend, s=sobject: self._confirm_patched(s, pend), before_write=self.guard)
        for u in round_units:
            for w in u.writes:
                message = "; ".join(x for x in (note, u.message) if x) or None
                outcomes[w.idempotency_key] = WriteOutcome(
                    w.idempotency_key, u.status or "failed_retriable", remote_id=u.remote_id or w.record_id,
                    message=message, attempts=u.attempts, observed={**w.prior, "object": sobject,
                              # the live values read before the PATCH become the logged prior (exact case)
                              "prior": self._live.get(w.idempotency_key, {})})
                if u.status == "succeeded":
                    written.append((w, w.record_id or ""))

    def _plan_units(self, sobject: str, group: list[PlannedWrite], live: dict[str, dict[str, Any] | None],
                    outcomes: dict[str, WriteOutcome]) -> list[list[Unit]]:
        """Noop/conflict checks, then one unit per write, in rounds that hold each record id once."""
        rounds: list[dict[str, Unit]] = []
        for w in group:
            key = w.idempotency_key
            rec = live.get(w.record_id or "")
            if rec is None:
                outcomes[key] = WriteOutcome(key, "failed_terminal", message=f"NOT_FOUND: {sobject} {w.record_id} "
                                             "does not exist or is deleted", attempts=0)
                continue
            observed = {k: rec.get(k) for k in (*w.prior, *w.payload)}
            self._live[key] = {k: rec.get(k) for k in w.payload if k in rec}
            if all(same_value(k, rec.get(k), v) for k, v in w.payload.items()):
                outcomes[key] = WriteOutcome(key, "skipped_noop", remote_id=rec["Id"], attempts=0, observed=observed,
                                             message="already in the target state")
                continue
            changed = [k for k, v in w.prior.items() if k in rec and not same_value(k, rec.get(k), v)]
            if changed:
                detail = "; ".join(f"{k}: snapshot {w.prior[k]!r}, now {rec.get(k)!r}" for k in changed)
                outcomes[key] = WriteOutcome(key, "skipped_conflict", remote_id=rec["Id"], attempts=0,
                                             observed=observed, message=f"changed since the snapshot ({detail})")
                continue
            unit = Unit({"attributes": {"type": sobject}, "id": rec["Id"], **w.payload}, [w], key=rec["Id"])
            for r in rounds:  # a record appears once per request: its second write goes in the next round
                if rec["Id"] not in r:
                    r[rec["Id"]] = unit
                    break
            else:
                rounds.append({rec["Id"]: unit})
        return [list(r.values()) for r in rounds]

    def _confirm_patched(self, sobject: str, pending: list[Unit]) -> dict[int, str]:
        fields = sorted({k for u in pending for k in u.record if k not in ("attributes", "id")})
        live = self._read(sobject, [u.key for u in pending], fields)
        landed = {}
        for i, u in enumerate(pending):
            rec = live.get(u.key)
            if rec and all(same_value(k, rec.get(k), v) for k, v in u.record.items() if k not in ("attributes", "id")):
                landed[i] = u.key
        return landed

    # creates ----------------------------------------------------------------------------
    def _find_by(self, sobject: str, field: str, values: list[str]) -> dict[str, str]:
        """Lower-cased value -> Id of existing records (one query per <= 200 values)."""
        found: dict[str, str] = {}
        for start in range(0, len(values), self.batch_size):
            part = values[start:start + self.batch_size]
            soql = format_soql(f"SELECT Id, {field} FROM {sobject} WHERE {field} IN {{vals}}", vals=part)
            for rec in query_records(self.caller, soql):
                if rec.get(field):
                    found.setdefault(str(rec[field]).strip().lower(), rec["Id"])
        return found

    def _apply_creates(self, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome],
                       written: list[tuple[PlannedWrite, str]]) -> None:
        accounts = [w for w in writes if w.object == "Account"]
        contacts = [w for w in writes if w.object == "Contact"]
        leads = [w for w in writes if w.object == "Lead"]
        if leads:
            create_leads(self, leads, outcomes, written)
        for w in writes:
            if w.object not in ("Account", "Contact", "Lead"):
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "failed_terminal", attempts=0,
                                                           message=f"create is not supported for {w.object}")
        names = [str(w.payload.get("Name") or "").strip() for w in accounts]
        for w in contacts:
            names.append(_account_name(w.payload) or "")
        names = list(dict.fromkeys(n for n in names if n))
        try:
            account_ids = self._find_or_create_accounts(names) if names else {}
        except SalesforceApiError as exc:
            status = failure_status(exc)
            for w in accounts + contacts:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, status, message=exc.message, attempts=0)
            return
        for w in accounts:
            name = str(w.payload.get("Name") or "").strip()
            hit = account_ids.get(name.lower())
            if hit is None:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "failed_terminal", attempts=1,
                                                           message=self._account_errors.get(name.lower(),
                                                                                            "account not created"))
            else:
                rid, created = hit
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "succeeded" if created else
                                                           "skipped_noop", remote_id=rid,
                                                           message=None if created else "account exists")
        if contacts:
            self._create_contacts(contacts, account_ids, outcomes, written)

    def _find_or_create_accounts(self, names: list[str]) -> dict[str, tuple[str, bool]]:
        existing = self._find_by("Account", "Name", names)
        out = {k: (v, False) for k, v in existing.items()}
        missing = [n for n in names if n.lower() not in existing]
        units = [Unit({"attributes": {"type": "Account"}, "Name": n}, key=n) for n in missing]

        def confirm(pending: list[Unit]) -> dict[int, str]:
            hits = self._find_by("Account", "Name", [u.key for u in pending])
            return {i: hits[u.key.lower()] for i, u in enumerate(pending) if u.key.lower() in hits}

        send_collection(self.caller, "POST", units, chunk=self.batch_size, confirm=confirm, before_write=self.guard)
        for u in units:
            if u.status == "succeeded" and u.remote_id:
                out[u.key.lower()] = (u.remote_id, True)
            else:
                self._account_errors[u.key.lower()] = u.message or "account not created"
        return out

    def _create_contacts(self, writes: list[PlannedWrite], account_ids: dict[str, tuple[str, bool]],
                         outcomes: dict[str, WriteOutcome], written: list[tuple[PlannedWrite, str]]) -> None:
        emails = [str(w.payload.get("Email") or "").strip() for w in writes]
        existing = self._find_by("Contact", "Email", [e for e in emails if e])
        units: list[Unit] = []
        for w, email in zip(writes, emails, strict=True):
            if email and email.lower() in existing:
                outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "skipped_noop", attempts=0,
                                                           remote_id=existing[email.lower()],
                                                           message="a Contact with this email exists")
                continue
            body = {k: v for k, v in w.payload.items() if k not in ACCOUNT_NAME_KEYS}
            name = _account_name(w.payload)
            if name and "AccountId" not in body:
                hit = account_ids.get(name.lower())
                if hit is None:
                    outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "failed_terminal", attempts=0,
                                                               message=f"account {name!r} could not be created")
                    continue
                body["AccountId"] = hit[0]
            body.setdefault("Contact_Status__c", "Active")
            units.append(Unit({"attributes": {"type": "Contact"}, **body}, [w], key=email))

        def confirm(pending: list[Unit]) -> dict[int, str]:
            hits = self._find_by("Contact", "Email", [u.key for u in pending if u.key])
            return {i: hits[u.key.lower()] for i, u in enumerate(pending) if u.key and u.key.lower() in hits}

        send_collection(self.caller, "POST", units, chunk=self.batch_size, confirm=confirm, before_write=self.guard)
        for u in units:
            w = u.writes[0]
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, u.status or "failed_retriable",
                                                       remote_id=u.remote_id, message=u.message, attempts=u.attempts,
                                                       observed={"object": "Contact"})
            if u.status == "succeeded" and u.remote_id:
                written.append((w, u.remote_id))

    def stats(self) -> dict[str, Any]:
        return {"requests": self.request_counts, "retries": dict(self.caller.retries),
                "reauthentications": self.caller.reauthentications, "tasks_created": self.tasks_created}


CLOCK_SKEW_S = 300.0  # the org's clock against ours when comparing CreatedDate with the write log


def _epoch(text: Any) -> float | None:
    """Salesforce datetime text (`2026-11-25T10:00:00.000+0000`) as epoch seconds; None if absent."""
    if not text:
        return None
    try:
        return datetime.strptime(str(text).replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
    except ValueError:
        try:
            return datetime.fromisoformat(str(text)).timestamp()
        except ValueError:
            return None


def _iso(epoch: float | None) -> str:
    return "unknown" if epoch is None else datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def _rounds(sobject: str, group: list[PlannedWrite]) -> list[list[Unit]]:
    """One unit per write, in rounds that hold each record id once."""
    rounds: list[dict[str, Unit]] = []
    for w in group:
        rid = w.record_id or ""
        unit = Unit({"attributes": {"type": sobject}, "id": rid, **w.payload}, [w], key=rid)
        for r in rounds:
            if rid not in r:
                r[rid] = unit
                break
        else:
            rounds.append({rid: unit})
    return [list(r.values()) for r in rounds]


def _account_name(payload: dict[str, Any]) -> str | None:
    for key in ACCOUNT_NAME_KEYS:
        value = payload.get(key)
        if isinstance(value, dict):
            value = value.get("Name")
        if value:
            return str(value).strip()
    return None


def summarize(outcomes: list[WriteOutcome]) -> dict[str, int]:
    return dict(Counter(o.status for o in outcomes))
