"""The audit, queryable (issue 11): after real CLI runs, `marts.fct_writes` holds one row per logged
write with the remote's message and `marts.fct_runs` one row per run with its exit code."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests.integration.test_cli_errors import cli, error_lines, run_args


def _rows(warehouse: Path, sql: str) -> list[dict]:
    conn = duckdb.connect(str(warehouse), read_only=True)
    try:
        cur = conn.execute(sql)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        conn.close()


@pytest.mark.slow
def test_exit_code_3_when_writes_fail_and_fct_writes_and_fct_runs_answer_what_the_run_did(tmp_path: Path,
                                                                                         sources: Path) -> None:
    # exit 0 with no error line: test_guarantees_demo_and_flags.py::test_demo_prints_the_impact_report_and_the_run_folder;
    # exit 2 and 4: test_cli_errors.py; apply stopped by the deactivation guard: test_guarantees.py
    faults = json.dumps({"rate": 1.0, "kinds": ["UNABLE_TO_LOCK_ROW"], "seed": 1})
    failed = cli(*run_args("apply", tmp_path, sources), cwd=tmp_path, env={"AUTORESPONDER_SALESFORCE_FAULTS": faults})
    assert failed.returncode == 3, failed.stderr[-3000:]
    (line,) = error_lines(failed)  # one error line, and the impact report lists the failed writes
    assert "write(s) failed" in line and "UNABLE_TO_LOCK_ROW" in line
    assert "## Failed writes" in failed.stdout and "UNABLE_TO_LOCK_ROW" in failed.stdout
    warehouse = tmp_path / "wh" / "w.duckdb"

    (first,) = _rows(warehouse, "select * from marts.fct_runs")
    assert (first["command"], first["mode"], first["exit_code"], first["run_status"]) == (
        "apply", "apply", 3, "writes_failed")
    assert first["count_messages_landed"] > 10 and first["finished_at"] >= first["started_at"]
    assert first["count_failed"] > 0 and first["count_succeeded"] > 0 and first["count_pending"] == 0

    writes = _rows(warehouse, "select * from marts.fct_writes")
    logged = _rows(warehouse, "select count(*) as n from ops.write_log")[0]["n"]
    assert len(writes) == logged == first["count_writes"]
    assert {w["run_id"] for w in writes} == {first["run_id"]}
    failed_sf = [w for w in writes if w["system"] == "salesforce" and w["status"].startswith("failed")]
    assert len(failed_sf) == first["count_failed"]
    assert all("UNABLE_TO_LOCK_ROW" in (w["remote_message"] or "") and w["is_applied"] == 0 for w in failed_sf)
    deactivated = [w for w in writes if w["system"] == "cupola" and w["action"] == "mark_inactive"]
    assert deactivated and all(w["status"] == "succeeded" and w["is_applied"] == 1 for w in deactivated)
    assert {w["determination"] for w in deactivated} <= {"INACTIVE", "REPLACEMENT"}
    assert all(w["message_id"] and w["record_id"] and json.loads(w["prior"]) for w in deactivated)
