"""CUPOLA's snapshot read from SQL Server (`AUTORESPONDER_CUPOLA_SQL`), one statement per table.

Assumption, to be confirmed with the CUPOLA owner: tables `dbo.Person`, `dbo.Org` and
`dbo.OrgPerson` with the columns below (the org-person columns are those `mssql.DEFAULT_READ_SQL`
reads). Each statement selects the DESIGN §3 snapshot columns, labelled as the CSV names them.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, MetaData, Table, Unicode

from autoresponder.land.sql_source import snapshot_select

METADATA = MetaData()

PERSON = Table(
    "Person", METADATA,
    Column("PersonID", BigInteger, primary_key=True), Column("FirstName", Unicode(200)),
    Column("LastName", Unicode(200)), Column("Email", Unicode(320)), Column("Phone", Unicode(100)),
    schema="dbo")
ORG = Table(
    "Org", METADATA,
    Column("OrgID", BigInteger, primary_key=True), Column("OrgName", Unicode(400)),
    Column("WebsiteDomain", Unicode(255)),
    schema="dbo")
ORG_PERSON = Table(
    "OrgPerson", METADATA,
    Column("OrgPersonID", BigInteger, primary_key=True), Column("PersonID", BigInteger),
    Column("OrgID", BigInteger), Column("Position", Unicode(400)), Column("Email", Unicode(320)),
    Column("Status", Unicode(20)), Column("StatusChangeDate", Date),
    schema="dbo")

PERSONS = snapshot_select(PERSON, {
    "person_id": "PersonID", "first_name": "FirstName", "last_name": "LastName", "email": "Email",
    "phone": "Phone"})
ORGS = snapshot_select(ORG, {"org_id": "OrgID", "org_name": "OrgName", "website_domain": "WebsiteDomain"})
ORG_PERSONS = snapshot_select(ORG_PERSON, {
    "org_person_id": "OrgPersonID", "person_id": "PersonID", "org_id": "OrgID", "position": "Position",
    "email": "Email", "status": "Status", "status_change_date": "StatusChangeDate"})
