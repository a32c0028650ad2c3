"""Salesforce failures split into retriable, re-authenticate and terminal (DESIGN §6).

Retriable: HTTP 429 and 5xx, `REQUEST_LIMIT_EXCEEDED`, `UNABLE_TO_LOCK_ROW`, `SERVER_UNAVAILABLE`,
connection errors and timeouts. `INVALID_SESSION_ID` (401) and any other 403 (the org or user
refuses the API: `API_DISABLED_FOR_ORG`, `INSUFFICIENT_ACCESS`, ...) ask for one re-login; refused
again, the connection is in error and the run stops writing to Salesforce. Every other 4xx is
terminal and keeps Salesforce's own message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from simple_salesforce.exceptions import SalesforceError

from autoresponder.errors import EXIT_BAD_INPUT, RemoteSystemError

RETRIABLE_CODES = frozenset({"REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE",
                             "UNKNOWN_EXCEPTION", "QUERY_TIMEOUT"})


class SalesforceApiError(RemoteSystemError):
    """Base of the typed errors this package raises (exit 3: the writes it touched failed)."""

    retriable = False

    def __init__(self, message: str, code: str | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


class SalesforceRetriableError(SalesforceApiError):
    """Worth another try after a pause (limits, locks, 5xx, lost connections)."""

    retriable = True


class SalesforceSessionRefused(SalesforceRetriableError):
    """A 401 on a session renewed moments ago: retried with backoff (a transient refusal), never
    renewed again; when every attempt is refused the caller gives up (`SalesforceAuthError`)."""


class SalesforceAuthError(SalesforceApiError):
    """The session is invalid (401 INVALID_SESSION_ID) or refused (403 other than a limit) and
    could not be renewed.

    Exit 2: the credentials are configuration; the writes it stopped stay `failed_retriable`
    and are retried by the next run once the credentials are fixed.
    """

    exit_code = EXIT_BAD_INPUT
    auth_failure = True  # act/connection_state.py: marks the connection `error`


class SalesforceTerminalError(SalesforceApiError):
    """Salesforce refused the request for good (4xx)."""


class SalesforceConnectionLost(SalesforceRetriableError):
    """No complete answer: the request may or may not have been applied."""


@dataclass(frozen=True)
class RecordError:
    """One per-record error of a collection result."""

    code: str
    message: str
    fields: tuple[str, ...] = ()

    @property
    def retriable(self) -> bool:
        return self.code in RETRIABLE_CODES

    def __str__(self) -> str:
        fields = f" (fields: {', '.join(self.fields)})" if self.fields else ""
        return f"{self.code}: {self.message}{fields}"


def record_errors(result: dict[str, Any]) -> list[RecordError]:
    return [RecordError(e.get("statusCode") or "UNKNOWN", e.get("message") or "", tuple(e.get("fields") or ()))
            for e in result.get("errors") or []]


def _first_error(content: Any) -> tuple[str | None, str]:
    if isinstance(content, list) and content and isinstance(content[0], dict):
        return content[0].get("errorCode"), content[0].get("message") or ""
    if isinstance(content, dict):
        return content.get("errorCode") or content.get("error"), content.get("message") or str(content)
    return None, str(content)[:500]


def classify(exc: BaseException) -> SalesforceApiError:
    """The typed error for whatever simple-salesforce or requests raised."""
    if isinstance(exc, SalesforceApiError):
        return exc
    if isinstance(exc, (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)):
        return SalesforceConnectionLost(f"connection lost: {type(exc).__name__}: {exc}", "CONNECTION", None)
    if isinstance(exc, SalesforceError):
        code, message = _first_error(exc.content)
        status = exc.status
        text = f"{code}: {message}" if code else message
        if status == 401 or code == "INVALID_SESSION_ID":
            return SalesforceAuthError(text, code, status)
        if status == 403 and code not in RETRIABLE_CODES:  # API_DISABLED_FOR_ORG, INSUFFICIENT_ACCESS, ...
            return SalesforceAuthError(text, code, status)
        if status == 429 or (status is not None and status >= 500) or code in RETRIABLE_CODES:
            return SalesforceRetriableError(text, code, status)
        return SalesforceTerminalError(text, code, status)
    return SalesforceTerminalError(f"{type(exc).__name__}: {exc}")


def failure_status(exc: SalesforceApiError) -> str:
    """`failed_terminal` only when Salesforce refused for good; lost sessions and limits may pass."""
    return "failed_terminal" if isinstance(exc, SalesforceTerminalError) else "failed_retriable"
