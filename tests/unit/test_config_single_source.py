"""Configuration in one place: the CLI and Dagster pass dbt the same vars, built by one function
from `Settings`; each default is written only in config.py; `rollback` reads `Settings`."""

from __future__ import annotations

import json
import re
from argparse import Namespace
from pathlib import Path

import duckdb
import yaml

from autoresponder.act.rollback import rollback_main
from autoresponder.act.write_log import ensure_write_log
from autoresponder.cli import build_parser
from autoresponder.commands import settings_from_args
from autoresponder.config import Settings, default_setting
from autoresponder.dbt import DBT_PROJECT_DIR, dbt_vars_for, run_vars
from autoresponder.run import RunContext
from dagster_defs.resources import AutoResponderResource

FLAGS = ("auto_add_replacements", "allow_reactivation", "our_domains", "min_auto_confidence",
         "require_sender_authentication", "record_bounces")


def _cli_vars(argv: list[str], tmp_path: Path) -> dict:
    settings = settings_from_args(build_parser().parse_args([*argv, "--runs-dir", str(tmp_path / "cli")]))
    return run_vars(RunContext.create(settings, run_id="R"))


def _dagster_vars(resource: AutoResponderResource, tmp_path: Path) -> dict:
    settings = resource.model_copy(update={"runs_dir": str(tmp_path / "dagster")}).settings()
    return run_vars(RunContext.create(settings, run_id="R"))


def test_cli_and_dagster_pass_dbt_the_same_vars(monkeypatch, tmp_path: Path) -> None:
    assert _cli_vars(["plan", "--as-of", "2026-11-25"], tmp_path) == \
        _dagster_vars(AutoResponderResource(as_of="2026-11-25"), tmp_path)
    monkeypatch.setenv("AUTORESPONDER_AUTO_ADD_REPLACEMENTS", "true")
    monkeypatch.setenv("AUTORESPONDER_ALLOW_REACTIVATION", "true")
    monkeypatch.setenv("AUTORESPONDER_OUR_DOMAINS", '["ours.example", "research.example"]')
    cli = _cli_vars(["apply", "--as-of", "2026-11-25"], tmp_path)
    assert (cli["auto_add_replacements"], cli["allow_reactivation"], cli["our_domains"]) == \
        (True, True, ["ours.example", "research.example"])
    assert _dagster_vars(AutoResponderResource(as_of="2026-11-25"), tmp_path) == cli
    monkeypatch.delenv("AUTORESPONDER_AUTO_ADD_REPLACEMENTS")
    monkeypatch.delenv("AUTORESPONDER_ALLOW_REACTIVATION")
    monkeypatch.delenv("AUTORESPONDER_OUR_DOMAINS")
    # the same flags set on the Dagster resource (launchpad config) give the same vars
    assert _dagster_vars(AutoResponderResource(as_of="2026-11-25", auto_add_replacements=True,
                                               allow_reactivation=True,
                                               our_domains=["ours.example", "research.example"]), tmp_path) == cli


def test_each_flag_default_lives_only_in_config(tmp_path: Path) -> None:
    project_vars = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]
    assert not set(FLAGS) & set(project_vars)
    defaults = dbt_vars_for(Settings(), as_of="2026-11-25", run_id="R")
    assert defaults["our_domains"] == default_setting("our_domains") == Settings().our_domains
    # hard bounces recorded on Salesforce: on by default, off through the one setting
    assert defaults["record_bounces"] is default_setting("salesforce_record_bounces") is True
    assert dbt_vars_for(Settings(salesforce_record_bounces=False), as_of="2026-11-25", run_id="R")["record_bounces"] is False
    root = Path(__file__).resolve().parents[2] / "python_ops" / "autoresponder"
    literal = re.compile(r"our_domains.*\[\s*['\"][a-z0-9.-]+['\"]")
    written = [str(p.relative_to(root)) for p in root.rglob("*.py") if literal.search(p.read_text(encoding="utf-8"))]
    assert written == ["config.py"]


def test_rollback_reads_the_warehouse_and_runs_folder_from_settings(monkeypatch, tmp_path: Path, capsys) -> None:
    warehouse = tmp_path / "elsewhere" / "wh.duckdb"
    warehouse.parent.mkdir()
    conn = duckdb.connect(str(warehouse))
    ensure_write_log(conn)
    conn.close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AUTORESPONDER_WAREHOUSE", str(warehouse))
    assert rollback_main(Namespace(run_id="R1", warehouse=None, runs_dir=None, sources=None, as_of=None)) == 0
    assert json.loads(capsys.readouterr().out)["rollback_run_id"] == "R1-rollback"
    assert not (tmp_path / "warehouse.duckdb").exists()  # not the old hard-coded default
