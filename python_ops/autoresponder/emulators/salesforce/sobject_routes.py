"""The REST resources around records: versions, resources, limits, describe, and one record's
create / read / update / delete."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from .bulk_routes import read_json
from .org import EmulatedOrg
from .records import url_meta, with_attributes
from .schema import RELEASES, api_versions, global_entry, sobject_describe

RESOURCE_NAMES = (
    "tooling", "metadata", "eclair", "folders", "prechatForms", "contact-tracing", "chatter", "tabs", "appMenu",
    "quickActions", "queryAll", "commerce", "wave", "iot", "analytics", "search", "smartdatadiscovery",
    "identity", "composite", "parameterizedSearch", "fingerprint", "theme", "nouns", "domino", "event",
    "serviceTemplates", "recent", "connect", "licensing", "limits", "process", "dedupe", "async-queries",
    "query", "jobs", "match", "emailConnect", "compactLayouts", "knowledgeManagement", "sobjects", "actions",
    "support", "scheduling",
)


def add_sobject_routes(app: FastAPI, org: EmulatedOrg) -> None:
    """Register versions, resources, limits, describe and the single-record routes on `app`."""
    state = org.state

    @app.get("/services/data/")
    @app.get("/services/data")
    def versions() -> list[dict[str, str]]:
        return [{"label": RELEASES.get(v, f"v{v}"), "url": f"/services/data/v{v}", "version": v}
                for v in api_versions(org.version)]

    @app.get("/services/data/v{version}")
    @app.get("/services/data/v{version}/")
    def resources(version: str) -> dict[str, str]:
        out = {n: f"/services/data/v{version}/{n}" for n in RESOURCE_NAMES}
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

    @app.get("/services/data/v{version}/sobjects")
    @app.get("/services/data/v{version}/sobjects/")
    def describe_global(version: str) -> dict[str, Any]:
        return {"encoding": "UTF-8", "maxBatchSize": 200,
                "sobjects": [global_entry(name, version) for name in state.objects]}

    @app.get("/services/data/v{version}/sobjects/{sobject}/describe")
    @app.get("/services/data/v{version}/sobjects/{sobject}/describe/")
    def describe(version: str, sobject: str) -> dict[str, Any]:
        with state.lock:
            meta = url_meta(org, sobject)
            return sobject_describe(meta.name, meta.fields, version)

    @app.get("/services/data/v{version}/sobjects/{sobject}")
    def sobject_basic(version: str, sobject: str) -> dict[str, Any]:
        meta = url_meta(org, sobject)
        d = sobject_describe(meta.name, [], version)
        d.pop("fields")
        return {"objectDescribe": d, "recentItems": []}

    @app.post("/services/data/v{version}/sobjects/{sobject}")
    @app.post("/services/data/v{version}/sobjects/{sobject}/")
    async def sobject_create(version: str, sobject: str, request: Request) -> JSONResponse:
        url_meta(org, sobject)
        new_id = state.create(sobject, await read_json(request))
        return JSONResponse({"id": new_id, "success": True, "errors": []}, status_code=201)

    @app.get("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    def sobject_get(version: str, sobject: str, record_id: str, request: Request) -> dict[str, Any]:
        meta = url_meta(org, sobject)
        fields = request.query_params.get("fields")
        rec = state.get(sobject, record_id, fields.split(",") if fields else None)
        return with_attributes(meta.name, version, [rec])[0]

    @app.patch("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    async def sobject_patch(version: str, sobject: str, record_id: str, request: Request) -> Response:
        url_meta(org, sobject)
        state.update(sobject, record_id, await read_json(request))
        return Response(status_code=204)

    @app.delete("/services/data/v{version}/sobjects/{sobject}/{record_id}")
    def sobject_delete(version: str, sobject: str, record_id: str) -> Response:
        url_meta(org, sobject)
        state.delete(sobject, record_id)
        return Response(status_code=204)
