"""DESIGN §10 guarantees and the flags of §6 through the real chain (part two): the creation and
reactivation flags, a missing source file, the demo through the real CLI and its rollback, and
Salesforce faults. Part one (re-run, plan, run date, deactivation guard): test_guarantees.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from autoresponder.systems.cupola.embedded import EmbeddedCupola
from tests.integration.chain import count, start_chain

ROOT = Path(__file__).resolve().parents[2]


def test_contact_creation_and_reactivation_happen_only_behind_their_flags(sources: Path, tmp_path: Path) -> None:
    run = start_chain(sources, tmp_path, auto_add_replacements=True, allow_reactivation=True,
                      salesforce_weekly_rollup=True)
    try:
        created = run.systems.salesforce.query(
            "SELECT Id, AccountId, Contact_Status__c, Title FROM Contact WHERE Email = 'john.doe@acme.com'")
        assert created["totalSize"] == 1
        rec = created["records"][0]
        assert rec["Contact_Status__c"] == "Active" and rec["Title"] == "Head of Research" and rec["AccountId"]
        assert run.sf_record("Contact", "003Dn0000000005IAA")["Contact_Status__c"] == "Active"  # reactivated
        assert run.cupola_row(5005)["status"] == "Inactive"  # CUPOLA never reactivated
        assert count(run.ctx.warehouse, "select count(*) from marts.fct_actions where system = 'cupola' "
                                         "and gate = 'auto' and action = 'create'") == 0
        # the weekly roll-up flag: one `Weekly deal summary` Task per Account for 2026-W47, curated lines only
        rollups = run.systems.salesforce.query(
            "SELECT WhatId, Description FROM Task WHERE Subject = 'Weekly deal summary'")["records"]
        assert run.impact["weekly_rollups_written"] == len(rollups) > 0
        assert len({r["WhatId"] for r in rollups}) == len(rollups)
        [acme] = [r["Description"] for r in rollups if r["WhatId"] == "001Dn0000000001IAA"]
        assert "week 2026-W47 (2026-11-16 to 2026-11-22)" in acme and "Jane Smith <jane.smith@acme.com>" in acme
        assert all(line.startswith(("Weekly deal summary", "- ", "AutoResponder week:")) or line[0].isdigit()
                   for line in acme.splitlines())
    finally:
        run.stack.close()


def test_missing_source_file_stops_the_demo_naming_the_file(sources: Path, tmp_path: Path) -> None:
    (sources / "multipub" / "subscriptions.csv").unlink()
    res = subprocess.run(
        [str(Path(sys.executable).parent / "autoresponder"), "demo", "--sources", str(sources),
         "--warehouse", str(tmp_path / "w.duckdb"), "--runs-dir", str(tmp_path / "runs"), "--as-of", "2026-11-25"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 2  # bad input (DESIGN §10 exit codes)
    assert "multipub/subscriptions.csv" in res.stderr


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """One `autoresponder demo` through the real CLI; the demo and rollback tests read it."""
    tmp_path = tmp_path_factory.mktemp("demo")
    res = subprocess.run(
        [str(Path(sys.executable).parent / "autoresponder"), "demo", "--warehouse", str(tmp_path / "w.duckdb"),
         "--runs-dir", str(tmp_path / "runs"), "--as-of", "2026-11-25"],
        capture_output=True, text=True, timeout=300, cwd=ROOT)
    return res, tmp_path


def test_demo_prints_the_impact_report_and_the_run_folder(demo) -> None:
    res, tmp_path = demo
    assert res.returncode == 0, res.stderr[-3000:]
    assert not [line for line in res.stderr.splitlines() if line.startswith("error:")]  # exit 0, no error line
    assert "Total emails processed:** 32" in res.stdout
    run_dir = Path(res.stdout.strip().splitlines()[-1].split("run folder: ")[1])
    impact = json.loads((run_dir / "impact_report.json").read_text())
    assert impact["records_deactivated"] > 0 and impact["api_calls"]["salesforce_requests"] > 0
    # every Great Expectations suite passed on the demo and Data Docs are in the run folder
    assert "input suites passed" in (run_dir / "stage_execution.log").read_text()
    assert (run_dir / "data_docs" / "index.html").is_file()
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        assert conn.execute("select count(*), count(*) filter (where success) from ops.quality_results").fetchone() \
            == (24, 24)
    finally:
        conn.close()


def test_rollback_restores_what_it_can_and_lists_the_rest(demo) -> None:
    # runs after the demo test (file order): the rollback changes the demo's systems
    first, tmp_path = demo
    exe = str(Path(sys.executable).parent / "autoresponder")
    common = ["--warehouse", str(tmp_path / "w.duckdb"), "--runs-dir", str(tmp_path / "runs")]
    run_id = Path(first.stdout.strip().splitlines()[-1].split("run folder: ")[1]).name
    res = subprocess.run([exe, "rollback", run_id, *common], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-2000:]
    out = json.loads(res.stdout)
    restored = {(r["system"], r["record_id"]) for r in out["restored"]}
    assert ("cupola", "5014") in restored  # the email update is put back through OrgPersonUpdates
    manual = {(m["system"], m["record_id"], m["action"]) for m in out["manual"]}
    assert ("cupola", "5006", "mark_inactive") in manual  # CUPOLA has no reactivate procedure
    store = EmbeddedCupola(tmp_path / "cupola.sqlite")
    try:
        assert store.read_org_person(5014)["email"] == "LTran@GraniteRidge.com"
    finally:
        store.close()


def test_with_injected_salesforce_faults_every_planned_write_lands_exactly_once(sources: Path, tmp_path: Path) -> None:
    faults = {"rate": 0.3, "kinds": ["429", "503", "UNABLE_TO_LOCK_ROW", "INVALID_SESSION_ID", "drop"], "seed": 7}
    run = start_chain(sources, tmp_path, salesforce_faults=faults)
    try:
        emu = run.systems.extra["salesforce_emulator"]
        applied = emu.org.applied_summary()
        injected = emu.faults_injected()
        statuses = run.query("select status, count(*) as n from ops.write_log where system = 'salesforce' group by 1")
    finally:
        run.stack.close()
    assert sum(injected.values()) > 0
    assert {r["status"] for r in statuses} == {"succeeded"}
    assert applied["by_object"]["Contact"]["max_per_record"] == 1
    assert applied["by_object"]["Lead"]["max_per_record"] == 1
    assert applied["records_with_several_tasks"] == 0
