"""The `demo`, `run`, `plan`, `apply` and `rollback` commands (DESIGN §12)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from autoresponder.config import Settings
from autoresponder.connections import open_systems
from autoresponder.errors import AutoResponderError
from autoresponder.pipeline import build_writers, run_pipeline
from autoresponder.run import RunContext


def settings_from_args(args: argparse.Namespace, **overrides) -> Settings:
    values: dict[str, Any] = {}
    for name in ("sources", "warehouse", "as_of", "runs_dir"):
        v = getattr(args, name, None)
        if v is not None:
            values["sources_dir" if name == "sources" else name] = v
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)


def _run_cli(settings: Settings) -> int:
    ctx = RunContext.create(settings)
    ctx.verbose = True
    try:
        with open_systems(settings, ctx.sources_dir, ctx.warehouse) as systems:
            impact = run_pipeline(ctx, systems)
    except AutoResponderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print(f"run folder: {ctx.run_dir}", file=sys.stderr)
        return 1
    print((ctx.run_dir / "impact_report.md").read_text(encoding="utf-8"))
    print(f"run folder: {ctx.run_dir.resolve()}")
    return 0 if impact is not None else 1


def demo_main(args: argparse.Namespace) -> int:
    """`autoresponder demo`: apply mode against the embedded default and local emulators."""
    return _run_cli(settings_from_args(args, mode="apply"))


def run_main(args: argparse.Namespace) -> int:
    """`autoresponder run|plan|apply`: the configured mode unless the command names one."""
    return _run_cli(settings_from_args(args, mode=getattr(args, "mode", None)))


def rollback_main(args: argparse.Namespace) -> int:
    """`autoresponder rollback RUN_ID`: restore a run's writes through the same systems a run
    uses (a configured Salesforce org and CUPOLA, else the embedded default)."""
    from autoresponder.act.rollback import rollback_main as rollback_with

    settings = settings_from_args(args)
    with open_systems(settings, Path(settings.sources_dir), Path(settings.warehouse)) as systems:
        ctx = RunContext(settings=settings, run_id=f"{args.run_id}-rollback", as_of=settings.as_of or "",
                         mode="apply", sources_dir=Path(settings.sources_dir), warehouse=Path(settings.warehouse),
                         run_dir=Path(settings.runs_dir) / f"{args.run_id}-rollback")
        return rollback_with(args, writers_factory=lambda conn, _wh: build_writers(ctx, systems, conn))
