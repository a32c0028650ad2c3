"""The SQL Server path (issue 11): every dbt model and data test compiles for the `sqlserver` target
without a server and parses as T-SQL, so production runs the same routing as the embedded default."""

from __future__ import annotations

import json
from pathlib import Path

from autoresponder.report.run_folder import DOCUMENTS
from autoresponder.tsql_check import check_compiled, compile_for_sqlserver


def test_every_model_compiles_for_sqlserver_and_parses_as_tsql(tmp_path: Path) -> None:
    compiled = compile_for_sqlserver(tmp_path / "target")
    models = sorted((compiled / "autoresponder" / "models").rglob("*.sql"))
    assert len(models) >= 39
    # the dispatch macros rendered their sqlserver__ versions
    outcomes = (compiled / "autoresponder" / "models" / "marts" / "fct_actions.sql").read_text()
    assert "hashbytes('SHA2_256'" in outcomes
    assert check_compiled(compiled) == {}

    # the same manifest: every document the run folder exports is an exposure's dependency
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text())
    exposed = {dep.split(".")[-1] for dep in
               manifest["exposures"]["exposure.autoresponder.run_folder_documents"]["depends_on"]["nodes"]}
    assert {model for model, _, _ in DOCUMENTS} <= exposed
    assert "exposure.autoresponder.impact_report" in manifest["exposures"]

