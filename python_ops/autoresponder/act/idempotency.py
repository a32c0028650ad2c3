"""Deterministic idempotency keys for planned writes (DESIGN §10, docs/contracts.md).

The key is the lowercase hex SHA-256 of this UTF-8 string::

    system|object|record_id|action|payload_json|message_id

* `record_id` and `message_id`: `None` is the empty string.
* `payload_json`: the payload as compact JSON with keys sorted, no whitespace, non-ASCII
  characters kept as UTF-8 (not `\\uXXXX`), JSON `null` for None; `{}` for an empty payload.
  In Python: `json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.

The dbt model that computes `fct_actions.idempotency_key` must build the same string. In DuckDB::

    sha256(system || '|' || object || '|' || coalesce(record_id, '') || '|' || action
           || '|' || payload_json || '|' || coalesce(message_id, ''))

where `payload_json` is `json_object(...)` with its keys written in alphabetical order
(DuckDB keeps the order given, prints no whitespace and keeps UTF-8). Use `||` with
`coalesce` rather than `concat_ws`: `concat_ws` silently drops NULL arguments, which would
shift the separators. Numbers in payloads should be avoided (Python prints `1.0`, SQL may print
`1`); every payload of contracts.md is text or null.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(payload: dict[str, Any] | None) -> str:
    """The payload as the key hashes it: sorted keys, no whitespace, UTF-8 kept."""
    return json.dumps(payload or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def idempotency_key_text(
    system: str,
    object: str,
    record_id: str | int | None,
    action: str,
    payload: dict[str, Any] | None,
    message_id: str | None,
) -> str:
    """The exact string that is hashed (useful when comparing with the dbt model)."""
    parts = (
        system,
        object,
        "" if record_id is None else str(record_id),
        action,
        canonical_json(payload),
        "" if message_id is None else message_id,
    )
    return "|".join(parts)


def idempotency_key(
    system: str,
    object: str,
    record_id: str | int | None,
    action: str,
    payload: dict[str, Any] | None,
    message_id: str | None,
) -> str:
    """SHA-256 hex of `idempotency_key_text(...)`."""
    text = idempotency_key_text(system, object, record_id, action, payload, message_id)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
