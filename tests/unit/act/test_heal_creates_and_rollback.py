"""Issue 9: a kill inside a replacement Contact create is healed with its Task, truthfully; healed
rows keep the run that planned them, so rollback of that run covers them. Real emulator over HTTPS."""

from __future__ import annotations

from autoresponder.act import write_log
from autoresponder.act.executor import execute
from autoresponder.act.rollback import rollback
from autoresponder.systems.salesforce import SalesforceWriter, connect

C2 = "003000000000003AAA"
NEW_EMAIL = "dana.fox@acme.example"


def _sf_writer(emulator) -> SalesforceWriter:
    sf = connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                 security_token=emulator.security_token)
    return SalesforceWriter(sf, backoff_base=0.001, backoff_max=0.01, max_attempts=2)


def _create_write(mk):
    return mk("salesforce", "Contact", None, "create",
              {"AccountName": "Acme Capital", "Contact_Status__c": "Active", "Email": NEW_EMAIL,
               "FirstName": "Dana", "LastName": "Fox", "Title": "Head of Research"}, {}, message_id="m-repl")


def _contacts_with(emulator, email) -> list[str]:
    return [r[0] for r in emulator.state.db.execute('SELECT "Id" FROM "Contact" WHERE lower("Email") = ?',
                                                    [email]).fetchall()]


def _tasks_for(emulator, rid) -> list[str]:
    return [r[0] for r in emulator.state.db.execute('SELECT "Description" FROM "Task" WHERE "WhoId" = ?',
                                                    [rid]).fetchall()]


def test_kill_inside_a_contact_create_heals_to_succeeded_with_its_task_once(wh, mk, emulator):
    w = _create_write(mk)
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    # the POST created the Contact, then the process was killed before the Task and the log
    emulator.state.create("Contact", {"FirstName": "Dana", "LastName": "Fox", "Email": NEW_EMAIL,
                                      "Title": "Head of Research", "AccountId": "001000000000001AAA",
                                      "Contact_Status__c": "Active"})
    [rid] = _contacts_with(emulator, NEW_EMAIL)
    # next run: the re-sync sees the Contact, dbt plans no create; the pending row is resumed and healed
    report = execute(wh, [], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1",
                     resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    assert row["status"] == "succeeded", row
    assert "created by the interrupted run" in row["remote_message"] and "Task created now" in row["remote_message"]
    assert row["remote_id"] == rid and row["run_id"] == "r0" and row["healed_by_run_id"] == "r1"
    assert w.idempotency_key in report.healed
    [task] = _tasks_for(emulator, rid)
    assert f"AutoResponder key: {w.idempotency_key}" in task
    assert _contacts_with(emulator, NEW_EMAIL) == [rid]  # never created twice
    # a further run, even one that plans the same create again: nothing sent, nothing doubled
    emulator.reset()
    again = execute(wh, [w], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r2",
                    resume_unfinished=True)
    assert again.outcomes == [] and [x.idempotency_key for x in again.already_done] == [w.idempotency_key]
    assert len(_tasks_for(emulator, rid)) == 1 and _contacts_with(emulator, NEW_EMAIL) == [rid]
    assert "composite_post" not in emulator.request_counts()


def test_pending_create_whose_contact_and_task_both_landed_is_succeeded_without_posting(wh, mk, emulator):
    w = _create_write(mk)
    [o] = _sf_writer(emulator).apply([w])  # created with its Task, then killed before the log
    assert o.status == "succeeded"
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    emulator.reset()
    execute(wh, [], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1", resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    assert row["status"] == "succeeded" and "its Task carries its key" in row["remote_message"]
    assert "composite_post" not in emulator.request_counts()
    assert len(_tasks_for(emulator, o.remote_id)) == 1


def test_pending_create_of_a_contact_that_existed_before_is_a_noop_without_task(wh, mk, emulator):
    emulator.state.create("Contact", {"FirstName": "Dana", "LastName": "Fox", "Email": NEW_EMAIL,
                                      "AccountId": "001000000000001AAA", "Contact_Status__c": "Active"})
    [rid] = _contacts_with(emulator, NEW_EMAIL)
    emulator.state.db.execute('UPDATE "Contact" SET "CreatedDate" = ? WHERE "Id" = ?',
                              ["2024-01-02T10:00:00.000+0000", rid])  # a colleague entered it long ago
    w = _create_write(mk)
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    execute(wh, [], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1", resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    assert row["status"] == "skipped_noop" and "existed before this write was logged" in row["remote_message"]
    assert _tasks_for(emulator, rid) == []  # nothing was written, so no Task says it was


def test_rollback_of_the_original_run_covers_rows_a_later_run_healed(wh, mk, emulator):
    w = mk("salesforce", "Contact", C2, "mark_inactive", {"Contact_Status__c": "Inactive"},
           {"Contact_Status__c": "Active"}, message_id="m-c2", run_id="r0")
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    emulator.state.update("Contact", C2, {"Contact_Status__c": "Inactive"})  # PATCH landed, then the kill
    execute(wh, [], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1", resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    assert (row["status"], row["run_id"], row["healed_by_run_id"]) == ("succeeded", "r0", "r1")
    assert [r["idempotency_key"] for r in write_log.fetch_rows(wh, run_id="r0")] == [w.idempotency_key]
    assert [r["idempotency_key"] for r in write_log.fetch_rows(wh, run_id="r1")] == [w.idempotency_key]

    result = rollback(wh, "r0", {"salesforce": _sf_writer(emulator)})
    assert [(x["record_id"], x["status"]) for x in result["restored"]] == [(C2, "succeeded")], result
    assert emulator.state.get("Contact", C2)["Contact_Status__c"] == "Active"
    # the rollback of the healing run names the same write and restores nothing twice
    again = rollback(wh, "r1", {"salesforce": _sf_writer(emulator)})
    assert again["restored"] == [] and again["failed"] == []
    assert again["counts"] == {"salesforce": {"already_done": 1}}


def test_kill_after_a_cupola_update_committed_heals_to_succeeded_and_rollback_restores_it(wh, mk, cupola):
    from tenacity import wait_none

    from autoresponder.systems.cupola import CupolaWriter

    before = cupola.read_org_person(200)
    w = mk("cupola", "org_person", "200", "update_title", {"position": "Chief Technology Officer", "email": None},
           {"position": before["position"], "email": before["email"]}, message_id="m-200", run_id="r0")
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    cupola.org_person_updates(200, "Chief Technology Officer", None)  # the procedure committed, then the kill
    calls = len(cupola.procedure_calls())
    report = execute(wh, [], {"cupola": CupolaWriter(cupola, wait=wait_none())}, mode="apply", run_id="r1",
                     resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    # the planned prior was not the target: the interrupted call wrote it; not called again
    assert (row["status"], row["run_id"], row["healed_by_run_id"]) == ("succeeded", "r0", "r1")
    assert "interrupted call committed" in row["remote_message"]
    assert report.healed == [w.idempotency_key] and len(cupola.procedure_calls()) == calls

    result = rollback(wh, "r0", {"cupola": CupolaWriter(cupola, wait=wait_none())})
    assert [(x["record_id"], x["status"]) for x in result["restored"]] == [("200", "succeeded")], result
    assert cupola.read_org_person(200)["position"] == before["position"]


def test_pending_cupola_write_whose_planned_prior_already_held_the_target_stays_a_noop(wh, mk, cupola):
    from tenacity import wait_none

    from autoresponder.systems.cupola import CupolaWriter

    current = cupola.read_org_person(200)["position"]
    w = mk("cupola", "org_person", "200", "update_title", {"position": current, "email": None},
           {"position": current, "email": None}, message_id="m-200b", run_id="r0")
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    execute(wh, [], {"cupola": CupolaWriter(cupola, wait=wait_none())}, mode="apply", run_id="r1",
            resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    assert row["status"] == "skipped_noop" and "no proof" in row["remote_message"]
