"""HubSpot's error bodies, as the public API returns them.

Every CRM error is ``{"status": "error", "message", "correlationId", "category"}`` (plus
``errors``/``context``/``links`` where HubSpot adds them); OAuth token errors use their own
``{"status": "BAD_REFRESH_TOKEN", "message", "correlationId"}`` shape.
"""

from __future__ import annotations

import uuid
from typing import Any


def correlation_id() -> str:
    return str(uuid.uuid4())


class HubSpotError(Exception):
    """An error the emulator answers with HubSpot's JSON body and status."""

    def __init__(self, status: int, category: str, message: str, *, extra: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.category = category
        self.message = message
        self.extra = extra or {}
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"status": "error", "message": self.message, "correlationId": correlation_id(),
                "category": self.category, **self.extra}


def oauth_error(status_code: str, message: str) -> dict[str, Any]:
    """The body of a refused `/oauth/v1/token` call (HTTP 400)."""
    return {"status": status_code, "message": message, "correlationId": correlation_id()}


def validation(message: str, **extra: Any) -> HubSpotError:
    return HubSpotError(400, "VALIDATION_ERROR", message, extra=extra)


def not_found(message: str = "resource not found") -> HubSpotError:
    return HubSpotError(404, "OBJECT_NOT_FOUND", message)


EXPIRED = ("EXPIRED_AUTHENTICATION", "The OAuth token used to make this call expired {age} second(s) ago.")
INVALID = ("INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 "
           "authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview")
MISSING_SCOPES = {
    "status": "error",
    "message": "This app hasn't been granted all required scopes to make this call. Read more about required "
               "scopes here: https://developers.hubspot.com/scopes.",
    "errors": [{"message": "One or more of the following scopes are required.",
                "context": {"requiredGranularScopes": ["crm.objects.contacts.write"]}}],
    "links": {"scopes": "https://developers.hubspot.com/scopes"},
    "category": "MISSING_SCOPES",
}
RATE_LIMIT = {"status": "error", "message": "You have reached your secondly limit.", "errorType": "RATE_LIMIT",
              "policyName": "SECONDLY", "groupName": "publicapi"}
SERVER_ERRORS = {
    500: {"status": "error", "message": "internal error", "category": "INTERNAL_ERROR"},
    502: {"status": "error", "message": "Bad Gateway", "category": "BAD_GATEWAY"},
    503: {"status": "error", "message": "Service Unavailable", "category": "SERVICE_UNAVAILABLE"},
    504: {"status": "error", "message": "Gateway Timeout", "category": "GATEWAY_TIMEOUT"},
}
