"""The dbt project on its own: unit tests of every routing model (given/expect rows, one per
DESIGN §5 row) and the data tests, on a warehouse landed from the demo sources."""

from __future__ import annotations

from pathlib import Path

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
