"""DESIGN §10 guarantees through the real chain (part one): a re-run, plan mode, the run date, the
deactivation guard. Part two (flags, the demo CLI, rollback, faults): test_guarantees_demo_and_flags.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from autoresponder.config import Settings
from autoresponder.connections import open_systems
from autoresponder.dbt import dbt_vars, run_dbt
from autoresponder.errors import RunStopped
from autoresponder.pipeline import run_pipeline
from autoresponder.run import RunContext
from tests.conftest import SEEDS
from tests.integration.chain import count, start_chain


def test_rerun_of_the_same_sources_writes_nothing_new(sources: Path, tmp_path: Path) -> None:
    first = start_chain(sources, tmp_path)
    try:
        written = count(first.ctx.warehouse, "select count(*) from ops.write_log where status in ('succeeded', 'queued')")
        sf_before = first.systems.extra["salesforce_emulator"].request_counts()
        s = first.ctx.settings
        again = RunContext.create(s)
        impact = run_pipeline(again, first.systems)  # same emulators, same warehouse
    finally:
        first.stack.close()
    assert written > 0
    assert impact["landing"]["landed"] == 0
    assert count(first.ctx.warehouse, "select count(*) from ops.write_log") == written
    assert sum(impact["writes_by_system"].get(sys_, {}).get("succeeded", 0)
               for sys_ in impact["writes_by_system"]) == 0
    sf_after = first.systems.extra["salesforce_emulator"].request_counts()
    assert sf_after.get("composite_patch", 0) == sf_before.get("composite_patch", 0)


@pytest.fixture(scope="module")
def plan_run(tmp_path_factory):
    """One `plan` run on the demo sources, its emulators open for the module; the plan and the
    twelve-month tests read it (the latter rebuilds one document for another day, then back)."""
    tmp_path = tmp_path_factory.mktemp("plan")
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    run = start_chain(sources, tmp_path, mode="plan")
    yield run
    run.stack.close()


def test_plan_mode_computes_the_action_table_and_writes_nothing(plan_run) -> None:
    run = plan_run
    planned = count(run.ctx.warehouse, "select count(*) from marts.fct_actions where gate = 'auto'")
    assert planned > 0
    assert run.cupola_row(5006)["status"] == "Active"
    assert run.sf_record("Contact", "003Dn0000000006IAA")["Contact_Status__c"] == "Active"
    assert run.systems.extra["salesforce_emulator"].request_counts().get("composite_patch", 0) == 0
    assert run.impact["planned_auto_writes"] == planned and run.impact["records_deactivated"] == 0


def test_twelve_month_windows_follow_the_run_date_not_the_wall_clock(plan_run, tmp_path: Path) -> None:
    wh = plan_run.ctx.warehouse
    # S-900801 expired on 2026-05-25: within 12 months of 2026-11-25, not of 2027-08-01
    sql = ("select count(*) from marts.output_document_multipub_audit "
           "where subscription_id = 'S-900801' and is_expired_within_12_months = 1")
    now = count(wh, sql)
    # the document and what it is built from, as of another day (the rest of the project does not change it)
    only = ["--select", "+output_document_multipub_audit", "--exclude-resource-type", "unit_test"]
    run_dbt("build", wh, dbt_vars(as_of="2027-08-01", run_id="later"), target_path=tmp_path / "t", extra=only)
    later = count(wh, sql)
    run_dbt("build", wh, dbt_vars(as_of="2026-11-25", run_id="again"), target_path=tmp_path / "t", extra=only)
    assert (now, later) == (1, 0)
    assert count(wh, sql) == now


def test_deactivation_share_above_the_limit_stops_the_run_before_any_write(sources: Path, tmp_path: Path) -> None:
    s = Settings(sources_dir=sources, warehouse=tmp_path / "w.duckdb", runs_dir=tmp_path / "runs",
                 as_of="2026-11-25", mode="apply", max_deactivation_share=0.05)
    ctx = RunContext.create(s)
    with open_systems(s, sources, ctx.warehouse) as systems:
        with pytest.raises(RunStopped, match="share"):
            run_pipeline(ctx, systems)
        assert systems.cupola.read_org_person(5006)["status"] == "Active"
    assert "failed: RunStopped" in (ctx.run_dir / "stage_execution.log").read_text()
