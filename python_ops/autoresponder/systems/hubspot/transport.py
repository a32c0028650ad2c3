"""One place where HubSpot calls are counted, retried and re-authorized (DESIGN §6, §10).

`call(kind, fn)` runs `fn(api)` under tenacity: 429 and 5xx (and lost connections) are retried
with exponential backoff and jitter, waiting exactly `Retry-After` when HubSpot sends it; a
401/403 refreshes the token once and tries again; when that fails or the refusal persists the
connection is marked `error` with `last_error`, `HubSpotConnectionInError` is raised, and every
later call raises it at once (the run stops writing to HubSpot). Other 4xx raise
`HubSpotTerminalError` with HubSpot's message.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    wait_random_exponential,
)

from .client import HubSpotConnection
from .errors import (
    HubSpotApiError,
    HubSpotAuthError,
    HubSpotConnectionInError,
    HubSpotRetriableError,
    classify,
)

T = TypeVar("T")
EXPIRY_MARGIN_S = 60  # refresh a token this close to its expiry before using it


class HubSpotCaller:
    """Runs client calls with retries; shared by sync and writer.

    Args:
        sleep: how to wait between attempts (injected so a caller can record waits instead of sleeping).
    """

    def __init__(self, connection: HubSpotConnection, *, max_attempts: int = 6, backoff_base: float = 0.2,
                 backoff_max: float = 30.0, sleep: Callable[[float], Any] = time.sleep):
        self.connection = connection
        self.max_attempts = max_attempts
        self.sleep = sleep
        self._backoff = wait_random_exponential(multiplier=backoff_base, max=backoff_max)
        self._backoff_base, self._backoff_max = backoff_base, backoff_max
        self.counts: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()
        self.waits: list[float] = []
        self.refreshes = 0

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        after = getattr(exc, "retry_after", None)
        wait = float(after) if after is not None else float(self._backoff(state))
        self.waits.append(wait)
        return wait

    def pause(self, exc: HubSpotApiError, attempt: int) -> None:
        """Wait before attempt `attempt + 1` of a caller-driven loop: `Retry-After`, else backoff."""
        after = exc.retry_after
        wait = float(after) if after is not None else min(self._backoff_max, self._backoff_base * 2 ** attempt)
        self.waits.append(wait)
        self.sleep(wait)

    def _in_error(self, message: str, err: HubSpotApiError | None = None) -> HubSpotConnectionInError:
        self.connection.mark_error(message)
        return HubSpotConnectionInError(message, status=getattr(err, "status", None),
                                        category=getattr(err, "category", None))

    def once(self, kind: str, fn: Callable[[Any], T]) -> T:
        """One attempt, plus one token refresh and retry on 401/403."""
        if self.connection.state.status == "error":
            raise HubSpotConnectionInError(self.connection.state.last_error or "connection marked error")
        tokens = self.connection.tokens
        if tokens and 0 < tokens.expires_at < time.time() + EXPIRY_MARGIN_S and self.connection.can_refresh():
            self._refresh(None)  # about to expire: refresh first instead of paying a 401
        self.counts[kind] += 1
        try:
            out = fn(self.connection.api())
        except Exception as exc:  # noqa: BLE001 - classified below
            err = classify(exc)
            if not isinstance(err, HubSpotAuthError):
                raise err from exc
            if not self.connection.can_refresh():
                raise self._in_error(f"HubSpot refused the token and it cannot be refreshed: {err.message}", err) \
                    from exc
            self._refresh(exc)
            self.counts[kind] += 1
            try:
                out = fn(self.connection.api())
            except Exception as exc2:  # noqa: BLE001
                err2 = classify(exc2)
                if isinstance(err2, HubSpotAuthError):
                    raise self._in_error(f"HubSpot still refuses the refreshed token: {err2.message}", err2) from exc2
                raise err2 from exc2
        self.connection.mark_ok()
        return out

    def _refresh(self, cause: BaseException | None) -> None:
        try:
            self.counts["oauth_refresh"] += 1
            self.connection.refresh()
            self.refreshes += 1
        except HubSpotApiError as refresh_err:
            raise self._in_error(f"the token refresh failed: {refresh_err.message}", refresh_err) from cause

    def create_once(self, kind: str, items: list[T], send: Callable[[Any, list[T]], dict[str, str]],
                    find: Callable[[list[T]], dict[str, str]], key: Callable[[T], str]) -> dict[str, str]:
        """A batch create that never creates an item twice: key -> new id.

        `send(api, items)` creates and returns key -> id; it is retried like `call`, except that
        after an attempt with no answer (the batch may have landed) `find(items)` looks for the
        items already there by their keys and only the others are sent again."""
        pending = list(items)
        found: dict[str, str] = {}
        for attempt in range(self.max_attempts):
            try:
                found.update(self.once(kind, lambda api, p=pending: send(api, p)))
                return found
            except HubSpotRetriableError as exc:
                if attempt + 1 >= self.max_attempts:
                    raise
                self.retries[kind] += 1
                self.pause(exc, attempt)
                if exc.status is None:  # no answer: some items may exist already
                    found.update(find(pending))
                    pending = [i for i in pending if key(i) not in found]
                    if not pending:
                        return found
        return found

    def call(self, kind: str, fn: Callable[[Any], T]) -> T:
        """`once` under the retry policy (429/5xx/connection errors)."""
        retrying = Retrying(stop=stop_after_attempt(self.max_attempts), wait=self._wait, sleep=self.sleep,
                            retry=retry_if_exception_type(HubSpotRetriableError), reraise=True,
                            before_sleep=lambda _s: self.retries.update([kind]))
        return retrying(self.once, kind, fn)
