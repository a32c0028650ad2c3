"""CRM object routes for every emulated type (deals, tasks, notes, companies; contacts too).

`POST /crm/v3/objects/{type}` (with `associations`), `GET|PATCH /crm/v3/objects/{type}/{id}`,
`POST /crm/v3/objects/{type}/search`, and `batch/create|update|read|archive` (contacts: an email already held is 409 `CONFLICT`, nothing created).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from . import records
from .errors import HubSpotError, not_found
from .schema import object_type
from .search import search
from .state import Portal


async def read_json(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise HubSpotError(400, "VALIDATION_ERROR", f"Invalid input JSON on line 1: {exc}") from exc


def otype_of(name: str) -> str:
    otype = object_type(name)
    if otype is None:
        raise HubSpotError(400, "VALIDATION_ERROR", f"Unable to infer object type from: {name}")
    return otype


def add_object_routes(app: FastAPI, portal: Portal) -> None:
    """Register the generic `/crm/v3/objects/{type}` routes."""

    @app.post("/crm/v3/objects/{otype}/search")
    async def object_search(otype: str, request: Request) -> JSONResponse:
        kind = otype_of(otype)
        return JSONResponse(search(portal, kind, await read_json(request), str(request.base_url).rstrip("/")))

    @app.post("/crm/v3/objects/{otype}/batch/create")
    async def object_batch_create(otype: str, request: Request) -> JSONResponse:
        return JSONResponse(records.batch_create(portal, otype_of(otype), await read_json(request)), status_code=201)

    @app.post("/crm/v3/objects/{otype}/batch/archive")
    async def object_batch_archive(otype: str, request: Request) -> Response:
        records.batch_archive(portal, otype_of(otype), await read_json(request))
        return Response(status_code=204)

    @app.post("/crm/v3/objects/{otype}/batch/update")
    async def object_batch_update(otype: str, request: Request) -> JSONResponse:
        status, body = records.batch_update(portal, otype_of(otype), await read_json(request))
        return JSONResponse(body, status_code=status)

    @app.post("/crm/v3/objects/{otype}/batch/read")
    async def object_batch_read(otype: str, request: Request) -> JSONResponse:
        status, body = records.batch_read(portal, otype_of(otype), await read_json(request))
        return JSONResponse(body, status_code=status)

    @app.post("/crm/v3/objects/{otype}")
    async def object_create(otype: str, request: Request) -> JSONResponse:
        body = await read_json(request)
        return JSONResponse(records.public(records.create(portal, otype_of(otype), body)), status_code=201)

    @app.get("/crm/v3/objects/{otype}/{rid}")
    def object_get(otype: str, rid: str, request: Request) -> dict[str, Any]:
        kind = otype_of(otype)
        props = [p for p in request.query_params.get("properties", "").split(",") if p]
        id_prop = request.query_params.get("idProperty")
        if id_prop:
            rec = next((r for r in portal.records[kind].values() if not r["archived"]
                        and str(r["properties"].get(id_prop) or "").lower() == rid.lower()), None)
            if rec is None:
                raise not_found()
        else:
            rec = portal.get(kind, rid)
        return records.public(rec, props or None)

    @app.patch("/crm/v3/objects/{otype}/{rid}")
    async def object_patch(otype: str, rid: str, request: Request) -> dict[str, Any]:
        body = await read_json(request)
        return records.public(portal.update(otype_of(otype), rid, body.get("properties") or {}))
