"""The `demo`, `run`, `plan`, `apply` and `rollback` commands (DESIGN §12)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from autoresponder.config import Settings
from autoresponder.connections import open_systems
from autoresponder.errors import (
    EXIT_WRITES_FAILED,
    AutoResponderError,
    ConfigurationError,
    SourceMissingError,
    WritesFailed,
)
from autoresponder.pipeline import build_writers, connect_warehouse, run_pipeline
from autoresponder.run import RunContext


def settings_from_args(args: argparse.Namespace, **overrides) -> Settings:
    values: dict[str, Any] = {}
    for name in ("sources", "warehouse", "as_of", "runs_dir"):
        v = getattr(args, name, None)
        if v is not None:
            values["sources_dir" if name == "sources" else name] = v
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = Settings(**values)
    if settings.as_of:
        try:
            date.fromisoformat(settings.as_of)
        except ValueError:
            raise ConfigurationError(f"AUTORESPONDER_AS_OF={settings.as_of!r} is not a date; give YYYY-MM-DD") from None
    return settings


def _print_warnings(lines: list[str]) -> None:
    for line in lines:
        print(f"warning: {line}", file=sys.stderr, flush=True)


def _run_cli(settings: Settings, command: str) -> int:
    """One pipeline run from the command line; returns the exit code (DESIGN §10).

    Bad input is found before anything is touched (sources checked, the run lock taken, the
    embedded CUPOLA seed and the raw snapshots each in one transaction); errors propagate as
    `AutoResponderError` and `cli.main` prints one `error:` line with the error's exit code.
    """
    from autoresponder.act.failures import failed_writes
    from autoresponder.land.snapshots import preflight
    from autoresponder.runlock import RunLock
    from autoresponder.systems.salesforce.client import auth_lost
    from autoresponder.systems.salesforce.errors import SalesforceAuthError
    from autoresponder.targets import check_apply_target, record_run

    salesforce_csv = not (settings.salesforce_instance_url or settings.salesforce_username)
    _print_warnings(preflight(Path(settings.sources_dir), salesforce_csv=salesforce_csv))
    ctx = RunContext.create(settings)
    ctx.verbose = True
    with RunLock(ctx.warehouse, ctx.run_id, command), \
            open_systems(settings, ctx.sources_dir, ctx.warehouse) as systems:
        conn = connect_warehouse(ctx.warehouse)
        try:
            if ctx.mode == "apply":
                check_apply_target(conn, systems.targets)
            record_run(conn, ctx.run_id, command, ctx.mode, systems.targets)
        finally:
            conn.close()
        try:
            run_pipeline(ctx, systems)
        except SalesforceAuthError as exc:  # a 401 while landing: say how to fix the credentials
            print(f"run folder: {ctx.run_dir.resolve()}", file=sys.stderr)
            raise SalesforceAuthError(auth_lost(systems.salesforce) or f"salesforce: {exc}", exc.code,
                                      exc.status) from exc
        except AutoResponderError:
            print(f"run folder: {ctx.run_dir.resolve()}", file=sys.stderr)
            raise
        print((ctx.run_dir / "impact_report.md").read_text(encoding="utf-8"))
        print(f"run folder: {ctx.run_dir.resolve()}")
        lost = auth_lost(systems.salesforce)
    if lost:
        raise SalesforceAuthError(lost, "INVALID_SESSION_ID", 401)
    failures = failed_writes(ctx.facts.get("execution"))
    if failures:
        raise WritesFailed(failures, ctx.run_id)
    return 0


def demo_main(args: argparse.Namespace) -> int:
    """`autoresponder demo`: apply mode against the embedded default and local emulators."""
    return _run_cli(settings_from_args(args, mode="apply"), "demo")


def run_main(args: argparse.Namespace) -> int:
    """`autoresponder run|plan|apply`: the configured mode unless the command names one."""
    return _run_cli(settings_from_args(args, mode=getattr(args, "mode", None)), getattr(args, "command", "run"))


def rollback_main(args: argparse.Namespace) -> int:
    """`autoresponder rollback RUN_ID`: restore a run's writes through the same systems the run
    wrote to (a configured Salesforce org and CUPOLA, else the embedded default).

    Exit 2 for an unknown run id or when the systems configured now are not the run's own (a
    run that wrote to a real org is never "restored" on a throwaway emulator); 3 when a restore
    failed.
    """
    from autoresponder.act.rollback import rollback_main as rollback_with
    from autoresponder.runlock import RunLock
    from autoresponder.targets import check_rollback_target, record_run

    settings = settings_from_args(args)
    warehouse = Path(settings.warehouse)
    if not warehouse.is_file():
        raise SourceMissingError(f"{warehouse}: no warehouse here, so no run {args.run_id!r} to roll back; "
                                 "pass --warehouse FILE of the run")
    rollback_id = f"{args.run_id}-rollback"
    with RunLock(warehouse, rollback_id, "rollback"):
        conn = connect_warehouse(warehouse)
        try:
            check_rollback_target(conn, args.run_id, {})  # unknown run: before any system is opened
        finally:
            conn.close()
        with open_systems(settings, Path(settings.sources_dir), warehouse) as systems:
            conn = connect_warehouse(warehouse)
            try:
                check_rollback_target(conn, args.run_id, systems.targets)
                record_run(conn, rollback_id, "rollback", "apply", systems.targets)
            finally:
                conn.close()
            ctx = RunContext(settings=settings, run_id=rollback_id, as_of=settings.as_of or "",
                             mode="apply", sources_dir=Path(settings.sources_dir), warehouse=warehouse,
                             run_dir=Path(settings.runs_dir) / rollback_id)
            code = rollback_with(args, writers_factory=lambda conn, _wh: build_writers(ctx, systems, conn),
                                 settings=settings)
    return EXIT_WRITES_FAILED if code else 0
