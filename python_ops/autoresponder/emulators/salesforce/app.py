"""HTTP surface of the emulator: the REST and Bulk 2.0 routes simple-salesforce calls.

`build_app(org)` returns a FastAPI app wrapped in `EmulatorMiddleware`, which counts requests
by kind, checks the Bearer session, and injects configured faults (see `faults.py`).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from .bulk_routes import add_bulk_routes, read_json
from .faults import EmulatorMiddleware
from .org import EmulatedOrg
from .schema import sobject_describe
from .state import ApiError

ENDPOINTS = [
    "POST /services/Soap/u/{version}",
    "GET /services/data/",
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
    "POST /services/data/v{version}/jobs/query",
    "GET|PATCH|DELETE /services/data/v{version}/jobs/query/{job_id}",
    "GET /services/data/v{version}/jobs/query/{job_id}/results?maxRecords=&locator=",
    "GET /_emulator/requests",
    "POST /_emulator/reset",
    "POST /_emulator/faults",
    "GET /_emulator/applied",
    "GET /_emulator/endpoints",
]

_SOAP_NS = ('xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" '
            'xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')


def _err(exc: ApiError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status)


def build_app(org: EmulatedOrg) -> Any:
    """The ASGI app serving `org`."""
    app = FastAPI(title="Salesforce emulator", openapi_url=None, docs_url=None, redoc_url=None)
    state = org.state

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _err(exc)

    @app.post("/services/Soap/u/{version}")
    async def soap_login(version: str, request: Request) -> Response:
        body = (await request.body()).decode("utf-8", "replace")
        user = re.search(r"<n1:username>(.*?)</n1:username>", body, re.S)
        pwd = re.search(r"<n1:password>(.*?)</n1:password>", body, re.S)
        token = org.login(user.group(1) if user else "", pwd.group(1) if pwd else "")
        if token is None:
            msg = "Invalid username, password, security token; or user locked out."
            xml = (f'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope {_SOAP_NS}><soapenv:Body>'
                   f"<soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: {msg}"
                   '</faultstring><detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>INVALID_LOGIN'
                   f"</sf:exceptionCode><sf:exceptionMessage>{msg}</sf:exceptionMessage></sf:LoginFault></detail>"
                   "</soapenv:Fault></soapenv:Body></soapenv:Envelope>")
            return Response(xml, status_code=500, media_type="text/xml")
        base = org.instance_url
        xml = (f'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope {_SOAP_NS}><soapenv:Body><loginResponse>'
               f"<result><metadataServerUrl>{base}/services/Soap/m/{version}/{org.org_id}</metadataServerUrl>"
               "<passwordExpired>false</passwordExpired><sandbox>false</sandbox>"
               f"<serverUrl>{base}/services/Soap/u/{version}/{org.org_id}</serverUrl>"
               f"<sessionId>{token}</sessionId><userId>005000000000001AAA</userId>"
               f"<userInfo><organizationId>{org.org_id}</organizationId><userName>{org.username}</userName>"
               "</userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>")
        return Response(xml, media_type="text/xml")

    @app.get("/services/data/")
    @app.get("/services/data")
    def versions() -> list[dict[str, str]]:
        return [{"label": f"v{v}", "url": f"/services/data/v{v}", "version": v} for v in ("58.0", "59.0", "60.0")]

    @app.get("/services/data/v{version}/limits")
    @app.get("/services/data/v{version}/limits/")
    def limits() -> dict[str, Any]:
        used = sum(org.counts.values())
        return {
            "DailyApiRequests": {"Max": 100000, "Remaining": max(0, 100000 - used)},
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
        objs = []
        for name in state.objects:
            d = sobject_describe(name, [], version)
            d.pop("fields")
            objs.append(d)
        return {"encoding": "UTF-8", "maxBatchSize": 200, "sobjects": objs}

    @app.get("/services/data/v{version}/sobjects/{sobject}/describe")
    @app.get("/services/data/v{version}/sobjects/{sobject}/describe/")
    def describe(version: str, sobject: str) -> dict[str, Any]:
        with state.lock:
            meta = state.meta(sobject)
            return sobject_describe(meta.name, meta.fields, version)

    @app.get("/services/data/v{version}/sobjects/{sobject}")
    def sobject_basic(version: str, sobject: str) -> dict[str, Any]:
        meta = state.meta(sobject)
        d = sobject_describe(meta.name, [], version)
        d.pop("fields")
        return {"objectDescribe": d, "recentItems": []}

    @app.post("/services/data/v{version}/sobjects/{sobject}")
    @app.post("/services/data/v{version}/sobjects/{sobject}/")
    async def sobject_create(version: str, sobject: str, request: Request) -> JSONResponse:
        body = await read_json(request)
        new_id = state.create(sobject, body)
        return JSONResponse({"id": new_id, "success": True, "errors": []}, status_code=201)

    @app.get("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    def sobject_get(version: str, sobject: str, record_id: str, request: Request) -> dict[str, Any]:
        fields = request.query_params.get("fields")
        rec = state.get(sobject, record_id, fields.split(",") if fields else None)
        meta = state.meta(sobject)
        return _records(meta.name, version, [rec])[0]

    @app.patch("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    async def sobject_patch(version: str, sobject: str, record_id: str, request: Request) -> Response:
        state.update(sobject, record_id, await read_json(request))
        return Response(status_code=204)

    @app.delete("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    def sobject_delete(version: str, sobject: str, record_id: str) -> Response:
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

    @app.get("/_emulator/applied")
    def debug_applied() -> dict[str, Any]:
        return org.applied_summary()

    @app.get("/_emulator/endpoints")
    def debug_endpoints() -> list[str]:
        return ENDPOINTS

    return EmulatorMiddleware(app, org)
