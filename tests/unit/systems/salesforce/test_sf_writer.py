"""SalesforceWriter against the emulator: re-read, skip rules, collections, retries, Tasks."""

from __future__ import annotations

import pytest

from autoresponder.emulators.salesforce import seed_records, synthetic_contacts
from autoresponder.errors import ConnectionFailed
from autoresponder.models import PlannedWrite
from autoresponder.systems.salesforce import SalesforceWriter, connect


def _write(obj, rid, action, payload, prior, key, reason=None):
    return PlannedWrite("run-1", f"<{key}@mail>", "salesforce", obj, rid, action, payload, prior, key,
                        determination="INACTIVE" if action == "mark_inactive" else "EMAIL_UPDATE", reason=reason)


def _inactive(rid="003000000000001AAA", key="k1"):
    return _write("Contact", rid, "mark_inactive", {"Contact_Status__c": "Inactive"}, {"Contact_Status__c": "Active"},
                  key, "left")


@pytest.fixture
def writer(emulator):
    sf = connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                 security_token=emulator.security_token)
    return SalesforceWriter(sf, backoff_base=0.001, backoff_max=0.01)


def test_mark_inactive_patches_through_collections(emulator, writer):
    [out] = writer.apply([_inactive()])
    assert (out.status, out.remote_id, out.idempotency_key) == ("succeeded", "003000000000001AAA", "k1")
    assert emulator.state.get("Contact", "003000000000001AAA")["Contact_Status__c"] == "Inactive"
    assert writer.request_counts == {"composite_get": 1, "composite_patch": 1, "composite_post": 1}


def test_record_already_in_target_state_is_skipped_noop(emulator, writer):
    [out] = writer.apply([_inactive("003000000000002AAA")])
    assert out.status == "skipped_noop" and out.observed == {"Contact_Status__c": "Inactive"}
    assert "composite_patch" not in writer.request_counts


def test_record_changed_since_snapshot_is_skipped_conflict(emulator, writer):
    w = _write("Contact", "003000000000003AAA", "update_title", {"Title": "CIO"}, {"Title": "Analyst"}, "k3")
    [out] = writer.apply([w])
    assert out.status == "skipped_conflict"
    assert "Title" in out.message and "'Analyst'" in out.message and "'Director'" in out.message
    assert emulator.state.get("Contact", "003000000000003AAA")["Title"] == "Director"


def test_email_noop_compares_case_insensitively(writer):
    w = _write("Contact", "003000000000001AAA", "update_email", {"Email": " ANN.LEE@acme.example "},
               {"Email": "ann.lee@acme.example"}, "k4")
    assert writer.apply([w])[0].status == "skipped_noop"


def test_collection_errors_are_terminal_with_salesforce_message(emulator, writer):
    bad = _write("Lead", "00Q000000000001AAA", "update_email", {"Email": "not-an-email"},
                 {"Email": "dan.moe@prospect.example"}, "k5")
    good = _write("Lead", "00Q000000000001AAA", "mark_inactive", {"Status": "Inactive"},
                  {"Status": "Open - Not Contacted"}, "k6", "retired")
    out = {o.idempotency_key: o for o in writer.apply([bad, good])}
    assert out["k5"].status == "failed_terminal"
    assert out["k5"].message == "INVALID_EMAIL_ADDRESS: Email: invalid email address: not-an-email (fields: Email)"
    assert out["k6"].status == "succeeded"
    assert emulator.state.get("Lead", "00Q000000000001AAA")["Status"] == "Inactive"


def test_missing_record_is_terminal(writer):
    [out] = writer.apply([_inactive("003000000000099AAA")])
    assert out.status == "failed_terminal" and "NOT_FOUND" in out.message


def test_writes_are_chunked_at_200_records(emulator, writer):
    seed_records(emulator.state, "Contact", synthetic_contacts(450))
    ids = [r["Id"] for r in emulator.state.query("SELECT Id FROM Contact WHERE Email LIKE 'person%'")]
    writer.create_tasks = False
    outs = writer.apply([_inactive(rid, f"k{i}") for i, rid in enumerate(ids)])
    assert {o.status for o in outs} == {"succeeded"} and len(outs) == 450
    assert writer.request_counts == {"composite_get": 3, "composite_patch": 3}
    assert emulator.request_counts()["composite_patch"] == 3


def test_one_curated_task_per_written_record(emulator, writer):
    w2 = _write("Contact", "003000000000001AAA", "update_title", {"Title": "Head"}, {"Title": "Analyst"}, "k2")
    outs = writer.apply([_inactive(), w2])
    assert [o.status for o in outs] == ["succeeded", "succeeded"]
    tasks = emulator.state.query("SELECT WhoId, Subject, Description, Status FROM Task")
    assert len(tasks) == 1
    assert tasks[0]["Subject"] == "AutoResponder: marked inactive (left); title updated"
    assert tasks[0]["WhoId"] == "003000000000001AAA" and tasks[0]["Status"] == "Completed"
    assert outs[0].observed["task_id"].startswith("00T")


def test_create_finds_account_by_name_then_creates_contact(emulator, writer):
    acct = _write("Account", None, "create", {"Name": "Acme Capital"}, {}, "a1")
    new = _write("Contact", None, "create", {"FirstName": "Zed", "LastName": "Zo", "Email": "zed@newco.example",
                                             "AccountName": "NewCo"}, {}, "c1")
    out = {o.idempotency_key: o for o in writer.apply([acct, new])}
    assert out["a1"].status == "skipped_noop" and out["a1"].remote_id == "001000000000001AAA"
    assert out["c1"].status == "succeeded"
    rec = emulator.state.get("Contact", out["c1"].remote_id)
    account = emulator.state.get("Account", rec["AccountId"])
    assert account["Name"] == "NewCo" and rec["Contact_Status__c"] == "Active"
    again = writer.apply([new])[0]
    assert again.status == "skipped_noop" and again.remote_id == out["c1"].remote_id


@pytest.mark.parametrize("kind", ["429", "503", "500", "REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW",
                                  "INVALID_SESSION_ID", "drop"])
def test_each_fault_kind_is_retried_to_success(emulator, writer, kind):
    emulator.set_faults({"rate": 0.5, "kinds": [kind], "seed": 7})
    outs = writer.apply([_inactive("003000000000001AAA", "k1"), _write(
        "Lead", "00Q000000000001AAA", "mark_inactive", {"Status": "Inactive"}, {"Status": "Open - Not Contacted"},
        "k2", "left")])
    assert [o.status for o in outs] == ["succeeded", "succeeded"], [o.message for o in outs]
    assert sum(emulator.faults_injected().values()) >= 1
    emulator.set_faults(None)
    assert emulator.state.applied_writes[("Contact", "003000000000001AAA")] == 1
    assert len(emulator.state.query("SELECT Id FROM Task")) == 2


def test_expired_session_triggers_one_reauthentication(emulator, writer):
    emulator.expire_sessions()
    [out] = writer.apply([_inactive()])
    assert out.status == "succeeded"
    assert emulator.request_counts()["login"] == 2


def test_exhausted_retries_are_failed_retriable(emulator, writer):
    emulator.set_faults({"rate": 1.0, "kinds": ["503"], "seed": 1})
    [out] = writer.apply([_inactive()])
    assert out.status == "failed_retriable" and "SERVER_UNAVAILABLE" in out.message


def test_token_only_client_cannot_reauthenticate(emulator):
    sf = connect(session=emulator.session(), instance_url=emulator.instance_url, access_token=emulator.access_token)
    emulator.expire_sessions()
    with pytest.raises(ConnectionFailed, match="INVALID_SESSION_ID") as stop:
        SalesforceWriter(sf, backoff_base=0.001).apply([_inactive()])
    assert stop.value.system == "salesforce" and stop.value.outcomes == []
