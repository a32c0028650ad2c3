"""sync_objects: describe-driven tables, REST and Bulk reads, watermarks, new fields, deletes."""

from __future__ import annotations

import duckdb
import pytest

from autoresponder.emulators.salesforce import seed_records, synthetic_contacts
from autoresponder.emulators.salesforce.schema import FieldSpec
from autoresponder.systems.salesforce import connect, duckdb_type, sync_objects


@pytest.fixture
def client(emulator):
    return connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                   security_token=emulator.security_token)


@pytest.fixture
def conn():
    c = duckdb.connect()
    yield c
    c.close()


def _types(conn, table):
    return {r[0]: r[1] for r in conn.execute(f"DESCRIBE {table}").fetchall()}


@pytest.mark.parametrize(("sf_type", "duck"), [
    ("string", "VARCHAR"), ("picklist", "VARCHAR"), ("multipicklist", "VARCHAR"), ("boolean", "BOOLEAN"),
    ("datetime", "TIMESTAMP"), ("date", "DATE"), ("double", "DOUBLE"), ("currency", "DOUBLE"),
    ("percent", "DOUBLE"), ("int", "BIGINT"), ("reference", "VARCHAR(18)"), ("id", "VARCHAR(18)"),
    ("address", "JSON"),
])
def test_salesforce_types_map_to_duckdb_types(sf_type, duck):
    assert duckdb_type(sf_type) == duck


def test_sync_lands_typed_tables_named_after_objects(client, conn):
    result = sync_objects(client, conn)
    assert set(result["objects"]) == {"Contact", "Lead", "Account"}
    assert conn.execute("SELECT count(*) FROM raw.sf_contact").fetchone()[0] == 3
    types = _types(conn, "raw.sf_contact")
    assert types["SystemModstamp"] == "TIMESTAMP" and types["HasOptedOutOfEmail"] == "BOOLEAN"
    assert types["Birthdate"] == "DATE" and types["MailingAddress"] == "JSON"
    assert types["Contact_Status__c"] == "VARCHAR"
    assert _types(conn, "raw.sf_account")["AnnualRevenue"] == "DOUBLE"
    row = conn.execute("SELECT Email, Contact_Status__c, LastModifiedDate::VARCHAR FROM raw.sf_contact "
                       "WHERE Id = '003000000000001AAA'").fetchone()
    assert row == ("ann.lee@acme.example", "Active", "2024-01-02 10:00:00")
    assert result["requests"]["describe"] == 3


def test_empty_objects_sync_to_empty_tables(client, conn):
    sync_objects(client, conn, ["User", "Task", "Event", "TaskWhoRelation"])
    assert conn.execute("SELECT count(*) FROM raw.sf_task").fetchone()[0] == 0
    assert "WhoId" in _types(conn, "raw.sf_task")


def test_rest_sync_pages_through_query_more(emulator, client, conn):
    seed_records(emulator.state, "Contact", synthetic_contacts(4100))
    result = sync_objects(client, conn, ["Contact"])
    assert result["objects"]["Contact"]["mode"] == "rest"
    assert result["requests"]["query_more"] == 2
    assert conn.execute("SELECT count(DISTINCT Id) FROM raw.sf_contact").fetchone()[0] == 4103


def test_bulk_sync_above_threshold_pages_with_locator(emulator, client, conn):
    seed_records(emulator.state, "Contact", synthetic_contacts(2500))
    result = sync_objects(client, conn, ["Contact"], bulk_threshold=1000, bulk_page_size=1000)
    stats = result["objects"]["Contact"]
    assert stats["mode"] == "bulk" and stats["rows_read"] == 2503
    assert result["requests"]["bulk_results"] == 3
    assert conn.execute("SELECT count(*), count(SystemModstamp), bool_and(NOT IsDeleted) FROM raw.sf_contact"
                        ).fetchone() == (2503, 2503, True)


def test_second_sync_reads_only_changes_since_watermark(emulator, client, conn):
    sync_objects(client, conn, ["Contact"])
    emulator.state.update("Contact", "003000000000001AAA", {"Title": "Partner"})
    result = sync_objects(client, conn, ["Contact"])
    stats = result["objects"]["Contact"]
    assert stats["incremental"] and stats["rows_read"] == 2  # the change + the watermark instant (overlap)
    assert conn.execute("SELECT Title FROM raw.sf_contact WHERE Id = '003000000000001AAA'").fetchone() == ("Partner",)
    assert conn.execute("SELECT count(*) FROM raw.sf_contact").fetchone()[0] == 3
    wm = conn.execute("SELECT watermark FROM ops.sf_watermarks WHERE object = 'Contact'").fetchone()[0]
    assert wm.year >= 2025


def test_deleted_records_are_removed_from_raw_table(emulator, client, conn):
    sync_objects(client, conn, ["Contact"])
    emulator.state.delete("Contact", "003000000000002AAA")
    result = sync_objects(client, conn, ["Contact"])
    assert result["objects"]["Contact"]["rows_deleted"] == 1
    ids = {r[0] for r in conn.execute("SELECT Id FROM raw.sf_contact").fetchall()}
    assert ids == {"003000000000001AAA", "003000000000003AAA"}


def test_field_added_between_syncs_appears_as_a_column(emulator, client, conn):
    sync_objects(client, conn, ["Lead"])
    emulator.state.add_field("Lead", FieldSpec("Score__c", "double", custom=True))
    emulator.state.update("Lead", "00Q000000000001AAA", {"Score__c": 7.5})
    result = sync_objects(client, conn, ["Lead"])
    assert result["objects"]["Lead"]["columns_added"] == ["Score__c"]
    assert _types(conn, "raw.sf_lead")["Score__c"] == "DOUBLE"
    assert conn.execute("SELECT Score__c FROM raw.sf_lead WHERE Id = '00Q000000000001AAA'").fetchone() == (7.5,)


def test_full_resync_rereads_everything(emulator, client, conn):
    sync_objects(client, conn, ["Account"])
    result = sync_objects(client, conn, ["Account"], full_resync=True)
    assert not result["objects"]["Account"]["incremental"] and result["objects"]["Account"]["rows_read"] == 2


def test_sync_survives_injected_faults(emulator, client, conn):
    seed_records(emulator.state, "Contact", synthetic_contacts(3000))
    emulator.set_faults({"rate": 0.3, "kinds": ["429", "503", "INVALID_SESSION_ID", "drop"], "seed": 5})
    sync_objects(client, conn, ["Contact"], backoff_base=0.001)
    sync_objects(client, conn, ["Lead"], bulk_threshold=1, backoff_base=0.001)
    emulator.set_faults(None)
    assert conn.execute("SELECT count(DISTINCT Id) FROM raw.sf_contact").fetchone()[0] == 3003
    assert conn.execute("SELECT count(*) FROM raw.sf_lead").fetchone()[0] == 2


def test_bulk_calls_reauthenticate_once_after_session_expiry(emulator, client):
    from simple_salesforce.bulk2 import Operation

    from autoresponder.systems.salesforce import SalesforceCaller

    caller = SalesforceCaller(client, backoff_base=0.001)
    emulator.expire_sessions()
    job = caller.call("bulk_create_job", lambda: client.bulk2.Contact._client.create_job(
        Operation.query, "SELECT Id FROM Contact"))
    assert job["id"].startswith("750")
    assert caller.reauthentications == 1 and caller.counts == {"bulk_create_job": 2, "login": 1}


def test_opportunities_and_contact_roles_sync_like_other_objects(emulator, client, conn):
    # a CSV-export run left the empty table dbt's on-run-start creates (macros/salesforce.sql)
    conn.execute("CREATE SCHEMA raw")
    conn.execute('CREATE TABLE raw.sf_opportunity ("Id" VARCHAR, "AccountId" VARCHAR, "Name" VARCHAR, '
                 '"StageName" VARCHAR, "CloseDate" DATE, "IsClosed" BOOLEAN, "LastModifiedDate" TIMESTAMP)')
    sync_objects(client, conn, ["Opportunity", "OpportunityContactRole"])
    assert conn.execute('SELECT "Id", "IsClosed", "CloseDate"::VARCHAR FROM raw.sf_opportunity ORDER BY "Id"').fetchall() == [
        ("006000000000001AAA", False, "2026-12-31"), ("006000000000002AAA", True, "2024-03-31"),
        ("006000000000003AAA", False, "2027-01-31")]
    assert _types(conn, "raw.sf_opportunity")["Amount"] == "DOUBLE"
    assert conn.execute('SELECT "OpportunityId", "ContactId", "IsPrimary" FROM raw.sf_opportunitycontactrole').fetchall() \
        == [("006000000000001AAA", "003000000000001AAA", True)]
    emulator.state.update("Opportunity", "006000000000001AAA", {"StageName": "Closed Lost"})
    stats = sync_objects(client, conn, ["Opportunity"])
    assert stats["objects"]["Opportunity"]["incremental"]
    assert conn.execute("SELECT \"IsClosed\" FROM raw.sf_opportunity WHERE \"Id\" = '006000000000001AAA'").fetchone() \
        == (True,)
