"""The systems a run talks to: the real ones when configured, else the embedded default.

Each registered system (`systems/registry.py`) says how it is opened: Salesforce is an org by
credentials (or the OAuth grant `serve` stored), else an emulator seeded from
`salesforce/*.csv`; CUPOLA is SQL Server by ODBC connection string, else the embedded store next
to the warehouse. The LLM is used only when an OpenAI-compatible endpoint is configured.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from autoresponder.config import Settings
from autoresponder.systems import registry
from autoresponder.systems.llm import client_from_settings
from autoresponder.systems.registry import Opened
from autoresponder.systems.salesforce.system import EMBEDDED_SALESFORCE, salesforce_target

__all__ = ["EMBEDDED_SALESFORCE", "Connections", "open_systems", "salesforce_target"]


class Connections:
    """The external systems a run talks to (real clients; emulators in the demo and tests).

    `handles` maps a system name to its client (`systems.get("salesforce")`); `opened` keeps what
    each system's `open` returned (target, request counter); `targets` records where writes go
    (`autoresponder.targets`). `salesforce` and `cupola` are the two clients code reads most.
    """

    def __init__(self, handles: dict[str, Any] | None = None, *, llm: Any = None, extra: dict | None = None,
                 targets: dict | None = None, opened: dict[str, Opened] | None = None, **named: Any):
        self.handles: dict[str, Any] = {**(handles or {}), **{k: v for k, v in named.items() if v is not None}}
        self.opened: dict[str, Opened] = dict(opened or {})
        self.llm = llm
        self.extra: dict[str, Any] = dict(extra or {})
        self.targets: dict[str, str] = dict(targets or {})

    def get(self, name: str) -> Any:
        return self.handles.get(name)

    @property
    def salesforce(self) -> Any:  # simple_salesforce.Salesforce
        return self.handles.get("salesforce")

    @property
    def cupola(self) -> Any:  # CupolaProcedures
        return self.handles.get("cupola")

    @property
    def salesforce_counts(self) -> Any:
        """Callable -> the emulator's request counts by kind, when Salesforce is emulated."""
        opened = self.opened.get("salesforce")
        return opened.request_counts if opened is not None else None


@contextmanager
def open_systems(settings: Settings, sources_dir: Path, warehouse: Path) -> Iterator[Connections]:
    """Open every registered system that has an `open` hook, in registry order; close them on exit.
    The LLM client is made only when an OpenAI-compatible endpoint is configured."""

    with ExitStack() as stack:
        systems = Connections()
        for system in registry.systems():
            if system.open is None:
                continue
            opened = system.open(settings, Path(sources_dir), Path(warehouse), stack)
            if opened is None:
                continue
            systems.handles[system.name] = opened.handle
            systems.opened[system.name] = opened
            systems.targets[system.name] = opened.target
            systems.extra.update(opened.extra)
        systems.llm = client_from_settings(settings)  # None without a key: rules only, reason llm_unavailable
        yield systems
