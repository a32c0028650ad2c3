"""DESIGN §10: failed input expectations stop `apply` before any write (exit 4, each failing
expectation named); `plan` on the same inputs goes on and reports them."""

from __future__ import annotations

from pathlib import Path

import duckdb

from autoresponder.cli import main


def _break_inputs(sources: Path) -> None:
    with (sources / "cupola" / "org_persons.csv").open("a", encoding="utf-8") as fh:
        fh.write("9999,999999,201,Analyst,ghost@acme.com,Active,2024-01-08\n")  # no person 999999


def _args(command: str, sources: Path, tmp_path: Path) -> list[str]:
    return [command, "--sources", str(sources), "--warehouse", str(tmp_path / "w.duckdb"),
            "--runs-dir", str(tmp_path / "runs"), "--as-of", "2026-11-25"]


def test_failed_input_expectations_stop_apply_before_any_write(sources: Path, tmp_path: Path, capsys) -> None:
    _break_inputs(sources)
    assert main(_args("apply", sources, tmp_path)) == 4
    err = capsys.readouterr().err
    assert "error: run " in err and "input data-quality expectations failed, nothing was written" in err
    assert ("inputs.raw_cupola_org_persons (cupola/org_persons.csv): "
            "expect_column_values_to_be_in_set(person_exists) 1 unexpected") in err
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        written = conn.execute("select count(*) from information_schema.tables where table_schema = 'ops' "
                               "and table_name = 'write_log'").fetchone()[0]
        assert written == 0 or conn.execute("select count(*) from ops.write_log").fetchone()[0] == 0
    finally:
        conn.close()
    (run_dir,) = (tmp_path / "runs").iterdir()
    assert (run_dir / "data_docs" / "index.html").is_file()
    assert not (run_dir / "impact_report.md").exists()


def test_plan_on_failed_inputs_goes_on_and_logs_the_failures(sources: Path, tmp_path: Path, capsys) -> None:
    _break_inputs(sources)
    assert main(_args("plan", sources, tmp_path)) == 0
    (run_dir,) = (tmp_path / "runs").iterdir()
    log = (run_dir / "stage_execution.log").read_text(encoding="utf-8")
    assert "8/9 input suites passed" in log and "person_exists" in log
