"""Multipub in the registry: a snapshot only; flagged rows go to the audit document (DESIGN §7)."""

from __future__ import annotations

from autoresponder.land.snapshots import Snapshot
from autoresponder.land.sql_source import SqlRead
from autoresponder.systems.multipub import reads
from autoresponder.systems.registry import System

SNAPSHOTS = (
    Snapshot("multipub/subscriptions.csv", "raw.multipub_subscriptions", {
        "subscription_id": "VARCHAR", "subscriber_id": "VARCHAR", "email": "VARCHAR",
        "first_name": "VARCHAR", "last_name": "VARCHAR", "company": "VARCHAR", "product_code": "VARCHAR",
        "subscription_type": "VARCHAR", "status": "VARCHAR", "start_date": "DATE", "end_date": "DATE",
        "last_issue_date": "DATE"},
        sql=SqlRead("multipub_sql", reads.SUBSCRIPTIONS)),
)

SYSTEM = System(name="multipub", order=15, snapshots=SNAPSHOTS)
