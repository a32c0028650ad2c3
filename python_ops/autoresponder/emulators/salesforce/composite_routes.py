"""sObject Collections (`composite/sobjects`): create, update and delete up to 200 records a
request with per-record results, and retrieve many records by id (GET, or POST as jsforce does)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .bulk_routes import read_json
from .org import EmulatedOrg
from .records import with_attributes
from .state import ApiError


def add_composite_routes(app: FastAPI, org: EmulatedOrg) -> None:
    """Register the sObject Collections routes on `app`."""
    state = org.state

    @app.post("/services/data/v{version}/composite/sobjects")
    @app.post("/services/data/v{version}/composite/sobjects/")
    async def composite_post(version: str, request: Request) -> JSONResponse:
        body = await read_json(request)
        return JSONResponse(org.collection_write("create", body, request.scope.get("sf_fault")))

    @app.patch("/services/data/v{version}/composite/sobjects")
    @app.patch("/services/data/v{version}/composite/sobjects/")
    async def composite_patch(version: str, request: Request) -> JSONResponse:
        body = await read_json(request)
        return JSONResponse(org.collection_write("update", body, request.scope.get("sf_fault")))

    @app.delete("/services/data/v{version}/composite/sobjects")
    def composite_delete(version: str, request: Request) -> JSONResponse:
        ids = [i for i in request.query_params.get("ids", "").split(",") if i]
        all_or_none = request.query_params.get("allOrNone", "false").lower() == "true"
        return JSONResponse(org.collection_delete(ids, all_or_none))

    @app.get("/services/data/v{version}/composite/sobjects/{sobject}")
    def composite_get(version: str, sobject: str, request: Request) -> JSONResponse:
        ids = [i for i in request.query_params.get("ids", "").split(",") if i]
        fields = [f for f in request.query_params.get("fields", "").split(",") if f]
        return retrieve_many(version, sobject, ids, fields)

    @app.post("/services/data/v{version}/composite/sobjects/{sobject}")
    async def composite_retrieve_post(version: str, sobject: str, request: Request) -> JSONResponse:
        # the POST form of the same call (ids in the body), which jsforce uses for retrieve([...])
        body = await read_json(request)
        if not isinstance(body, dict):
            raise ApiError(400, "JSON_PARSER_ERROR", "Expected an object with ids and fields")
        return retrieve_many(version, sobject, list(body.get("ids") or []), list(body.get("fields") or []))

    def retrieve_many(version: str, sobject: str, ids: list[str], fields: list[str]) -> JSONResponse:
        if not ids or not fields:
            raise ApiError(400, "MALFORMED_QUERY", "ids and fields are required")
        if len(ids) > 2000:
            raise ApiError(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 2000 records")
        meta = state.meta(sobject)
        recs = state.get_many(sobject, ids, fields)
        return JSONResponse([None if r is None else with_attributes(meta.name, version, [r])[0] for r in recs])
