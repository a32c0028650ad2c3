"""Association type ids resolved through the v4 labels API, cached with a TTL.

`GET /crm/v4/associations/{from}/{to}/labels` lists the HUBSPOT_DEFINED (and custom) types of a
pair; the unlabeled default (`label: null`) is what a Task or Note needs to attach to a contact or
a deal. The ids are portal-stable, so one lookup per pair per `ttl_s` is enough (one cache can be
shared by every writer of a process).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from .errors import HubSpotTerminalError
from .transport import HubSpotCaller


class AssociationTypes:
    """(from, to) -> default association type id, from the labels API, kept `ttl_s` seconds."""

    def __init__(self, ttl_s: float = 3600.0, clock: Callable[[], float] = time.monotonic):
        self.ttl_s = ttl_s
        self.clock = clock
        self._cache: dict[tuple[str, str], tuple[float, int]] = {}
        self.lookups = 0

    def default(self, caller: HubSpotCaller, from_type: str, to_type: str) -> int:
        key = (from_type, to_type)
        hit = self._cache.get(key)
        if hit is not None and hit[0] > self.clock():
            return hit[1]
        answer = caller.call("association_labels",
                             lambda api: api.crm.associations.v4.schema.definitions_api.get_all(from_type, to_type))
        labels = [r.to_dict() for r in answer.results or []]
        unlabeled = [r for r in labels if r.get("label") is None and r.get("category") == "HUBSPOT_DEFINED"]
        chosen = (unlabeled or labels)
        if not chosen:
            raise HubSpotTerminalError(f"HubSpot defines no association from {from_type} to {to_type}")
        type_id = int(chosen[0]["type_id"])
        self.lookups += 1
        self._cache[key] = (self.clock() + self.ttl_s, type_id)
        return type_id
