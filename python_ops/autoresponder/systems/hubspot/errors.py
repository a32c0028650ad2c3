"""HubSpot failures split into retriable, terminal and connection-in-error (DESIGN §6, §10).

Retriable: HTTP 429 (waiting `Retry-After`) and 5xx, lost connections. A 401/403 asks for one
token refresh; when it persists the connection is in error (`HubSpotConnectionInError`, exit 2:
credentials are configuration) and the run stops writing to HubSpot. Every other 4xx is terminal
for the records of that request and keeps HubSpot's own message and correlation id.
"""

from __future__ import annotations

import json
from typing import Any

from autoresponder.errors import EXIT_BAD_INPUT, RemoteSystemError


class HubSpotApiError(RemoteSystemError):
    """Base of this package's typed errors (exit 3: the writes it touched failed)."""

    retriable = False

    def __init__(self, message: str, *, status: int | None = None, category: str | None = None,
                 correlation_id: str | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.category = category
        self.correlation_id = correlation_id
        self.retry_after = retry_after


class HubSpotRetriableError(HubSpotApiError):
    """429, 5xx or a lost connection: worth another try after a pause."""

    retriable = True


class HubSpotTerminalError(HubSpotApiError):
    """HubSpot refused the request for good (4xx other than 401/403/429)."""


class HubSpotAuthError(HubSpotApiError):
    """401/403 on one request; the caller refreshes the token once before giving up."""


class HubSpotConnectionInError(HubSpotApiError):
    """The HubSpot connection is unusable until someone acts: the token could not be refreshed or
    HubSpot still refuses it. Carries `last_error`; no further HubSpot writes are attempted this run."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, last_error: str, *, status: int | None = None, category: str | None = None):
        hint = ("grant the app the missing scopes (crm.objects.contacts.write, crm.objects.deals.read) and "
                "re-authorize" if category == "MISSING_SCOPES" else "re-authorize the app")
        super().__init__(f"HubSpot connection in error: {last_error}. Fix: {hint} through `autoresponder serve` "
                         "(/oauth/hubspot/start) or set new tokens, then re-run; unfinished HubSpot writes stay "
                         "pending and are retried", status=status, category=category)
        self.last_error = last_error


def _body(exc: Any) -> dict[str, Any]:
    raw = getattr(exc, "body", None)
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    try:
        out = json.loads(raw) if raw else {}
    except ValueError:
        out = {"message": str(raw)[:500]}
    return out if isinstance(out, dict) else {"message": str(out)[:500]}


def classify(exc: BaseException) -> HubSpotApiError:
    """The typed error for what hubspot-api-client (an `ApiException` of any of its packages) or
    urllib3 raised."""
    if isinstance(exc, HubSpotApiError):
        return exc
    status = getattr(exc, "status", None)
    if isinstance(status, int) and status > 0 and hasattr(exc, "body"):
        body = _body(exc)
        category = body.get("category") or body.get("errorType") or body.get("status")
        message = body.get("message") or getattr(exc, "reason", "") or f"HTTP {status}"
        text = f"HTTP {status} {category}: {message}" if category else f"HTTP {status}: {message}"
        cid = body.get("correlationId")
        if cid:
            text += f" (correlationId {cid})"
        headers = getattr(exc, "headers", None) or {}
        retry_after = None
        raw_after = headers.get("Retry-After") or headers.get("retry-after")
        if raw_after is not None:
            try:
                retry_after = float(raw_after)
            except (TypeError, ValueError):
                retry_after = None
        kw = {"status": status, "category": category, "correlation_id": cid, "retry_after": retry_after}
        if status in (401, 403):
            return HubSpotAuthError(text, **kw)
        if status == 429 or status >= 500:
            return HubSpotRetriableError(text, **kw)
        return HubSpotTerminalError(text, **kw)
    return HubSpotRetriableError(f"connection lost: {type(exc).__name__}: {exc}")


def failure_status(exc: HubSpotApiError) -> str:
    return "failed_terminal" if isinstance(exc, HubSpotTerminalError) else "failed_retriable"
