"""Progress a person can watch: one meter per long stage, with counts and rates.

`meter(description, total, unit=..., log=None)` returns a context manager with `advance(n)`.

* On a terminal (stderr is a TTY, no `log` given): a rich progress bar with the count, the
  total, the rate and the time left.
* Elsewhere (a pipe, a CI log, Dagster's `context.log.info` passed as `log`): plain lines, at
  most one every `every_s` seconds (and one per 10 % of a known total), then one closing line
  with the count and the rate. A stage shorter than `every_s` that printed nothing stays quiet.

The meter never raises into the work it watches and costs one clock read per `advance`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

Log = Callable[[str], Any]
EVERY_S = 5.0


def _stderr_line(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _rate(count: int, seconds: float) -> str:
    if seconds <= 0:
        return "-"
    rate = count / seconds
    return f"{rate:,.0f}/s" if rate >= 10 else f"{rate:.2f}/s"


class LineMeter:
    """Periodic plain lines: `[land] 12,000/100,000 msg (12 %), 2,400/s, 5 s`."""

    def __init__(self, description: str, total: int | None, *, unit: str, log: Log, every_s: float = EVERY_S):
        self.description, self.total, self.unit, self.log, self.every_s = description, total, unit, log, every_s
        self.count = 0
        self.started = self._last = time.monotonic()
        self._printed = False
        self._next_pct = 10

    def _line(self, now: float, final: bool = False) -> str:
        done = f"{self.count:,}" + (f"/{self.total:,}" if self.total else "")
        pct = f" ({100 * self.count // self.total} %)" if self.total else ""
        took = now - self.started
        head = "done: " if final else ""
        return f"[{self.description}] {head}{done} {self.unit}{pct}, {_rate(self.count, took)}, {took:,.0f} s"

    def advance(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        crossed = bool(self.total) and 100 * self.count >= self._next_pct * self.total
        if now - self._last >= self.every_s or (crossed and now - self.started >= self.every_s):
            if crossed:
                self._next_pct = (100 * self.count // self.total) // 10 * 10 + 10
            self._last = now
            self._printed = True
            self._emit(self._line(now))

    def _emit(self, text: str) -> None:
        try:
            self.log(text)
        except Exception:  # noqa: BLE001 - a broken log sink must not stop the stage
            pass

    def close(self) -> None:
        now = time.monotonic()
        if self._printed or now - self.started >= self.every_s:
            self._emit(self._line(now, final=True))

    def __enter__(self) -> LineMeter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class RichMeter:
    """A rich progress bar on stderr; transient rows are replaced by one summary line at the end."""

    def __init__(self, description: str, total: int | None, *, unit: str):
        self.description, self.unit, self.count = description, unit, 0
        self.started = time.monotonic()
        self._progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn(f"{unit} · {{task.fields[rate]}}"), TimeElapsedColumn(), TextColumn("left"),
            TimeRemainingColumn(), console=Console(stderr=True), transient=True, refresh_per_second=4,
        )
        self._task = self._progress.add_task(description, total=total, rate="-")
        self._progress.start()

    def advance(self, n: int = 1) -> None:
        self.count += n
        self._progress.update(self._task, advance=n,
                              rate=_rate(self.count, time.monotonic() - self.started))

    def close(self) -> None:
        self._progress.stop()
        took = time.monotonic() - self.started
        if took >= 1.0:
            _stderr_line(f"[{self.description}] {self.count:,} {self.unit}, {_rate(self.count, took)}, {took:,.1f} s")

    def __enter__(self) -> RichMeter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def meter(description: str, total: int | None = None, *, unit: str = "msg", log: Log | None = None,
          every_s: float = EVERY_S) -> LineMeter | RichMeter:
    """A bar on a terminal, else periodic lines to `log` (default: stderr)."""
    if log is None and sys.stderr.isatty():
        return RichMeter(description, total, unit=unit)
    return LineMeter(description, total, unit=unit, log=log or _stderr_line, every_s=every_s)
