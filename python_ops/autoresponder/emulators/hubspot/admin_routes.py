"""Debug routes under `/_emulator` (never counted, never faulted): counters, faults, tokens, state."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request

from .objects_routes import read_json
from .state import Portal

ENDPOINTS = [
    "GET /oauth/authorize?client_id&redirect_uri&scope&state",
    "POST /oauth/v1/token (authorization_code, refresh_token)",
    "GET /oauth/v1/access-tokens/{token}",
    "POST /crm/v3/objects/{type} (with associations)",
    "GET|PATCH /crm/v3/objects/{type}/{id}",
    "POST /crm/v3/objects/{type}/search",
    "POST /crm/v3/objects/{type}/batch/create|update|read|archive",
    "GET /crm/v4/associations/{from}/{to}/labels",
    "POST /crm/v4/associations/{from}/{to}/batch/read",
    "GET /crm/v4/objects/{from}/{id}/associations/{to}",
    "GET /_emulator/requests",
    "POST /_emulator/reset",
    "POST /_emulator/faults",
    "POST /_emulator/tokens/expire",
    "POST /_emulator/tokens/revoke",
    "GET /_emulator/state",
    "GET /_emulator/endpoints",
]


def add_admin_routes(app: FastAPI, portal: Portal) -> None:
    @app.get("/_emulator/requests")
    def requests_seen() -> dict[str, Any]:
        return {"counts": dict(portal.counts), "total": sum(portal.counts.values()),
                "faults": dict(portal.faults_injected)}

    @app.post("/_emulator/reset")
    def reset() -> dict[str, Any]:
        portal.reset_counts()
        return {"ok": True}

    @app.post("/_emulator/faults")
    async def faults(request: Request) -> dict[str, Any]:
        portal.set_faults(await read_json(request) or {})
        return {"faults": portal.faults}

    @app.post("/_emulator/tokens/expire")
    def expire() -> dict[str, Any]:
        return {"expired": portal.expire_tokens()}

    @app.post("/_emulator/tokens/revoke")
    def revoke() -> dict[str, Any]:
        with portal.lock:
            n = len(portal.refresh_tokens)
            portal.refresh_tokens.clear()
        return {"revoked": n}

    @app.get("/_emulator/state")
    def state() -> dict[str, Any]:
        return {"records": portal.counts_by_type()}

    @app.get("/_emulator/endpoints")
    def endpoints() -> list[str]:
        return ENDPOINTS
