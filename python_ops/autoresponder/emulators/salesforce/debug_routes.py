"""The emulator's own routes (`/_emulator/*`): what it received, resets, faults, limits, endpoints."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request

from .bulk_routes import read_json
from .org import EmulatedOrg


def add_debug_routes(app: FastAPI, org: EmulatedOrg, endpoints: list[str]) -> None:
    """Register the `/_emulator` routes on `app`; `endpoints` is what `GET /_emulator/endpoints` lists."""

    @app.get("/_emulator/requests")
    def debug_requests() -> dict[str, Any]:
        return {"counts": org.request_counts(), "faults": dict(org.faults_injected)}

    @app.post("/_emulator/reset")
    def debug_reset() -> dict[str, Any]:
        org.reset_counts()
        return {"ok": True}

    @app.post("/_emulator/faults")
    async def debug_faults(request: Request) -> dict[str, Any]:
        org.faults = await read_json(request) or {}
        org._fault_rng = None  # noqa: SLF001 - a new config starts a new random sequence
        return {"faults": org.faults}

    @app.post("/_emulator/limits")
    async def debug_limits(request: Request) -> dict[str, Any]:
        body = await read_json(request) or {}
        return org.set_api_limit(body.get("max"), body.get("used"))

    @app.get("/_emulator/applied")
    def debug_applied() -> dict[str, Any]:
        return org.applied_summary()

    @app.get("/_emulator/endpoints")
    def debug_endpoints() -> list[str]:
        return endpoints
