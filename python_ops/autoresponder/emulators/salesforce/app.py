"""HTTP surface of the emulator: the REST and Bulk 2.0 routes simple-salesforce calls.

`build_app(org)` returns a FastAPI app wrapped in `EmulatorMiddleware`, which counts requests
by kind, checks the Bearer session, and injects configured faults (see `faults.py`).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from .auth_routes import add_auth_routes
from .bulk_routes import add_bulk_routes, read_json
from .faults import EmulatorMiddleware
from .org import EmulatedOrg
from .schema import RELEASES, api_versions, global_entry, sobject_describe
from .state import ApiError

ENDPOINTS = [
    "POST /services/Soap/u/{version}[/{orgId}] (login, logout, getUserInfo)",
    "GET /id/{orgId}/{userId}",
    "GET /services/oauth2/userinfo",
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

def _err(exc: ApiError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status)


def build_app(org: EmulatedOrg) -> Any:
    """The ASGI app serving `org`."""
    app = FastAPI(title="Salesforce emulator", openapi_url=None, docs_url=None, redoc_url=None)
    state = org.state

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _err(exc)

    add_auth_routes(app, org)

    @app.get("/services/data/")
    @app.get("/services/data")
    def versions() -> list[dict[str, str]]:
        return [{"label": RELEASES.get(v, f"v{v}"), "url": f"/services/data/v{v}", "version": v}
                for v in api_versions(org.version)]

    @app.get("/services/data/v{version}")
    @app.get("/services/data/v{version}/")
    def resources(version: str) -> dict[str, str]:
        base = f"/services/data/v{version}"
        names = ("tooling", "metadata", "eclair", "folders", "prechatForms", "contact-tracing", "chatter",
                 "tabs", "appMenu", "quickActions", "queryAll", "commerce", "wave", "iot", "analytics", "search",
                 "smartdatadiscovery", "identity", "composite", "parameterizedSearch", "fingerprint", "theme",
                 "nouns", "domino", "event", "serviceTemplates", "recent", "connect", "licensing", "limits",
                 "process", "dedupe", "async-queries", "query", "jobs", "match", "emailConnect", "compactLayouts",
                 "knowledgeManagement", "sobjects", "actions", "support", "scheduling")
        out = {n: f"{base}/{n}" for n in names}
        out["identity"] = f"{org.instance_url}/id/{org.org_id}/{org.user_id}"
        return out

    @app.get("/services/data/v{version}/limits")
    @app.get("/services/data/v{version}/limits/")
    def limits() -> dict[str, Any]:
        used = org.api_usage()
        return {
            "DailyApiRequests": {"Max": org.api_daily_max, "Remaining": max(0, org.api_daily_max - used)},
            "DailyBulkV2QueryJobs": {"Max": 10000, "Remaining": 10000 - len(org.jobs)},
            "DailyBulkV2QueryFileStorageMB": {"Max": 1000000, "Remaining": 1000000},
            "ConcurrentAsyncGetReportInstances": {"Max": 200, "Remaining": 200},
        }

    def _records(sobject: str, version: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for r in rows:
            attrs = {"type": sobject}
            if r.get("Id"):
                attrs["url"] = f"/services/data/v{version}/sobjects/{sobject}/{r['Id']}"
            out.append({"attributes": attrs, **r})
        return out

    def _page(cursor_id: str, start: int, version: str, endpoint: str) -> dict[str, Any]:
        cur = org.cursors.get(cursor_id)
        if cur is None or start < 0 or start > len(cur["rowids"]):
            raise ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        part = cur["rowids"][start:start + cur["batch"]]
        rows = state.fetch_rows(cur["sobject"], cur["fields"], part)
        end = start + len(part)
        done = end >= len(cur["rowids"])
        body: dict[str, Any] = {"totalSize": len(cur["rowids"]), "done": done}
        if not done:
            body["nextRecordsUrl"] = f"/services/data/v{version}/{endpoint}/{cursor_id}-{end}"
        body["records"] = _records(cur["sobject"], version, rows)
        return body

    def _locator(text: str) -> tuple[str, int]:
        cursor_id, _, pos = text.rpartition("-")
        if not cursor_id or not pos.isdigit():
            raise ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        return cursor_id, int(pos)

    def _run_query(request: Request, version: str, include_deleted: bool) -> dict[str, Any]:
        q = request.query_params.get("q")
        if not q:
            raise ApiError(400, "MALFORMED_QUERY", "A query string has to be specified")
        plan = state.plan_query(q, include_deleted)
        if plan["rowids"] is None:
            return {"totalSize": plan["count"], "done": True, "records": []}
        batch = org.batch_size
        opts = request.headers.get("sforce-query-options", "")
        m = re.search(r"batchSize=(\d+)", opts)
        if m:
            batch = max(200, min(2000, int(m.group(1))))
        cursor_id = org.new_cursor({**plan, "batch": batch})
        return _page(cursor_id, 0, version, "queryAll" if include_deleted else "query")

    @app.get("/services/data/v{version}/query")
    @app.get("/services/data/v{version}/query/")
    def query(version: str, request: Request) -> dict[str, Any]:
        return _run_query(request, version, False)

    @app.get("/services/data/v{version}/queryAll")
    @app.get("/services/data/v{version}/queryAll/")
    def query_all(version: str, request: Request) -> dict[str, Any]:
        return _run_query(request, version, True)

    @app.get("/services/data/v{version}/query/{locator}")
    def query_more(version: str, locator: str) -> dict[str, Any]:
        return _page(*_locator(locator), version, "query")

    @app.get("/services/data/v{version}/queryAll/{locator}")
    def query_all_more(version: str, locator: str) -> dict[str, Any]:
        return _page(*_locator(locator), version, "queryAll")

    @app.get("/services/data/v{version}/sobjects")
    @app.get("/services/data/v{version}/sobjects/")
    def describe_global(version: str) -> dict[str, Any]:
        return {"encoding": "UTF-8", "maxBatchSize": 200,
                "sobjects": [global_entry(name, version) for name in state.objects]}

    def url_meta(sobject: str) -> Any:
        """An object named in the URL path: a real org answers an unknown one with 404 NOT_FOUND
        (INVALID_TYPE is for SOQL `FROM` and record bodies)."""
        try:
            return state.meta(sobject)
        except ApiError as exc:
            if exc.code != "INVALID_TYPE":
                raise
            raise ApiError(404, "NOT_FOUND", "The requested resource does not exist") from exc

    @app.get("/services/data/v{version}/sobjects/{sobject}/describe")
    @app.get("/services/data/v{version}/sobjects/{sobject}/describe/")
    def describe(version: str, sobject: str) -> dict[str, Any]:
        with state.lock:
            meta = url_meta(sobject)
            return sobject_describe(meta.name, meta.fields, version)

    @app.get("/services/data/v{version}/sobjects/{sobject}")
    def sobject_basic(version: str, sobject: str) -> dict[str, Any]:
        meta = url_meta(sobject)
        d = sobject_describe(meta.name, [], version)
        d.pop("fields")
        return {"objectDescribe": d, "recentItems": []}

    @app.post("/services/data/v{version}/sobjects/{sobject}")
    @app.post("/services/data/v{version}/sobjects/{sobject}/")
    async def sobject_create(version: str, sobject: str, request: Request) -> JSONResponse:
        url_meta(sobject)
        body = await read_json(request)
        new_id = state.create(sobject, body)
        return JSONResponse({"id": new_id, "success": True, "errors": []}, status_code=201)

    @app.get("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    def sobject_get(version: str, sobject: str, record_id: str, request: Request) -> dict[str, Any]:
        meta = url_meta(sobject)
        fields = request.query_params.get("fields")
        rec = state.get(sobject, record_id, fields.split(",") if fields else None)
        return _records(meta.name, version, [rec])[0]

    @app.patch("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    async def sobject_patch(version: str, sobject: str, record_id: str, request: Request) -> Response:
        url_meta(sobject)
        state.update(sobject, record_id, await read_json(request))
        return Response(status_code=204)

    @app.delete("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    def sobject_delete(version: str, sobject: str, record_id: str) -> Response:
        url_meta(sobject)
        state.delete(sobject, record_id)
        return Response(status_code=204)

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
        return _retrieve_many(version, sobject, ids, fields)

    @app.post("/services/data/v{version}/composite/sobjects/{sobject}")
    async def composite_retrieve_post(version: str, sobject: str, request: Request) -> JSONResponse:
        # the POST form of the same call (ids in the body), which jsforce uses for retrieve([...])
        body = await read_json(request)
        if not isinstance(body, dict):
            raise ApiError(400, "JSON_PARSER_ERROR", "Expected an object with ids and fields")
        return _retrieve_many(version, sobject, list(body.get("ids") or []), list(body.get("fields") or []))

    def _retrieve_many(version: str, sobject: str, ids: list[str], fields: list[str]) -> JSONResponse:
        if not ids or not fields:
            raise ApiError(400, "MALFORMED_QUERY", "ids and fields are required")
        if len(ids) > 2000:
            raise ApiError(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 2000 records")
        meta = state.meta(sobject)
        recs = state.get_many(sobject, ids, fields)
        return JSONResponse([None if r is None else _records(meta.name, version, [r])[0] for r in recs])

    add_bulk_routes(app, org)

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
        org._fault_rng = None
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
        return ENDPOINTS

    return EmulatorMiddleware(app, org)
