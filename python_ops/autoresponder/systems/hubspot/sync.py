"""Incremental snapshot of HubSpot contacts through the search API (DESIGN §4.1; never per email).

`fetch_contacts` reads `lastmodifieddate GTE <watermark>` sorted ascending, 100 a page. HubSpot
answers no page past the 10,000th result of a query, so at that point the query restarts from
the last `lastmodifieddate` seen (rows read twice are de-duplicated by id). The associated deal
and company ids come from the v4 associations batch read (1,000 contacts a request).

`land_contacts` upserts the rows into `raw.hubspot_contacts` (one row per contact id) and keeps
the watermark in `ops.hubspot_sync`; the first run (or `full=True`) reads everything. Contacts
archived in HubSpot are not reported by search: they stay in the snapshot until a full re-read.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from .errors import HubSpotTerminalError
from .transport import HubSpotCaller

PROPERTIES = ("email", "firstname", "lastname", "company", "jobtitle", "lifecyclestage", "hs_lead_status",
              "hs_email_hard_bounce_reason_enum", "associatedcompanyid", "createdate", "lastmodifieddate")
COLUMNS = ("id", *PROPERTIES, "company_ids", "deal_ids")
MAX_RESULTS = 10_000
PAGE = 100
ASSOC_BATCH = 1000

_DDL = """
create schema if not exists raw;
create schema if not exists ops;
create table if not exists raw.hubspot_contacts (
    id varchar primary key, email varchar, firstname varchar, lastname varchar, company varchar,
    jobtitle varchar, lifecyclestage varchar, hs_lead_status varchar, hs_email_hard_bounce_reason_enum varchar,
    associatedcompanyid varchar, createdate timestamp, lastmodifieddate timestamp,
    company_ids varchar[], deal_ids varchar[], synced_at timestamp
);
create table if not exists ops.hubspot_sync (
    object varchar primary key, watermark_ms bigint, last_sync_at timestamp, rows_read bigint, requests bigint
);
"""


def ensure_tables(conn: Any) -> None:
    """`raw.hubspot_contacts` and `ops.hubspot_sync`, empty when missing (dbt reads the snapshot
    even when the connection failed before the first sync)."""
    conn.execute(_DDL)


def _ms(text: Any) -> int:
    if text in (None, ""):
        return 0
    if str(text).isdigit():
        return int(text)
    return int(datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp() * 1000)


def _search_page(caller: HubSpotCaller, since_ms: int, after: str | None) -> Any:
    body: dict[str, Any] = {
        "filterGroups": [{"filters": [{"propertyName": "lastmodifieddate", "operator": "GTE",
                                       "value": str(since_ms)}]}],
        "sorts": [{"propertyName": "lastmodifieddate", "direction": "ASCENDING"}],
        "properties": list(PROPERTIES), "limit": PAGE}
    if after:
        body["after"] = after
    return caller.call("contacts_search", lambda api: api.crm.contacts.search_api.do_search(body))


def fetch_contacts(caller: HubSpotCaller, since_ms: int = 0, max_results: int = MAX_RESULTS) -> list[dict[str, Any]]:
    """Every contact modified at or after `since_ms`, oldest first, with `company_ids` and `deal_ids`.

    `max_results`: the search API's ceiling per query (HubSpot: 10,000)."""
    rows: dict[str, dict[str, Any]] = {}
    cursor, after = since_ms, None
    while True:
        if after is not None and int(after) + PAGE > max_results:
            last = max(_ms(r.get("lastmodifieddate")) for r in rows.values())
            if last <= cursor:
                raise HubSpotTerminalError(
                    f"more than {max_results} contacts share lastmodifieddate {cursor}: the search API cannot page "
                    "through them; run a full export (CRM exports API) for this portal")
            cursor, after = last, None
        page = _search_page(caller, cursor, after)
        for rec in page.results or []:
            rows[str(rec.id)] = {"id": str(rec.id), **{p: (rec.properties or {}).get(p) for p in PROPERTIES}}
        after = page.paging.next.after if page.paging and page.paging.next else None
        if after is None:
            break
    ids = list(rows)
    for to_type, column in (("deals", "deal_ids"), ("companies", "company_ids")):
        linked = associated_ids(caller, "contacts", to_type, ids)
        for rid in ids:
            rows[rid][column] = linked.get(rid, [])
    return sorted(rows.values(), key=lambda r: (_ms(r.get("lastmodifieddate")), int(r["id"])))


def associated_ids(caller: HubSpotCaller, from_type: str, to_type: str, ids: list[str]) -> dict[str, list[str]]:
    """from id -> associated `to_type` ids (v4 batch read; ids without any come back as errors: skipped)."""
    out: dict[str, list[str]] = {}
    for start in range(0, len(ids), ASSOC_BATCH):
        body = {"inputs": [{"id": i} for i in ids[start:start + ASSOC_BATCH]]}
        res = caller.call(f"assoc_{to_type}_batch_read",
                          lambda api, b=body: api.crm.associations.v4.batch_api.get_page(from_type, to_type, b))
        for r in res.results or []:
            out[str(r._from.id)] = [str(t.to_object_id) for t in r.to or []]
    return out


def land_contacts(caller: HubSpotCaller, conn: Any, *, full: bool = False,
                  max_results: int = MAX_RESULTS) -> dict[str, Any]:
    """Upsert changed contacts into `raw.hubspot_contacts`; returns rows read, requests, watermark."""
    ensure_tables(conn)
    found = conn.execute("select watermark_ms from ops.hubspot_sync where object = 'contacts'").fetchall()
    since = 0 if full or not found else int(found[0][0] or 0)
    before = sum(caller.counts.values())
    rows = fetch_contacts(caller, since, max_results)
    requests = sum(caller.counts.values()) - before
    watermark = max([since, *(_ms(r.get("lastmodifieddate")) for r in rows)])
    if rows:
        # pandas loads only here: `autoresponder.config` imports this package, and numpy + pandas cost
        # ~0.25 s of every `classify` start-up (the settings' defaults are built on the first message)
        import pandas as pd

        frame = pd.DataFrame([{**{c: r.get(c) for c in COLUMNS if c not in ("company_ids", "deal_ids")},
                               "company_ids": json.dumps(r.get("company_ids") or []),
                               "deal_ids": json.dumps(r.get("deal_ids") or [])} for r in rows], dtype="object")
        conn.register("hubspot_page_df", frame)
        try:  # each statement is atomic on its own: no transaction of ours inside the caller's
            if full:
                conn.execute("delete from raw.hubspot_contacts where id not in (select id from hubspot_page_df)")
            conn.execute(
                "insert or replace into raw.hubspot_contacts select id, email, firstname, lastname, company,"
                " jobtitle, lifecyclestage, hs_lead_status, hs_email_hard_bounce_reason_enum, associatedcompanyid,"
                " try_cast(createdate as timestamptz)::timestamp, try_cast(lastmodifieddate as timestamptz)::timestamp,"
                " from_json(company_ids, '[\"varchar\"]'), from_json(deal_ids, '[\"varchar\"]'),"
                " current_timestamp::timestamp from hubspot_page_df")
        finally:
            conn.unregister("hubspot_page_df")
    conn.execute("insert or replace into ops.hubspot_sync values ('contacts', ?, ?, ?, ?)",
                 [watermark, datetime.now(UTC).replace(tzinfo=None), len(rows), requests])
    return {"rows_read": len(rows), "requests": requests, "watermark_ms": watermark, "full": since == 0}


def snapshot_watermark(conn: Any) -> int | None:
    """The contacts watermark of the last sync (None before the first)."""
    try:
        found = conn.execute("select watermark_ms from ops.hubspot_sync where object = 'contacts'").fetchall()
    except Exception:  # noqa: BLE001 - no sync table yet
        return None
    return int(found[0][0]) if found and found[0][0] is not None else None


def deal_map(conn: Any) -> dict[str, str]:
    """Contact id -> deal id for contacts with exactly one associated deal in the snapshot: the deal
    a reply's thread maps to (several deals: no mapping, the Task goes on the contact only)."""
    try:
        rows = conn.execute("select id, deal_ids[1] from raw.hubspot_contacts where len(deal_ids) = 1").fetchall()
    except Exception:  # noqa: BLE001 - no snapshot yet
        return {}
    return {str(r[0]): str(r[1]) for r in rows}
