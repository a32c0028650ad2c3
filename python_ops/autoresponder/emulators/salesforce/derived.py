"""What the org computes or refuses across fields of one record, as Salesforce does.

* Opportunity `IsClosed` / `IsWon` follow `StageName` (read-only fields in Salesforce).
* A Task or Event whose `WhoId` is a Lead cannot be related to anything (`WhatId`): Salesforce
  answers `FIELD_INTEGRITY_EXCEPTION` (Leads have no Account; only Contacts can sit beside an
  Account or Opportunity).
"""

from __future__ import annotations

from typing import Any

from .schema import CLOSED_STAGES
from .values import ApiError


def derived_fields(sobject: str, rec: dict[str, Any]) -> dict[str, Any]:
    """Values the org sets on `rec` (store format), after checking its cross-field rules."""
    if sobject == "Opportunity" and "StageName" in rec:
        stage = rec.get("StageName")
        return {"IsClosed": 1 if stage in CLOSED_STAGES else 0, "IsWon": 1 if stage == "Closed Won" else 0}
    if sobject in ("Task", "Event") and str(rec.get("WhoId") or "").startswith("00Q") and rec.get("WhatId"):
        raise ApiError(400, "FIELD_INTEGRITY_EXCEPTION",
                       "Related To ID: a Lead cannot be related to another record; leave WhatId empty "
                       "when WhoId is a Lead", ["WhatId"])
    return {}
