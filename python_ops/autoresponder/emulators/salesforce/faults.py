"""Request accounting, session checks and fault injection, as one ASGI middleware.

Faults come from config, e.g. ``{"rate": 0.1, "kinds": ["429", "503", "UNABLE_TO_LOCK_ROW",
"INVALID_SESSION_ID", "drop"], "seed": 1}``, and hit data requests only (never login or the
debug routes). Each kind answers the way Salesforce does:

* ``429``: HTTP 429, ``REQUEST_LIMIT_EXCEEDED`` (concurrent request limit)
* ``REQUEST_LIMIT_EXCEEDED``: HTTP 403, ``TotalRequests Limit exceeded.``
* ``500`` / ``503``: ``UNKNOWN_EXCEPTION`` / ``SERVER_UNAVAILABLE``
* ``UNABLE_TO_LOCK_ROW``: on collection writes, per-record errors for some records; on other
  writes HTTP 400; reads are not affected
* ``INVALID_SESSION_ID``: HTTP 401 for this request (the session itself stays valid)
* ``API_DISABLED_FOR_ORG``: HTTP 403, the org refuses API access to this user (not a limit)
* ``drop``: the request is processed, then the connection is cut before the body is sent
  (the client cannot tell whether the write happened)
"""

from __future__ import annotations

import json
import re
from typing import Any

from .schema import api_versions

_DATA = re.compile(r"^/services/data/v([\d.]+)(/.*)?$")
# kinds that carry no REST session (the route checks its own credentials, if any) and get no faults
NO_SESSION = frozenset({"login", "versions", "identity", "userinfo", "other"})

FAULT_BODIES: dict[str, tuple[int, str, str]] = {
    "429": (429, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded."),
    "REQUEST_LIMIT_EXCEEDED": (403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."),
    "500": (500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you contact "
            "support: 1234567890-12345 (-1234567890)"),
    "503": (503, "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again."),
    "UNABLE_TO_LOCK_ROW": (400, "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"),
    "INVALID_SESSION_ID": (401, "INVALID_SESSION_ID", "Session expired or invalid"),
    "API_DISABLED_FOR_ORG": (403, "API_DISABLED_FOR_ORG", "API is not enabled for this Organization or Partner"),
}


def request_kind(method: str, path: str) -> str | None:
    """The accounting bucket of a request (None for debug routes)."""
    if path.startswith("/_emulator"):
        return None
    if path.startswith("/services/Soap/u/"):
        return "login"
    if path.startswith("/id/"):
        return "identity"
    if path.startswith("/services/oauth2/userinfo"):
        return "userinfo"
    m = _DATA.match(path)
    if not m:
        return "versions" if path.startswith("/services/data") else "other"
    rest = (m.group(2) or "/").rstrip("/")
    parts = rest.split("/")[1:]
    if not parts:
        return "resources"
    head = parts[0]
    if head in ("query", "queryAll"):
        if len(parts) > 1:
            return "query_more"
        return "query" if head == "query" else "query_all"
    if head == "limits":
        return "limits"
    if head == "sobjects":
        if len(parts) == 1:
            return "describe_global"
        if len(parts) == 3 and parts[2] == "describe":
            return "describe"
        if len(parts) == 2:
            return "sobject_post" if method == "POST" else "sobject_info"
        return {"GET": "sobject_get", "PATCH": "sobject_patch", "DELETE": "sobject_delete"}.get(method, "other")
    if head == "composite" and len(parts) > 1 and parts[1] == "sobjects":
        if method == "GET" or (method == "POST" and len(parts) > 2):
            return "composite_get"
        return {"POST": "composite_post", "PATCH": "composite_patch", "DELETE": "composite_delete"}.get(method,
                                                                                                      "other")
    if head == "jobs" and len(parts) > 1 and parts[1] == "query":
        if len(parts) == 2:
            return "bulk_create_job" if method == "POST" else "bulk_list_jobs"
        if len(parts) == 4 and parts[3] == "results":
            return "bulk_results"
        return {"GET": "bulk_get_job", "PATCH": "bulk_abort_job", "DELETE": "bulk_delete_job"}.get(method, "other")
    return "other"


def _json_response(status: int, body: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    raw = json.dumps(body).encode()
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json;charset=UTF-8"),
                         (b"content-length", str(len(raw)).encode())]}
    return start, {"type": "http.response.body", "body": raw}


class _Dropped(Exception):
    """Raised after the status line to make the server cut the connection."""


class EmulatorMiddleware:
    """Counts, authenticates and (maybe) breaks each request before the app sees it."""

    def __init__(self, app: Any, org: Any):
        self.app = app
        self.org = org

    def _with_limit_info(self, send: Any) -> Any:
        """Add `Sforce-Limit-Info: api-usage=<used>/<max>` to the answer, as Salesforce does on REST calls."""
        async def wrapped(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                value = f"api-usage={self.org.api_usage()}/{self.org.api_daily_max}".encode()
                message = {**message, "headers": [*message.get("headers", []), (b"sforce-limit-info", value)]}
            await send(message)

        return wrapped

    def _pick_fault(self, kind: str, method: str) -> str | None:
        cfg = self.org.faults
        rate = float(cfg.get("rate", 0) or 0)
        if rate <= 0 or kind in NO_SESSION:
            return None
        rng = self.org.fault_rng()
        if rng.random() >= rate:
            return None
        kinds = list(cfg.get("kinds") or ["429", "503", "UNABLE_TO_LOCK_ROW", "INVALID_SESSION_ID", "drop"])
        fault = rng.choice(kinds)
        if fault == "UNABLE_TO_LOCK_ROW" and method == "GET":
            return None
        return str(fault)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        kind = request_kind(method, path)
        if kind is not None:
            self.org.count(kind)
        if kind is None or kind in NO_SESSION:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        auth = headers.get(b"authorization", b"").decode()
        token = auth.split(" ", 1)[1].strip() if " " in auth else None
        if not self.org.session_valid(token):
            for msg in _json_response(401, [{"message": "Session expired or invalid",
                                             "errorCode": "INVALID_SESSION_ID"}]):
                await send(msg)
            return
        m = _DATA.match(path)
        if m and m.group(1) not in api_versions(self.org.version):
            for msg in _json_response(404, [{"errorCode": "NOT_FOUND",
                                             "message": "The requested resource does not exist"}]):
                await send(msg)
            return
        send = self._with_limit_info(send)
        fault = self._pick_fault(kind, method) if kind else None
        if fault is None:
            await self.app(scope, receive, send)
            return
        self.org.faults_injected[fault] += 1
        if fault == "drop":
            async def cut(message: dict[str, Any]) -> None:
                if message["type"] == "http.response.start":
                    # promise a body that never comes, then fail: the server closes the socket
                    headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-length"]
                    await send({**message, "status": 200, "headers": [*headers, (b"content-length", b"4096")]})
                    return
                raise _Dropped("connection dropped by fault injection")

            await self.app(scope, receive, cut)
            return
        is_collection_write = kind in ("composite_post", "composite_patch")
        if fault == "UNABLE_TO_LOCK_ROW" and is_collection_write:
            scope["sf_fault"] = fault
            await self.app(scope, receive, send)
            return
        status, code, message = FAULT_BODIES[fault]
        for msg in _json_response(status, [{"message": message, "errorCode": code}]):
            await send(msg)
