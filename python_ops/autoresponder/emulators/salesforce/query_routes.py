"""SOQL over REST: `query` / `queryAll` with cursors (`nextRecordsUrl`) and `Sforce-Query-Options`."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request

from .org import EmulatedOrg
from .records import with_attributes
from .state import ApiError


def add_query_routes(app: FastAPI, org: EmulatedOrg) -> None:
    """Register `query`, `queryAll` and their cursor pages on `app`."""
    state = org.state

    def page(cursor_id: str, start: int, version: str, endpoint: str) -> dict[str, Any]:
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
        body["records"] = with_attributes(cur["sobject"], version, rows)
        return body

    def locator(text: str) -> tuple[str, int]:
        cursor_id, _, pos = text.rpartition("-")
        if not cursor_id or not pos.isdigit():
            raise ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
        return cursor_id, int(pos)

    def run_query(request: Request, version: str, include_deleted: bool) -> dict[str, Any]:
        q = request.query_params.get("q")
        if not q:
            raise ApiError(400, "MALFORMED_QUERY", "A query string has to be specified")
        plan = state.plan_query(q, include_deleted)
        if plan["rowids"] is None:
            return {"totalSize": plan["count"], "done": True, "records": []}
        batch = org.batch_size
        m = re.search(r"batchSize=(\d+)", request.headers.get("sforce-query-options", ""))
        if m:
            batch = max(200, min(2000, int(m.group(1))))
        cursor_id = org.new_cursor({**plan, "batch": batch})
        return page(cursor_id, 0, version, "queryAll" if include_deleted else "query")

    @app.get("/services/data/v{version}/query")
    @app.get("/services/data/v{version}/query/")
    def query(version: str, request: Request) -> dict[str, Any]:
        return run_query(request, version, False)

    @app.get("/services/data/v{version}/queryAll")
    @app.get("/services/data/v{version}/queryAll/")
    def query_all(version: str, request: Request) -> dict[str, Any]:
        return run_query(request, version, True)

    @app.get("/services/data/v{version}/query/{cursor}")
    def query_more(version: str, cursor: str) -> dict[str, Any]:
        return page(*locator(cursor), version, "query")

    @app.get("/services/data/v{version}/queryAll/{cursor}")
    def query_all_more(version: str, cursor: str) -> dict[str, Any]:
        return page(*locator(cursor), version, "queryAll")
