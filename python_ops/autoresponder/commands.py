"""The `demo`, `run`, `plan`, `apply` and `rollback` commands (DESIGN §12)."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

from autoresponder.act.failures import failed_writes
from autoresponder.act.rollback import rollback_main as rollback_with
from autoresponder.config import Settings
from autoresponder.connections import open_systems
from autoresponder.errors import (
    EXIT_WRITES_FAILED,
    AutoResponderError,
    ConfigurationError,
    SourceMissingError,
    WritesFailed,
)
from autoresponder.land.snapshots import preflight
from autoresponder.notify import resend
from autoresponder.pipeline import build_writers, connect_warehouse, run_pipeline
from autoresponder.run import RunContext, new_run_id
from autoresponder.runlock import RunLock
from autoresponder.systems.smtp.sink import MailSink
from autoresponder.targets import check_apply_target, check_rollback_target, finish_run, record_run


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

    _print_warnings(preflight(Path(settings.sources_dir), settings=settings))
    run_id = new_run_id()
    with RunLock(Path(settings.warehouse), run_id, command):  # refused: no run folder, nothing touched
        ctx = RunContext.create(settings, run_id=run_id)
        ctx.verbose = True
        return _run_locked(ctx, settings, command)


def _run_locked(ctx: RunContext, settings: Settings, command: str) -> int:
    """The run, once the run lock is held."""
    with ExitStack() as mail, open_systems(settings, ctx.sources_dir, ctx.warehouse) as systems:
        sink = _demo_mail_sink(ctx, mail) if command == "demo" else None
        conn = connect_warehouse(ctx.warehouse, settings)
        try:
            if ctx.mode == "apply":
                check_apply_target(conn, systems.targets)
            record_run(conn, ctx.run_id, command, ctx.mode, systems.targets)
        finally:
            conn.close()
        exit_code = 1  # an exception this package did not raise: Python's own exit status
        try:
            _run_and_check(ctx, systems, sink)
            exit_code = 0
        except AutoResponderError as exc:
            exit_code = exc.exit_code
            raise
        finally:  # fct_runs reports how every run ended
            _record_exit(ctx.warehouse, ctx.run_id, exit_code, settings)
    return 0


def _record_exit(warehouse: Path, run_id: str, exit_code: int, settings: Any = None) -> None:
    conn = connect_warehouse(warehouse, settings)
    try:
        finish_run(conn, run_id, exit_code)
    finally:
        conn.close()


def _run_and_check(ctx: RunContext, systems: Any, sink: Any = None) -> None:
    """Run the pipeline, print the impact report; raise the error the exit code stands for."""
    # heavy: the salesforce package loads simple_salesforce and pandas; `notify` and `serve` need neither
    from autoresponder.systems.salesforce.client import auth_lost
    from autoresponder.systems.salesforce.errors import SalesforceAuthError

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
    _print_mail(ctx, sink)
    print(f"run folder: {ctx.run_dir.resolve()}")
    lost = auth_lost(systems.salesforce)
    if lost:
        raise SalesforceAuthError(lost, "INVALID_SESSION_ID", 401)
    refused = getattr(ctx.facts.get("execution"), "connection_errors", None) or {}
    if refused:  # a system refused our credentials after one renewal: its writes wait, pending
        from autoresponder.errors import ConnectionFailed

        system, message = next(iter(refused.items()))
        raise ConnectionFailed(system, message)
    failures = failed_writes(ctx.facts.get("execution"))
    if failures:
        raise WritesFailed(failures, ctx.run_id)


def _demo_mail_sink(ctx: RunContext, stack: ExitStack):
    """The demo's local SMTP server (aiosmtpd on 127.0.0.1) unless a relay is configured; what it
    receives is kept in `<run folder>/mailbox/` as one `.eml` per message."""
    if ctx.settings.smtp_port:
        return None

    sink = stack.enter_context(MailSink(ctx.run_dir / "mailbox"))
    ctx.settings = ctx.settings.model_copy(update={"smtp_host": sink.host, "smtp_port": sink.port})
    return sink


def _print_mail(ctx: RunContext, sink) -> None:
    outcomes = ctx.facts.get("notifications") or []
    if not outcomes:
        print("mail: no role had anything to say this run")
        return
    for o in outcomes:
        print(f"mail: {o['role']}: {o['status']} — {o.get('subject', '')}")
    if sink is not None:
        print(f"mail: {len(sink.received)} messages delivered to the local SMTP server {sink.host}:{sink.port}, "
              f"kept as .eml in {(ctx.run_dir / 'mailbox').resolve()}")
    print(f"mail: a copy of every message (sent or not) is in {(ctx.run_dir / 'notifications').resolve()}")


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
    settings = settings_from_args(args)
    warehouse = Path(settings.warehouse)
    if not warehouse.is_file():
        raise SourceMissingError(f"{warehouse}: no warehouse here, so no run {args.run_id!r} to roll back; "
                                 "pass --warehouse FILE of the run")
    rollback_id = f"{args.run_id}-rollback"
    with RunLock(warehouse, rollback_id, "rollback"):
        conn = connect_warehouse(warehouse, settings)
        try:
            check_rollback_target(conn, args.run_id, {})  # unknown run: before any system is opened
        finally:
            conn.close()
        with open_systems(settings, Path(settings.sources_dir), warehouse) as systems:
            conn = connect_warehouse(warehouse, settings)
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
            _record_exit(warehouse, rollback_id, EXIT_WRITES_FAILED if code else 0, settings)
    return EXIT_WRITES_FAILED if code else 0


def notify_main(args: argparse.Namespace) -> int:
    """`autoresponder notify RUN_ID`: send the run's kept messages that were not delivered."""
    settings = settings_from_args(args)
    warehouse = Path(settings.warehouse)
    if not warehouse.is_file():
        raise SourceMissingError(f"{warehouse}: no warehouse here; pass --warehouse FILE of the run")
    conn = connect_warehouse(warehouse, settings)
    try:
        outcomes = resend(conn, settings, args.run_id)
    finally:
        conn.close()
    for o in outcomes:
        print(f"mail: {o['role']}: {o['status']} — {o.get('reply', '')}")
    if not outcomes:
        print(f"mail: nothing to send for run {args.run_id}")
    return 0 if all(o["status"] == "sent" for o in outcomes) else EXIT_WRITES_FAILED
