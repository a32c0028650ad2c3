"""One place where Salesforce calls are counted, retried and re-authenticated.

Retries use tenacity with exponential backoff and full jitter for the retriable errors of
`errors.py`; an `INVALID_SESSION_ID` triggers one re-login when the client holds credentials
(DESIGN §6). Every HTTP attempt is counted by kind in `counts`.

A 401 that cannot be renewed (no credentials to log in again, the renewal itself refused, or the
renewed session refused on every attempt: one renewal, then retries with backoff) sets `auth_failed` to an actionable message (Salesforce's own words
and what to do); from then on every call raises `SalesforceAuthError` with that message without
sending anything, and the writer stops (`ConnectionFailed`), leaving its unsent writes pending.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from simple_salesforce import Salesforce
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_random_exponential

from .client import NO_RENEWAL_FIX, REFUSED_AFTER_RENEWAL, can_reauthenticate, reauthenticate
from .errors import (
    SalesforceApiError,
    SalesforceAuthError,
    SalesforceRetriableError,
    SalesforceSessionRefused,
    classify,
)

T = TypeVar("T")


class SalesforceCaller:
    """Runs client calls with retries; shared by the syncer and the writer."""

    def __init__(self, sf: Salesforce, *, max_attempts: int = 6, backoff_base: float = 0.1,
                 backoff_max: float = 5.0, counts: Counter[str] | None = None):
        self.sf = sf
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.counts: Counter[str] = counts if counts is not None else Counter()
        self.retries: Counter[str] = Counter()
        self.reauthentications = 0
        self.auth_failed: str | None = None  # set once a 401 could not be renewed
        self.refusals = 0  # consecutive 401s on a renewed session

    def once(self, kind: str, fn: Callable[[], T]) -> T:
        """One attempt, with one re-login on INVALID_SESSION_ID; raises typed errors."""
        if self.auth_failed is not None:
            raise SalesforceAuthError(self.auth_failed, "INVALID_SESSION_ID", 401)
        self.counts[kind] += 1
        try:
            result = fn()
            self.refusals = 0
            return result
        except Exception as exc:  # noqa: BLE001 - classified below
            err = classify(exc)
            if isinstance(err, SalesforceSessionRefused):  # retried with backoff, never renewed again
                self.refusals += 1
                if self.refusals >= self.max_attempts:
                    raise self._refused(err, renewed=True) from exc
                raise err from exc
            if not isinstance(err, SalesforceAuthError):
                raise err from exc
            if not can_reauthenticate(self.sf):
                raise self._refused(err, renewed=False) from exc
            self.counts["login"] += 1
            self.reauthentications += 1
            try:
                reauthenticate(self.sf)
            except Exception as refresh_exc:  # noqa: BLE001 - the token endpoint's own words
                raise self._refused(classify(refresh_exc), renewed=None) from refresh_exc
            self.counts[kind] += 1
            try:
                result = fn()
                self.refusals = 0
                return result
            except Exception as exc2:  # noqa: BLE001
                err2 = classify(exc2)
                if isinstance(err2, SalesforceAuthError):
                    raise self._refused(err2, renewed=True) from exc2
                raise err2 from exc2

    def _refused(self, err: SalesforceApiError, *, renewed: bool | None) -> SalesforceAuthError:
        """Remember the refusal with what to do; every later call fails with it, unsent."""
        remote = err.message
        if renewed is None:  # the renewal itself was refused: its message already says what to do
            text = remote if remote.startswith("salesforce:") else f"salesforce: {remote}"
        elif renewed:
            text = f"salesforce: {remote} (HTTP {err.status or 401}), {REFUSED_AFTER_RENEWAL}"
        else:
            text = f"salesforce: {remote} (HTTP {err.status or 401}): {NO_RENEWAL_FIX}"
        self.auth_failed = text
        return SalesforceAuthError(text, err.code or "INVALID_SESSION_ID", err.status or 401)

    def call(self, kind: str, fn: Callable[[], T], *, before_retry: Callable[[BaseException], Any] | None = None) -> T:
        """`once` under the retry policy; `before_retry` runs before each new attempt."""
        retrying = Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=wait_random_exponential(multiplier=self.backoff_base, max=self.backoff_max),
            retry=retry_if_exception_type(SalesforceRetriableError),
            reraise=True,
        )
        last: list[BaseException] = []
        for attempt in retrying:
            with attempt:
                if last:
                    self.retries[kind] += 1
                    if before_retry is not None:
                        before_retry(last[-1])
                try:
                    return self.once(kind, fn)
                except BaseException as exc:
                    last.append(exc)
                    raise
        raise AssertionError("unreachable")  # pragma: no cover
