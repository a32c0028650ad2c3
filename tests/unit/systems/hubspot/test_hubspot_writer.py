"""The HubSpot writer against the emulator over HTTP: batches, Tasks, roll-up Notes, faults, tokens."""

from __future__ import annotations

import math
import time
from dataclasses import replace

import pytest

from autoresponder.act.idempotency import idempotency_key
from autoresponder.models import PlannedWrite
from autoresponder.systems.hubspot import HubSpotWriter, bounce_payload
from autoresponder.systems.hubspot.associations import AssociationTypes
from autoresponder.systems.hubspot.engagements import TASK_MARKER
from autoresponder.systems.hubspot.rollups import MemoryRollups

from .conftest import title_write


def _writer(portal, caller=None, **kw):
    return HubSpotWriter(caller or portal.caller(), rollups=kw.pop("rollups", MemoryRollups()), **kw)


@pytest.mark.parametrize("n", [1, 100, 250], ids=["one", "exactly-a-batch", "three-batches"])
def test_n_writes_take_ceil_n_over_100_batch_update_calls(portal, n):
    writes = [title_write(portal, rid) for rid in portal.ids[:n]]
    outcomes = _writer(portal).apply(writes)
    assert {o.status for o in outcomes} == {"succeeded"}
    counts = portal.emu.request_counts()
    assert counts["POST /crm/v3/objects/contacts/batch/update"] == math.ceil(n / 100)
    assert counts["POST /crm/v3/objects/tasks/batch/create"] == math.ceil(n / 100)
    assert "PATCH /crm/v3/objects/contacts/{id}" not in counts
    assert all(portal.contact(rid)["jobtitle"] == "CIO" for rid in portal.ids[:n])


def test_each_write_gets_a_curated_task_on_the_contact_and_its_deal(portal):
    deal_id = next(iter(portal.emu.portal.associated("contacts", portal.ids[0], "deals")))
    deals = {portal.ids[0]: deal_id}
    writes = [title_write(portal, portal.ids[0]), title_write(portal, portal.ids[1])]
    outcomes = _writer(portal, deals=deals).apply(writes)
    tasks = portal.objects("tasks")
    assert len(tasks) == 2
    first = next(t for t in tasks if writes[0].idempotency_key in t["properties"]["hs_task_body"])
    assert first["properties"]["hs_task_subject"] == "AutoResponder: title updated"
    assert f"{TASK_MARKER} {writes[0].idempotency_key}" in first["properties"]["hs_task_body"]
    assert "'Portfolio Manager' -> 'CIO'" in first["properties"]["hs_task_body"]
    assert portal.emu.portal.associated("tasks", first["id"], "contacts") == {portal.ids[0]: {204}}
    assert portal.emu.portal.associated("tasks", first["id"], "deals") == {deal_id: {216}}
    second = next(t for t in tasks if t is not first)
    assert portal.emu.portal.associated("tasks", second["id"], "deals") == {}
    assert outcomes[0].observed["task_id"] == first["id"] and outcomes[0].observed["deal_id"] == deal_id


def test_weekly_rollup_is_one_note_per_contact_per_week_and_rerun_adds_nothing(portal):
    rollups = MemoryRollups()
    rid = portal.ids[3]
    w1 = title_write(portal, rid, "CIO", run_id="r1")
    _writer(portal, rollups=rollups).apply([w1])
    w2 = title_write(portal, rid, "CEO", run_id="r2", message_id="<later@example.com>")
    _writer(portal, rollups=rollups).apply([w2])
    _writer(portal, rollups=rollups).apply([w2])  # the same write again: the note keeps one line for it
    notes = portal.objects("notes")
    assert len(notes) == 1
    body = notes[0]["properties"]["hs_note_body"]
    assert body.startswith("AutoResponder weekly roll-up, week ")
    assert body.count("\n- ") == 2 and "'CIO' -> 'CEO'" in body
    assert portal.emu.portal.associated("notes", notes[0]["id"], "contacts") == {rid: {202}}


def test_rollup_without_a_store_finds_the_weeks_note_by_search(portal):
    rid = portal.ids[4]
    _writer(portal, rollups=None).apply([title_write(portal, rid, "CIO")])
    w2 = title_write(portal, rid, "CEO", message_id="<b@example.com>")
    _writer(portal, rollups=None).apply([w2])
    assert len(portal.objects("notes")) == 1
    assert portal.emu.request_counts()["POST /crm/v3/objects/notes/search"] == 2


def test_association_type_ids_are_cached_until_the_ttl_passes(portal):
    now = [0.0]
    types = AssociationTypes(ttl_s=60, clock=lambda: now[0])
    caller = portal.caller()
    _writer(portal, caller, assoc_types=types).apply([title_write(portal, portal.ids[0])])
    _writer(portal, caller, assoc_types=types).apply([title_write(portal, portal.ids[1])])
    assert portal.emu.request_counts()["GET /crm/v4/associations/tasks/contacts/labels"] == 1
    now[0] = 61
    _writer(portal, caller, assoc_types=types).apply([title_write(portal, portal.ids[2])])
    assert portal.emu.request_counts()["GET /crm/v4/associations/tasks/contacts/labels"] == 2


def test_429_is_retried_waiting_what_retry_after_says(portal):
    portal.emu.set_faults({"retry_after": 7, "script": [
        {"path": "/crm/v3/objects/contacts/batch/update", "status": 429, "times": 2}]})
    caller = portal.caller()
    waits = []
    caller.sleep = waits.append
    outcomes = _writer(portal, caller).apply([title_write(portal, portal.ids[0])])
    assert outcomes[0].status == "succeeded" and outcomes[0].attempts == 3
    assert waits == [7.0, 7.0]
    assert portal.contact(portal.ids[0])["jobtitle"] == "CIO"


@pytest.mark.parametrize("status", [500, 502, 503], ids=["500", "502", "503"])
def test_5xx_is_retried_with_backoff(portal, status):
    portal.emu.set_faults({"script": [{"path": "/crm/v3/objects/tasks/batch/create", "status": status, "times": 1}]})
    caller = portal.caller()
    outcomes = _writer(portal, caller).apply([title_write(portal, portal.ids[0])])
    assert outcomes[0].status == "succeeded" and "task_id" in outcomes[0].observed
    assert caller.retries["tasks_batch_create"] == 1 and len(portal.objects("tasks")) == 1


def test_retries_exhausted_leave_the_write_retriable(portal):
    portal.emu.set_faults({"script": [{"path": "/crm/v3/objects/contacts/batch/update", "status": 503, "times": 9}]})
    outcomes = _writer(portal, portal.caller(max_attempts=3)).apply([title_write(portal, portal.ids[0])])
    assert outcomes[0].status == "failed_retriable" and "SERVICE_UNAVAILABLE" in outcomes[0].message


def test_400_fails_only_the_refused_record_with_hubspots_message(portal):
    writes = [title_write(portal, rid) for rid in portal.ids[:5]]
    bad = title_write(portal, portal.ids[5], "not-a-stage", action="update_lifecyclestage", prop="lifecyclestage")
    outcomes = _writer(portal).apply([*writes, bad])
    assert [o.status for o in outcomes] == ["succeeded"] * 5 + ["failed_terminal"]
    assert "VALIDATION_ERROR" in outcomes[-1].message and "not-a-stage was not one of the allowed options" in \
        outcomes[-1].message and "correlationId" in outcomes[-1].message
    assert portal.contact(portal.ids[5])["lifecyclestage"] == "lead"


def test_unknown_contact_is_terminal_object_not_found(portal):
    w = replace(title_write(portal, portal.ids[0]), record_id="999999")
    assert _writer(portal).apply([w])[0].status == "failed_terminal"


def test_401_refreshes_the_token_once_then_succeeds(portal):
    portal.emu.expire_tokens()
    caller = portal.caller()
    old = caller.connection.tokens.access_token
    outcomes = _writer(portal, caller).apply([title_write(portal, portal.ids[0])])
    assert outcomes[0].status == "succeeded"
    assert caller.refreshes == 1 and caller.connection.tokens.access_token != old
    assert portal.emu.request_counts()["POST /oauth/v1/token"] == 1
    assert caller.connection.state.status == "ok" and caller.connection.state.last_success_at


@pytest.mark.parametrize("status,category", [(401, "EXPIRED_AUTHENTICATION"), (403, "MISSING_SCOPES")],
                         ids=["401", "403"])
def test_refusal_that_persists_after_refresh_marks_the_connection_error_and_stops(portal, status, category):
    portal.emu.set_faults({"script": [{"path": "/crm/", "status": status, "times": 2}]})
    caller = portal.caller()
    writes = [title_write(portal, rid) for rid in portal.ids[:3]]
    writer = _writer(portal, caller)
    outcomes = writer.apply(writes)
    assert {o.status for o in outcomes} == {"failed_retriable"}
    assert "HubSpot connection in error" in outcomes[0].message and category in outcomes[0].message
    assert caller.connection.state.status == "error" and category in caller.connection.state.last_error
    before = portal.emu.request_counts()
    again = _writer(portal, caller).apply(writes)  # the run stops writing to it: nothing is sent
    assert {o.status for o in again} == {"failed_retriable"} and portal.emu.request_counts() == before


def test_revoked_refresh_token_gives_an_actionable_connection_error(portal):
    portal.emu.expire_tokens()
    portal.emu.portal.refresh_tokens.clear()
    caller = portal.caller()
    outcomes = _writer(portal, caller).apply([title_write(portal, portal.ids[0])])
    assert outcomes[0].status == "failed_retriable"
    assert "BAD_REFRESH_TOKEN" in caller.connection.state.last_error
    assert "re-authorize" in outcomes[0].message


def test_contact_changed_since_the_snapshot_is_a_conflict_not_overwritten(portal):
    w = title_write(portal, portal.ids[0])
    snapshot_ms = portal.emu.portal.now_ms()
    portal.emu.portal.update("contacts", portal.ids[0], {"jobtitle": "Head of Research"})  # a human edit
    outcomes = _writer(portal, changed_since_ms=snapshot_ms).apply([w])
    assert outcomes[0].status == "skipped_conflict" and "Head of Research" in outcomes[0].message
    assert portal.contact(portal.ids[0])["jobtitle"] == "Head of Research" and not portal.objects("tasks")
    assert portal.emu.request_counts()["POST /crm/v3/objects/contacts/search"] == 1


def test_hard_bounce_lands_in_hubspots_bounce_properties(portal):
    rid = portal.ids[7]
    payload = bounce_payload("5.1.1", "smtp; 550 5.1.1 <x@company7.example.com>: user unknown")
    w = replace(title_write(portal, rid, action="record_bounce"), payload=payload, prior={})
    assert _writer(portal).apply([w])[0].status == "succeeded"
    assert portal.contact(rid)["hs_email_hard_bounce_reason_enum"] == "UNKNOWN_USER"
    assert portal.contact(rid)["hs_email_hard_bounce_reason"].startswith("5.1.1 smtp; 550")
    assert portal.contact(rid)["hs_lead_status"] == "OPEN"  # factual: deactivates nothing


def test_heal_finds_a_write_whose_value_and_task_landed(portal):
    w = title_write(portal, portal.ids[0])
    _writer(portal).apply([w])
    healed = _writer(portal).heal([w, title_write(portal, portal.ids[1])])
    assert healed[0].status == "succeeded" and healed[0].observed["task_id"] and healed[1] is None


def test_heal_creates_the_task_of_a_write_interrupted_between_its_update_and_its_task(portal):
    w = title_write(portal, portal.ids[0])
    _writer(portal, create_tasks=False, weekly_rollup=False).apply([w])  # the run stopped before the Task
    assert not portal.objects("tasks")
    healed = _writer(portal).heal([w])
    assert healed[0].status == "succeeded" and healed[0].observed["task_id"]
    again = _writer(portal).heal([w])  # found by its key, not created twice
    assert again[0].observed["task_id"] == healed[0].observed["task_id"] and len(portal.objects("tasks")) == 1


def test_tasks_of_a_batch_cut_off_mid_answer_are_found_not_created_twice(portal):
    portal.emu.set_faults({"script": [{"path": "/crm/v3/objects/tasks/batch/create", "status": "drop", "times": 1}]})
    writes = [title_write(portal, rid) for rid in portal.ids[:3]]
    outcomes = _writer(portal).apply(writes)
    assert [o.status for o in outcomes] == ["succeeded"] * 3 and all(o.observed["task_id"] for o in outcomes)
    assert len(portal.objects("tasks")) == 3
    counts = portal.emu.request_counts()
    assert counts["POST /crm/v3/objects/tasks/batch/create"] == 1 and counts["POST /crm/v3/objects/tasks/search"] == 1


def test_a_token_about_to_expire_is_refreshed_before_use_not_after_a_401(portal):
    portal.emu.expire_tokens()
    caller = portal.caller()
    caller.connection.tokens.expires_at = time.time() + 5  # the token file says: expires in 5 s
    outcomes = _writer(portal, caller).apply([title_write(portal, portal.ids[0])])
    assert outcomes[0].status == "succeeded" and caller.refreshes == 1
    assert portal.emu.request_counts()["POST /crm/v3/objects/contacts/batch/read"] == 1  # no 401 round trip


def test_under_random_429_5xx_and_cut_connections_every_write_lands_once(portal):
    portal.emu.set_faults({"rate": 0.3, "kinds": ["429", "500", "503", "drop"], "seed": 7, "retry_after": 0})
    writes = [title_write(portal, rid) for rid in portal.ids[:250]]
    caller = portal.caller(max_attempts=10)
    outcomes = _writer(portal, caller).apply(writes)
    assert {o.status for o in outcomes} == {"succeeded"}
    assert all(portal.contact(rid)["jobtitle"] == "CIO" for rid in portal.ids[:250])
    tasks = [t["properties"]["hs_task_body"].rsplit(TASK_MARKER, 1)[1].strip() for t in portal.objects("tasks")]
    assert sorted(tasks) == sorted(w.idempotency_key for w in writes)  # one Task per write, none twice
    assert len(portal.objects("notes")) == 250
    assert sum(portal.emu.portal.faults_injected.values()) > 0 and sum(caller.retries.values()) > 0


def _replacement(email: str, name: str = "Rui Costa") -> PlannedWrite:
    payload = {"email": email, "firstname": name.split()[0], "lastname": name.split()[-1], "jobtitle": "CFO",
               "company": None}
    mid = f"<replacement-{email}>"
    return PlannedWrite("r1", mid, "hubspot", "contact", None, "create", payload, {},
                        idempotency_key("hubspot", "contact", None, "create", payload, mid), "REPLACEMENT", None)


def _by_email(portal, email: str) -> list[dict]:
    return [r for r in portal.emu.portal.records["contacts"].values() if r["properties"].get("email") == email]


def test_a_replacement_contact_is_created_in_one_batch_create_and_archived_by_its_rollback(portal):
    outcome, = _writer(portal).apply([_replacement("rui.costa@acme-new.com")])
    (created,) = _by_email(portal, "rui.costa@acme-new.com")
    assert (outcome.status, outcome.remote_id) == ("succeeded", created["id"])
    assert created["properties"]["jobtitle"] == "CFO" and "company" not in created["properties"]
    counts = portal.emu.request_counts()
    assert counts["POST /crm/v3/objects/contacts/batch/create"] == 1
    assert "POST /crm/v3/objects/tasks/batch/create" not in counts  # no curated Task for a create
    archive = PlannedWrite("r1-rollback", "m", "hubspot", "contact", created["id"], "archive", {}, {}, "k-archive")
    (undone,) = _writer(portal).apply([archive])
    assert undone.status == "succeeded" and portal.emu.portal.records["contacts"][created["id"]]["archived"]


def test_an_address_hubspot_holds_already_is_a_409_conflict_looked_up_not_created_twice(portal):
    held = portal.contact(portal.ids[0])["email"]
    outcomes = _writer(portal).apply([_replacement(held), _replacement("new.person@acme-new.com")])
    assert [o.status for o in outcomes] == ["succeeded", "succeeded"]
    assert outcomes[0].remote_id == portal.ids[0] and "409 CONFLICT" in outcomes[0].message
    assert outcomes[0].observed == {"prior": {"existed": "yes"}}  # rollback never archives it
    assert len(_by_email(portal, held)) == 1 and len(_by_email(portal, "new.person@acme-new.com")) == 1
    counts = portal.emu.request_counts()
    assert counts["POST /crm/v3/objects/contacts/batch/create"] == 2  # refused whole, then the rest
    assert counts["POST /crm/v3/objects/contacts/batch/read"] == 1


def test_a_replacement_create_refused_with_429_is_retried_and_lands_once(portal):
    portal.emu.set_faults({"retry_after": 0, "script": [
        {"path": "/crm/v3/objects/contacts/batch/create", "status": 429, "times": 1}]})
    outcome, = _writer(portal).apply([_replacement("rui.costa@acme-new.com")])
    assert outcome.status == "succeeded" and outcome.attempts == 2
    assert len(_by_email(portal, "rui.costa@acme-new.com")) == 1
