"""How the REST routes shape records: the `attributes` block Salesforce puts on every record."""

from __future__ import annotations

from typing import Any

from .org import EmulatedOrg
from .state import ApiError


def with_attributes(sobject: str, version: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row with `attributes: {type, url}` first, as the REST API returns records."""
    out = []
    for r in rows:
        attrs = {"type": sobject}
        if r.get("Id"):
            attrs["url"] = f"/services/data/v{version}/sobjects/{sobject}/{r['Id']}"
        out.append({"attributes": attrs, **r})
    return out


def url_meta(org: EmulatedOrg, sobject: str) -> Any:
    """An object named in the URL path: a real org answers an unknown one with 404 NOT_FOUND
    (INVALID_TYPE is for SOQL `FROM` and record bodies)."""
    try:
        return org.state.meta(sobject)
    except ApiError as exc:
        if exc.code != "INVALID_TYPE":
            raise
        raise ApiError(404, "NOT_FOUND", "The requested resource does not exist") from exc
