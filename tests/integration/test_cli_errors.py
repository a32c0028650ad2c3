"""Issue 9 items 3-5 through the real CLI (a subprocess, or its entry point in process for full runs): one `error:` line, the documented exit
code (0 done, 2 bad input / configuration, 3 writes failed, 4 stopped by a guard), state unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from autoresponder.cli import main
from autoresponder.land.snapshots import land_snapshots
from autoresponder.runlock import RunLock
from autoresponder.systems.cupola.embedded import EmbeddedCupola

AS_OF = "2026-11-25"


def cli(*args: str, cwd: Path, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "autoresponder.cli", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def cli_in_process(*args: str, cwd: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
                   env: dict | None = None) -> subprocess.CompletedProcess:
    """The same entry point (`autoresponder.cli.main`) in this process: what a full run costs without
    a new interpreter and its imports. Exit codes and the `error:` line are `main`'s own; the
    tests above keep the subprocess for what only a process shows (Python's exit, stderr at start)."""
    monkeypatch.chdir(cwd)
    for k, v in (env or {}).items():
        monkeypatch.setenv(k, v)
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return subprocess.CompletedProcess(["autoresponder", *args], code, out.out, out.err)


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("error:")]


def run_args(cmd: str, tmp: Path, sources: Path) -> list[str]:
    return [cmd, "--sources", str(sources), "--warehouse", str(tmp / "wh" / "w.duckdb"),
            "--runs-dir", str(tmp / "runs"), "--as-of", AS_OF]


def state_digest(tmp: Path) -> str:
    """Every raw table of the warehouse and every table of the embedded CUPOLA store."""
    h = hashlib.sha256()
    conn = duckdb.connect(str(tmp / "wh" / "w.duckdb"), read_only=True)
    for (table,) in conn.execute("select table_name from information_schema.tables where table_schema = 'raw' "
                                 "order by 1").fetchall():
        h.update(repr(conn.execute(f"select * from raw.{table} order by all").fetchall()).encode())
    conn.close()
    store = sqlite3.connect(tmp / "wh" / "cupola.sqlite")
    for table in ("persons", "orgs", "org_persons", "seed_meta"):
        h.update(repr(store.execute(f"select * from {table} order by 1").fetchall()).encode())
    store.close()
    return h.hexdigest()


@pytest.fixture
def landed(tmp_path: Path, sources: Path) -> Path:
    """A warehouse and CUPOLA store that a good run landed and seeded."""
    (tmp_path / "wh").mkdir()
    conn = duckdb.connect(str(tmp_path / "wh" / "w.duckdb"))
    land_snapshots(conn, sources)
    conn.close()
    store = EmbeddedCupola(tmp_path / "wh" / "cupola.sqlite")
    store.ensure_seeded(sources)
    store.close()
    return tmp_path


def _rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, count), encoding="utf-8")


def _first_date(path: Path, bad: str) -> None:
    head, _, rest = path.read_text(encoding="utf-8").partition("\n")
    path.write_text(head + "\n" + re.sub(r"\d{4}-\d{2}-\d{2}", bad, rest, count=1), encoding="utf-8")


BAD_INPUTS = {
    "missing_persons": (lambda s: (s / "cupola" / "persons.csv").unlink(), ["cupola/persons.csv", "missing"]),
    "no_status_column": (lambda s: _rewrite(s / "cupola" / "org_persons.csv", ",status,", ",state,"),
                         ["org_persons.csv:1:1", "missing column(s) status"]),
    "non_integer_id": (lambda s: _rewrite(s / "cupola" / "org_persons.csv", "\n5001,", '\n"ABC",'),
                       ["org_persons.csv:2:1", "org_person_id", "'ABC'", "whole number"]),
    "missing_contact_export": (lambda s: (s / "salesforce" / "Contact.csv").unlink(),
                               ["salesforce/Contact.csv", "missing"]),
    "undecodable_csv": (lambda s: (s / "hodor" / "prospects.csv").write_bytes(
        b"prospect_id,first_name\n\x81\x8d\x8f\x90\x9d\x00\xff\xfe\x00"), ["prospects.csv", "UTF-8"]),
    "bad_date_in_snapshot": (lambda s: _first_date(s / "multipub" / "subscriptions.csv", "31/02/2024"),
                             ["subscriptions.csv:2:", "'31/02/2024'", "not a date"]),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_one_error_line_and_state_unchanged(
        case, landed: Path, sources: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    before = state_digest(landed)
    mutate, expected = BAD_INPUTS[case]
    mutate(sources)
    if case == "undecodable_csv":  # one case through a new process: what an operator's shell sees
        proc = cli(*run_args("apply", landed, sources), cwd=landed)
    else:
        proc = cli_in_process(*run_args("apply", landed, sources), cwd=landed, monkeypatch=monkeypatch, capsys=capsys)
    assert proc.returncode == 2, proc.stderr[-2000:]
    lines = error_lines(proc)
    assert len(lines) == 1, proc.stderr[-2000:]
    for text in expected:
        assert text in lines[0], lines[0]
    assert "Traceback" not in proc.stderr
    assert state_digest(landed) == before  # raw tables and the CUPOLA store as they were


def test_bad_as_of_is_refused_by_the_parser(tmp_path: Path, sources: Path) -> None:
    args = run_args("apply", tmp_path, sources)
    args[args.index("--as-of") + 1] = "2026-13-45"
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2 and len(error_lines(proc)) == 1
    assert "--as-of" in proc.stderr and "YYYY-MM-DD" in proc.stderr
    assert not (tmp_path / "wh").exists()  # nothing started


def test_a_second_apply_exits_2_naming_the_run_that_holds_the_lock(tmp_path: Path, sources: Path) -> None:
    (tmp_path / "wh").mkdir()
    with RunLock(tmp_path / "wh" / "w.duckdb", "20260101T000000000Z", "apply"):
        proc = cli(*run_args("apply", tmp_path, sources), cwd=tmp_path)
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert "20260101T000000000Z" in line and f"pid {os.getpid()}" in line and "started" in line


def test_rollback_of_an_unknown_run_exits_2(landed: Path, sources: Path) -> None:
    proc = cli("rollback", "NOPE", "--sources", str(sources), "--warehouse", str(landed / "wh" / "w.duckdb"),
               "--runs-dir", str(landed / "runs"), cwd=landed)
    assert proc.returncode == 2
    (line,) = error_lines(proc)
    assert "no run 'NOPE'" in line


def test_rollback_refuses_the_throwaway_emulator_for_a_run_that_wrote_to_a_real_org(landed: Path,
                                                                                    sources: Path) -> None:
    from autoresponder.act import write_log
    from autoresponder.models import PlannedWrite, WriteOutcome
    from autoresponder.targets import record_run

    conn = duckdb.connect(str(landed / "wh" / "w.duckdb"))
    record_run(conn, "R1", "apply", "apply", {"salesforce": "https://acme.my.salesforce.com org 00D000000000001"})
    w = PlannedWrite(run_id="R1", message_id="m", system="salesforce", object="Contact", record_id="003x",
                     action="update_email", payload={"Email": "new@acme.com"}, prior={"Email": "Old@Acme.com"},
                     idempotency_key="k1")
    write_log.ensure_write_log(conn)
    write_log.insert_pending(conn, [w], "R1")
    write_log.mark_outcomes(conn, "salesforce", [WriteOutcome("k1", "succeeded", attempts=1)])
    conn.close()
    proc = cli("rollback", "R1", "--sources", str(sources), "--warehouse", str(landed / "wh" / "w.duckdb"),
               "--runs-dir", str(landed / "runs"), cwd=landed)
    assert proc.returncode == 2, proc.stderr[-2000:]
    (line,) = error_lines(proc)
    assert "acme.my.salesforce.com" in line and "throwaway embedded emulator" in line
    proc = cli(*run_args("apply", landed, sources), cwd=landed)  # apply heals nothing against it either
    assert proc.returncode == 2 and "throwaway embedded emulator" in error_lines(proc)[0]


def test_access_token_refused_without_refresh_token_exits_2_before_any_write(tmp_path: Path, sources: Path) -> None:
    from autoresponder.emulators.salesforce import start_emulator

    with start_emulator(sources) as emu:
        env = {"AUTORESPONDER_SALESFORCE_INSTANCE_URL": emu.instance_url,
               "AUTORESPONDER_SALESFORCE_ACCESS_TOKEN": "00D5e000000AbCd!expired", "REQUESTS_CA_BUNDLE":
               str(emu.ca_cert_path)}
        proc = cli(*run_args("apply", tmp_path, sources), cwd=tmp_path, env=env)
        counts = emu.request_counts()
    assert proc.returncode == 2, proc.stderr[-2000:]
    (line,) = error_lines(proc)
    assert "REFRESH_TOKEN" in line
    assert not any(k.startswith("composite_p") for k in counts)  # no write went out
    assert sum(counts.values()) == 1  # the first refused request, nothing after it


def test_a_plan_that_trips_the_deactivation_guard_exits_4_after_writing_its_run_folder(
        tmp_path: Path, sources: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    proc = cli_in_process(*run_args("plan", tmp_path, sources), cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys,
                          env={"AUTORESPONDER_MAX_DEACTIVATION_SHARE": "0.0"})
    assert proc.returncode == 4, proc.stderr[-3000:]
    (line,) = error_lines(proc)
    assert "deactivation guard" in line and "max_deactivation_share" in line and "apply would write nothing" in line
    [run_dir] = (tmp_path / "runs").iterdir()
    impact = json.loads((run_dir / "impact_report.json").read_text())
    assert "max_deactivation_share" in impact["stopped"] and impact["mode"] == "plan"
    assert impact["planned_auto_writes"] > 0 and impact["records_deactivated"] == 0
    assert "Run stopped by a guard" in (run_dir / "impact_report.md").read_text()


def test_a_failed_input_expectation_exits_4_naming_the_source_file(
        tmp_path: Path, sources: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    # DESIGN §10: failed input expectations stop the run before any write (a guard: exit 4)
    prospects = sources / "hodor" / "prospects.csv"
    rows = prospects.read_text(encoding="utf-8").splitlines()
    prospects.write_text("\n".join([*rows, rows[1]]) + "\n", encoding="utf-8")  # one prospect_id twice
    proc = cli_in_process(*run_args("apply", tmp_path, sources), cwd=tmp_path, monkeypatch=monkeypatch, capsys=capsys)
    assert proc.returncode == 4, proc.stderr[-3000:]
    (line,) = error_lines(proc)
    assert "hodor/prospects.csv" in line and "expect_column_values_to_be_unique(prospect_id)" in line
    assert "nothing was written" in line and "Traceback" not in proc.stderr
    conn = duckdb.connect(str(tmp_path / "wh" / "w.duckdb"), read_only=True)
    assert not conn.execute("select count(*) from information_schema.tables where table_schema = 'ops' "
                            "and table_name = 'write_log'").fetchone()[0]
    conn.close()
