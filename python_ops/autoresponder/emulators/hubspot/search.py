"""`POST /crm/v3/objects/{type}/search`: filterGroups, one sort, properties, paging by `after`.

Limits as HubSpot documents them: `limit` 1..100 (default 10), at most 5 filter groups, 10
filters a group and 25 in all, one sort, and no page past the 10,000th result (HTTP 400): a
client that needs more narrows the query, e.g. `lastmodifieddate GTE` the last value it saw.
Filters on `associations.<object>` (EQ / IN) select engagements associated with a record.
"""

from __future__ import annotations

from typing import Any

from .errors import validation
from .schema import DATETIME, DEFAULT_PROPERTIES, PROPERTIES, object_type
from .state import Portal, to_ms

MAX_LIMIT = 100
MAX_RESULTS = 10_000
OPERATORS = frozenset({"EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN", "HAS_PROPERTY",
                       "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"})


def _key(prop: str, value: Any) -> Any:
    """A comparable form: epoch ms for dates, floats for numbers, lower-case text otherwise."""
    if value is None or value == "":
        return None
    if prop in DATETIME:
        return to_ms(value)
    text = str(value)
    try:
        return float(text)
    except ValueError:
        return text.lower()


def _match(f: dict[str, Any], otype: str, rec: dict[str, Any], portal: Portal) -> bool:
    prop, op = f.get("propertyName") or "", str(f.get("operator") or "EQ").upper()
    if prop.startswith("associations."):
        to_type = object_type(prop.split(".", 1)[1]) or ""
        linked = set(portal.associated(otype, rec["id"], to_type))
        wanted = {str(v) for v in (f.get("values") or [f.get("value")]) if v is not None}
        return bool(linked & wanted) if op in ("EQ", "IN") else not (linked & wanted)
    raw = rec["properties"].get(prop)
    have = _key(prop, raw)
    if op == "HAS_PROPERTY":
        return have is not None
    if op == "NOT_HAS_PROPERTY":
        return have is None
    if op in ("IN", "NOT_IN"):
        hit = have in {_key(prop, v) for v in f.get("values") or []}
        return hit if op == "IN" else not hit
    if op in ("CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"):
        token = str(f.get("value") or "").lower().strip("*")
        hit = token in str(raw or "").lower()
        return hit if op == "CONTAINS_TOKEN" else not hit
    want = _key(prop, f.get("value"))
    if op == "EQ":
        return have == want
    if op == "NEQ":
        return have != want
    if have is None or want is None or type(have) is not type(want):
        return False
    if op == "BETWEEN":
        high = _key(prop, f.get("highValue"))
        return high is not None and want <= have <= high
    return {"LT": have < want, "LTE": have <= want, "GT": have > want, "GTE": have >= want}[op]


def _check(body: dict[str, Any], otype: str, cap: int = MAX_RESULTS) -> tuple[int, int, list[dict[str, Any]]]:
    limit = body.get("limit", 10)
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise validation(f"limit must be between 1 and {MAX_LIMIT}, not {limit!r}")
    try:
        after = int(body.get("after") or 0)
    except (TypeError, ValueError) as exc:
        raise validation(f"after must be a paging cursor, not {body.get('after')!r}") from exc
    if after + limit > cap:
        raise validation(f"The search endpoints return at most {cap} results for a query "
                         f"(after={after}, limit={limit}); narrow the query to read further")
    groups = body.get("filterGroups") or []
    if len(groups) > 5 or any(len(g.get("filters") or []) > 10 for g in groups) or \
            sum(len(g.get("filters") or []) for g in groups) > 25:
        raise validation("too many filters: at most 5 filterGroups, 10 filters per group and 25 in total")
    for g in groups:
        for f in g.get("filters") or []:
            op = str(f.get("operator") or "").upper()
            prop = f.get("propertyName") or ""
            if op not in OPERATORS:
                raise validation(f"Invalid input JSON: operator {f.get('operator')!r} is not one of {sorted(OPERATORS)}")
            if not prop.startswith("associations.") and prop not in PROPERTIES[otype]:
                raise validation(f"There was a problem with the request: property {prop!r} does not exist on {otype}")
    if len(body.get("sorts") or []) > 1:
        raise validation("Only one sort is supported")
    return limit, after, groups


def search(portal: Portal, otype: str, body: dict[str, Any], base_url: str = "") -> dict[str, Any]:
    """HubSpot's search answer: `total`, `results` (the requested properties), `paging.next.after`."""
    limit, after, groups = _check(body, otype, portal.search_cap)
    props = list(body.get("properties") or DEFAULT_PROPERTIES[otype])
    query = str(body.get("query") or "").lower()
    with portal.lock:
        hits = [r for r in portal.records[otype].values() if not r["archived"]
                and (not groups or any(all(_match(f, otype, r, portal) for f in g.get("filters") or [])
                                       for g in groups))
                and (not query or any(query in str(r["properties"].get(p) or "").lower()
                                      for p in ("email", "firstname", "lastname", "hs_task_subject", "dealname")))]
        sorts = body.get("sorts") or []
        if sorts:
            s = sorts[0]
            prop = s if isinstance(s, str) else s.get("propertyName", "hs_object_id")
            desc = (not isinstance(s, str)) and str(s.get("direction", "ASCENDING")).upper() == "DESCENDING"
            present = [r for r in hits if _key(prop, r["properties"].get(prop)) is not None]
            absent = [r for r in hits if _key(prop, r["properties"].get(prop)) is None]
            present.sort(key=lambda r: (_key(prop, r["properties"].get(prop)), int(r["id"])), reverse=desc)
            hits = present + absent
        else:
            hits.sort(key=lambda r: int(r["id"]))
        page = hits[after:after + limit]
        results = [{"id": r["id"], "properties": {p: r["properties"].get(p) for p in [*props, "hs_object_id"]},
                    "createdAt": r["createdAt"], "updatedAt": r["updatedAt"], "archived": False} for r in page]
    out: dict[str, Any] = {"total": len(hits), "results": results}
    if after + limit < len(hits):
        nxt = str(after + limit)
        out["paging"] = {"next": {"after": nxt, "link": f"{base_url}/crm/v3/objects/{otype}/search?after={nxt}"}}
    return out
