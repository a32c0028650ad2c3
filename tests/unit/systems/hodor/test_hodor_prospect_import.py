import csv

from autoresponder.act.idempotency import idempotency_key
from autoresponder.models import PlannedWrite
from autoresponder.systems.hodor import TEMPLATE_COLUMNS, HodorProspectImport

PROSPECTS = {
    "P1": {"prospect_id": "P1", "first_name": "Ada", "last_name": "Lovelace", "email": "ada@acme.com",
           "phone": "+1 555 0100", "company": "Acme", "title": "Analyst", "status": "Active"},
}  # fmt: skip


def hw(action, payload, prior, record_id="P1", message_id="m1"):
    return PlannedWrite(
        run_id="r1", message_id=message_id, system="hodor", object="prospect", record_id=record_id, action=action,
        payload=payload, prior=prior, idempotency_key=idempotency_key("hodor", "prospect", record_id, action, payload, message_id),
        determination="INACTIVE", reason="left",
    )  # fmt: skip


def test_mark_inactive_becomes_an_update_row_with_identity_fields_from_the_snapshot():
    writer = HodorProspectImport(PROSPECTS)
    [o] = writer.apply([hw("mark_inactive", {"status": "Inactive"}, {"status": "Active"})])
    assert o.status == "queued"
    [row] = writer.rows()
    assert row["Action"] == "Update" and row["Prospect ID"] == "P1"
    assert (row["Last Name"], row["Email"], row["Phone"], row["Status"]) == (
        "Lovelace",
        "ada@acme.com",
        "+1 555 0100",
        "Inactive",
    )
    assert row["Source"] == "AutoResponder" and row["Source Reference"] == "m1"


def test_template_column_names_in_payload_are_accepted():
    writer = HodorProspectImport(PROSPECTS)
    writer.apply([hw("update_title", {"Title": "Director"}, {"Title": "Analyst"})])
    assert writer.rows()[0]["Title"] == "Director"


def test_email_change_keeps_previous_email_for_de_duplication():
    writer = HodorProspectImport(PROSPECTS)
    writer.apply([hw("update_email", {"email": "ada@new.com"}, {"email": "ada@acme.com"})])
    row = writer.rows()[0]
    assert (row["Email"], row["Previous Email"]) == ("ada@new.com", "ada@acme.com")


def test_mark_inactive_with_empty_payload_still_sets_status_inactive():
    writer = HodorProspectImport(PROSPECTS)
    writer.apply([hw("mark_inactive", {}, {})])
    assert writer.rows()[0]["Status"] == "Inactive"


def test_verification_rows_state_the_expected_value_after_import():
    writer = HodorProspectImport(PROSPECTS)
    writer.apply([hw("mark_inactive", {"status": "Inactive"}, {"status": "Active"})])
    assert writer.verification_rows() == [
        {"prospect_id": "P1", "action": "mark_inactive", "field": "status", "previous_value": "Active",
         "expected_value": "Inactive", "message_id": "m1", "idempotency_key": writer.verification_rows()[0]["idempotency_key"]},
    ]  # fmt: skip


def test_write_produces_the_fixed_template_with_neutralised_cells(tmp_path):
    writer = HodorProspectImport({"P2": {"last_name": "=cmd()", "email": "x@y.com"}})
    writer.apply([hw("mark_inactive", {"status": "Inactive"}, {"status": "Active"}, record_id="P2")])
    path = writer.write(tmp_path / "hodor_pending_actions.csv")
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == TEMPLATE_COLUMNS
    assert rows[0]["Last Name"] == "'=cmd()"


def test_unsupported_action_is_failed_terminal_and_adds_no_row():
    writer = HodorProspectImport(PROSPECTS)
    [o] = writer.apply([hw("create", {"email": "a@b.com"}, {})])
    assert o.status == "failed_terminal"
    assert writer.rows() == []


def test_from_warehouse_reads_raw_hodor_prospects_or_starts_empty():
    import duckdb

    con = duckdb.connect()
    assert HodorProspectImport.from_warehouse(con).rows() == []
    con.execute("create schema raw")
    con.execute(
        "create table raw.hodor_prospects as select 'P9' as prospect_id, 'Bo' as last_name, 'b@x.com' as email"
    )
    writer = HodorProspectImport.from_warehouse(con)
    writer.apply([hw("mark_inactive", {"status": "Inactive"}, {}, record_id="P9")])
    assert writer.rows()[0]["Last Name"] == "Bo"


def test_null_payload_fields_mean_unchanged():
    writer = HodorProspectImport(PROSPECTS)
    writer.apply(
        [hw("update_title", {"email": None, "title": "Director"}, {"email": "ada@acme.com", "title": None})]
    )
    row = writer.rows()[0]
    assert (row["Email"], row["Title"]) == ("ada@acme.com", "Director")
    assert [v["field"] for v in writer.verification_rows()] == ["title"]
