"""Associations v4: type ids (`labels`) and batch reads of a record's associations.

* `GET /crm/v4/associations/{from}/{to}/labels`: `{"results": [{"category", "typeId", "label"}]}`
  (the unlabeled default has `label: null`), the ids a create body's `associations` needs.
* `POST /crm/v4/associations/{from}/{to}/batch/read` `{"inputs": [{"id"}]}` (at most 1,000):
  `results[{from: {id}, to: [{toObjectId, associationTypes}]}]`; ids without associations come back
  in `errors` (HTTP 207), as HubSpot does.
* `GET /crm/v4/objects/{from}/{id}/associations/{to}`: one record's associations.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .errors import validation
from .objects_routes import otype_of, read_json
from .records import now_text
from .schema import ASSOCIATION_TYPES
from .state import Portal

MAX_READ = 1000


def _types(from_type: str, to_type: str, ids: set[int]) -> list[dict[str, Any]]:
    labels = dict(ASSOCIATION_TYPES.get((from_type, to_type), []))
    return [{"category": "HUBSPOT_DEFINED", "typeId": t, "label": labels.get(t)} for t in sorted(ids)]


def add_association_routes(app: FastAPI, portal: Portal) -> None:
    @app.get("/crm/v4/associations/{from_type}/{to_type}/labels")
    def labels(from_type: str, to_type: str) -> dict[str, Any]:
        f, t = otype_of(from_type), otype_of(to_type)
        return {"results": [{"category": "HUBSPOT_DEFINED", "typeId": tid, "label": label}
                            for tid, label in ASSOCIATION_TYPES.get((f, t), [])]}

    @app.post("/crm/v4/associations/{from_type}/{to_type}/batch/read")
    async def batch_read(from_type: str, to_type: str, request: Request) -> JSONResponse:
        f, t = otype_of(from_type), otype_of(to_type)
        body = await read_json(request)
        inputs = body.get("inputs") if isinstance(body, dict) else None
        if not isinstance(inputs, list):
            raise validation('Invalid input JSON on line 1: a batch body is {"inputs": [{"id": ...}]}')
        if len(inputs) > MAX_READ:
            raise validation(f"Batch input is limited to {MAX_READ} inputs, got {len(inputs)}")
        results, empty = [], []
        with portal.lock:
            for item in inputs:
                rid = str(item.get("id") or "")
                linked = portal.associated(f, rid, t)
                if not linked:
                    empty.append(rid)
                    continue
                results.append({"from": {"id": rid}, "to": [
                    {"toObjectId": int(to_id), "associationTypes": _types(f, t, ids)}
                    for to_id, ids in sorted(linked.items(), key=lambda kv: int(kv[0]))]})
        out: dict[str, Any] = {"status": "COMPLETE", "results": results, "startedAt": now_text(),
                               "completedAt": now_text()}
        if not empty:
            return JSONResponse(out)
        out["numErrors"] = len(empty)
        out["errors"] = [{"status": "error", "category": "OBJECT_NOT_FOUND", "subCategory": "crm.associations.NO_ASSOCIATIONS_FOUND",
                          "message": f"No {t} is associated with {f} {rid}.", "context": {"fromObjectId": [rid]}}
                         for rid in empty]
        return JSONResponse(out, status_code=207)

    @app.get("/crm/v4/objects/{from_type}/{rid}/associations/{to_type}")
    def one(from_type: str, rid: str, to_type: str) -> dict[str, Any]:
        f, t = otype_of(from_type), otype_of(to_type)
        portal.get(f, rid)
        linked = portal.associated(f, rid, t)
        return {"results": [{"toObjectId": int(to_id), "associationTypes": _types(f, t, ids)}
                            for to_id, ids in sorted(linked.items(), key=lambda kv: int(kv[0]))]}
