"""HubSpot as a target of the Dagster job: the landing asset reads HubSpot through its API and the
write asset writes to it, as the CLI does (test_hubspot_pipeline.py: the CLI chain against HubSpot)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster_dbt import DbtCliResource

from dagster_defs.actions import DBT_EXECUTABLE, dbt_project
from dagster_defs.definitions import all_assets
from dagster_defs.resources import AutoResponderResource, SystemsResource


def test_the_dagster_job_lands_and_writes_hubspot_like_the_cli(
        hubspot, sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    emu, settings = hubspot
    for name, value in settings.model_dump(include={"enabled", "base_url", "client_id", "client_secret",
                                                    "token_path", "token_key"}).items():
        monkeypatch.setenv(f"AUTORESPONDER_HUBSPOT_{name.upper()}", str(value))
    resource = AutoResponderResource(sources_dir=str(sources), warehouse=str(tmp_path / "w.duckdb"),
                                     runs_dir=str(tmp_path / "runs"), as_of="2026-11-25", mode="apply")
    result = dg.materialize(all_assets, resources={
        "autoresponder": resource, "systems": SystemsResource(autoresponder=resource),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)})
    assert result.success
    materialised = {"/".join(e.event_specific_data.materialization.asset_key.path):
                    e.event_specific_data.materialization.metadata for e in result.get_asset_materialization_events()}
    landed = materialised["raw/hubspot_contacts"]
    assert landed["landed"].value == "yes" and landed["dagster/row_count"].value == len(emu.portal.records["contacts"])
    assert landed["connection"].value["status"] == "ok" and landed["connection"].value["last_success_at"]
    connections = {c["system"]: c for c in materialised["ops/write_log"]["connections"].value}
    assert connections["hubspot"]["status"] == "ok"
    conn = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        written = conn.execute("select count(*) from ops.write_log where system = 'hubspot' "
                               "and object = 'contact' and status = 'succeeded'").fetchone()[0]
    finally:
        conn.close()
    assert written > 0 and emu.request_counts()["POST /crm/v3/objects/contacts/batch/update"] >= 1
