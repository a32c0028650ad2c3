"""Incremental contact snapshots through the search API (never one lookup per email)."""

from __future__ import annotations

from autoresponder.emulators.hubspot import seed_synthetic, start_emulator
from autoresponder.systems.hubspot import land_contacts
from autoresponder.systems.hubspot.sync import deal_map, snapshot_watermark

from .conftest import Portal


def test_first_sync_lands_every_contact_with_the_staging_columns(portal, db):
    out = land_contacts(portal.caller(), db)
    assert out["rows_read"] == 250 and out["full"]
    row = db.execute("select id, email, firstname, lastname, company, jobtitle, lifecyclestage, hs_lead_status,"
                     " lastmodifieddate, company_ids, deal_ids from raw.hubspot_contacts where id = ?",
                     [portal.ids[0]]).fetchall()[0]
    assert row[1:8] == ("person0@company0.example.com", "First0", "Last0", "Company 0", "Portfolio Manager", "lead",
                        "OPEN")
    assert row[8] is not None and len(row[9]) == 1 and len(row[10]) == 1
    counts = portal.emu.request_counts()
    assert counts["POST /crm/v3/objects/contacts/search"] == 3  # 100 a page
    assert counts["POST /crm/v4/associations/contacts/deals/batch/read"] == 1
    assert len(deal_map(db)) == 84  # every third contact has one deal


def test_second_sync_reads_only_contacts_changed_since_the_watermark(portal, db):
    caller = portal.caller()
    land_contacts(caller, db)
    first = snapshot_watermark(db)
    for rid in portal.ids[10:13]:
        portal.emu.portal.update("contacts", rid, {"jobtitle": "Chief Investment Officer"})
    portal.emu.reset()
    out = land_contacts(caller, db)
    assert 3 <= out["rows_read"] <= 4  # the three changed, plus the boundary row read again (GTE)
    assert portal.emu.request_counts()["POST /crm/v3/objects/contacts/search"] == 1
    assert snapshot_watermark(db) > first
    titles = db.execute("select count(*) from raw.hubspot_contacts where jobtitle = 'Chief Investment Officer'"
                        ).fetchall()[0][0]
    assert titles == 3 and db.execute("select count(*) from raw.hubspot_contacts").fetchall()[0][0] == 250


def test_sync_past_the_search_result_ceiling_restarts_from_the_last_date_seen(db):
    with start_emulator(search_cap=150) as emu:
        ids = seed_synthetic(emu.portal, 350, deal_every=0, companies=5)
        portal = Portal(emu, ids)
        out = land_contacts(portal.caller(), db, max_results=150)
        assert out["rows_read"] == 350
        assert db.execute("select count(distinct id) from raw.hubspot_contacts").fetchall()[0][0] == 350
        assert emu.portal.faults_injected == {}


def test_sync_inside_the_callers_transaction_leaves_the_commit_to_it(portal, db):
    db.execute("begin")
    land_contacts(portal.caller(), db)
    db.execute("rollback")
    assert db.execute("select count(*) from information_schema.tables where table_name = 'hubspot_contacts'"
                      ).fetchall()[0][0] == 0
    land_contacts(portal.caller(), db)  # and outside one, it commits itself
    assert db.execute("select count(*) from raw.hubspot_contacts").fetchall()[0][0] == 250
