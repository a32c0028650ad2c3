"""The parsed dbt project is kept on disk, so a new process (a CLI run, a Dagster run worker, an
`apply` restarted after a kill) skips dbt's parse and still resolves every ref and source."""

from __future__ import annotations

from pathlib import Path

import pytest

from autoresponder import dbt as ardbt
from autoresponder.config import Settings


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("AUTORESPONDER_DBT_MANIFEST_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("AUTORESPONDER_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    ardbt._MANIFESTS.clear()
    yield tmp_path / "cache"
    ardbt._MANIFESTS.clear()


def test_a_new_process_loads_the_parsed_project_from_disk_and_resolves_refs(cache_dir: Path, tmp_path: Path) -> None:
    variables = ardbt.dbt_vars_for(Settings(), as_of="2026-11-25", run_id="cache-test")
    parsed = ardbt.parsed_manifest(variables, tmp_path / "target")
    [stored] = cache_dir.glob("*.pickle")
    assert stored.stem == ardbt._manifest_key(variables)

    ardbt._MANIFESTS.clear()  # what a new process starts with
    loaded = ardbt.parsed_manifest(variables, tmp_path / "target")
    assert loaded is not parsed
    assert set(loaded.nodes) == set(parsed.nodes) and set(loaded.sources) == set(parsed.sources)
    # the lookups dbt builds lazily work on the loaded copy (dbt's own pickling breaks them)
    node = loaded.ref_lookup.find("fct_actions", None, None, loaded)
    assert node is not None and node.unique_id == "model.autoresponder.fct_actions"


def test_other_vars_or_a_torn_cache_file_mean_a_fresh_parse(cache_dir: Path, tmp_path: Path) -> None:
    a = ardbt.dbt_vars_for(Settings(), as_of="2026-11-25", run_id="a")
    b = ardbt.dbt_vars_for(Settings(), as_of="2027-08-01", run_id="b")
    assert ardbt._manifest_key(a) != ardbt._manifest_key(b)

    cache_dir.mkdir(parents=True)
    (cache_dir / f"{ardbt._manifest_key(a)}.pickle").write_bytes(b"not a pickle")
    manifest = ardbt.parsed_manifest(a, tmp_path / "target")
    assert "model.autoresponder.fct_actions" in manifest.nodes
    # the torn file was replaced by a good one
    ardbt._MANIFESTS.clear()
    assert ardbt._load_cached_manifest(ardbt._manifest_key(a)) is not None
