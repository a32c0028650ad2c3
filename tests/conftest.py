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
