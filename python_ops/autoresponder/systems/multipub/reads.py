"""Multipub's snapshot read from SQL Server (`AUTORESPONDER_MULTIPUB_SQL`).

Assumption, to be confirmed with Marketing (Multipub's owner): one table `dbo.Subscriptions`
with the columns below. The statement selects the DESIGN §3 snapshot columns, labelled as the
CSV names them.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, MetaData, Table, Unicode

from autoresponder.land.sql_source import snapshot_select

METADATA = MetaData()

SUBSCRIPTION = Table(
    "Subscriptions", METADATA,
    Column("SubscriptionID", Unicode(64), primary_key=True), Column("SubscriberID", Unicode(64)),
    Column("Email", Unicode(320)), Column("FirstName", Unicode(200)), Column("LastName", Unicode(200)),
    Column("Company", Unicode(400)), Column("ProductCode", Unicode(64)), Column("SubscriptionType", Unicode(32)),
    Column("Status", Unicode(32)), Column("StartDate", Date), Column("EndDate", Date),
    Column("LastIssueDate", Date),
    schema="dbo")

SUBSCRIPTIONS = snapshot_select(SUBSCRIPTION, {
    "subscription_id": "SubscriptionID", "subscriber_id": "SubscriberID", "email": "Email",
    "first_name": "FirstName", "last_name": "LastName", "company": "Company", "product_code": "ProductCode",
    "subscription_type": "SubscriptionType", "status": "Status", "start_date": "StartDate", "end_date": "EndDate",
    "last_issue_date": "LastIssueDate"})
