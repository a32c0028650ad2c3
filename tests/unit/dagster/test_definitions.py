"""The Dagster Definitions load and show the four groups with every table as an asset."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb

from dagster_defs.definitions import defs


def _specs() -> dict[str, str]:
    graph = defs.resolve_asset_graph()
    return {"/".join(k.path): graph.get(k).group_name for k in graph.get_all_asset_keys()}


def test_definitions_show_the_four_groups() -> None:
    assert set(_specs().values()) == {"landing", "classification", "actions", "outputs"}


def test_every_table_of_the_chain_is_an_asset_in_its_group() -> None:
    groups = _specs()
    expected = {
        "raw/emails": "landing", "raw/cupola_org_persons": "landing", "raw/sf_contact": "landing",
        "classification/classified_messages": "classification",
        "marts/fct_actions": "actions", "marts/fct_message_outcomes": "actions", "ops/write_log": "actions",
        "marts/output_document_human_review": "outputs", "run_folder": "outputs",
    }
    assert {k: groups.get(k) for k in expected} == expected


def test_dbt_sources_are_wired_to_the_landing_assets() -> None:
    graph = defs.resolve_asset_graph()
    upstream = {"/".join(k.path) for k in graph.get(dg.AssetKey(["staging", "stg_emails__messages"])).parent_keys}
    assert upstream == {"raw/emails"}


def test_dagster_definitions_validate_passes() -> None:
    root = Path(__file__).resolve().parents[3]
    res = subprocess.run([str(Path(sys.executable).parent / "dagster"), "definitions", "validate", "-m",
                          "dagster_defs.definitions"], cwd=root, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]


SNAPSHOT = Path(__file__).with_name("definitions_snapshot.json")


def definitions_snapshot() -> dict:
    """What a data engineer sees in the Dagster UI: assets by group, checks, jobs, schedules, sensors."""
    graph = defs.resolve_asset_graph()
    repo = defs.get_repository_def()
    return {
        "assets": {"/".join(k.path): graph.get(k).group_name for k in sorted(graph.get_all_asset_keys())},
        "asset_checks": sorted(f"{'/'.join(k.asset_key.path)}:{k.name}" for k in graph.asset_check_keys),
        "jobs": sorted(j.name for j in repo.get_all_jobs() if not j.name.startswith("__")),
        "schedules": {s.name: {"cron": s.cron_schedule, "job": s.job_name} for s in repo.schedule_defs},
        "sensors": {s.name: {"jobs": sorted(j.name for j in s.jobs)} for s in repo.sensor_defs},
    }


def test_definitions_match_the_snapshot() -> None:
    """Renaming or regrouping an asset, check, job, schedule or sensor is a visible change: update
    the snapshot on purpose with `UPDATE_SNAPSHOTS=1 pytest tests/unit/dagster`."""
    import json
    import os

    now = definitions_snapshot()
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(json.dumps(now, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert now == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_every_asset_has_a_description_owners_and_kinds() -> None:
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        spec = graph.get(key)
        assert spec.description, key
        assert spec.owners == ["team:data-engineering"], key
        assert spec.kinds, key


def test_the_sensor_requests_a_plan_run_only_when_reply_files_change(sources: Path, monkeypatch) -> None:
    from dagster_defs.sensors import new_emails_sensor

    monkeypatch.setenv("AUTORESPONDER_SOURCES_DIR", str(sources))
    first = new_emails_sensor(dg.build_sensor_context(cursor=None))
    assert isinstance(first, dg.RunRequest)
    cursor = first.run_key
    assert isinstance(new_emails_sensor(dg.build_sensor_context(cursor=cursor)), dg.SkipReason)
    (sources / "emails" / "99_new.eml").write_bytes(b"From: a@b.com\nSubject: x\n\nhello\n")
    again = new_emails_sensor(dg.build_sensor_context(cursor=cursor))
    assert isinstance(again, dg.RunRequest) and again.run_key != cursor
    repo = defs.get_repository_def()
    assert [j.name for j in repo.get_sensor_def("new_emails_sensor").jobs] == ["autoresponder_plan"]
    assert repo.get_schedule_def("autoresponder_daily_plan").job_name == "autoresponder_plan"


def test_with_the_email_store_the_sensor_requests_a_plan_run_when_rows_arrive(sql_store, monkeypatch) -> None:
    from dagster_defs.sensors import new_emails_sensor

    table = "CBI_EmailExtraction.dbo.Emails"
    sql_store.fill_emails(table, [("<a@acme.com>", datetime(2026, 11, 16, 9), b"Message-ID: <a@acme.com>\n\nhi\n")])
    monkeypatch.setenv("AUTORESPONDER_EMAILS_SQL", sql_store.url)
    monkeypatch.setenv("AUTORESPONDER_SOURCES_DIR", "/nonexistent")  # the folder is not looked at
    first = new_emails_sensor(dg.build_sensor_context(cursor=None))
    assert isinstance(first, dg.RunRequest) and first.tags["autoresponder/emails"] == "1"
    assert isinstance(new_emails_sensor(dg.build_sensor_context(cursor=first.run_key)), dg.SkipReason)
    sql_store.fill_emails(table, [("<b@acme.com>", datetime(2026, 11, 16, 10), b"Message-ID: <b@acme.com>\n\nho\n")])
    again = new_emails_sensor(dg.build_sensor_context(cursor=first.run_key))
    assert isinstance(again, dg.RunRequest) and again.run_key != first.run_key


def test_the_hubspot_landing_asset_is_a_no_op_saying_so_when_hubspot_is_off(sources: Path, tmp_path: Path,
                                                                            monkeypatch) -> None:
    from dagster_defs.landing import api_assets
    from dagster_defs.resources import AutoResponderResource, SystemsResource

    monkeypatch.delenv("AUTORESPONDER_HUBSPOT_ENABLED", raising=False)
    (hubspot,) = [a for a in api_assets if a.key == dg.AssetKey(["raw", "hubspot_contacts"])]
    resource = AutoResponderResource(sources_dir=str(sources), warehouse=str(tmp_path / "w.duckdb"),
                                     runs_dir=str(tmp_path / "runs"), as_of="2026-11-25", mode="plan")
    result = dg.materialize([hubspot], resources={"autoresponder": resource,
                                                  "systems": SystemsResource(autoresponder=resource)})
    (event,) = result.get_asset_materialization_events()
    metadata = event.event_specific_data.materialization.metadata
    assert metadata["landed"].value == "no" and "hubspot is not configured" in metadata["reason"].value
    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:  # no connection bookkeeping, no table
        assert conn.execute("select count(*) from information_schema.tables where table_name in "
                            "('connections', 'hubspot_contacts')").fetchone()[0] == 0
    finally:
        conn.close()
