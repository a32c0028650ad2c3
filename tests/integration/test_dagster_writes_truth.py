"""Issue 9 through Dagster: the write asset fails with the same failed-write list as the CLI and the
impact report, a guard fails it with exit code 4, and a Dagster run holds the CLI's run lock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
from dagster_dbt import DbtCliResource

from autoresponder.emulators.salesforce.schema import FieldSpec
from autoresponder.runlock import RunLock
from dagster_defs.actions import DBT_EXECUTABLE, dbt_project
from dagster_defs.definitions import all_assets
from dagster_defs.resources import AutoResponderResource, SystemsResource

AS_OF = "2026-11-25"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _settings(sources: Path, tmp: Path, mode: str = "apply") -> AutoResponderResource:
    return AutoResponderResource(sources_dir=str(sources), warehouse=str(tmp / "wh" / "w.duckdb"),
                                 runs_dir=str(tmp / "runs"), as_of=AS_OF, mode=mode)


class TaskRefusingSystems(SystemsResource):
    """The embedded systems, with an org whose admin made a Task field required: every Task fails."""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        super().setup_for_execution(context)
        self.systems.extra["salesforce_emulator"].state.add_field(
            "Task", FieldSpec("Review_Code__c", "string", 20, nillable=False, custom=True))


def _resources(settings: AutoResponderResource, systems=SystemsResource) -> dict:
    return {"autoresponder": settings, "systems": systems(autoresponder=settings),
            "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)}


def _materialize(settings: AutoResponderResource, assets=None, systems=SystemsResource) -> dg.ExecuteInProcessResult:
    return dg.materialize(assets or all_assets, raise_on_error=False, resources=_resources(settings, systems))


def _write_asset_failure(result: dg.ExecuteInProcessResult):
    [event] = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"
               and e.step_key == "ops__write_log"]
    data = event.step_failure_data.user_failure_data
    assert data is not None, event.step_failure_data.error
    return data.description, {k: v.value for k, v in data.metadata.items()}


def _key(f: dict) -> tuple:
    return (f["system"], f.get("record_id"), f.get("action"), f["status"], f.get("message") or f.get("remote_message"))


@pytest.fixture(scope="module")
def faulted(tmp_path_factory) -> tuple[dg.ExecuteInProcessResult, Path]:
    """One apply through Dagster where every collection write loses some records to
    UNABLE_TO_LOCK_ROW and the org refuses every Task (a required Task field)."""
    tmp = tmp_path_factory.mktemp("faulted")
    sources = tmp / "sources"
    shutil.copytree(SEEDS, sources)
    os.environ["AUTORESPONDER_SALESFORCE_FAULTS"] = json.dumps({"rate": 1.0, "kinds": ["UNABLE_TO_LOCK_ROW"],
                                                               "seed": 1})
    try:
        result = _materialize(_settings(sources, tmp), systems=TaskRefusingSystems)
    finally:
        del os.environ["AUTORESPONDER_SALESFORCE_FAULTS"]
    return result, tmp


@pytest.mark.slow
def test_write_asset_fails_listing_failed_writes_and_tasks_as_the_impact_report_does(faulted) -> None:
    result, tmp = faulted
    assert not result.success
    description, meta = _write_asset_failure(result)
    assert meta["exit_code"] == 3
    failed = meta["failed_writes"]
    assert failed and all(f["system"] == "salesforce" for f in failed)
    no_task = [f for f in failed if "Task was not created" in f["message"]]
    locked = [f for f in failed if "UNABLE_TO_LOCK_ROW" in f["message"] and f not in no_task]
    assert locked and no_task and len(locked) + len(no_task) == len(failed), [f["message"] for f in failed]
    assert any("REQUIRED_FIELD_MISSING" in f["message"] for f in no_task)  # the org's own refusal, kept
    assert "write(s) failed" in description and "UNABLE_TO_LOCK_ROW" in description
    assert "REQUIRED_FIELD_MISSING" in description
    # the run folder was written before the failure; its impact report lists exactly the same writes
    impact = json.loads((_run_dir(tmp) / "impact_report.json").read_text())
    assert sorted(map(_key, impact["failed_writes"])) == sorted(map(_key, failed))
    assert "## Failed writes" in (_run_dir(tmp) / "impact_report.md").read_text()


@pytest.mark.slow
def test_quota_guard_fails_the_write_asset_with_exit_code_4(faulted, monkeypatch) -> None:
    # the next run of the write asset on that warehouse retries the failed writes, but the org's
    # daily API usage is past the configured share: Salesforce writes stop, the rest stay pending
    first, tmp = faulted
    monkeypatch.setenv("AUTORESPONDER_SALESFORCE_MAX_API_SHARE", "1e-9")  # past it from the first request
    result = dg.materialize(all_assets, raise_on_error=False, selection=[dg.AssetKey(["ops", "write_log"])],
                            resources=_resources(_settings(tmp / "sources", tmp)))
    assert not result.success
    description, meta = _write_asset_failure(result)
    assert meta["exit_code"] == 4 and "daily API usage" in meta["stopped"]
    assert "stopped by a guard" in description and "salesforce_max_api_share" in description
    [stop] = meta["failed_writes"]  # the same row the CLI's list has for a stopped system
    assert (stop["system"], stop["status"], stop["record_id"]) == ("salesforce", "error", None)
    assert stop["message"].startswith("stopped by a guard:") and "daily API usage" in stop["message"]
    impact = json.loads((_run_dir(tmp) / "impact_report.json").read_text())
    assert "daily API usage" in impact["stopped"]
    retried = impact["writes_by_system"]["salesforce"]
    assert retried == {"pending": len(_write_asset_failure(first)[1]["failed_writes"])}


def test_dagster_run_is_refused_while_a_cli_run_holds_the_lock(sources: Path, tmp_path: Path) -> None:
    (tmp_path / "wh").mkdir()
    with RunLock(tmp_path / "wh" / "w.duckdb", "20260101T000000000Z", "apply"):
        result = _materialize(_settings(sources, tmp_path))
    assert not result.success
    errors = " ".join(str(e.event_specific_data) for e in result.all_events if e.is_failure or
                      e.event_type_value in ("RESOURCE_INIT_FAILURE", "RUN_FAILURE", "ENGINE_EVENT"))
    assert "another run holds the run lock" in errors and "20260101T000000000Z" in errors
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())  # nothing started
    assert not (tmp_path / "wh" / "w.duckdb").exists()


def test_cli_apply_during_a_dagster_run_exits_2_naming_the_dagster_run(sources: Path, tmp_path: Path) -> None:
    seen: dict = {}

    @dg.asset
    def concurrent_cli_apply(context, autoresponder: AutoResponderResource):
        proc = subprocess.run(
            [sys.executable, "-m", "autoresponder.cli", "apply", "--sources", str(sources), "--warehouse",
             autoresponder.warehouse, "--runs-dir", str(tmp_path / "cli-runs"), "--as-of", AS_OF],
            cwd=tmp_path, env={**os.environ, "PYTHONUNBUFFERED": "1"}, capture_output=True, text=True, timeout=300)
        seen.update(run_id=context.run_id, rc=proc.returncode, stderr=proc.stderr)

    (tmp_path / "wh").mkdir()
    result = _materialize(_settings(sources, tmp_path), [concurrent_cli_apply])
    assert result.success
    assert seen["rc"] == 2, seen["stderr"][-2000:]
    (line,) = [x for x in seen["stderr"].splitlines() if x.startswith("error:")]
    assert "another run holds the run lock" in line and seen["run_id"] in line and "dagster apply" in line
    assert not (tmp_path / "cli-runs").exists() or not any((tmp_path / "cli-runs").iterdir())
    # released when the Dagster run ended: the next run gets it
    with RunLock(tmp_path / "wh" / "w.duckdb", "next", "apply"):
        pass


def _run_dir(tmp):
    """The run folder of the latest Dagster run: folders are named like the CLI's, from the run's
    creation time (UTC to the millisecond), so the latest sorts last."""
    return max((p for p in (tmp / "runs").iterdir() if p.is_dir()), key=lambda p: p.name)
