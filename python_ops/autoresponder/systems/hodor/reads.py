"""Hodor's snapshot read from SQL Server (`AUTORESPONDER_HODOR_SQL`).

Assumption, to be confirmed with Hodor's owner: one table `dbo.Prospects` with the columns below.
The statement selects the DESIGN §3 snapshot columns, labelled as the CSV names them. Hodor is
still written only through Prospect Import files (DESIGN §2).
"""

from __future__ import annotations

from sqlalchemy import Column, MetaData, Table, Unicode

from autoresponder.land.sql_source import snapshot_select

METADATA = MetaData()

PROSPECT = Table(
    "Prospects", METADATA,
    Column("ProspectID", Unicode(64), primary_key=True), Column("FirstName", Unicode(200)),
    Column("LastName", Unicode(200)), Column("Email", Unicode(320)), Column("Phone", Unicode(100)),
    Column("Company", Unicode(400)), Column("Title", Unicode(400)), Column("Status", Unicode(32)),
    schema="dbo")

PROSPECTS = snapshot_select(PROSPECT, {
    "prospect_id": "ProspectID", "first_name": "FirstName", "last_name": "LastName", "email": "Email",
    "phone": "Phone", "company": "Company", "title": "Title", "status": "Status"})
