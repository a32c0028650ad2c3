"""Shared fixtures: the demo sources and a fresh copy of them per test that changes sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A private copy of the demo sources that a test may change."""
    dst = tmp_path / "sources"
    shutil.copytree(SEEDS, dst)
    return dst
