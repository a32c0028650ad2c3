"""`build_app(portal)`: the emulator's FastAPI app, one router module per API surface.

Wrapped in `FaultMiddleware` (counting, Bearer checks, fault injection: `faults.py`).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .admin_routes import add_admin_routes
from .associations_routes import add_association_routes
from .contacts_routes import add_contact_routes
from .errors import HubSpotError, correlation_id
from .faults import FaultMiddleware
from .oauth_routes import add_oauth_routes
from .objects_routes import add_object_routes
from .state import Portal


def build_app(portal: Portal) -> Any:
    app = FastAPI(title="HubSpot emulator", openapi_url=None, docs_url=None, redoc_url=None)

    @app.exception_handler(HubSpotError)
    async def _hubspot_error(_request: Request, exc: HubSpotError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        category = "OBJECT_NOT_FOUND" if exc.status_code == 404 else "VALIDATION_ERROR"
        message = "resource not found" if exc.status_code == 404 else str(exc.detail)
        return JSONResponse({"status": "error", "message": message, "correlationId": correlation_id(),
                             "category": category}, status_code=exc.status_code)

    add_oauth_routes(app, portal)
    add_contact_routes(app, portal)  # before the generic object routes: first match wins
    add_association_routes(app, portal)
    add_object_routes(app, portal)
    add_admin_routes(app, portal)
    return FaultMiddleware(app, portal)
