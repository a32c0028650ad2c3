"""The seed design's HubSpot writer, kept for the benchmark (seed `crm_connectors.md`).

Per email: one contact search by email, then one update of the contact found (or one create when
none is). No snapshot, no batching, no Task or Note.
"""

from __future__ import annotations

from typing import Any

from ...models import PlannedWrite
from .transport import HubSpotCaller


def baseline_apply(caller: HubSpotCaller, writes_by_email: dict[str, list[PlannedWrite]]) -> dict[str, Any]:
    """Apply each email's writes the seed way; returns request and write counts."""
    writes = errors = 0
    for email, planned in writes_by_email.items():
        body = {"filterGroups": [{"filters": [{"propertyName": "email", "operator": "EQ", "value": email}]}],
                "properties": ["email"], "limit": 1}
        found = caller.call("contacts_search", lambda api, b=body: api.crm.contacts.search_api.do_search(b))
        props: dict[str, Any] = {}
        for w in planned:
            props.update(w.payload)
        try:
            if found.results:
                rid = str(found.results[0].id)
                caller.call("contacts_update", lambda api, r=rid, p=props: api.crm.contacts.basic_api.update(
                    r, {"properties": p}))
            else:
                caller.call("contacts_create", lambda api, p={"email": email, **props}: api.crm.contacts.basic_api.create(
                    {"properties": p}))
            writes += 1
        except Exception:  # noqa: BLE001 - the seed logged and moved on
            errors += 1
    return {"requests": sum(caller.counts.values()), "requests_by_kind": dict(caller.counts), "writes": writes,
            "errors": errors}
