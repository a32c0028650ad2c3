"""A run's identity and its folder: run id, run date, mode, paths and the stage log."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from autoresponder.config import Settings
from autoresponder.progress import meter


def run_id_at(when: datetime | None = None) -> str:
    """A run id as the CLI names runs and their folders: UTC time to the millisecond, `...Z`."""
    when = (when or datetime.now(UTC)).astimezone(UTC)
    return f"{when.strftime('%Y%m%dT%H%M%S%f')[:-3]}Z"


def new_run_id() -> str:
    """A run id for a run starting now, e.g. `20261125T060000123Z`."""
    return run_id_at()


@dataclass
class RunContext:
    """Everything a stage needs to know about the run it belongs to."""

    settings: Settings
    run_id: str
    as_of: str
    mode: str
    sources_dir: Path
    warehouse: Path
    run_dir: Path
    stage_seconds: dict[str, float] = field(default_factory=dict)
    verbose: bool = False  # echo stage progress on stderr (the CLI turns it on)
    facts: dict = field(default_factory=dict)  # figures stages leave for the impact report
    progress_log: Callable[[str], object] | None = None  # Dagster's context.log.info; None: a bar or stderr lines

    def meter(self, description: str, total: int | None = None, unit: str = "msg"):
        """A progress meter for a long loop of a stage (`autoresponder.progress.meter`)."""
        return meter(description, total, unit=unit, log=self.progress_log)

    @classmethod
    def create(cls, settings: Settings, *, run_id: str | None = None) -> RunContext:
        as_of = settings.as_of or date.today().isoformat()
        date.fromisoformat(as_of)  # a bad --as-of fails here, before any work
        run_id = run_id or run_id_at()
        run_dir = Path(settings.runs_dir) / run_id
        run_dir.mkdir(parents=True, exist_ok=True)
        return cls(settings=settings, run_id=run_id, as_of=as_of, mode=settings.mode,
                   sources_dir=Path(settings.sources_dir), warehouse=Path(settings.warehouse), run_dir=run_dir)

    def log(self, stage: str, message: str, **fields) -> None:
        """Append one line to the run's `stage_execution.log` (JSON after the text, for machines)."""
        ts = datetime.now(UTC).isoformat(timespec="seconds")
        extra = f" {json.dumps(fields, default=str, sort_keys=True)}" if fields else ""
        with (self.run_dir / "stage_execution.log").open("a", encoding="utf-8") as fh:
            fh.write(f"{ts} [{stage}] {message}{extra}\n")
        if self.verbose:
            print(f"[{stage}] {message}", file=sys.stderr, flush=True)

    @contextmanager
    def stage(self, name: str):
        """Time a stage and log its start, end or failure."""
        self.log(name, "start")
        t0 = time.perf_counter()
        try:
            yield
        except Exception as exc:
            self.stage_seconds[name] = round(time.perf_counter() - t0, 3)
            self.log(name, f"failed: {type(exc).__name__}: {exc}")
            raise
        self.stage_seconds[name] = round(time.perf_counter() - t0, 3)
        self.log(name, f"done in {self.stage_seconds[name]:.1f}s")
