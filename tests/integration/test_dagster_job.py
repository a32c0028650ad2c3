"""The Dagster assets run the same chain as the CLI: one materialisation of everything."""

from __future__ import annotations

import json
import re
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource

from dagster_defs.actions import DBT_EXECUTABLE, dbt_project
from dagster_defs.definitions import all_assets, all_checks
from dagster_defs.resources import AutoResponderResource, SystemsResource


def test_materialising_every_asset_writes_the_run_folder_and_the_writes(sources: Path, tmp_path: Path) -> None:
    settings = AutoResponderResource(sources_dir=str(sources), warehouse=str(tmp_path / "w.duckdb"),
                                     runs_dir=str(tmp_path / "runs"), as_of="2026-11-25", mode="apply")
    result = dg.materialize([*all_assets, *all_checks], resources={
        "autoresponder": settings,
        "systems": SystemsResource(autoresponder=settings),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    })
    assert result.success
    (run_dir,) = (tmp_path / "runs").iterdir()  # one folder, named as the CLI names them
    assert re.fullmatch(r"\d{8}T\d{9}Z", run_dir.name)
    impact = json.loads((run_dir / "impact_report.json").read_text())
    assert impact["total_processed"] == 32
    assert impact["writes_by_system"]["cupola"]["succeeded"] > 0
    assert "H-70006" in (run_dir / "hodor_pending_actions.csv").read_text()
    assert (run_dir / "data_docs" / "index.html").is_file()
    checks = [e.event_specific_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert checks and all(c.passed for c in checks)
    gx_checks = {c.check_name for c in checks if c.check_name.startswith("gx_")}
    assert "gx_inputs_raw_cupola_org_persons" in gx_checks and "gx_outputs_write_log" in gx_checks
    assert len(gx_checks) == 24
    materialised = {"/".join(m.asset_key.path): m.metadata for m in result.get_asset_materialization_events()
                    and [e.event_specific_data.materialization for e in result.get_asset_materialization_events()]}
    assert materialised["marts/fct_actions"]["dagster/row_count"].value > 0
    assert materialised["raw/cupola_persons"]["dagster/row_count"].value == 30
    assert materialised["run_folder"]["impact_report"].value.startswith("#")
    assert materialised["raw/emails"]["run_id"].value == run_dir.name
    # issue 12: the connection state (ops.connections) shown on the write asset
    connections = {c["system"]: c for c in materialised["ops/write_log"]["connections"].value}
    assert connections["salesforce"]["status"] == "ok" and connections["salesforce"]["last_success_at"]
    # issue 10: the impact across runs, chart inlined, as Markdown metadata of the run-folder asset
    (folder,) = result.asset_materializations_for_node("run_folder")
    across = folder.metadata["impact_across_runs"]
    assert isinstance(across, dg.MarkdownMetadataValue)
    assert "Across runs (1 runs)" in across.value and "](data:image/png;base64,iVBOR" in across.value
    assert (run_dir / "impact_cumulative.png").is_file()


def test_a_failed_input_check_stops_the_apply_writes(sources: Path, tmp_path: Path) -> None:
    with (sources / "cupola" / "org_persons.csv").open("a", encoding="utf-8") as fh:
        fh.write("9999,999999,201,Analyst,ghost@acme.com,Active,2024-01-08\n")  # no person 999999
    settings = AutoResponderResource(sources_dir=str(sources), warehouse=str(tmp_path / "w.duckdb"),
                                     runs_dir=str(tmp_path / "runs"), as_of="2026-11-25", mode="apply")
    result = dg.materialize(all_assets, raise_on_error=False, resources={
        "autoresponder": settings,
        "systems": SystemsResource(autoresponder=settings),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    })
    assert not result.success
    failed = {c.check_name for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"
              for c in [e.event_specific_data] if not c.passed}
    assert failed == {"gx_inputs_raw_cupola_org_persons"}
    (step,) = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    assert step.step_key == "ops__write_log"
    assert "input data-quality expectations failed, nothing was written" in str(step.event_specific_data.error)
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:  # nothing written: the write log (created empty before dbt, for the audit models) has no row
        assert conn.execute("select count(*) from ops.write_log").fetchone()[0] == 0
    finally:
        conn.close()
    (run_dir,) = (tmp_path / "runs").iterdir()
    assert (run_dir / "data_docs" / "index.html").is_file()
