"""DuckDB bounded (issue 13): the run's warehouse connections and dbt's get the memory limit and the
threads of `Settings` (`duckdb_memory_limit`, `duckdb_threads`), from code and from the environment."""

from __future__ import annotations

import os
from argparse import Namespace
from pathlib import Path

import duckdb

from autoresponder.config import Settings, default_setting, duckdb_limits
from autoresponder.dbt import DBT_PROJECT_DIR, dbt_env
from autoresponder.pipeline import connect_warehouse


def _as_duckdb_shows(memory_limit: str) -> str:
    """What `current_setting('memory_limit')` reads after `SET memory_limit` (DuckDB rounds and
    prints in GiB / MiB)."""
    conn = duckdb.connect()
    try:
        conn.execute(f"set memory_limit = '{memory_limit}'")
        return conn.execute("select current_setting('memory_limit')").fetchone()[0]
    finally:
        conn.close()


def _current(conn: duckdb.DuckDBPyConnection) -> tuple[str, int]:
    return conn.execute("select current_setting('memory_limit'), current_setting('threads')").fetchone()


def test_warehouse_connections_get_the_memory_limit_and_threads_of_the_settings(tmp_path: Path) -> None:
    default_threads = duckdb.connect().execute("select current_setting('threads')").fetchone()[0]
    conn = connect_warehouse(tmp_path / "a" / "w.duckdb", Settings(duckdb_memory_limit="300MB", duckdb_threads=1))
    try:
        assert _current(conn) == (_as_duckdb_shows("300MB"), 1)
    finally:
        conn.close()
    conn = connect_warehouse(tmp_path / "a" / "w.duckdb", Settings())  # the defaults: 2GB, DuckDB's threads
    try:
        assert default_setting("duckdb_memory_limit") == "2GB" and default_setting("duckdb_threads") is None
        assert _current(conn) == (_as_duckdb_shows("2GB"), default_threads)
    finally:
        conn.close()


def test_the_environment_sets_them_when_no_settings_are_passed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("AUTORESPONDER_DUCKDB_MEMORY_LIMIT", "400MB")
    monkeypatch.setenv("AUTORESPONDER_DUCKDB_THREADS", "1")
    assert duckdb_limits() == {"memory_limit": "400MB", "threads": "1"}
    conn = connect_warehouse(tmp_path / "w.duckdb")
    try:
        assert _current(conn) == (_as_duckdb_shows("400MB"), 1)
    finally:
        conn.close()


def _dbt_profile_settings() -> dict:
    """The `settings` dbt-duckdb applies (`SET`) on its connections, as dbt renders the profile."""
    # heavy: dbt takes seconds to import; only these checks need it
    from dbt.config.profile import Profile, read_profile
    from dbt.config.renderer import ProfileRenderer
    from dbt.flags import set_from_args
    from dbt_common.context import set_invocation_context

    set_from_args(Namespace(), None)
    set_invocation_context(dict(os.environ))
    profile = Profile.from_raw_profiles(read_profile(str(DBT_PROJECT_DIR)), "autoresponder", ProfileRenderer({}))
    return profile.credentials.settings


def test_dbt_gets_the_same_limits_through_its_profile(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("AUTORESPONDER_DUCKDB_MEMORY_LIMIT", raising=False)
    monkeypatch.delenv("AUTORESPONDER_DUCKDB_THREADS", raising=False)
    with dbt_env(tmp_path / "w.duckdb", Settings()):
        assert _dbt_profile_settings() == {"memory_limit": "2GB"}  # threads unset: DuckDB's default
    with dbt_env(tmp_path / "w.duckdb", Settings(duckdb_memory_limit="500MB", duckdb_threads=1)):
        assert _dbt_profile_settings() == {"memory_limit": "500MB", "threads": "1"}
    assert "AUTORESPONDER_DUCKDB_MEMORY_LIMIT" not in os.environ  # set only for the call
    # a standalone `dbt` with nothing set: DuckDB's own default (80% of RAM)
    assert _dbt_profile_settings() == {"memory_limit": "80%"}
