"""Bulk API 2.0 query routes: create a job, poll it, read CSV result pages by locator."""

from __future__ import annotations

import base64
import csv
import io
import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from .org import EmulatedOrg
from .state import ApiError


def _bulk_value(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str) and len(v) == 28 and v.endswith("+0000") and v[10] == "T":
        return v[:-5] + "Z"
    return v


async def read_json(request: Request) -> Any:
    """The request body as JSON, or Salesforce's JSON_PARSER_ERROR."""
    raw = await request.body()
    try:
        return json.loads(raw or b"{}")
    except ValueError as exc:
        raise ApiError(400, "JSON_PARSER_ERROR", f"Unexpected character: was expecting a JSON value: {exc}") from exc


def add_bulk_routes(app: FastAPI, org: EmulatedOrg) -> None:
    """Register the `jobs/query` routes on `app`."""
    state = org.state

    @app.post("/services/data/v{version}/jobs/query")
    @app.post("/services/data/v{version}/jobs/query/")
    async def bulk_create(version: str, request: Request) -> JSONResponse:
        body = await read_json(request)
        return JSONResponse(org.create_query_job(body, version))

    @app.get("/services/data/v{version}/jobs/query/{job_id}")
    def bulk_get(job_id: str) -> JSONResponse:
        return JSONResponse(org.job_info(job_id))

    @app.patch("/services/data/v{version}/jobs/query/{job_id}")
    async def bulk_patch(job_id: str, request: Request) -> JSONResponse:
        body = await read_json(request)
        job = org.job(job_id)
        if body.get("state") == "Aborted":
            job["state"] = "Aborted"
        return JSONResponse(org.job_info(job_id))

    @app.delete("/services/data/v{version}/jobs/query/{job_id}")
    def bulk_delete(job_id: str) -> Response:
        org.job(job_id)
        org.jobs.pop(job_id, None)
        return Response(status_code=204)

    @app.get("/services/data/v{version}/jobs/query/{job_id}/results")
    def bulk_results(job_id: str, request: Request) -> Response:
        job = org.job(job_id)
        if job["state"] != "JobComplete":
            raise ApiError(400, "INVALIDJOBSTATE", "Job is not in a completed state")
        max_records = int(request.query_params.get("maxRecords") or 50000)
        locator = request.query_params.get("locator") or ""
        try:
            start = int(base64.b64decode(locator + "==").decode()) if locator else 0
        except ValueError as exc:
            raise ApiError(400, "INVALIDLOCATOR", "Invalid locator") from exc
        part = job["rowids"][start:start + max_records]
        rows = state.fetch_rows(job["sobject"], job["fields"], part)
        buf = io.StringIO()
        writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(job["fields"])
        for r in rows:
            writer.writerow([_bulk_value(r[f]) for f in job["fields"]])
        nxt = start + len(part)
        next_locator = base64.b64encode(str(nxt).encode()).decode().rstrip("=") if nxt < len(job["rowids"]) else "null"
        headers = {"Sforce-Locator": next_locator, "Sforce-NumberOfRecords": str(len(rows))}
        return Response(buf.getvalue(), media_type="text/csv", headers=headers)
