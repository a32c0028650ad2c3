"""The Salesforce system writer: planned writes in, one outcome per write out (DESIGN §6, §10).

1. Re-read every target with one collection GET per <= 200 ids per object.
2. Skip records already in the target state (`skipped_noop`) or changed since the snapshot
   (`skipped_conflict`: the live value differs from `PlannedWrite.prior`; never overwrite a
   newer human edit).
3. PATCH the rest with `composite/sobjects` (allOrNone=false, <= 200 a request); `create`
   finds or creates the Account by Name, then POSTs Contacts.
4. Optionally one curated Task per written Contact/Lead (WhoId = the record; subject and
   description from the determination, never the email body).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from simple_salesforce import Salesforce
from simple_salesforce.format import format_soql

from ...models import PlannedWrite, WriteOutcome
from .collections import Unit, send_collection
from .errors import SalesforceApiError, failure_status
from .tasks import ACCOUNT_NAME_KEYS, create_tasks, query_records
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


class SalesforceWriter:
    """Applies `PlannedWrite`s for Salesforce with sObject Collections.

    Args:
        sf: a logged-in client (see `connect`); all calls go through its own session.
        batch_size: records a collection request (Salesforce's maximum is 200).
        create_tasks: add one curated Task per written Contact/Lead.
    """

    def __init__(self, sf: Salesforce, batch_size: int = 200, create_tasks: bool = True, *, max_attempts: int = 6,
                 backoff_base: float = 0.1, backoff_max: float = 5.0):
        self.sf = sf
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

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        """One outcome per write, same order and idempotency key; never raises for a record."""
        outcomes: dict[str, WriteOutcome] = {}
        updates = [w for w in writes if w.action != "create"]
        creates = [w for w in writes if w.action == "create"]
        written: list[tuple[PlannedWrite, str]] = []
        self._apply_updates(updates, outcomes, written)
        self._apply_creates(creates, outcomes, written)
        if self.create_tasks and written:
            self.tasks_created += create_tasks(self.caller, written, outcomes, batch_size=self.batch_size)
        return [outcomes.get(w.idempotency_key) or WriteOutcome(w.idempotency_key, "failed_terminal",
                                                               message="not processed") for w in writes]

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
                send_collection(self.caller, "PATCH", round_units, chunk=self.batch_size,
                                confirm=lambda pend, s=sobject: self._confirm_patched(s, pend))
                for u in round_units:
                    for w in u.writes:
                        outcomes[w.idempotency_key] = WriteOutcome(
                            w.idempotency_key, u.status or "failed_retriable", remote_id=u.remote_id or w.record_id,
                            message=u.message, attempts=u.attempts,
                            # the live values read before the PATCH become the logged prior (exact case)
                            observed={**dict(w.prior), "prior": self._live.get(w.idempotency_key, {})})
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
        for w in writes:
            if w.object not in ("Account", "Contact"):
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

        send_collection(self.caller, "POST", units, chunk=self.batch_size, confirm=confirm)
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

        send_collection(self.caller, "POST", units, chunk=self.batch_size, confirm=confirm)
        for u in units:
            w = u.writes[0]
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, u.status or "failed_retriable",
                                                       remote_id=u.remote_id, message=u.message, attempts=u.attempts)
            if u.status == "succeeded" and u.remote_id:
                written.append((w, u.remote_id))

    def stats(self) -> dict[str, Any]:
        return {"requests": self.request_counts, "retries": dict(self.caller.retries),
                "reauthentications": self.caller.reauthentications, "tasks_created": self.tasks_created}


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
