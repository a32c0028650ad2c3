"""Record values: Salesforce's error type, Ids, timestamps, storage conversion and validation."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from .schema import PREFIX_TO_OBJECT, FieldSpec, ObjectMeta

_CHECK = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ID_RE = re.compile(r"^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")


class ApiError(Exception):
    """A Salesforce error: HTTP status plus the `[{"message","errorCode","fields"}]` body."""

    def __init__(self, status: int, code: str, message: str, fields: list[str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or []

    def body(self) -> list[dict[str, Any]]:
        return [{"message": self.message, "errorCode": self.code, "fields": self.fields}]

    def record_error(self) -> dict[str, Any]:
        return {"statusCode": self.code, "message": self.message, "fields": self.fields}


def id18(id15: str) -> str:
    """Append Salesforce's 3-character case-safe checksum to a 15-character Id."""
    suffix = ""
    for chunk in range(3):
        bits = 0
        for j, ch in enumerate(id15[chunk * 5:chunk * 5 + 5]):
            if "A" <= ch <= "Z":
                bits |= 1 << j
        suffix += _CHECK[bits]
    return id15 + suffix


def now_sf() -> str:
    dt = datetime.now(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}+0000"


def to_sf_datetime(text: str | None) -> str | None:
    """Any ISO 8601 text (date or datetime, any offset) as `YYYY-MM-DDTHH:MM:SS.mmm+0000`."""
    if not text:
        return None
    t = text.strip().replace("Z", "+00:00").replace(" ", "T")
    if re.search(r"[+-]\d{4}$", t):
        t = t[:-2] + ":" + t[-2:]
    dt = datetime.fromisoformat(t)
    dt = dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}+0000"



def to_db(spec: FieldSpec, value: Any) -> Any:
    """A field value as the store keeps it (booleans 0/1, datetimes as UTC text, JSON for addresses)."""
    if value is None or value == "":
        return None
    if spec.type == "boolean":
        if isinstance(value, str):
            return 1 if value.strip().lower() in ("true", "1", "yes") else 0
        return 1 if value else 0
    if spec.type == "int":
        return int(float(value))
    if spec.type in ("double", "currency", "percent"):
        return float(value)
    if spec.type == "datetime":
        return to_sf_datetime(str(value))
    if spec.type == "address":
        return json.dumps(value) if not isinstance(value, str) else value
    return str(value)

def from_db(spec: FieldSpec, value: Any) -> Any:
    """A stored value as the REST API returns it."""
    if spec.type == "boolean":
        return bool(value)
    if value is None:
        return None
    if spec.type == "address":
        return json.loads(value)
    return value

def validate(meta: ObjectMeta, values: dict[str, Any], creating: bool) -> dict[str, Any]:
    """Salesforce's checks on a create or update body; returns canonical name -> db value."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("attributes", "Id", "id"):
            continue
        spec = meta.get(key)
        if spec is None:
            raise ApiError(400, "INVALID_FIELD", f"No such column '{key}' on sobject of type {meta.name}", [key])
        if not (spec.createable if creating else spec.updateable):
            raise ApiError(400, "INVALID_FIELD_FOR_INSERT_UPDATE", f"Unable to create/update fields: {spec.name}."
                           " Please check the security settings of this field and verify that it is "
                           "read/write for your profile or permission set.", [spec.name])
        if value not in (None, "") and spec.type in ("string", "email", "phone", "url", "textarea", "picklist",
                                                     "combobox") and len(str(value)) > spec.length:
            raise ApiError(400, "STRING_TOO_LONG", f"{spec.name}: data value too large: {value!s:.40} "
                           f"(max length={spec.length})", [spec.name])
        if spec.type == "email" and value not in (None, "") and not _EMAIL_RE.match(str(value)):
            raise ApiError(400, "INVALID_EMAIL_ADDRESS", f"{spec.name}: invalid email address: {value}",
                           [spec.name])
        if spec.restricted_picklist and value not in (None, "") and value not in spec.picklist:
            raise ApiError(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", f"{spec.name}: bad value for "
                           f"restricted picklist field: {value}", [spec.name])
        if spec.type == "reference" and value not in (None, ""):
            target = PREFIX_TO_OBJECT.get(str(value)[:3])
            if not ID_RE.match(str(value)) or target not in spec.reference_to:
                raise ApiError(400, "FIELD_INTEGRITY_EXCEPTION", f"{spec.label or spec.name}: id value of "
                               f"incorrect type: {value}", [spec.name])
        if not spec.nillable and value in (None, "") and spec.type != "boolean":
            raise ApiError(400, "REQUIRED_FIELD_MISSING", f"Required fields are missing: [{spec.name}]",
                           [spec.name])
        try:
            out[spec.name] = to_db(spec, value)
        except (ValueError, TypeError) as exc:
            raise ApiError(400, "INVALID_TYPE_ON_FIELD_IN_RECORD", f"{spec.name}: value not of required type: "
                           f"{value}", [spec.name]) from exc
    return out
