"""The SFMC "writer": Marketing owns sends, so a suppression is a row in `marketing_suppression.csv`.

SFMC is never written by us (DESIGN §2); this writer records that the row was handed over, so
the write log and impact report count suppressions like every other action.
"""

from __future__ import annotations

from autoresponder.models import PlannedWrite, WriteOutcome


class SuppressionList:
    system = "sfmc"

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        outcomes = []
        for w in writes:
            self.rows.append({"email": w.record_id, "reason": w.payload.get("reason"), "message_id": w.message_id})
            outcomes.append(WriteOutcome(w.idempotency_key, "succeeded", remote_id=w.record_id,
                                         message="listed in marketing_suppression.csv for Marketing", attempts=0))
        return outcomes
