"""Contact routes, registered before the generic object routes so contacts keep their own rules.

* `POST /crm/v3/objects/contacts/search`: the incremental sync reads `lastmodifieddate GTE <watermark>`
  sorted ascending, 100 a page, never past the 10,000th result (see `search.py`).
* `POST /crm/v3/objects/contacts/batch/update` and `batch/read` (`idProperty: "email"` reads by address).
* `POST /crm/v3/objects/contacts`: an email already held by another contact is HTTP 409 `CONFLICT`
  with `Contact already exists. Existing ID: <id>`.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from . import records
from .objects_routes import read_json
from .search import search
from .state import Portal


def add_contact_routes(app: FastAPI, portal: Portal) -> None:
    @app.post("/crm/v3/objects/contacts/search")
    async def contacts_search(request: Request) -> JSONResponse:
        return JSONResponse(search(portal, "contacts", await read_json(request), str(request.base_url).rstrip("/")))

    @app.post("/crm/v3/objects/contacts/batch/update")
    async def contacts_batch_update(request: Request) -> JSONResponse:
        status, body = records.batch_update(portal, "contacts", await read_json(request))
        return JSONResponse(body, status_code=status)

    @app.post("/crm/v3/objects/contacts/batch/read")
    async def contacts_batch_read(request: Request) -> JSONResponse:
        status, body = records.batch_read(portal, "contacts", await read_json(request))
        return JSONResponse(body, status_code=status)

    @app.post("/crm/v3/objects/contacts")
    async def contacts_create(request: Request) -> JSONResponse:
        body = await read_json(request)
        return JSONResponse(records.public(records.create(portal, "contacts", body)), status_code=201)
