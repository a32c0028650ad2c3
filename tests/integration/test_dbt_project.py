"""The dbt project on its own: unit tests of every routing model (given/expect rows, one per
DESIGN §5 row) and the data tests, on a warehouse landed from the demo sources."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from autoresponder.config import Settings
from autoresponder.connections import Connections
from autoresponder.dbt import dbt_vars, run_dbt
from autoresponder.pipeline import classify, connect_warehouse, land, transform
from autoresponder.run import RunContext


def test_dbt_unit_tests_of_the_routing_models_pass(sources: Path, tmp_path: Path) -> None:
    s = Settings(sources_dir=sources, warehouse=tmp_path / "w.duckdb", runs_dir=tmp_path / "runs",
                 as_of="2026-11-25")
    ctx = RunContext.create(s)
    conn = connect_warehouse(ctx.warehouse)
    land(ctx, conn, Connections())  # Salesforce from the CSV export: no emulator needed here
    classify(ctx, conn, Connections())
    conn.close()
    counts = transform(ctx)
    assert counts.get("error", 0) == 0 and counts["pass"] > 10
    unit = run_dbt("test", ctx.warehouse, dbt_vars(as_of=ctx.as_of, run_id="unit"),
                   target_path=tmp_path / "target", extra=["--select", "test_type:unit"])
    assert unit == {"pass": unit["pass"]} and unit["pass"] >= 12
    # the build writes no JSON artefacts; the unit-test run above wrote its manifest
    assert undocumented(ctx.warehouse, tmp_path / "target" / "manifest.json") == []


def undocumented(warehouse: Path, manifest_path: Path) -> list[str]:
    """Models without a one-line grain ("one row per ...") and built columns without a description."""
    nodes = [n for n in json.loads(manifest_path.read_text())["nodes"].values() if n["resource_type"] == "model"]
    conn = duckdb.connect(str(warehouse))  # dbt's in-process adapter may hold it read-write
    try:
        missing = []
        for n in nodes:
            if "one row per" not in n["description"].lower():
                missing.append(f"{n['name']}: no grain")
            built = [c for (c,) in conn.execute(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
                [n["schema"], n["name"]]).fetchall()]
            assert built, n["name"]
            described = {k for k, c in n["columns"].items() if c.get("description")}
            missing += [f"{n['name']}.{c}" for c in built if c not in described]
        return missing
    finally:
        conn.close()
