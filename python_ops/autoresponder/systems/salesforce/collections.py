"""sObject Collections calls with per-record results, retries and lost-response healing.

A `Unit` is one record of a collection request plus the planned writes it carries. Records
whose result is a retriable error (UNABLE_TO_LOCK_ROW, REQUEST_LIMIT_EXCEEDED...) are re-sent
alone; after a lost response (connection cut, timeout) `confirm` re-reads the remote state so
a write that did land is not sent twice (DESIGN §10: exactly once).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from tenacity import wait_random_exponential

from ...models import PlannedWrite
from .errors import (
    SalesforceApiError,
    SalesforceAuthError,
    SalesforceConnectionLost,
    SalesforceRetriableError,
    record_errors,
)
from .transport import SalesforceCaller


@dataclass
class Unit:
    """One collection record and the writes that depend on its result."""

    record: dict[str, Any]
    writes: list[PlannedWrite] = field(default_factory=list)
    key: str = ""  # what `confirm` matches on (record id, email, name...)
    attempts: int = 0
    status: str | None = None  # succeeded | failed_terminal | failed_retriable
    remote_id: str | None = None
    message: str | None = None

    def resolve(self, status: str, remote_id: str | None = None, message: str | None = None) -> None:
        self.status, self.remote_id, self.message = status, remote_id, message


Confirm = Callable[[list[Unit]], dict[int, str]]


def backoff(attempt: int, base: float, cap: float) -> float:
    """Exponential backoff with full jitter (tenacity's `wait_random_exponential`)."""
    return float(wait_random_exponential(multiplier=base, max=cap)(SimpleNamespace(attempt_number=attempt)))


def send_collection(caller: SalesforceCaller, method: str, units: list[Unit], *, confirm: Confirm | None = None,
                    chunk: int = 200, before_write: Callable[[], None] | None = None) -> None:
    """Send `units` with `composite/sobjects` (POST creates, PATCH updates), allOrNone=false.

    Every unit ends resolved: succeeded (remote id), failed_terminal (Salesforce's message) or
    failed_retriable (retries exhausted). `before_write` runs before every request (the quota
    guard); whatever it raises propagates, leaving the units of that request unresolved.
    """
    kind = "composite_post" if method == "POST" else "composite_patch"
    for start in range(0, len(units), chunk):
        _send_chunk(caller, method, kind, units[start:start + chunk], confirm, before_write)


def _send_chunk(caller: SalesforceCaller, method: str, kind: str, units: list[Unit], confirm: Confirm | None,
                before_write: Callable[[], None] | None = None) -> None:
    pending = list(units)
    lost = False
    attempt = 0
    last_message = "no attempt made"
    while pending and attempt < caller.max_attempts:
        attempt += 1
        if lost and confirm is not None:
            try:
                landed = confirm(pending)
            except SalesforceApiError as exc:
                landed = {}
                last_message = exc.message
            for idx, remote_id in landed.items():
                pending[idx].resolve("succeeded", remote_id, "applied; confirmed by re-read after a lost response")
            pending = [u for u in pending if u.status is None]
            if not pending:
                return
        if before_write is not None:
            before_write()
        for u in pending:
            u.attempts += 1
        body = {"allOrNone": False, "records": [u.record for u in pending]}
        try:
            results = caller.once(kind, lambda b=body: caller.sf.restful("composite/sobjects", method=method, json=b))
            lost = False
        except SalesforceConnectionLost as exc:
            lost, last_message = True, exc.message
            caller.retries[kind] += 1
            time.sleep(backoff(attempt, caller.backoff_base, caller.backoff_max))
            continue
        except SalesforceRetriableError as exc:
            last_message = exc.message
            caller.retries[kind] += 1
            time.sleep(backoff(attempt, caller.backoff_base, caller.backoff_max))
            continue
        except SalesforceAuthError as exc:
            for u in pending:
                u.resolve("failed_retriable", None, exc.message)
            return
        except SalesforceApiError as exc:
            for u in pending:
                u.resolve("failed_terminal", None, exc.message)
            return
        retry: list[Unit] = []
        for unit, res in zip(pending, results or [], strict=False):
            if res.get("success"):
                unit.resolve("succeeded", res.get("id"))
                continue
            errs = record_errors(res)
            text = "; ".join(str(e) for e in errs) or "unknown error"
            if errs and all(e.retriable for e in errs):
                unit.message = text
                retry.append(unit)
            else:
                unit.resolve("failed_terminal", None, text)
        pending = retry
        if pending:
            caller.retries[kind] += 1
            time.sleep(backoff(attempt, caller.backoff_base, caller.backoff_max))
    if pending and lost and confirm is not None:
        try:
            for idx, remote_id in confirm(pending).items():
                pending[idx].resolve("succeeded", remote_id, "applied; confirmed by re-read after a lost response")
        except SalesforceApiError:
            pass
    for u in pending:
        if u.status is None:
            u.resolve("failed_retriable", None, f"retries exhausted: {u.message or last_message}")
