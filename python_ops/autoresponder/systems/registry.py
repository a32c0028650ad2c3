"""The systems a run knows, each described once: how it is opened, landed, written, rolled back and counted.

A system is a folder `systems/<name>/` whose `system.py` defines `SYSTEM = System(...)`. The
registry finds those modules (`discover`), so connections (`autoresponder.connections`),
landing (`pipeline.land`, the Dagster landing assets), the writers (`pipeline.build_writers`,
rollback), the executor's order and hand-off rules, the impact report and the CLI's `emulate`
choices all read from here instead of naming systems. Adding a system: docs/architecture.md
("Adding a system"). Every hook is optional: Multipub is a snapshot only, SFMC a snapshot and a
file hand-off, Salesforce everything.

Hooks take plain arguments (no Dagster, no CLI), so `dagster_defs/` and `commands.py` only wire.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Opened", "System", "discover", "get", "register", "systems", "unregister"]


@dataclass
class Opened:
    """What `System.open` returns: the client a run uses, where writes go (recorded per run in
    `ops.runs`), and for an emulated system a callable giving the requests it received by kind."""

    handle: Any
    target: str
    request_counts: Callable[[], dict[str, int]] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class System:
    """One contact system. `name` is the `system` column of `marts.fct_actions` (DESIGN §11).

    Attributes:
        order: the executor writes systems in ascending order (the system of record first,
            hand-offs that follow it last).
        snapshots: CSV snapshots (`land.snapshots.Snapshot`) landed in every run's one transaction.
        fallback_snapshots: CSV exports landed instead of `land` when the system is not opened
            (Salesforce's Data Loader export for an org without API access).
        configured: settings -> True when the real system is configured (else the embedded default).
        open: (settings, sources_dir, warehouse, stack) -> `Opened` or None; resources go on `stack`.
        land: (handle, conn, settings, objects) -> stats; lands through the system's API.
        api_tables: settings -> {object: raw table} landed by `land` (one Dagster asset each).
        writer: (ctx, handle, conn) -> the run's writer (docs/contracts.md "Writers") or None.
        offline_writer: (conn, warehouse) -> a writer without an open connection (rollback's default).
        restore: write-log row -> (restoring write or None, call text, note), or None for the
            generic rule (the writer with `payload = prior`); see `act/rollback.py`.
        after_rollback: (writer, folder) -> {name: path} files a rollback leaves (Hodor's import file).
        request_counts: (opened handle, writer) -> {kind: requests} for the impact report.
        handoff_of: (system of record, {this system's action: the action it must have done}):
            a write here waits for that write (DESIGN §10 hand-offs).
        matched: its records count in the deactivation guard's matched records.
        emulator: module whose `emulate_main(args)` serves `autoresponder emulate <name>`.
        crm: settings -> True when the system is a CRM target of the route models this run: its
            dbt staging `stg_<name>__crm_records` joins the union `int_crm__records` (dbt var
            `crm_systems`), so a CRM that is not configured costs nothing.
    """

    name: str
    order: int = 50
    snapshots: tuple[Any, ...] = ()
    fallback_snapshots: tuple[Any, ...] = ()
    configured: Callable[[Any], bool] | None = None
    open: Callable[[Any, Path, Path, ExitStack], Opened | None] | None = None
    land: Callable[..., dict] | None = None
    api_tables: Callable[[Any], dict[str, str]] | None = None
    writer: Callable[[Any, Any, Any], Any] | None = None
    offline_writer: Callable[[Any, Path], Any] | None = None
    restore: Callable[[dict[str, Any]], tuple[Any, str, str] | None] | None = None
    after_rollback: Callable[[Any, Path], dict[str, str]] | None = None
    request_counts: Callable[[Opened | None, Any], dict[str, int]] | None = None
    handoff_of: tuple[str, dict[str, str]] | None = None
    matched: bool = False
    emulator: str | None = None
    crm: Callable[[Any], bool] | None = None


_REGISTRY: dict[str, System] = {}
_discovered = False


def register(system: System) -> System:
    """Add (or replace) a system; returns it."""
    _REGISTRY[system.name] = system
    return system


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def discover() -> None:
    """Import every `autoresponder.systems.<name>.system` module once; each registers its `SYSTEM`."""
    global _discovered
    if _discovered:
        return
    _discovered = True
    package = importlib.import_module("autoresponder.systems")
    for info in pkgutil.iter_modules(package.__path__):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"autoresponder.systems.{info.name}.system")
        except ModuleNotFoundError as exc:
            if exc.name != f"autoresponder.systems.{info.name}.system":
                raise
            continue  # a client folder that is not a system (llm, smtp)
        spec = getattr(module, "SYSTEM", None)
        if isinstance(spec, System) and spec.name not in _REGISTRY:
            register(spec)


def systems() -> list[System]:
    """Every registered system, in write order."""
    discover()
    return sorted(_REGISTRY.values(), key=lambda s: (s.order, s.name))


def get(name: str) -> System | None:
    discover()
    return _REGISTRY.get(name)


def names() -> list[str]:
    return [s.name for s in systems()]


def csv_snapshots() -> tuple[Any, ...]:
    """The CSV snapshots landed in every run, in registry order."""
    return tuple(snap for s in systems() for snap in s.snapshots)


def every_snapshot() -> Iterator[Any]:
    """Every CSV a source folder may hold (snapshots and fallback exports)."""
    for s in systems():
        yield from s.snapshots
        yield from s.fallback_snapshots


def handoffs() -> dict[str, tuple[str, dict[str, str]]]:
    return {s.name: s.handoff_of for s in systems() if s.handoff_of is not None}


def write_order() -> tuple[str, ...]:
    return tuple(s.name for s in systems())


def matched_systems() -> list[str]:
    return [s.name for s in systems() if s.matched]
