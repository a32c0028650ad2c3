"""The seed design's writer, kept for the benchmark (seed `salesforce_update_operations.md`).

Per email: two SOQL lookups (Contact, then Lead, by Email), then one sObject PATCH per change
(`sf.Contact.update(id, {...})`). No re-read, no batching, no retries beyond the client's.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from simple_salesforce import Salesforce
from simple_salesforce.format import format_soql

from ...models import PlannedWrite


def baseline_apply(sf: Salesforce, writes_by_email: dict[str, list[PlannedWrite]]) -> dict[str, Any]:
    """Apply each email's planned writes the seed way; returns request and write counts."""
    counts: Counter[str] = Counter()
    writes = errors = 0
    for email, planned in writes_by_email.items():
        found: dict[str, list[str]] = {}
        for sobject, fields in (("Contact", "Id, Email, Name"), ("Lead", "Id, Email, Name, Status")):
            counts["query"] += 1
            res = sf.query(format_soql(f"SELECT {fields} FROM {sobject} WHERE Email = {{}}", email))
            found[sobject] = [r["Id"] for r in res["records"]]
        for w in planned:
            for record_id in found.get(w.object, []):
                counts["sobject_patch"] += 1
                try:
                    getattr(sf, w.object).update(record_id, dict(w.payload))
                    writes += 1
                except Exception:  # noqa: BLE001 - the seed logged and moved on
                    errors += 1
    return {"requests": sum(counts.values()), "requests_by_kind": dict(counts), "writes": writes, "errors": errors}
