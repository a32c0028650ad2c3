"""Record operations shared by the object routes: create with associations, batch read/update/create.

HubSpot's batch rules: at most 100 inputs; an id twice in one batch is HTTP 400; a property
error anywhere fails the whole batch with HTTP 400 before anything is written; ids that do not
exist come back as HTTP 207 with `errors` (category `OBJECT_NOT_FOUND`) while the others apply.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .errors import correlation_id, validation
from .schema import ASSOCIATION_TYPES
from .state import Portal

MAX_BATCH = 100


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def public(rec: dict[str, Any], props: list[str] | None = None) -> dict[str, Any]:
    """A record as the API returns it (all properties, or only `props` plus `hs_object_id`)."""
    values = rec["properties"] if not props else {p: rec["properties"].get(p) for p in [*props, "hs_object_id"]}
    return {"id": rec["id"], "properties": dict(values), "createdAt": rec["createdAt"],
            "updatedAt": rec["updatedAt"], "archived": rec["archived"]}


def batch_answer(results: list[dict[str, Any]], missing: list[str], kind: str) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body): 200 when every id existed, else 207 with HubSpot's error entry."""
    body: dict[str, Any] = {"status": "COMPLETE", "results": results, "startedAt": now_text(),
                            "completedAt": now_text()}
    if not missing:
        return 200, body
    body["numErrors"] = 1
    body["errors"] = [{"status": "error", "category": "OBJECT_NOT_FOUND", "subCategory": "crm.objects.OBJECT_NOT_FOUND",
                       "message": f"Could not get some {kind.upper().rstrip('S')} objects, they may be deleted or "
                                  "not exist. Check that ids are valid.", "context": {"ids": missing},
                       "id": correlation_id()}]
    return 207, body


def inputs_of(body: Any) -> list[dict[str, Any]]:
    if not isinstance(body, dict) or not isinstance(body.get("inputs"), list):
        raise validation("Invalid input JSON on line 1: a batch body is {\"inputs\": [...]}")
    inputs = body["inputs"]
    if len(inputs) > MAX_BATCH:
        raise validation(f"Batch input is limited to {MAX_BATCH} inputs, got {len(inputs)}",
                         context={"limit": [str(MAX_BATCH)]})
    return inputs


def _assoc_target(from_type: str, type_id: int) -> str | None:
    for (f, t), types in ASSOCIATION_TYPES.items():
        if f == from_type and any(tid == type_id for tid, _ in types):
            return t
    return None


def check_associations(portal: Portal, otype: str, assocs: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    """(to_type, to_id, type_id) of each `associations` entry of a create body; 400 when one is wrong."""
    out = []
    for a in assocs or []:
        to_id = str((a.get("to") or {}).get("id") or "")
        for t in a.get("types") or []:
            type_id = int(t.get("associationTypeId") or 0)
            to_type = _assoc_target(otype, type_id)
            if to_type is None or t.get("associationCategory") not in ("HUBSPOT_DEFINED", "USER_DEFINED",
                                                                        "INTEGRATOR_DEFINED"):
                raise validation(f"{type_id} is not a valid association type id from {otype} "
                                 f"(category {t.get('associationCategory')!r})")
            rec = portal.records[to_type].get(to_id)
            if rec is None or rec["archived"]:
                raise validation(f"One or more associations are invalid: {to_type} {to_id} does not exist",
                                 context={"ids": [to_id]})
            out.append((to_type, to_id, type_id))
    return out


def create(portal: Portal, otype: str, item: dict[str, Any]) -> dict[str, Any]:
    with portal.lock:
        links = check_associations(portal, otype, item.get("associations") or [])
        rec = portal.insert(otype, item.get("properties") or {})
        for to_type, to_id, type_id in links:
            portal.associate(otype, rec["id"], to_type, to_id, type_id)
        return rec


def batch_create(portal: Portal, otype: str, body: Any) -> dict[str, Any]:
    inputs = inputs_of(body)
    with portal.lock:
        for item in inputs:  # validate everything first: a bad input fails the batch
            portal.check_properties(otype, item.get("properties") or {}, creating=True)
            check_associations(portal, otype, item.get("associations") or [])
        if otype == "contacts":  # an email already held: 409 CONFLICT for the batch, nothing created
            emails = [str((item.get("properties") or {}).get("email") or "").lower() for item in inputs]
            dupes = sorted({e for e in emails if e and emails.count(e) > 1})
            if dupes:
                raise validation(f"Duplicate emails found in batch input: {dupes}", context={"emails": dupes})
            for email in filter(None, emails):
                portal.unique_email(email, None)
        results = [public(create(portal, otype, item)) for item in inputs]
    return {"status": "COMPLETE", "results": results, "startedAt": now_text(), "completedAt": now_text()}


def batch_archive(portal: Portal, otype: str, body: Any) -> None:
    """`batch/archive`: archived records leave search and reads; unknown ids are ignored (HubSpot: 204)."""
    with portal.lock:
        for item in inputs_of(body):
            rec = portal.records[otype].get(str(item.get("id") or ""))
            if rec is not None:
                rec["archived"] = True


def batch_update(portal: Portal, otype: str, body: Any) -> tuple[int, dict[str, Any]]:
    inputs = inputs_of(body)
    ids = [str(i.get("id") or "") for i in inputs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise validation(f"Duplicate IDs found in batch input: {dupes}. IDs must be unique",
                         context={"ids": dupes})
    with portal.lock:
        for item in inputs:
            portal.check_properties(otype, item.get("properties") or {}, creating=False)
        results, missing = [], []
        for rid, item in zip(ids, inputs, strict=True):
            rec = portal.records[otype].get(rid)
            if rec is None or rec["archived"]:
                missing.append(rid)
                continue
            results.append(public(portal.update(otype, rid, item.get("properties") or {})))
    return batch_answer(results, missing, otype)


def batch_read(portal: Portal, otype: str, body: Any) -> tuple[int, dict[str, Any]]:
    inputs = inputs_of(body)
    props = list(body.get("properties") or [])
    id_prop = body.get("idProperty")
    results, missing = [], []
    with portal.lock:
        for item in inputs:
            key = str(item.get("id") or "")
            if id_prop:
                rec = next((r for r in portal.records[otype].values() if not r["archived"]
                            and str(r["properties"].get(id_prop) or "").lower() == key.lower()), None)
            else:
                rec = portal.records[otype].get(key)
            if rec is None or rec["archived"]:
                missing.append(key)
            else:
                results.append(public(rec, props or None))
    return batch_answer(results, missing, otype)
