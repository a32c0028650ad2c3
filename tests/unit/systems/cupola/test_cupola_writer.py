import sqlite3

import pytest
from tenacity import wait_none

from autoresponder.act.idempotency import idempotency_key
from autoresponder.models import PlannedWrite
from autoresponder.systems.cupola import CupolaTransientError, CupolaWriter


def cw(record_id, action="mark_inactive", payload=None, prior=None, message_id="m1"):
    payload = payload or {}
    return PlannedWrite(
        run_id="r1", message_id=message_id, system="cupola", object="org_person", record_id=str(record_id),
        action=action, payload=payload, prior=prior or {},
        idempotency_key=idempotency_key("cupola", "org_person", str(record_id), action, payload, message_id),
    )  # fmt: skip


def writer(procs, **kw):
    return CupolaWriter(procs, wait=wait_none(), **kw)


def test_mark_inactive_of_active_row_succeeds_with_prior_and_new_values(cupola):
    [o] = writer(cupola).apply([cw(100)])
    assert o.status == "succeeded"
    assert o.observed["result_code"] == 0
    assert o.observed["prior"]["status"] == "Active"
    assert o.observed["new"]["status"] == "Inactive"
    assert o.remote_id == "100"
    assert cupola.read_org_person(100)["status"] == "Inactive"


def test_mark_inactive_of_inactive_row_is_skipped_noop(cupola):
    [o] = writer(cupola).apply([cw(101)])
    assert o.status == "skipped_noop"
    assert "@Result=2" in o.message


@pytest.mark.parametrize(
    ("record_id", "action", "payload", "code"),
    [
        pytest.param(999, "mark_inactive", {}, 1, id="missing-row-code-1"),
        pytest.param(
            101, "update_email", {"position": None, "email": "n@x.com"}, 3, id="inactive-row-code-3"
        ),
    ],
)
def test_codes_1_and_3_are_failed_terminal_naming_the_row_and_code(cupola, record_id, action, payload, code):
    [o] = writer(cupola).apply([cw(record_id, action, payload)])
    assert o.status == "failed_terminal"
    assert f"@OrgPersonID={record_id}" in o.message and f"@Result={code}" in o.message


def test_update_email_calls_org_person_updates_with_null_position(cupola):
    w = cw(
        200,
        "update_email",
        {"position": None, "email": "alan.t@initech.com"},
        {"position": None, "email": "alan@initech.com"},
    )
    [o] = writer(cupola).apply([w])
    assert o.status == "succeeded"
    assert cupola.procedure_calls()[-1]["params"] == {
        "OrgPersonID": 200,
        "Position": None,
        "Email": "alan.t@initech.com",
    }
    assert o.observed["new"]["email"] == "alan.t@initech.com"
    assert o.observed["new"]["position"] == "CIO"


def test_update_already_holding_target_is_noop_without_calling_the_procedure(cupola):
    [o] = writer(cupola).apply([cw(200, "update_title", {"position": "CIO", "email": None})])
    assert o.status == "skipped_noop"
    assert cupola.procedure_calls() == []


def test_update_of_field_changed_since_snapshot_is_skipped_conflict(cupola):
    w = cw(
        200,
        "update_email",
        {"position": None, "email": "new@initech.com"},
        {"email": "old-snapshot@initech.com"},
    )
    [o] = writer(cupola).apply([w])
    assert o.status == "skipped_conflict"
    assert cupola.read_org_person(200)["email"] == "alan@initech.com"
    assert cupola.procedure_calls() == []


def test_transient_errors_are_retried_until_success(cupola):
    failures = iter([sqlite3.OperationalError("database is locked")] * 2)

    def fault(_procedure):
        exc = next(failures, None)
        if exc is not None:
            raise exc

    cupola._faults = fault
    [o] = writer(cupola).apply([cw(100)])
    assert (o.status, o.attempts) == ("succeeded", 3)


def test_transient_errors_that_outlast_the_retries_are_failed_retriable(cupola):
    def fault(_procedure):
        raise CupolaTransientError("timeout expired")

    cupola._faults = fault
    [o] = writer(cupola, max_attempts=3).apply([cw(100)])
    assert (o.status, o.attempts) == ("failed_retriable", 3)
    assert "org_person_id 100" in o.message
    assert cupola.read_org_person(100)["status"] == "Active"


def test_non_transient_errors_are_terminal_without_retry(cupola):
    def fault(_procedure):
        raise PermissionError("EXECUTE permission denied")

    cupola._faults = fault
    [o] = writer(cupola).apply([cw(100)])
    assert (o.status, o.attempts) == ("failed_terminal", 1)


def test_timeout_after_commit_counts_as_succeeded_on_retry(cupola):
    class CommitThenTimeout:
        def __init__(self, inner):
            self.inner, self.fired = inner, False

        def read_org_person(self, opid):
            return self.inner.read_org_person(opid)

        def mark_person_inactive(self, opid):
            code = self.inner.mark_person_inactive(opid)
            if not self.fired:
                self.fired = True
                raise CupolaTransientError("timeout expired after commit")
            return code

    [o] = writer(CommitThenTimeout(cupola)).apply([cw(100)])
    assert o.status == "succeeded"
    assert "earlier attempt" in o.message


def test_heal_reports_a_no_op_when_row_already_in_target_state_without_calling(cupola):
    w1, w2 = cw(101), cw(100)
    healed = writer(cupola).heal([w1, w2])
    assert healed[0].status == "skipped_noop" and healed[0].attempts == 0
    assert healed[1] is None
    assert cupola.procedure_calls() == []


def test_unknown_action_and_bad_record_id_are_terminal(cupola):
    bad = [cw(100, "reactivate"), cw("abc")]
    assert [o.status for o in writer(cupola).apply(bad)] == ["failed_terminal", "failed_terminal"]
