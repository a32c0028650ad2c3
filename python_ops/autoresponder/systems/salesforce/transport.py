"""One place where Salesforce calls are counted, retried and re-authenticated.

Retries use tenacity with exponential backoff and full jitter for the retriable errors of
`errors.py`; an `INVALID_SESSION_ID` triggers one re-login when the client holds credentials
(DESIGN §6). Every HTTP attempt is counted by kind in `counts`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from simple_salesforce import Salesforce
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_random_exponential

from .client import can_reauthenticate, reauthenticate
from .errors import SalesforceAuthError, SalesforceRetriableError, classify

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

    def once(self, kind: str, fn: Callable[[], T]) -> T:
        """One attempt, with one re-login on INVALID_SESSION_ID; raises typed errors."""
        self.counts[kind] += 1
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - classified below
            err = classify(exc)
            if isinstance(err, SalesforceAuthError) and can_reauthenticate(self.sf):
                self.counts["login"] += 1
                self.reauthentications += 1
                reauthenticate(self.sf)
                self.counts[kind] += 1
                try:
                    return fn()
                except Exception as exc2:  # noqa: BLE001
                    raise classify(exc2) from exc2
            raise err from exc

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
