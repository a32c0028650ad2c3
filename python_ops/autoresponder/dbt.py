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
    """dbt reported an error or a failed test."""


def dbt_vars_for(settings, *, as_of: str, run_id: str) -> dict:
    """The dbt vars of one run, from `Settings`: the one function the CLI and Dagster call.

    The routing flags have no defaults in `dbt_project.yml`: each default lives in `config.py`,
    and a standalone `dbt` needs `--vars "$(autoresponder dbt-vars)"`. `min_auto_confidence`
    None -> the threshold chosen by the last calibration (classify/rules/precision.json).
    """
    return {
        "as_of": as_of,
        "run_id": run_id,
        "auto_add_replacements": bool(settings.auto_add_replacements),
        "allow_reactivation": bool(settings.allow_reactivation),
        "our_domains": list(settings.our_domains),
        "min_auto_confidence": threshold() if settings.min_auto_confidence is None
        else float(settings.min_auto_confidence),
        "require_sender_authentication": bool(settings.require_sender_authentication),
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
            quiet: bool = True, extra: list[str] | None = None) -> dict:
    """`dbt build` (or another command); raises DbtFailed naming the failing nodes.

    A run's `build` leaves out the dbt unit tests (fixed given/expect rows of the routing
    models): they test the SQL, not the run's data, and the test suite runs them.
    """
    from dbt.cli.main import dbtRunner

    argv = dbt_args(command, variables, target_path) + list(extra or [])
    if command == "build" and extra is None:
        argv += ["--exclude-resource-type", "unit_test"]
    if quiet:
        argv = ["--quiet", "--log-level", "error", *argv]
    with dbt_env(warehouse):
        res = dbtRunner().invoke(argv)
    failed: list[str] = []
    counts: dict[str, int] = {}
    if res.result is not None and hasattr(res.result, "results"):
        for r in res.result.results:
            status = str(getattr(r.status, "value", r.status))
            counts[status] = counts.get(status, 0) + 1
            if status in ("error", "fail", "runtime error"):
                failed.append(f"{r.node.unique_id}: {r.message}")
    if not res.success or failed:
        detail = "; ".join(failed) or (str(res.exception) if res.exception else "see dbt logs")
        raise DbtFailed(f"dbt {command} failed in {DBT_PROJECT_DIR}: {detail}")
    return counts


def parse_project() -> None:
    """Write `target/manifest.json` (what dagster-dbt loads) without touching the warehouse."""
    from datetime import date

    from dbt.cli.main import dbtRunner

    from autoresponder.config import Settings

    variables = dbt_vars_for(Settings(), as_of=date.today().isoformat(), run_id="parse")
    res = dbtRunner().invoke(["--quiet", "parse", *dbt_args("parse", variables)[1:]])
    if not res.success:
        raise DbtFailed(f"dbt parse failed in {DBT_PROJECT_DIR}: {res.exception}")
