"""The emulated portal's memory: CRM records, associations, OAuth tokens, counters, faults.

Records are kept as HubSpot returns them (`id`, `properties` as strings, `createdAt`,
`updatedAt`, `archived`); every write sets `lastmodifieddate` / `hs_lastmodifieddate`, which is
what an incremental search reads. One lock guards everything (routes run in a thread pool).
"""

from __future__ import annotations

import random
import re
import secrets
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from .errors import HubSpotError, not_found, validation
from .schema import ENUMS, PROPERTIES, READ_ONLY, REQUIRED_ON_CREATE, inverse_type

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def iso_ms(epoch_ms: int) -> str:
    """`2026-12-03T15:00:00.123Z`, HubSpot's datetime text."""
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{epoch_ms % 1000:03d}Z"


def to_ms(value: Any) -> int | None:
    """Epoch milliseconds of a filter or property value (millis or ISO text); None if not a date."""
    if value is None or value == "":
        return None
    text = str(value)
    if text.isdigit():
        return int(text)
    try:
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)
    except ValueError:
        return None


class Portal:
    """One HubSpot account (hub) with one OAuth app installed."""

    def __init__(self, *, hub_id: int = 4242, faults: dict[str, Any] | None = None, search_cap: int = 10_000):
        self.lock = threading.RLock()
        self.hub_id = hub_id
        self.search_cap = search_cap  # HubSpot's 10,000-result ceiling of one search query
        self.records: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in PROPERTIES}
        self.assoc: dict[tuple[str, str, str], dict[str, set[int]]] = {}  # (from, id, to) -> {to_id: {type ids}}
        self._next_id = 1000
        self._clock_ms = 0
        # OAuth app
        self.client_id = "autoresponder-client-id"
        self.client_secret = secrets.token_urlsafe(24)
        self.redirect_uri = "http://127.0.0.1/oauth/hubspot/callback"
        self.scopes = ["crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.deals.read", "oauth"]
        self.codes: dict[str, str] = {}  # code -> redirect_uri
        self.refresh_tokens: set[str] = set()
        self.access_tokens: dict[str, float] = {}  # token -> expiry (epoch s)
        self.token_ttl_s = 1800
        self.refresh_token = self.issue_refresh_token()
        self.access_token, _ = self.issue_access_token()
        # accounting and faults
        self.counts: Counter[str] = Counter()
        self.faults: dict[str, Any] = dict(faults or {})
        self.faults_injected: Counter[str] = Counter()
        self._rng: random.Random | None = None

    # clock and ids ------------------------------------------------------------------------
    def now_ms(self) -> int:
        """Strictly increasing wall-clock milliseconds (two writes never share an instant)."""
        self._clock_ms = max(self._clock_ms + 1, int(time.time() * 1000))
        return self._clock_ms

    def new_id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    # tokens -------------------------------------------------------------------------------
    def issue_refresh_token(self) -> str:
        token = "na1-" + secrets.token_hex(16)
        self.refresh_tokens.add(token)
        return token

    def issue_access_token(self) -> tuple[str, int]:
        token = "CJ" + secrets.token_urlsafe(32)
        self.access_tokens[token] = time.time() + self.token_ttl_s
        return token, self.token_ttl_s

    def token_state(self, token: str | None) -> tuple[str, int]:
        """('ok' | 'expired' | 'invalid', seconds since expiry)."""
        if not token or token not in self.access_tokens:
            return "invalid", 0
        left = self.access_tokens[token] - time.time()
        return ("ok", 0) if left > 0 else ("expired", int(-left))

    def expire_tokens(self) -> int:
        """Every access token expires now (refresh tokens stay valid)."""
        with self.lock:
            for t in self.access_tokens:
                self.access_tokens[t] = time.time() - 1
            return len(self.access_tokens)

    # faults and counting --------------------------------------------------------------------
    def count(self, key: str) -> None:
        with self.lock:
            self.counts[key] += 1

    def fault_rng(self) -> random.Random:
        if self._rng is None:
            self._rng = random.Random(self.faults.get("seed", 0))
        return self._rng

    def set_faults(self, faults: dict[str, Any] | None) -> None:
        with self.lock:
            self.faults = dict(faults or {})
            self._rng = None

    def reset_counts(self) -> None:
        with self.lock:
            self.counts.clear()
            self.faults_injected.clear()

    # records ----------------------------------------------------------------------------------
    def check_properties(self, otype: str, props: dict[str, Any], *, creating: bool) -> dict[str, str]:
        bad = [k for k in props if k not in PROPERTIES[otype]]
        if bad:
            details = [{"isValid": False, "message": f'Property "{k}" does not exist', "error": "PROPERTY_DOESNT_EXIST",
                        "name": k, "localizedErrorMessage": f'Property "{k}" does not exist'} for k in bad]
            raise validation(f"Property values were not valid: {details}".replace("'", '"'))
        out: dict[str, str] = {}
        for k, v in props.items():
            if k in READ_ONLY:
                raise validation(f'Property values were not valid: [{{"isValid":false,"message":"{k} is a read only '
                                 f'property; its value cannot be set.","error":"READ_ONLY_VALUE","name":"{k}"}}]')
            text = "" if v is None else (str(v).lower() if isinstance(v, bool) else str(v))
            options = ENUMS.get((otype, k))
            if options is not None and text and text not in options:
                raise validation(f'Property values were not valid: [{{"isValid":false,"message":"{text} was not one of '
                                 f'the allowed options: {sorted(options)}","error":"INVALID_OPTION","name":"{k}"}}]')
            if k == "email" and text and not _EMAIL.match(text):
                raise validation(f'Property values were not valid: [{{"isValid":false,"message":"Email address '
                                 f'{text} is invalid","error":"INVALID_EMAIL","name":"email"}}]')
            out[k] = text
        if creating:
            missing = [k for k in REQUIRED_ON_CREATE.get(otype, ()) if not out.get(k)]
            if missing:
                raise validation(f"Property values were not valid: [{{\"isValid\":false,\"message\":\"{missing[0]} is "
                                 f"required\",\"error\":\"REQUIRED_PROPERTY\",\"name\":\"{missing[0]}\"}}]")
        if otype == "contacts" and out.get("email"):
            out["email"] = out["email"].strip()
        return out

    def _stamp(self, otype: str, rec: dict[str, Any], ms: int) -> None:
        rec["updatedAt"] = iso_ms(ms)
        rec["properties"]["hs_lastmodifieddate"] = iso_ms(ms)
        if otype == "contacts":
            rec["properties"]["lastmodifieddate"] = iso_ms(ms)

    def insert(self, otype: str, props: dict[str, Any], *, validate: bool = True, at_ms: int | None = None) -> dict:
        """A new record (seeding passes `validate=False` and may set read-only dates)."""
        with self.lock:
            clean = self.check_properties(otype, props, creating=True) if validate else \
                {k: ("" if v is None else str(v)) for k, v in props.items()}
            if otype == "contacts" and clean.get("email"):
                self.unique_email(clean["email"], None)
            ms = at_ms if at_ms is not None else self.now_ms()
            rid = self.new_id()
            created = iso_ms(ms)
            rec = {"id": rid, "properties": {**clean, "hs_object_id": rid, "hs_createdate": created},
                   "createdAt": created, "updatedAt": created, "archived": False}
            if otype == "contacts":
                rec["properties"]["createdate"] = created
            self._stamp(otype, rec, ms)
            self.records[otype][rid] = rec
            return rec

    def unique_email(self, email: str, own_id: str | None) -> None:
        low = email.lower()
        for rid, rec in self.records["contacts"].items():
            if rid != own_id and (rec["properties"].get("email") or "").lower() == low:
                raise HubSpotError(409, "CONFLICT", f"Contact already exists. Existing ID: {rid}")

    def get(self, otype: str, rid: str) -> dict[str, Any]:
        rec = self.records[otype].get(str(rid))
        if rec is None or rec["archived"]:
            raise not_found()
        return rec

    def update(self, otype: str, rid: str, props: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            rec = self.get(otype, rid)
            clean = self.check_properties(otype, props, creating=False)
            if otype == "contacts" and clean.get("email"):
                self.unique_email(clean["email"], rec["id"])
            rec["properties"].update(clean)
            self._stamp(otype, rec, self.now_ms())
            return rec

    # associations -------------------------------------------------------------------------------
    def associate(self, from_type: str, from_id: str, to_type: str, to_id: str, type_id: int) -> None:
        """Associate both ways (HubSpot stores the inverse type too); ids must exist."""
        with self.lock:
            self.get(from_type, from_id)
            self.get(to_type, to_id)
            inv = inverse_type(from_type, to_type, type_id)
            if inv is None:
                raise validation(f"{type_id} is not a valid association type id between {from_type} and {to_type}")
            self.assoc.setdefault((from_type, str(from_id), to_type), {}).setdefault(str(to_id), set()).add(type_id)
            self.assoc.setdefault((to_type, str(to_id), from_type), {}).setdefault(str(from_id), set()).add(inv)

    def associated(self, from_type: str, from_id: str, to_type: str) -> dict[str, set[int]]:
        return dict(self.assoc.get((from_type, str(from_id), to_type), {}))

    def counts_by_type(self) -> dict[str, int]:
        return {t: sum(1 for r in recs.values() if not r["archived"]) for t, recs in self.records.items()}
