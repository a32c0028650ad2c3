"""HTTP surface of the emulator: the REST and Bulk 2.0 routes simple-salesforce calls.

`build_app(org)` returns a FastAPI app wrapped in `EmulatorMiddleware`, which counts requests
by kind, checks the Bearer session, and injects configured faults (see `faults.py`). The routes
live one module per API surface: `auth_routes.py` (OAuth, SOAP login, identity),
`sobject_routes.py` (versions, limits, describe, one record), `query_routes.py` (SOQL),
`composite_routes.py` (sObject Collections), `bulk_routes.py` (Bulk API 2.0) and
`debug_routes.py` (`/_emulator/*`).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .auth_routes import add_auth_routes
from .bulk_routes import add_bulk_routes
from .composite_routes import add_composite_routes
from .debug_routes import add_debug_routes
from .faults import EmulatorMiddleware
from .org import EmulatedOrg
from .query_routes import add_query_routes
from .sobject_routes import add_sobject_routes
from .state import ApiError

ENDPOINTS = [
    "POST /services/Soap/u/{version}[/{orgId}] (login, logout, getUserInfo)",
    "GET /id/{orgId}/{userId}",
    "GET /services/oauth2/userinfo",
    "GET /services/oauth2/authorize?response_type=code&client_id=&redirect_uri=&state=",
    "POST /services/oauth2/token (authorization_code, refresh_token, password)",
    "POST /services/oauth2/revoke",
    "GET /services/data/",
    "GET /services/data/v{version}/",
    "GET /services/data/v{version}/limits",
    "GET /services/data/v{version}/query?q=",
    "GET /services/data/v{version}/query/{cursor}",
    "GET /services/data/v{version}/queryAll?q=",
    "GET /services/data/v{version}/queryAll/{cursor}",
    "GET /services/data/v{version}/sobjects",
    "GET /services/data/v{version}/sobjects/{sobject}/describe",
    "POST /services/data/v{version}/sobjects/{sobject}",
    "GET|PATCH|DELETE /services/data/v{version}/sobjects/{sobject}/{id}",
    "POST|PATCH|DELETE /services/data/v{version}/composite/sobjects",
    "GET /services/data/v{version}/composite/sobjects/{sobject}?ids=&fields=",
    "POST /services/data/v{version}/composite/sobjects/{sobject} {ids, fields}",
    "POST /services/data/v{version}/jobs/query",
    "GET|PATCH|DELETE /services/data/v{version}/jobs/query/{job_id}",
    "GET /services/data/v{version}/jobs/query/{job_id}/results?maxRecords=&locator=",
    "GET /_emulator/requests",
    "POST /_emulator/reset",
    "POST /_emulator/faults",
    "POST /_emulator/limits",
    "GET /_emulator/applied",
    "GET /_emulator/endpoints",
]

def build_app(org: EmulatedOrg) -> Any:
    """The ASGI app serving `org`: one router module per API surface, behind the middleware that
    counts requests, checks the session and injects faults."""
    app = FastAPI(title="Salesforce emulator", openapi_url=None, docs_url=None, redoc_url=None)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    add_auth_routes(app, org)
    add_sobject_routes(app, org)
    add_query_routes(app, org)
    add_composite_routes(app, org)
    add_bulk_routes(app, org)
    add_debug_routes(app, org, ENDPOINTS)
    return EmulatorMiddleware(app, org)
