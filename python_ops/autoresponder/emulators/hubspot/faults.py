"""Request accounting, Bearer checks and fault injection, as one ASGI middleware.

Every request is counted under `"<METHOD> <path>"` with record ids and tokens replaced by
`{id}` / `{token}` (`GET /_emulator/requests`). CRM paths (`/crm/...`) need a live OAuth access
token: none or unknown is HTTP 401 `INVALID_AUTHENTICATION`, an expired one HTTP 401
`EXPIRED_AUTHENTICATION`.

Faults hit CRM paths only (never OAuth or `/_emulator`). Two forms, combinable:

* ``{"rate": 0.1, "kinds": ["429", "500", "502", "503", "401", "403"], "seed": 1}``: each CRM request
  fails with that probability, with a kind drawn from `kinds`;
* ``{"script": [{"path": "/crm/v3/objects/contacts/batch/update", "status": 429, "times": 2}]}``: the
  next `times` requests whose path starts with `path` (and `method`, if given) fail with `status`.

``"drop"`` as a status processes the request, then cuts the connection before the answer (the
client cannot tell whether the write happened). A 429 carries ``Retry-After`` (``retry_after`` seconds, default 1) and HubSpot's RATE_LIMIT body;
401 is `EXPIRED_AUTHENTICATION`, 403 `MISSING_SCOPES`, 5xx HubSpot's server error bodies.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import EXPIRED, INVALID, MISSING_SCOPES, RATE_LIMIT, SERVER_ERRORS, correlation_id
from .state import Portal

_ID = re.compile(r"/\d+(?=/|$)")
KINDS = ("429", "500", "502", "503", "401", "403")


def path_key(method: str, path: str) -> str:
    if path.startswith("/oauth/v1/access-tokens/"):
        path = "/oauth/v1/access-tokens/{token}"
    return f"{method} {_ID.sub('/{id}', path)}"


def fault_body(status: int, portal: Portal, age: int = 0) -> tuple[dict[str, Any], list[tuple[bytes, bytes]]]:
    headers: list[tuple[bytes, bytes]] = []
    if status == 429:
        body: dict[str, Any] = dict(RATE_LIMIT)
        headers.append((b"retry-after", str(portal.faults.get("retry_after", 1)).encode()))
    elif status == 401:
        body = {"status": "error", "message": EXPIRED[1].format(age=age), "category": EXPIRED[0]}
    elif status == 403:
        body = dict(MISSING_SCOPES)
    else:
        body = dict(SERVER_ERRORS.get(status, SERVER_ERRORS[500]))
    body["correlationId"] = correlation_id()
    return body, headers


class _Dropped(Exception):
    """Raised after the status line so the server cuts the connection."""


def _cut(send: Any) -> Any:
    async def cut(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":  # promise a body that never comes
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-length"]
            await send({**message, "headers": [*headers, (b"content-length", b"4096")]})
            return
        raise _Dropped("connection dropped by fault injection")

    return cut


class FaultMiddleware:
    """Counts, authenticates and (maybe) breaks each request before the routes see it."""

    def __init__(self, app: Any, portal: Portal):
        self.app = app
        self.portal = portal

    def _scripted(self, method: str, path: str) -> int | str | None:
        with self.portal.lock:
            for rule in self.portal.faults.get("script") or []:
                if rule.get("times", 1) <= 0 or not path.startswith(rule.get("path", "/crm")):
                    continue
                if rule.get("method") and rule["method"].upper() != method:
                    continue
                rule["times"] = rule.get("times", 1) - 1
                return "drop" if rule["status"] == "drop" else int(rule["status"])
        return None

    def _random(self) -> int | str | None:
        rate = float(self.portal.faults.get("rate", 0) or 0)
        if rate <= 0:
            return None
        with self.portal.lock:
            rng = self.portal.fault_rng()
            if rng.random() >= rate:
                return None
            kind = str(rng.choice(list(self.portal.faults.get("kinds") or KINDS)))
            return kind if kind == "drop" else int(kind)

    async def _answer(self, send: Any, status: int, body: dict[str, Any],
                      headers: list[tuple[bytes, bytes]] | None = None) -> None:
        raw = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json;charset=utf-8"),
                                (b"content-length", str(len(raw)).encode()), *(headers or [])]})
        await send({"type": "http.response.body", "body": raw})

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method, path = scope["method"], scope["path"]
        if not path.startswith("/_emulator"):
            self.portal.count(path_key(method, path))
        if not path.startswith("/crm/"):
            await self.app(scope, receive, send)
            return
        auth = dict(scope.get("headers") or []).get(b"authorization", b"").decode()
        token = auth.split(" ", 1)[1].strip() if auth.lower().startswith("bearer ") else None
        state, age = self.portal.token_state(token)
        if state != "ok":
            category, message = EXPIRED if state == "expired" else INVALID
            await self._answer(send, 401, {"status": "error", "message": message.format(age=age),
                                           "correlationId": correlation_id(), "category": category})
            return
        status = self._scripted(method, path) or self._random()
        if status is None:
            await self.app(scope, receive, send)
            return
        self.portal.faults_injected[str(status)] += 1
        if status == "drop":
            await self.app(scope, receive, _cut(send))
            return
        body, headers = fault_body(status, self.portal)
        await self._answer(send, status, body, headers)
