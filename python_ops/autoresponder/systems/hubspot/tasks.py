"""One curated Task per written contact update (DESIGN §10: what changed and why, no reply text).

`POST /crm/v3/objects/tasks/batch/create`, 100 a request, each Task associated to its contact and
to the deal the thread maps to (type ids from the v4 labels API). The Task body carries its write's
key (`AutoResponder key: <key>`): after a lost connection the contacts' Tasks are searched for the
keys and only the missing ones are sent again (`HubSpotCaller.create_once`); `heal` finds them the
same way.
"""

from __future__ import annotations

import time
from typing import Any

from ...models import PlannedWrite, WriteOutcome
from .associations import AssociationTypes
from .engagements import TASK_MARKER, marker_of, task_input
from .errors import HubSpotApiError, HubSpotConnectionInError
from .transport import HubSpotCaller

MAX_BATCH = 100


def _chunks(items: list[Any], size: int = MAX_BATCH) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def create_tasks(caller: HubSpotCaller, assoc_types: AssociationTypes, written: list[tuple[PlannedWrite, str]],
                 deals: dict[str, str], outcomes: dict[str, WriteOutcome]) -> int:
    """Create the Tasks of `written` (write, contact id); returns how many were created. A write whose
    Task failed becomes `failed_retriable` with HubSpot's message (the contact holds the value)."""
    types = {"contacts": assoc_types.default(caller, "tasks", "contacts")}
    if any(deals.get(rid) for _w, rid in written):
        types["deals"] = assoc_types.default(caller, "tasks", "deals")
    now_ms = int(time.time() * 1000)
    created = 0
    for part in _chunks([(w, rid, task_input(w, rid, deals.get(rid), types, now_ms)) for w, rid in written]):
        try:
            by_key = _create_batch(caller, part)
        except HubSpotConnectionInError:
            raise
        except HubSpotApiError as exc:
            for w, _rid, _i in part:
                out = outcomes[w.idempotency_key]
                out.status = "failed_retriable"
                out.message = f"contact updated, but its Task was not created: {exc.message}"
            continue
        for w, rid, _i in part:
            task_id = by_key.get(w.idempotency_key)
            if task_id:
                outcomes[w.idempotency_key].observed.update({"task_id": task_id, **(
                    {"deal_id": deals[rid]} if deals.get(rid) else {})})
                created += 1
    return created


def _create_batch(caller: HubSpotCaller, part: list[tuple[PlannedWrite, str, dict[str, Any]]]) -> dict[str, str]:
    """Key -> Task id for one batch/create (never twice: see `HubSpotCaller.create_once`)."""
    def send(api: Any, items: list[tuple[PlannedWrite, str, dict[str, Any]]]) -> dict[str, str]:
        res = api.crm.objects.tasks.batch_api.create({"inputs": [i for _w, _rid, i in items]})
        return {k: str(r.id) for r in res.results or []
                for k in marker_of((r.properties or {}).get("hs_task_body") or "", TASK_MARKER)}

    return caller.create_once("tasks_batch_create", part, send,
                              lambda items: task_keys(caller, [rid for _w, rid, _i in items]),
                              lambda item: item[0].idempotency_key)


def task_keys(caller: HubSpotCaller, contact_ids: list[str]) -> dict[str, str]:
    """Idempotency key -> Task id for the key markers on the Tasks of `contact_ids`.

    Searches tasks with `associations.contact` IN the ids (100 a search, paged)."""
    out: dict[str, str] = {}
    for part in _chunks(list(dict.fromkeys(contact_ids))):
        after: str | None = None
        while True:
            body: dict[str, Any] = {"filterGroups": [{"filters": [
                {"propertyName": "associations.contact", "operator": "IN", "values": part}]}],
                "properties": ["hs_task_body"], "limit": MAX_BATCH, **({"after": after} if after else {})}
            res = caller.call("tasks_search", lambda api, b=body: api.crm.objects.tasks.search_api.do_search(b))
            for r in res.results or []:
                for k in marker_of((r.properties or {}).get("hs_task_body") or "", TASK_MARKER):
                    out.setdefault(k, str(r.id))
            after = res.paging.next.after if res.paging and res.paging.next else None
            if not after:
                break
    return out
