"""Shared fixtures: the demo sources and a fresh copy of them per test that changes sources.

Tests never reach a real endpoint: at import (before any test or fixture runs) the environment
loses every `OPENAI_*`, `AUTORESPONDER_*` and Salesforce setting, so a developer's own key or
org can never receive the seed emails; `test_environment_isolation.py` proves it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CLEARED_PREFIXES = ("OPENAI_", "AUTORESPONDER_", "SALESFORCE_", "SF_", "SFDC_")


def clear_endpoint_settings(environ=os.environ) -> list[str]:
    """Remove every variable that could point a test at a real LLM or CRM; returns their names."""
    names = [k for k in list(environ) if k.upper().startswith(CLEARED_PREFIXES)]
    for k in names:
        environ.pop(k, None)
    return names


CLEARED_AT_IMPORT = clear_endpoint_settings()


@pytest.fixture(autouse=True, scope="session")
def _no_real_endpoints():
    """Again for the session, in case a plugin set something after import."""
    clear_endpoint_settings()
    yield

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A private copy of the demo sources that a test may change."""
    dst = tmp_path / "sources"
    shutil.copytree(SEEDS, dst)
    return dst


# `make test` runs two workers, one test file at a time each (pytest-xdist `--dist loadfile` with
# `--no-loadscope-reorder`: files are handed out in collection order; xdist's default order, by number
# of tests, put the slow integration files, which hold few tests, last). The files that take longest
# start first, longest first (seconds measured in a clean-clone CI run), so that neither worker ends the
# run alone on one of them while the other waits; other files keep their order. No file should take much
# more than 90 s: split it (test_guarantees*.py) rather than let one worker finish alone.
SLOW_FIRST = (  # seconds in the clean-clone CI run of ccb61e5, before the splits and cuts noted
    "test_hubspot_pipeline.py",  # 94 with the Dagster test, now in test_hubspot_dagster.py
    "test_rerun_nothing_new.py",  # 93, one run fewer since
    "test_soak.py",  # 81
    "test_guarantees_demo_and_flags.py",  # 81
    "test_guarantees.py", "test_per_run_documents.py", "test_notifications.py",  # 61, 61, 60
    "test_cli_errors.py", "test_bench.py", "test_audit_models.py",  # 58 (less since), 53, 39
    "test_dagster_job.py", "test_review_server.py", "test_dagster_writes_truth.py", "test_tsql_compile.py",  # 37-33
    "test_hubspot_dagster.py", "test_llm_stage.py", "test_dbt_project.py", "test_salesforce_parity_jsforce.py",
    "test_safety_world.py", "test_data_quality.py", "test_routing_rules.py", "test_duplicate_message_id.py",
    "test_generate.py", "test_bench_process.py", "test_definitions.py", "test_hubspot_parity_node.py",
    "test_dbt_manifest_cache.py", "test_store.py", "test_llm_path.py", "test_hubspot_emulator.py")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
