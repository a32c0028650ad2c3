"""Weekly roll-up Notes: one per contact per ISO week, idempotent (DESIGN §10).

The note's key is `idempotency_key("hubspot", "note", contact, "weekly_rollup", {"week"}, None)`.
Where the note id is remembered: a `RollupStore` (the write log, `plugin.WriteLogRollups`), or,
without one, HubSpot itself (search of notes on the contacts with `hs_timestamp` = the week's
Monday, reading the key marker). A week's first write creates the note (`batch/create`,
associated to the contact and to the mapped deal); later writes that week append their lines
(`batch/read` then `batch/update`); a write already listed adds nothing.
A roll-up that fails does not fail the writes it summarises (they and their Tasks landed): it is
counted in `errors` and completed by the next write to that contact in the week.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, Protocol

from ...models import PlannedWrite
from .associations import AssociationTypes
from .engagements import (
    NOTE_MARKER,
    iso_week,
    marker_of,
    merge_lines,
    note_body,
    rollup_key,
    rollup_line,
    week_start_ms,
)
from .errors import HubSpotApiError, HubSpotConnectionInError
from .transport import HubSpotCaller

MAX_BATCH = 100


class RollupStore(Protocol):
    def get_many(self, keys: list[str]) -> dict[str, str]:
        """Roll-up key -> note id, for the keys already written."""
        ...

    def put_many(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Remember (key, contact id, week, note id) of notes just created."""
        ...


class MemoryRollups:
    """A `RollupStore` in memory (tests; one process)."""

    def __init__(self) -> None:
        self.notes: dict[str, str] = {}

    def get_many(self, keys: list[str]) -> dict[str, str]:
        return {k: self.notes[k] for k in keys if k in self.notes}

    def put_many(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.notes.update({key: note_id for key, _rid, _week, note_id in rows})


def _chunks(items: list[Any], size: int = MAX_BATCH) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _search_existing(caller: HubSpotCaller, contact_ids: list[str], start_ms: int) -> dict[str, tuple[str, str]]:
    """Roll-up key -> (note id, body) of this week's notes on `contact_ids`."""
    out: dict[str, tuple[str, str]] = {}
    for part in _chunks(contact_ids):
        body = {"filterGroups": [{"filters": [
            {"propertyName": "associations.contact", "operator": "IN", "values": part},
            {"propertyName": "hs_timestamp", "operator": "EQ", "value": str(start_ms)}]}],
            "properties": ["hs_note_body"], "limit": MAX_BATCH}
        res = caller.call("notes_search", lambda api, b=body: api.crm.objects.notes.search_api.do_search(b))
        for r in res.results or []:
            text = (r.properties or {}).get("hs_note_body") or ""
            for key in marker_of(text, NOTE_MARKER):
                out.setdefault(key, (str(r.id), text))
    return out


def _read_bodies(caller: HubSpotCaller, note_ids: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in _chunks(note_ids):
        body = {"inputs": [{"id": i} for i in part], "properties": ["hs_note_body"], "propertiesWithHistory": []}
        res = caller.call("notes_batch_read", lambda api, b=body: api.crm.objects.notes.batch_api.read(b))
        for r in res.results or []:
            out[str(r.id)] = (r.properties or {}).get("hs_note_body") or ""
    return out


def write_rollups(caller: HubSpotCaller, assoc_types: AssociationTypes, written: list[tuple[PlannedWrite, str]],
                  deals: dict[str, str], store: RollupStore | None, today: date,
                  errors: list[str] | None = None) -> int:
    """Create or extend this week's roll-up of every written contact; returns notes written."""
    week, start_ms = iso_week(today), week_start_ms(today)
    lines: dict[str, list[str]] = defaultdict(list)
    for w, rid in written:
        lines[rid].append(rollup_line(w, today))
    keys = {rid: rollup_key(rid, week) for rid in lines}
    try:
        if store is not None:
            found = store.get_many(list(keys.values()))
            bodies = _read_bodies(caller, list(found.values())) if found else {}
            existing = {k: (nid, bodies.get(nid, "")) for k, nid in found.items()}
        else:
            existing = _search_existing(caller, list(lines), start_ms)
        updates, creates = [], []
        for rid, new_lines in lines.items():
            key = keys[rid]
            if key in existing:
                nid, text = existing[key]
                merged = merge_lines(text or "", new_lines)
                if len(merged) > len([ln for ln in (text or "").splitlines() if ln.startswith("- ")]):
                    updates.append({"id": nid, "properties": {"hs_note_body": note_body(week, merged, key)}})
            else:
                creates.append((rid, key, new_lines))
        n = 0
        for part in _chunks(updates):
            caller.call("notes_batch_update", lambda api, b={"inputs": part}: api.crm.objects.notes.batch_api.update(b))
            n += len(part)
        if creates:
            n += _create(caller, assoc_types, creates, deals, store, week, start_ms)
        return n
    except HubSpotConnectionInError:
        raise
    except HubSpotApiError as exc:
        if errors is not None:
            errors.append(exc.message)
        return 0


def _create(caller: HubSpotCaller, assoc_types: AssociationTypes, creates: list[tuple[str, str, list[str]]],
            deals: dict[str, str], store: RollupStore | None, week: str, start_ms: int) -> int:
    to_contact = assoc_types.default(caller, "notes", "contacts")
    to_deal = assoc_types.default(caller, "notes", "deals") if any(deals.get(r) for r, _k, _l in creates) else None
    n = 0
    for part in _chunks(creates):
        inputs = {}
        for rid, key, new_lines in part:
            assocs = [{"to": {"id": rid}, "types": [{"associationCategory": "HUBSPOT_DEFINED",
                                                      "associationTypeId": to_contact}]}]
            if deals.get(rid) and to_deal is not None:
                assocs.append({"to": {"id": deals[rid]}, "types": [{"associationCategory": "HUBSPOT_DEFINED",
                                                                     "associationTypeId": to_deal}]})
            inputs[key] = {"properties": {"hs_timestamp": str(start_ms),
                                          "hs_note_body": note_body(week, new_lines, key)}, "associations": assocs}

        def send(api: Any, items: list[tuple[str, str, list[str]]], inputs: dict = inputs) -> dict[str, str]:
            res = api.crm.objects.notes.batch_api.create({"inputs": [inputs[k] for _rid, k, _l in items]})
            return {k: str(r.id) for r in res.results or []
                    for k in marker_of((r.properties or {}).get("hs_note_body") or "", NOTE_MARKER)}

        def find(items: list[tuple[str, str, list[str]]]) -> dict[str, str]:
            seen = _search_existing(caller, [rid for rid, _k, _l in items], start_ms)
            return {k: nid for k, (nid, _body) in seen.items()}

        by_key = caller.create_once("notes_batch_create", part, send, find, lambda item: item[1])
        if store is not None:
            store.put_many([(key, rid, week, by_key[key]) for rid, key, _lines in part if key in by_key])
        n += len(part)
    return n
