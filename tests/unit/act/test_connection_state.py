"""Connection state (`ops.connections`, issue 12) against the Salesforce emulator over real HTTP:
a 401 that persists after one token renewal marks the connection `error` with Salesforce's own
message and what to do, the run stops writing to it (the writes stay `pending`), and the next
run after the fault is cleared sends them and marks the connection `ok`."""

from __future__ import annotations

import pytest

from autoresponder.act import connection_state
from autoresponder.act.executor import execute
from autoresponder.systems.salesforce import SalesforceWriter, connect


@pytest.fixture
def writes(emulator, mk):
    ids = [r["Id"] for r in emulator.state.query("SELECT Id FROM Contact LIMIT 3")]
    return [mk("salesforce", "Contact", rid, "update_title", {"Title": f"Head of {i}"}, message_id=f"m{i}")
            for i, rid in enumerate(ids)]


def _writer(emulator) -> SalesforceWriter:
    org = emulator.org  # a connected app's refresh token: the renewal succeeds, the org still refuses
    sf = connect(session=emulator.session(), instance_url=emulator.instance_url, access_token=emulator.access_token,
                 refresh_token=org.refresh_token, client_id=org.client_id, client_secret=org.client_secret)
    return SalesforceWriter(sf, batch_size=1, create_tasks=False, max_attempts=3, backoff_base=0.0, backoff_max=0.0)


def _statuses(wh) -> list[str]:
    return [s for (s,) in wh.execute("select status from ops.write_log order by message_id").fetchall()]


def test_a_401_after_renewal_marks_error_stops_writes_and_the_next_run_resumes(emulator, wh, writes):
    emulator.set_faults({"rate": 1.0, "kinds": ["INVALID_SESSION_ID"], "seed": 1})
    emulator.reset()
    report = execute(wh, writes, {"salesforce": _writer(emulator)}, mode="apply", run_id="r1")

    [row] = connection_state.read(wh)
    assert (row["system"], row["status"], row["last_success_at"]) == ("salesforce", "error", None)
    assert "INVALID_SESSION_ID: Session expired or invalid" in row["last_error"]  # Salesforce's own words
    assert "again after renewing the access token once" in row["last_error"] and "run again" in row["last_error"]
    assert report.connection_errors == {"salesforce": row["last_error"]}
    assert _statuses(wh) == ["pending", "pending", "pending"]  # not failed-and-lost: the next run sends them
    counts = emulator.request_counts()
    assert counts["login"] == 1 and "composite_patch" not in counts  # one renewal, then nothing sent
    assert counts["composite_get"] == 4  # refused, renewed once, then refused on each of the 3 attempts

    emulator.set_faults(None)
    again = execute(wh, writes, {"salesforce": _writer(emulator)}, mode="apply", run_id="r2", resume_unfinished=True)
    assert _statuses(wh) == ["succeeded", "succeeded", "succeeded"] and not again.connection_errors
    [row] = connection_state.read(wh)
    assert (row["status"], row["last_error"], row["run_id"]) == ("ok", None, "r2") and row["last_success_at"]
    assert emulator.state.get("Contact", writes[0].record_id)["Title"] == "Head of 0"


def test_a_403_marks_error_and_stops_writes_like_a_second_401(emulator, wh, writes):
    emulator.set_faults({"rate": 1.0, "kinds": ["API_DISABLED_FOR_ORG"], "seed": 1})
    emulator.reset()
    report = execute(wh, writes, {"salesforce": _writer(emulator)}, mode="apply", run_id="r1")

    [row] = connection_state.read(wh)
    assert (row["system"], row["status"]) == ("salesforce", "error")
    assert "API_DISABLED_FOR_ORG: API is not enabled" in row["last_error"] and "run again" in row["last_error"]
    assert report.connection_errors == {"salesforce": row["last_error"]}
    assert _statuses(wh) == ["pending", "pending", "pending"]
    counts = emulator.request_counts()
    assert counts["login"] == 1 and "composite_patch" not in counts  # one renewal, then nothing sent
    assert counts["composite_get"] == 2  # refused, renewed once, refused again: stop


def test_error_keeps_the_last_success_so_the_report_says_since_when(wh):
    connection_state.mark_ok(wh, "salesforce", "r1")
    connection_state.mark_error(wh, "salesforce", "salesforce: refused", "r2")
    [row] = connection_state.read(wh)
    assert (row["status"], row["last_error"], row["run_id"]) == ("error", "salesforce: refused", "r2")
    assert row["last_success_at"] is not None
