"""The Dagster assets run the same chain as the CLI: one materialisation of everything."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

from dagster_defs.actions import DBT_EXECUTABLE, dbt_project
from dagster_defs.definitions import all_assets
from dagster_defs.resources import AutoResponderResource, SystemsResource


def test_materialising_every_asset_writes_the_run_folder_and_the_writes(sources: Path, tmp_path: Path) -> None:
    settings = AutoResponderResource(sources_dir=str(sources), warehouse=str(tmp_path / "w.duckdb"),
                                     runs_dir=str(tmp_path / "runs"), as_of="2026-11-25", mode="apply")
    result = dg.materialize(all_assets, resources={
        "autoresponder": settings,
        "systems": SystemsResource(autoresponder=settings),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    })
    assert result.success
    run_dir = tmp_path / "runs" / result.run_id
    impact = json.loads((run_dir / "impact_report.json").read_text())
    assert impact["total_processed"] == 32
    assert impact["writes_by_system"]["cupola"]["succeeded"] > 0
    assert "H-70006" in (run_dir / "hodor_pending_actions.csv").read_text()
    checks = [e for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    assert checks and all(e.event_specific_data.passed for e in checks)
    # issue 10: the impact across runs, chart inlined, as Markdown metadata of the run-folder asset
    (folder,) = result.asset_materializations_for_node("run_folder")
    across = folder.metadata["impact_across_runs"]
    assert isinstance(across, dg.MarkdownMetadataValue)
    assert "Across runs (1 runs)" in across.value and "](data:image/png;base64,iVBOR" in across.value
    assert (run_dir / "impact_cumulative.png").is_file()
