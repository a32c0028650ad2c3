"""The Dagster Definitions load and show the four groups with every table as an asset."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dagster as dg

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
