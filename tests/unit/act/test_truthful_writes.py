"""Issue 9: what the write log says is what the remotes hold — against the real emulator over HTTPS.

A crash mid-PATCH, a Task failure, the quota guard, CUPOLA failures and hand-off files.
"""

from __future__ import annotations

import csv
from pathlib import Path

from tenacity import wait_none

from autoresponder.act import write_log
from autoresponder.act.executor import execute
from autoresponder.emulators.salesforce.schema import FieldSpec
from autoresponder.report.handoff import read_rows
from autoresponder.report.suppression import SuppressionList
from autoresponder.systems.cupola import CupolaWriter
from autoresponder.systems.hodor import HodorProspectImport
from autoresponder.systems.salesforce import SalesforceWriter, connect

C1, C2 = "003000000000001AAA", "003000000000003AAA"


def _sf_writer(emulator, **kw) -> SalesforceWriter:
    sf = connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                 security_token=emulator.security_token)
    return SalesforceWriter(sf, backoff_base=0.001, backoff_max=0.01, max_attempts=2, **kw)


def _contact_write(mk, rid):
    return mk("salesforce", "Contact", rid, "mark_inactive", {"Contact_Status__c": "Inactive"},
              {"Contact_Status__c": "Active"}, message_id=f"m-{rid}")


def _tasks_for(emulator, rid) -> list[str]:
    rows = emulator.state.db.execute('SELECT "Description" FROM "Task" WHERE "WhoId" = ?', [rid]).fetchall()
    return [r[0] for r in rows]


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_kill_inside_a_collection_patch_is_healed_and_each_task_written_once(wh, mk, emulator):
    writes = [_contact_write(mk, C1), _contact_write(mk, C2)]
    assert emulator.state.get("Contact", C2)["Contact_Status__c"] == "Active"
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, writes, "r0")
    # the PATCH landed for both records, then the process was killed before the log and the Tasks
    for w in writes:
        emulator.state.update("Contact", w.record_id, {"Contact_Status__c": "Inactive"})
    # next run: the re-sync sees Inactive, so dbt plans nothing; the pending rows are still resolved
    report = execute(wh, [], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1",
                     resume_unfinished=True)
    assert {r["status"] for r in write_log.fetch_rows(wh)} == {"succeeded"}
    assert len(report.resumed) == 2
    for w in writes:
        [task] = _tasks_for(emulator, w.record_id)
        assert f"AutoResponder key: {w.idempotency_key}" in task
    # a further run finds record and Task carrying the write: nothing is sent or doubled
    again = execute(wh, [], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r2", resume_unfinished=True)
    assert again.outcomes == [] and all(len(_tasks_for(emulator, w.record_id)) == 1 for w in writes)


def test_pending_write_whose_record_and_task_both_landed_is_succeeded_without_resending(wh, mk, emulator):
    w = _contact_write(mk, C2)
    first = _sf_writer(emulator)
    [o] = first.apply([w])
    assert o.status == "succeeded"  # ... but the process died before logging it
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r0")
    emulator.reset()
    report = execute(wh, [w], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1")
    [o] = report.outcomes
    assert o.status == "succeeded" and "healed" in o.message
    assert "composite_patch" not in emulator.request_counts() and "composite_post" not in emulator.request_counts()
    assert len(_tasks_for(emulator, C2)) == 1


def test_task_failure_is_kept_with_the_remote_message_and_retried_next_run(wh, mk, emulator):
    # an admin made a Task field required: Salesforce refuses the Task, the record update went through
    emulator.state.add_field("Task", FieldSpec("Review_Code__c", "string", 20, nillable=False, custom=True))
    w = _contact_write(mk, C2)
    execute(wh, [w], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1")
    [row] = write_log.fetch_rows(wh)
    assert row["status"] == "failed_retriable"
    assert "Task was not created" in row["remote_message"] and "REQUIRED_FIELD_MISSING" in row["remote_message"]
    assert emulator.state.get("Contact", C2)["Contact_Status__c"] == "Inactive"
    assert _tasks_for(emulator, C2) == []
    emulator.state.meta("Task").get("Review_Code__c").nillable = True  # fixed by the admin
    # next run: re-sync shows Inactive, dbt plans nothing; the write is resumed and its Task created once
    execute(wh, [], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r2", resume_unfinished=True)
    [row] = write_log.fetch_rows(wh)
    assert row["status"] == "succeeded"
    assert len(_tasks_for(emulator, C2)) == 1


def test_quota_guard_stops_salesforce_writes_and_leaves_them_pending(wh, mk, emulator):
    emulator.set_api_limit(max_requests=1000, used=850)
    w = _contact_write(mk, C2)
    report = execute(wh, [w], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r1")
    assert report.stopped and "daily API usage" in report.stopped and "80%" in report.stopped
    assert [r["status"] for r in write_log.fetch_rows(wh)] == ["pending"]
    assert emulator.state.get("Contact", C2)["Contact_Status__c"] == "Active"
    emulator.set_api_limit(used=10)  # a new day
    report = execute(wh, [w], {"salesforce": _sf_writer(emulator)}, mode="apply", run_id="r2")
    assert report.stopped is None and [r["status"] for r in write_log.fetch_rows(wh)] == ["succeeded"]


def test_limits_report_the_configured_usage(emulator, sf):
    emulator.set_api_limit(max_requests=500, used=100)
    lim = sf.limits()["DailyApiRequests"]
    assert lim["Max"] == 500 and 390 <= lim["Remaining"] <= 400


def test_hand_offs_are_on_disk_before_queued_and_follow_cupola(wh, mk, cupola, tmp_path):
    run_dir = tmp_path / "runs" / "r1"
    ok = mk("cupola", "org_person", "100", "mark_inactive", {}, message_id="m-ok")
    refused = mk("cupola", "org_person", "999", "mark_inactive", {}, message_id="m-bad")  # no such row: @Result=1
    hodor_ok = mk("hodor", "prospect", "P1", "mark_inactive", {"status": "Inactive"}, {"status": "Active"},
                  message_id="m-ok")
    hodor_bad = mk("hodor", "prospect", "P9", "mark_inactive", {"status": "Inactive"}, {"status": "Active"},
                   message_id="m-bad")
    sfmc_ok = mk("sfmc", "suppression", "ada@acme.com", "suppress", {"email": "ada@acme.com", "reason": "left"},
                 message_id="m-ok")
    writers = {"cupola": CupolaWriter(cupola, wait=wait_none()),
               "hodor": HodorProspectImport(run_dir=run_dir), "sfmc": SuppressionList(run_dir=run_dir)}
    execute(wh, [ok, refused, hodor_ok, hodor_bad, sfmc_ok], writers, mode="apply", run_id="r1")
    status = {r["idempotency_key"]: r for r in write_log.fetch_rows(wh)}
    assert status[refused.idempotency_key]["status"] == "failed_terminal"
    assert status[hodor_ok.idempotency_key]["status"] == "queued"
    assert status[sfmc_ok.idempotency_key]["status"] == "queued"
    bad = status[hodor_bad.idempotency_key]
    assert bad["status"] == "skipped_dependency" and "cupola mark_inactive is failed_terminal" in bad["remote_message"]
    rows = _csv(run_dir / "hodor_pending_actions.csv")
    assert [r["Prospect ID"] for r in rows] == ["P1"] and rows[0]["Idempotency Key"] == hodor_ok.idempotency_key
    assert [r["email"] for r in _csv(run_dir / "marketing_suppression.csv")] == ["ada@acme.com"]


def test_hand_off_row_written_before_a_kill_is_not_written_again(wh, mk, tmp_path):
    w = mk("hodor", "prospect", "P1", "mark_inactive", {"status": "Inactive"}, {"status": "Active"})
    run1 = tmp_path / "runs" / "r1"
    HodorProspectImport(run_dir=run1).apply([w])  # appended + fsynced, then killed before the log update
    with (run1 / "hodor_pending_actions.csv").open("a", encoding="utf-8") as fh:
        fh.write("Update,P2,torn")  # a kill in the middle of a later append
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, [w], "r1")
    run2 = tmp_path / "runs" / "r2"
    [o] = execute(wh, [w], {"hodor": HodorProspectImport(run_dir=run2)}, mode="apply", run_id="r2").outcomes
    assert o.status == "queued" and "healed" in o.message
    assert not (run2 / "hodor_pending_actions.csv").exists()
    assert [r["Prospect ID"] for r in read_rows(run1 / "hodor_pending_actions.csv")] == ["P1"]
