"""Run the dbt project in-process (dbt-core's programmatic runner) against the run's warehouse."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

from autoresponder.classify.calibration import threshold
from autoresponder.errors import AutoResponderError

DBT_PROJECT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"


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
        "as_of": as_of,
        "auto_add_replacements": bool(settings.auto_add_replacements),
        "allow_reactivation": bool(settings.allow_reactivation),
        "our_domains": list(settings.our_domains),
        "min_auto_confidence": threshold() if settings.min_auto_confidence is None
        else float(settings.min_auto_confidence),
        "require_sender_authentication": bool(settings.require_sender_authentication),
        "ooo_buffer_business_days": int(settings.ooo_buffer_business_days),
        "ooo_fallback_days": int(settings.ooo_fallback_days),
    }


def dbt_vars(*, as_of: str, run_id: str, **settings) -> dict:
    """`dbt_vars_for` of `Settings(**settings)` (defaults and `AUTORESPONDER_*` for the rest)."""
    from autoresponder.config import Settings

    return dbt_vars_for(Settings(**settings), as_of=as_of, run_id=run_id)


def run_vars(ctx) -> dict:
    """The dbt vars of a run context (CLI `transform` and the Dagster dbt asset alike)."""
    return dbt_vars_for(ctx.settings, as_of=ctx.as_of, run_id=ctx.run_id)


@contextmanager
def dbt_env(warehouse: Path):
    """The profile reads the warehouse path from the environment; set it only for this call."""
    old = os.environ.get("AUTORESPONDER_WAREHOUSE")
    os.environ["AUTORESPONDER_WAREHOUSE"] = str(Path(warehouse).resolve())
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("AUTORESPONDER_WAREHOUSE", None)
        else:
            os.environ["AUTORESPONDER_WAREHOUSE"] = old


def dbt_args(command: str, variables: dict | None = None, target_path: Path | None = None) -> list[str]:
    args = [command, "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    if variables is not None:
        args += ["--vars", json.dumps(variables)]
    if target_path is not None:
        args += ["--target-path", str(target_path)]
    return args


def run_dbt(command: str, warehouse: Path, variables: dict, *, target_path: Path | None = None,
            quiet: bool = True, extra: list[str] | None = None, on_node=None) -> dict:
    """`dbt build` (or another command); raises DbtFailed naming the failing nodes.

    A run's `build` leaves out the dbt unit tests (fixed given/expect rows of the routing
    models): they test the SQL, not the run's data, and the test suite runs them; and it writes
    no JSON artifacts. `on_node(1)` is called as each model, test or seed finishes (progress).
    """
    from dbt.cli.main import dbtRunner

    argv = dbt_args(command, variables, target_path) + list(extra or [])
    if command == "build" and extra is None:
        # no JSON artifacts (manifest.json, run_results.json): nothing reads them and writing them
        # costs a run seconds; the partial parse cache is kept, the stage log has the counts
        argv += ["--exclude-resource-type", "unit_test", "--no-write-json"]
    if quiet:
        argv = ["--quiet", "--log-level", "error", *argv]
    with dbt_env(warehouse):
        res = dbtRunner(callbacks=[_node_callback(on_node)] if on_node else None).invoke(argv)
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
        from autoresponder.land.snapshots import SALESFORCE_EXPORTS, SNAPSHOTS

        files = {s.table: s.relpath for s in (*SNAPSHOTS, *SALESFORCE_EXPORTS)}
        schema, table = sources[0][0], sources[0][-1]
        where = files.get(f"{schema}.{table}", f"{schema}.{table}")
        column = getattr(node, "column_name", None) or "a column"
        rows = getattr(r, "failures", None)
        text = (f"input check failed: {where}: {column} is not {meta.name.replace('_', ' ')} "
                f"({rows} failing value(s); dbt test {node.unique_id})")
    return text


def parse_project() -> None:
    """Write `target/manifest.json` (what dagster-dbt loads) without touching the warehouse."""
    from datetime import date

    from dbt.cli.main import dbtRunner

    from autoresponder.config import Settings

    variables = dbt_vars_for(Settings(), as_of=date.today().isoformat(), run_id="parse")
    res = dbtRunner().invoke(["--quiet", "parse", *dbt_args("parse", variables)[1:]])
    if not res.success:
        raise DbtFailed(f"dbt parse failed in {DBT_PROJECT_DIR}: {res.exception}")


def generate_docs(warehouse: Path, target_path: Path) -> int:
    """`dbt docs generate` against a built warehouse (the demo's, by default); returns the number of
    relations in the catalog.

    The profile reads the warehouse path from the environment, so without it dbt would open (and
    create) an empty `warehouse.duckdb` in the working directory and write an empty catalog: the
    path is checked and set here, and an empty catalog is an error.
    """
    from dbt.cli.main import dbtRunner

    warehouse, target_path = Path(warehouse).resolve(), Path(target_path).resolve()
    if not warehouse.is_file():
        raise DbtFailed(f"{warehouse}: no warehouse to document; run `make demo` first (or pass WAREHOUSE=FILE)")
    from datetime import date

    from autoresponder.config import Settings

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
