"""The rest of the CRM connectors seed on Salesforce, against the emulator over HTTPS: hard bounces
recorded (and rolled back), minimal Leads (idempotent, deleted by rollback), Task WhatId = the
mapped Opportunity, all through the executor's write log like every other write."""

from __future__ import annotations

import dataclasses

import pytest

from autoresponder.act import write_log
from autoresponder.act.executor import execute
from autoresponder.act.rollback import rollback, rollback_plan_rows
from autoresponder.systems.salesforce import SalesforceWriter, connect

ANN, BOB, LEAD = "003000000000001AAA", "003000000000002AAA", "00Q000000000001AAA"
ACME_DEAL = "006000000000001AAA"
BOUNCE = {"EmailBouncedDate": "2026-11-16T09:00:06.000+0000",
          "EmailBouncedReason": "550 5.1.1 <ann.lee@acme.example>: Recipient address rejected: User unknown"}


@pytest.fixture
def writer(emulator) -> SalesforceWriter:
    sf = connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                 security_token=emulator.security_token)
    return SalesforceWriter(sf, backoff_base=0.001, backoff_max=0.01, max_attempts=2)


def _tasks(emulator, who: str) -> list[dict]:
    return emulator.state.query(f"SELECT Id, WhatId, Subject, Description FROM Task WHERE WhoId = '{who}'")


def _bounce(mk, rid=ANN, obj="Contact", message_id="m-bounce"):
    w = mk("salesforce", obj, rid, "record_bounce", BOUNCE, {}, message_id=message_id)
    return dataclasses.replace(w, determination="BOUNCE", reason="hard")


def test_hard_bounce_is_recorded_on_the_contact_and_deactivates_nothing(wh, mk, emulator, writer):
    report = execute(wh, [_bounce(mk), _bounce(mk, LEAD, "Lead")], {"salesforce": writer}, mode="apply",
                     run_id="r1")
    assert report.counts == {"salesforce": {"succeeded": 2}}
    ann = emulator.state.get("Contact", ANN)
    assert (ann["EmailBouncedDate"], ann["EmailBouncedReason"]) == tuple(BOUNCE.values())
    assert ann["Contact_Status__c"] == "Active"  # a fact, not a deactivation
    assert emulator.state.get("Lead", LEAD)["EmailBouncedReason"] == BOUNCE["EmailBouncedReason"]
    [task] = _tasks(emulator, ANN)
    assert task["Subject"] == "AutoResponder: hard bounce recorded"
    # a re-run writes nothing new
    emulator.reset()
    again = execute(wh, [_bounce(mk), _bounce(mk, LEAD, "Lead")], {"salesforce": writer}, mode="apply", run_id="r2")
    assert again.counts == {"salesforce": {"already_done": 2}} and emulator.request_counts() == {}


def test_rollback_of_a_recorded_bounce_clears_the_fields_again(wh, mk, emulator, writer):
    emulator.state.update("Lead", LEAD, {"EmailBouncedReason": "older bounce"})
    execute(wh, [_bounce(mk), _bounce(mk, LEAD, "Lead")], {"salesforce": writer}, mode="apply", run_id="r1")
    plan = {r["record_id"]: r for r in rollback_plan_rows(wh, "r1")}
    assert plan[ANN]["restore_kind"] == plan[LEAD]["restore_kind"] == "automatic"
    result = rollback(wh, "r1", {"salesforce": writer})
    assert sorted(x["record_id"] for x in result["restored"]) == [ANN, LEAD] and result["failed"] == []
    ann, lead = emulator.state.get("Contact", ANN), emulator.state.get("Lead", LEAD)
    assert (ann["EmailBouncedDate"], ann["EmailBouncedReason"]) == (None, None)
    assert (lead["EmailBouncedDate"], lead["EmailBouncedReason"]) == (None, "older bounce")


def test_task_whatid_is_the_mapped_opportunity_and_whoid_the_contact(wh, mk, emulator, writer):
    w = dataclasses.replace(mk("salesforce", "Contact", ANN, "update_title", {"Title": "CIO"}, {"Title": "Analyst"}),
                            opportunity_id=ACME_DEAL)
    lead = dataclasses.replace(mk("salesforce", "Lead", LEAD, "update_title", {"Title": "CIO"},
                                  {"Title": "VP Research"}), opportunity_id=ACME_DEAL)
    report = execute(wh, [w, lead], {"salesforce": writer}, mode="apply", run_id="r1")
    assert report.counts == {"salesforce": {"succeeded": 2}}
    [task] = _tasks(emulator, ANN)
    assert task["WhatId"] == ACME_DEAL
    [lead_task] = _tasks(emulator, LEAD)
    assert lead_task["WhatId"] is None  # Salesforce allows no WhatId beside a Lead


def _lead_create(mk, email="mo.diaz@quarry.example", **payload):
    body = {"Company": "quarry.example", "Email": email, "FirstName": "Mo", "LastName": "Diaz", "Title": "CFO",
            **payload}
    w = mk("salesforce", "Lead", None, "create", {k: v for k, v in body.items() if v is not None},
           message_id="m-repl")
    return dataclasses.replace(w, determination="REPLACEMENT", reason="left")


def test_minimal_lead_is_created_once_with_its_task_and_rollback_deletes_it(wh, mk, emulator, writer):
    w = _lead_create(mk)
    report = execute(wh, [w], {"salesforce": writer}, mode="apply", run_id="r1")
    [(_, out)] = report.results()
    assert out.status == "succeeded" and out.remote_id.startswith("00Q")
    lead = emulator.state.get("Lead", out.remote_id)
    assert (lead["LastName"], lead["Company"], lead["Status"]) == ("Diaz", "quarry.example", "Open - Not Contacted")
    [task] = _tasks(emulator, out.remote_id)
    assert task["Subject"] == "AutoResponder: created from a replacement reply"
    # idempotent through the write log, and through the org when the log is lost
    assert execute(wh, [w], {"salesforce": writer}, mode="apply", run_id="r2").counts == \
        {"salesforce": {"already_done": 1}}
    assert writer.apply([w])[0].status == "skipped_noop"
    # rollback deletes the Lead it created, once
    result = rollback(wh, "r1", {"salesforce": writer})
    assert [(x["record_id"], x["status"]) for x in result["restored"]] == [(out.remote_id, "succeeded")], result
    assert emulator.state.query(f"SELECT Id FROM Lead WHERE Id = '{out.remote_id}'") == []
    assert rollback(wh, "r1", {"salesforce": writer})["counts"] == {"salesforce": {"already_done": 1}}


def test_lead_without_required_fields_gets_the_fallbacks(wh, mk, emulator, writer):
    w = _lead_create(mk, email="pat@quarry.example", Company=None, LastName=None, FirstName=None)
    [out] = writer.apply([w])
    assert out.status == "succeeded"
    lead = emulator.state.get("Lead", out.remote_id)
    assert (lead["LastName"], lead["Company"]) == ("pat", "quarry.example")


def test_lead_refused_by_salesforce_is_terminal_with_its_message(emulator, mk, writer):
    w = _lead_create(mk, email="x@quarry.example", Title="T" * 200)  # Title is 128 characters
    [out] = writer.apply([w])
    assert out.status == "failed_terminal" and out.message.startswith("STRING_TOO_LONG: Title")
    assert emulator.state.query("SELECT Id FROM Lead WHERE Email = 'x@quarry.example'") == []


def test_a_kill_after_the_lead_post_heals_to_one_lead_with_its_task(wh, mk, emulator, writer):
    w = _lead_create(mk)
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    # the POST created the Lead, then the process was killed before its Task and the log update
    rid = emulator.state.create("Lead", {"LastName": "Diaz", "Company": "quarry.example", "Email": "mo.diaz@quarry.example"})
    execute(wh, [], {"salesforce": writer}, mode="apply", run_id="r1", resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    assert (row["status"], row["remote_id"]) == ("succeeded", rid)
    assert "created by the interrupted run" in row["remote_message"]
    assert len(_tasks(emulator, rid)) == 1
    assert len(emulator.state.query("SELECT Id FROM Lead WHERE Email = 'mo.diaz@quarry.example'")) == 1
