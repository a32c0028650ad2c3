"""Run the dbt project in-process (dbt-core's programmatic runner) against the run's warehouse."""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import pickle
import tempfile
from contextlib import contextmanager
from datetime import date
from importlib import metadata
from pathlib import Path

import duckdb
import yaml

from autoresponder.classify.calibration import threshold
from autoresponder.config import Settings, duckdb_limits
from autoresponder.errors import AutoResponderError
from autoresponder.fingerprint import digest, files_sha256, table_fingerprint
from autoresponder.systems import registry
from autoresponder.systems.hubspot.bounces import BY_LONGEST_PREFIX
from autoresponder.systems.registry import every_snapshot

DBT_PROJECT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"
# parsed projects of this process by `_manifest_key` (see `parsed_manifest`)
_MANIFESTS: dict[str, object] = {}
# parsed manifests kept on disk (newest first); each is ~1.3 MB
_CACHE_KEEP = 16


# what a build reads besides the warehouse: the project's files
PROJECT_FILES = ["models", "macros", "tests", "snapshots", "seeds", "analyses", "dbt_project.yml", "profiles.yml"]
# schemas of the relations a build makes (generate_schema_name: the custom schema as is)
BUILT_SCHEMAS = ("staging", "intermediate", "marts")
BUILDS_DDL = """
create schema if not exists ops;
create table if not exists ops.dbt_builds (
    run_id varchar,
    inputs_fingerprint varchar not null,
    inputs json,
    relations json,
    built_at timestamp not null default current_timestamp
);
"""


class DbtFailed(AutoResponderError):
    """dbt reported an error or a failed test; nothing has been written to any system yet.

    Exit code 2 (bad input): a failed test is an input expectation the sources broke (a
    duplicate or missing key in a snapshot: the message names the source file), and a model
    error comes from data it cannot read or a warehouse it cannot open; either way the fix is in
    the input or the configuration, and the run stopped before the act stage."""


def dbt_vars_for(settings, *, as_of: str, run_id: str) -> dict:
    """The dbt vars of one run, from `Settings`: the one function the CLI and Dagster call.

    The routing flags have no defaults in `dbt_project.yml`: each default lives in `config.py`,
    and a standalone `dbt` needs `--vars "$(autoresponder dbt-vars)"`. `min_auto_confidence`
    None -> the threshold chosen by the last calibration (classify/rules/precision.json).

    `run_id` is not passed: no model reads it (each row carries the `run_id` that landed its
    message), and dbt re-parses the whole project whenever the command-line vars change, so a
    var that differs on every run would cost every run a full parse. Runs with the same run date
    and flags reuse the partial parse (`partial_parse.msgpack` in the dbt target folder).
    """
    del run_id

    return {
        # CRM targets whose `stg_<system>__crm_records` the routes read (int_crm__records)
        "crm_systems": [s.name for s in registry.systems() if s.crm is not None and s.crm(settings)],
        "as_of": as_of,
        "auto_add_replacements": bool(settings.auto_add_replacements),
        "allow_reactivation": bool(settings.allow_reactivation),
        "our_domains": list(settings.our_domains),
        "min_auto_confidence": threshold() if settings.min_auto_confidence is None
        else float(settings.min_auto_confidence),
        "require_sender_authentication": bool(settings.require_sender_authentication),
        "ooo_buffer_business_days": int(settings.ooo_buffer_business_days),
        "ooo_fallback_days": int(settings.ooo_fallback_days),
        "record_bounces": bool(settings.salesforce_record_bounces),
        # where int_route__bounce records a hard bounce on a HubSpot contact (docs/hubspot.md), no
        # properties when AUTORESPONDER_HUBSPOT_RECORD_BOUNCES=false; read only when HubSpot is a target
        "hubspot_bounce": {
            "properties": list(settings.hubspot.bounce_properties) if settings.hubspot.record_bounces else [],
            "reasons": [list(p) for p in BY_LONGEST_PREFIX]},
    }


def dbt_vars(*, as_of: str, run_id: str, **settings) -> dict:
    """`dbt_vars_for` of `Settings(**settings)` (defaults and `AUTORESPONDER_*` for the rest)."""
    return dbt_vars_for(Settings(**settings), as_of=as_of, run_id=run_id)


def run_vars(ctx) -> dict:
    """The dbt vars of a run context (CLI `transform` and the Dagster dbt asset alike)."""
    return dbt_vars_for(ctx.settings, as_of=ctx.as_of, run_id=ctx.run_id)


@contextmanager
def dbt_env(warehouse: Path, settings: Settings | None = None):
    """The profile reads the warehouse path and DuckDB's memory limit and threads (`duckdb_limits`
    of `settings`; None: `Settings()`) from the environment; set them only for this call."""
    limits = duckdb_limits(settings)
    with environ({"AUTORESPONDER_WAREHOUSE": str(Path(warehouse).resolve()),
                  "AUTORESPONDER_DUCKDB_MEMORY_LIMIT": limits["memory_limit"],
                  "AUTORESPONDER_DUCKDB_THREADS": limits.get("threads")}):
        yield


@contextmanager
def environ(values: dict[str, str | None]):
    """Set (None: unset) these environment variables for the block; put back what was there."""
    old = {k: os.environ.get(k) for k in values}
    for k, v in values.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def dbt_args(command: str, variables: dict | None = None, target_path: Path | None = None) -> list[str]:
    args = [command, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    if variables is not None:
        args += ["--vars", json.dumps(variables)]
    if target_path is not None:
        args += ["--target-path", str(target_path)]
    return args


def run_dbt(command: str, warehouse: Path, variables: dict, *, target_path: Path | None = None,
            quiet: bool = True, extra: list[str] | None = None, on_node=None, settings: Settings | None = None,
            select: list[str] | None = None, on_event=None) -> dict:
    """`dbt build` (or another command); raises DbtFailed naming the failing nodes.

    A run's `build` leaves out the dbt unit tests (fixed given/expect rows of the routing
    models): they test the SQL, not the run's data, and the test suite runs them; and it writes
    no JSON artifacts. `on_node(1)` is called as each model, test or seed finishes (progress).
    DuckDB's memory limit and threads come from `settings` (`dbt_env`). `select`: node selection
    arguments (`--select ...`, `--exclude ...`) added to the build; `on_event(msg)` sees every dbt
    event (the Dagster assets turn them into materialisations and asset checks).
    """
    # heavy: dbt takes seconds to import; only the dbt stage needs it
    from dbt.cli.main import dbtRunner

    argv = dbt_args(command, variables, target_path) + list(extra or [])
    if command == "build" and extra is None:
        # no JSON artifacts (manifest.json, run_results.json): nothing reads them and writing them
        # costs a run seconds; the partial parse cache is kept, the stage log has the counts
        argv += ["--exclude-resource-type", "unit_test", "--no-write-json"]
    argv += list(select or [])
    callbacks = ([_node_callback(on_node)] if on_node else []) + ([on_event] if on_event else [])
    if quiet:
        argv = ["--quiet", "--log-level", "error", *argv]
    with dbt_env(warehouse, settings):
        manifest = parsed_manifest(variables, target_path) if command == "build" else None
        try:
            res = dbtRunner(manifest=manifest, callbacks=callbacks or None).invoke(argv)
        finally:
            release_warehouse()
    failed: list[str] = []
    counts: dict[str, int] = {}
    if res.result is not None and hasattr(res.result, "results"):
        for r in res.result.results:
            status = str(getattr(r.status, "value", r.status))
            if status in ("error", "fail", "runtime error"):
                failed.append(_describe_failure(r))
            if getattr(r.node, "resource_type", None) == "operation":  # on-run-start hooks: not a result
                continue
            counts[status] = counts.get(status, 0) + 1
    if not res.success or failed:
        detail = "; ".join(failed) or (str(res.exception) if res.exception else "see dbt logs")
        raise DbtFailed(f"dbt {command} failed in {DBT_PROJECT_DIR}: {detail}; nothing was written to any system: "
                        "fix the named input and run again")
    return counts


def release_warehouse() -> None:
    """Close the DuckDB connection dbt-duckdb keeps for the process after an in-process command.

    dbt-duckdb holds one connection per process (`DuckDBConnectionManager._ENV`) until exit, so a
    long-lived process (Dagster's code server, `serve`, a test) would keep the warehouse file
    locked against every other process and refuse a read-only connection in its own."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager  # only with the DuckDB adapter
    except ImportError:
        return
    with DuckDBConnectionManager._LOCK:
        env, DuckDBConnectionManager._ENV = DuckDBConnectionManager._ENV, None
    if env is not None:
        env.close()


def _manifest_key(variables: dict | None) -> str:
    """What a parse depends on: the vars, the target, the warehouse's database name (DuckDB names
    the database after the file, and every relation in the manifest carries it), the dbt and
    adapter versions, and the content of every file of the dbt project."""
    files = sorted((str(f.relative_to(DBT_PROJECT_DIR)), hashlib.sha256(f.read_bytes()).hexdigest())
                   for sub in ("models", "macros", "tests", "snapshots", "seeds", "analyses")
                   for f in (DBT_PROJECT_DIR / sub).rglob("*") if f.is_file())
    files += [(n, hashlib.sha256((DBT_PROJECT_DIR / n).read_bytes()).hexdigest())
              for n in ("dbt_project.yml", "profiles.yml")]
    text = json.dumps({"vars": variables, "target": os.environ.get("AUTORESPONDER_DBT_TARGET", "duckdb"),
                       "database": Path(os.environ.get("AUTORESPONDER_WAREHOUSE", "warehouse.duckdb")).stem,
                       "versions": [_version(d) for d in ("dbt-core", "dbt-duckdb", "dbt-sqlserver")],
                       "files": files}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


def manifest_cache_dir() -> Path:
    """Where parsed manifests are kept between processes (`AUTORESPONDER_DBT_MANIFEST_CACHE`,
    default `dbt_project/target/manifest_cache`, git-ignored; deleting it only costs a parse)."""
    return Path(os.environ.get("AUTORESPONDER_DBT_MANIFEST_CACHE") or DBT_PROJECT_DIR / "target" / "manifest_cache")


def _load_cached_manifest(key: str):
    path = manifest_cache_dir() / f"{key}.pickle"
    try:
        with path.open("rb") as f:
            state = pickle.load(f)  # written by `_store_cached_manifest` into the project's own target folder
        # heavy: dbt takes seconds to import; only the dbt stage needs it
        from dbt.contracts.graph.manifest import Manifest

        return Manifest(**state)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 -- a torn or stale cache file costs a parse, never a run
        path.unlink(missing_ok=True)
        return None


def _store_cached_manifest(key: str, manifest) -> None:
    folder = manifest_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in sorted(folder.glob("*.pickle"), key=lambda f: f.stat().st_mtime)[:-_CACHE_KEEP]:
            old.unlink(missing_ok=True)
        # the public fields only: dbt's own `Manifest.__reduce_ex__` hands its private lookups to the
        # wrong fields (it lists 8 of the 14, in an order __init__ no longer has), and the lookups,
        # the lock and the macro indexes are rebuilt from the public fields on first use
        state = {f.name: getattr(manifest, f.name) for f in dataclasses.fields(manifest) if not f.name.startswith("_")}
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, folder / f"{key}.pickle")  # atomic: concurrent processes read whole files
    except OSError:
        pass  # a read-only checkout parses every time, as dbt alone would


def parsed_manifest(variables: dict | None, target_path: Path | None):
    """The project parsed once per set of vars, handed to every later `dbt build`, and kept on
    disk (`manifest_cache_dir`) so the next process (a CLI run, a Dagster run worker, a killed
    and restarted `apply`) loads it in a fraction of a second instead of parsing again.

    Each run folder has its own dbt target and warehouse path, and dbt's own partial parse is
    keyed on the profile's connection values (the warehouse path among them), so without this
    every run of a long-lived process (Dagster's code server, `serve`, the test suite) would
    parse the whole project again: ~70 % of the dbt stage on the demo data. dbt documents the
    hand-over (`dbtRunner(manifest=...)`); the parse depends only on what `_manifest_key`
    hashes, and the build compiles every node again from the run's own vars and profile.
    Returns None (dbt parses as usual) when the parse fails, so its error surfaces from `build`.
    """
    # heavy: dbt takes seconds to import; only the dbt stage needs it
    from dbt.cli.main import dbtRunner

    key = _manifest_key(variables)
    if key not in _MANIFESTS and (cached := _load_cached_manifest(key)) is not None:
        _MANIFESTS.clear()
        _MANIFESTS[key] = cached
    if key not in _MANIFESTS:
        argv = ["--quiet", "--log-level", "error", *dbt_args("parse", variables, target_path), "--no-write-json"]
        res = dbtRunner().invoke(argv)
        if not res.success or res.result is None:
            return None
        _MANIFESTS.clear()  # one parse kept: a process switches vars rarely, and a manifest is large
        _MANIFESTS[key] = res.result
        _store_cached_manifest(key, res.result)
    return _MANIFESTS[key]


def _node_callback(on_node):
    def callback(event) -> None:
        if event.info.name == "NodeFinished":
            on_node(1)
    return callback


def _describe_failure(r) -> str:
    """One failed dbt node; a test on a landed source names the source file it came from."""
    node = r.node
    text = f"{node.unique_id}: {r.message}"
    sources = [tuple(x) for x in (getattr(node, "sources", None) or [])]
    meta = getattr(node, "test_metadata", None)
    if node.resource_type == "test" and sources and meta is not None:

        files = {s.table: s.relpath for s in every_snapshot()}
        schema, table = sources[0][0], sources[0][-1]
        where = files.get(f"{schema}.{table}", f"{schema}.{table}")
        column = getattr(node, "column_name", None) or "a column"
        rows = getattr(r, "failures", None)
        text = (f"input check failed: {where}: {column} is not {meta.name.replace('_', ' ')} "
                f"({rows} failing value(s); dbt test {node.unique_id})")
    return text


def ensure_project_manifest(is_stale) -> None:
    """Write `target/manifest.json` (what dagster-dbt loads) when `is_stale()`, without touching
    the warehouse.

    Processes that load the Dagster definitions at once (a code server and a run worker, or test
    workers) take a file lock, and the file is parsed into a private folder and moved into place
    whole: no process ever reads a manifest another one is still writing."""
    target = DBT_PROJECT_DIR / "target"
    target.mkdir(parents=True, exist_ok=True)
    with (target / ".manifest.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_stale():
            with tempfile.TemporaryDirectory(dir=target, prefix=".parse-") as tmp:
                parse_project(Path(tmp))
                os.replace(Path(tmp) / "manifest.json", target / "manifest.json")


def parse_project(target_path: Path | None = None) -> None:
    """`dbt parse`: `manifest.json` in `target_path` (default the project's `target/`)."""
    # heavy: dbt takes seconds to import; only the dbt stage needs it
    from dbt.cli.main import dbtRunner

    variables = dbt_vars_for(Settings(), as_of=date.today().isoformat(), run_id="parse")
    # the manifest (Dagster's asset graph) holds every CRM staging a run may build, whatever this
    # process's environment says: a run that turns HubSpot on builds a model Dagster knows
    variables["crm_systems"] = [s.name for s in registry.systems() if s.crm is not None]
    res = dbtRunner().invoke(["--quiet", "parse", *dbt_args("parse", variables, target_path)[1:]])
    if not res.success:
        raise DbtFailed(f"dbt parse failed in {DBT_PROJECT_DIR}: {res.exception}")


def generate_docs(warehouse: Path, target_path: Path) -> int:
    """`dbt docs generate` against a built warehouse (the demo's, by default); returns the number of
    relations in the catalog.

    The profile reads the warehouse path from the environment, so without it dbt would open (and
    create) an empty `warehouse.duckdb` in the working directory and write an empty catalog: the
    path is checked and set here, and an empty catalog is an error.
    """
    # heavy: dbt takes seconds to import; only the dbt stage needs it
    from dbt.cli.main import dbtRunner

    warehouse, target_path = Path(warehouse).resolve(), Path(target_path).resolve()
    if not warehouse.is_file():
        raise DbtFailed(f"{warehouse}: no warehouse to document; run `make demo` first (or pass WAREHOUSE=FILE)")

    variables = dbt_vars_for(Settings(), as_of=date.today().isoformat(), run_id="docs")
    argv = ["--quiet", "docs", "generate", *dbt_args("docs", variables, target_path=target_path)[1:],
            "--log-path", str(target_path / "logs")]
    with dbt_env(warehouse):
        res = dbtRunner().invoke(argv)
    catalog = target_path / "catalog.json"
    if not res.success or not catalog.is_file():
        raise DbtFailed(f"dbt docs generate failed in {DBT_PROJECT_DIR}: {res.exception or 'see the dbt logs'}")
    relations = len(json.loads(catalog.read_text())["nodes"])
    if relations == 0:
        raise DbtFailed(f"{warehouse}: the catalog is empty (no model built there); run `make demo` first")
    return relations


# --- skipping a build that would rebuild the same relations -------------------------------------

def source_tables() -> list[str]:
    """`schema.table` of every dbt source the models read as data.

    The `ops` sources (the write log and the runs) are left out: only the audit models read them,
    and those are views (current without a build); their dbt tests (a not-null / unique key) are
    the tables' own primary keys, and the write log's statuses are checked by the Great
    Expectations suite `outputs.write_log` on every run."""
    doc = yaml.safe_load((DBT_PROJECT_DIR / "models" / "staging" / "__sources.yml").read_text(encoding="utf-8"))
    return sorted(f"{src.get('schema', src['name'])}.{t['name']}" for src in doc["sources"]
                  if src.get("schema", src["name"]) != "ops" for t in src.get("tables", []))


def build_inputs(conn: duckdb.DuckDBPyConnection, variables: dict) -> dict:
    """Everything a `dbt build` of the run reads: the content of every source table, the run's vars
    (as_of and the flags among them), the project's files, the target and the dbt versions."""
    return {
        "sources": {t: table_fingerprint(conn, t) for t in source_tables()},
        "vars": variables,
        "project": files_sha256(DBT_PROJECT_DIR, PROJECT_FILES),
        "target": os.environ.get("AUTORESPONDER_DBT_TARGET", "duckdb"),
        "dbt": [_version("dbt-core"), _version("dbt-duckdb")],
    }


def built_relations(conn: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """The relations in the schemas a build makes: each table's content fingerprint, each view's
    definition (a view is computed when read)."""
    rows = conn.execute("select table_schema, table_name, table_type from information_schema.tables "
                        "where table_schema in (select unnest(?::varchar[])) order by 1, 2",
                        [list(BUILT_SCHEMAS)]).fetchall()
    views = dict(conn.execute("select schema_name || '.' || view_name, sql from duckdb_views() "
                              "where schema_name in (select unnest(?::varchar[]))", [list(BUILT_SCHEMAS)]).fetchall())
    return {f"{s}.{n}": (digest(views.get(f"{s}.{n}")) if kind == "VIEW" else table_fingerprint(conn, f"{s}.{n}"))
            for s, n, kind in rows}


def last_build_unchanged(conn: duckdb.DuckDBPyConnection, inputs: dict) -> tuple[str | None, str]:
    """(the run whose build read exactly `inputs`, when the relations it left are still as it left
    them, so a build now would make the same ones; else None, and what differs). Never skipped on
    a target other than the DuckDB warehouse, whose relations this process cannot see."""
    if inputs["target"] != "duckdb":
        return None, f"target {inputs['target']}"
    conn.execute(BUILDS_DDL)
    row = conn.execute("select run_id, inputs_fingerprint, relations, inputs from ops.dbt_builds "
                       "order by built_at desc limit 1").fetchone()
    if row is None:
        return None, "no earlier build recorded"
    if row[1] != digest(inputs):
        return None, _changed(json.loads(row[3] or "{}"), inputs, row[0])
    if json.loads(row[2] or "{}") != built_relations(conn):
        return None, f"the relations run {row[0]}'s build left have changed since"
    return row[0], ""


def _changed(before: dict, now: dict, run_id: str) -> str:
    """What a build reads that differs from what run `run_id`'s build read."""
    now = json.loads(json.dumps(now, default=str))  # as recorded
    parts = [f"source {t}" for t in sorted(set(before.get("sources", {})) | set(now["sources"]))
             if before.get("sources", {}).get(t) != now["sources"].get(t)]
    parts += [f"var {k}" for k in sorted(set(before.get("vars", {})) | set(now["vars"]))
              if before.get("vars", {}).get(k) != now["vars"].get(k)]
    parts += [k for k in ("project", "target", "dbt") if before.get(k) != now[k]]
    return f"changed since run {run_id}'s build: {', '.join(parts) or 'its inputs'}"


def record_build(conn: duckdb.DuckDBPyConnection, run_id: str, inputs: dict) -> None:
    """After a successful build: what it read and the relations it left, for the next run's check."""
    conn.execute(BUILDS_DDL)
    conn.execute("insert into ops.dbt_builds (run_id, inputs_fingerprint, inputs, relations) values (?, ?, ?, ?)",
                 [run_id, digest(inputs), json.dumps(inputs, default=str), json.dumps(built_relations(conn))])
