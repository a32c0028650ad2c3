import pytest
from tenacity import wait_none

from autoresponder.act import write_log
from autoresponder.act.executor import RunStopped, execute
from autoresponder.models import WriteOutcome
from autoresponder.systems.cupola import CupolaTransientError, CupolaWriter
from autoresponder.systems.hodor import HodorProspectImport


class RecordingWriter:
    """A Salesforce-like writer that records its batches and can look at the log mid-call."""

    def __init__(self, conn=None, status="succeeded"):
        self.batches, self.conn, self.status, self.seen_statuses = [], conn, status, []

    def apply(self, writes):
        self.batches.append(list(writes))
        if self.conn is not None:
            self.seen_statuses.extend(write_log.statuses(self.conn, writes).values())
        return [
            WriteOutcome(w.idempotency_key, self.status, remote_id=w.record_id, message="ok") for w in writes
        ]


@pytest.fixture
def writes(mk):
    return [
        mk("cupola", "org_person", "100", "mark_inactive", {}, message_id="m1"),
        mk(
            "cupola",
            "org_person",
            "200",
            "update_title",
            {"position": "CTO", "email": None},
            {"position": "CIO"},
            message_id="m2",
        ),
        mk(
            "hodor",
            "prospect",
            "P1",
            "mark_inactive",
            {"status": "Inactive"},
            {"status": "Active"},
            message_id="m1",
        ),
        mk(
            "salesforce",
            "Contact",
            "003A",
            "mark_inactive",
            {"Contact_Status__c": "Inactive"},
            {"Contact_Status__c": "Active"},
        ),
    ]


@pytest.fixture
def writers(cupola, wh):
    return {
        "cupola": CupolaWriter(cupola, wait=wait_none()),
        "hodor": HodorProspectImport(),
        "salesforce": RecordingWriter(wh),
    }


def test_plan_mode_writes_nothing_and_lists_what_would_be_written(wh, cupola, writes, writers):
    report = execute(wh, writes, writers, mode="plan", run_id="r1")
    assert report.would_write == writes
    assert report.counts == {"cupola": {"planned": 2}, "hodor": {"planned": 1}, "salesforce": {"planned": 1}}
    assert not write_log.write_log_exists(wh)
    assert cupola.procedure_calls() == []
    assert writers["salesforce"].batches == []


def test_apply_records_every_outcome_in_the_write_log(wh, cupola, writes, writers):
    report = execute(wh, writes, writers, mode="apply", run_id="r1")
    assert report.counts == {
        "cupola": {"succeeded": 2},
        "hodor": {"queued": 1},
        "salesforce": {"succeeded": 1},
    }
    rows = {r["record_id"]: r for r in write_log.fetch_rows(wh, run_id="r1")}
    assert rows["P1"]["status"] == "queued"  # a hand-off row, not confirmed by a remote
    assert {r["status"] for k, r in rows.items() if k != "P1"} == {"succeeded"}
    assert rows["100"]["attempts"] == 1 and "@Result=0" in rows["100"]["remote_message"]
    assert rows["100"]["prior"]["status"] == "Active"  # live value read before writing
    assert cupola.read_org_person(200)["position"] == "CTO"


def test_pending_rows_exist_before_the_writer_is_called(wh, writes, writers):
    execute(wh, writes, writers, mode="apply", run_id="r1")
    assert writers["salesforce"].seen_statuses == ["pending"]


def test_each_writer_is_called_once_with_its_whole_batch(wh, mk, writers):
    many = [mk("salesforce", "Lead", f"00Q{i}", "mark_inactive", {"Status": "Inactive"}) for i in range(5)]
    execute(wh, many, writers, mode="apply", run_id="r1")
    assert [len(b) for b in writers["salesforce"].batches] == [5]


def test_rerun_of_same_writes_writes_nothing_new(wh, cupola, writes, writers):
    execute(wh, writes, writers, mode="apply", run_id="r1")
    calls = len(cupola.procedure_calls())
    again = execute(wh, writes, writers, mode="apply", run_id="r2")
    assert again.outcomes == [] and len(again.already_done) == 4
    assert len(cupola.procedure_calls()) == calls
    assert len(writers["salesforce"].batches) == 1
    assert len(writers["hodor"].rows()) == 1
    assert write_log.fetch_rows(wh, run_id="r2") == []


def test_duplicate_writes_in_one_run_are_executed_once(wh, cupola, writes, writers):
    report = execute(wh, writes + writes[:1], writers, mode="apply", run_id="r1")
    assert len(report.outcomes) == 4
    assert len(cupola.procedure_calls()) == 2


def test_pending_write_from_crashed_run_is_healed_by_reading_remote(wh, cupola, writes, writers):
    crashed = writes[:1]
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, crashed, "r0")
    cupola.mark_person_inactive(100)  # the remote write happened, then the process died
    report = execute(wh, crashed, writers, mode="apply", run_id="r1")
    [o] = report.outcomes
    # the value is there but nothing proves this product wrote it: a no-op, never `succeeded`
    assert o.status == "skipped_noop" and "healed" in o.message
    assert report.healed == [crashed[0].idempotency_key]
    assert len(cupola.procedure_calls()) == 1  # not called again
    assert write_log.fetch_rows(wh)[0]["status"] == "skipped_noop"


def test_pending_write_whose_remote_write_never_happened_is_applied(wh, cupola, writes, writers):
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, writes[:1], "r0")
    [o] = execute(wh, writes[:1], writers, mode="apply", run_id="r1").outcomes
    assert o.status == "succeeded" and o.observed["result_code"] == 0


def test_failed_retriable_write_is_retried_by_the_next_run(wh, cupola, writes, writers):
    cupola._faults = lambda _p: (_ for _ in ()).throw(CupolaTransientError("timeout expired"))
    writers["cupola"] = CupolaWriter(cupola, wait=wait_none(), max_attempts=2)
    first = execute(wh, writes[:1], writers, mode="apply", run_id="r1")
    assert first.counts == {"cupola": {"failed_retriable": 1}}
    cupola._faults = None
    second = execute(wh, writes[:1], writers, mode="apply", run_id="r2")
    assert second.counts == {"cupola": {"succeeded": 1}}
    [row] = write_log.fetch_rows(wh)
    assert (row["run_id"], row["healed_by_run_id"], row["status"], row["attempts"]) == ("r1", "r2", "succeeded", 3)


def test_deactivation_share_above_limit_stops_before_writing(wh, cupola, writes, writers):
    with pytest.raises(RunStopped, match=r"share 75\.0%.*max_deactivation_share 50\.0%"):
        execute(wh, writes, writers, mode="apply", run_id="r1", max_deactivation_share=0.5, matched_count=4)
    assert not write_log.write_log_exists(wh)
    assert cupola.procedure_calls() == []


def test_deactivation_share_at_limit_proceeds(wh, writes, writers):
    report = execute(
        wh, writes, writers, mode="apply", run_id="r1", max_deactivation_share=0.75, matched_count=4
    )
    assert report.deactivation_share == 0.75 and len(report.outcomes) == 4


def test_deactivation_share_over_limit_in_plan_mode_is_reported_not_raised(wh, writes, writers):
    report = execute(
        wh, writes, writers, mode="plan", run_id="r1", max_deactivation_share=0.1, matched_count=4
    )
    assert "run stopped before writing" in report.errors["run"]
    assert report.stopped and "deactivation guard (plan" in report.stopped  # the pipeline then exits 4


def test_missing_writer_fails_before_any_write(wh, cupola, writes, writers):
    del writers["salesforce"]
    with pytest.raises(ValueError, match="salesforce"):
        execute(wh, writes, writers, mode="apply", run_id="r1")
    assert cupola.procedure_calls() == []


def test_writer_raising_for_its_batch_leaves_it_pending_and_others_still_run(wh, writes, writers):
    class Broken:
        def apply(self, writes):
            raise ConnectionError("emulator down")

    writers["salesforce"] = Broken()
    report = execute(wh, writes, writers, mode="apply", run_id="r1")
    assert "emulator down" in report.errors["salesforce"]
    statuses = {r["system"]: r["status"] for r in write_log.fetch_rows(wh)}
    assert statuses == {"cupola": "succeeded", "hodor": "queued", "salesforce": "pending"}


def test_terminal_cupola_result_is_logged_failed_terminal(wh, mk, writers):
    w = mk("cupola", "org_person", "101", "update_email", {"position": None, "email": "x@y.com"})
    report = execute(wh, [w], writers, mode="apply", run_id="r1")
    assert report.counts == {"cupola": {"failed_terminal": 1}}
    assert "@Result=3" in write_log.fetch_rows(wh)[0]["remote_message"]


def test_unknown_mode_is_rejected(wh, writes, writers):
    with pytest.raises(ValueError, match="mode"):
        execute(wh, writes, writers, mode="yolo", run_id="r1")


def test_run_stopped_belongs_to_the_project_error_tree():
    from autoresponder.errors import AutoResponderError

    assert issubclass(RunStopped, AutoResponderError)


def test_plan_mode_excludes_writes_already_succeeded(wh, writes, writers):
    execute(wh, writes[:2], writers, mode="apply", run_id="r1")
    report = execute(wh, writes, writers, mode="plan", run_id="r2")
    assert report.would_write == writes[2:] and report.already_done == writes[:2]


def test_write_log_status_lookup_scales_to_thousands_of_keys(wh, mk):
    from autoresponder.act import write_log

    many = [mk("hodor", "prospect", f"P{i}", "mark_inactive", {"status": "Inactive"}) for i in range(3000)]
    write_log.ensure_write_log(wh)
    write_log.insert_pending(wh, many, "r1")
    assert len(write_log.statuses(wh, many)) == 3000
