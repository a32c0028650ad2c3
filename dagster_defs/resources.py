"""Dagster resources: run settings and the external systems (embedded default: local emulators)."""


from contextlib import ExitStack
from pathlib import Path

import dagster as dg
from pydantic import PrivateAttr

from autoresponder.config import Settings
from autoresponder.connections import Connections, open_systems
from autoresponder.pipeline import connect_warehouse
from autoresponder.run import RunContext


class AutoResponderResource(dg.ConfigurableResource):
    """Where the sources, warehouse and run folders are, the run date and the mode.

    For the length of a Dagster run it holds the warehouse's run lock, the one CLI `plan` /
    `apply` take (runlock.py): a second run of either kind is refused naming this one, and this
    run fails naming the holder when another run has it (DESIGN §10: one run at a time)."""

    sources_dir: str = "seeds"
    warehouse: str = "warehouse.duckdb"
    runs_dir: str = "runs"
    as_of: str | None = None
    mode: str = "plan"
    _lock: Path | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        from autoresponder.runlock import acquire_shared

        run = getattr(context, "run", None)
        run_id = (run.run_id if run is not None else None) or "dagster"
        self._lock = acquire_shared(Path(self.warehouse), run_id, f"dagster {self.mode}")

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        from autoresponder.runlock import release_shared

        if self._lock is not None:
            release_shared(self._lock)
            self._lock = None

    def settings(self) -> Settings:
        return Settings(sources_dir=Path(self.sources_dir), warehouse=Path(self.warehouse),
                        runs_dir=Path(self.runs_dir), as_of=self.as_of, mode=self.mode)

    def run_context(self, context: dg.AssetExecutionContext) -> RunContext:
        return RunContext.create(self.settings(), run_id=context.run_id)

    def connect(self):
        return connect_warehouse(Path(self.warehouse))


class SystemsResource(dg.ConfigurableResource):
    """The contact systems a run talks to; the embedded default starts the Salesforce emulator and
    opens the embedded CUPOLA store for the length of the Dagster run."""

    autoresponder: AutoResponderResource
    _stack: ExitStack | None = PrivateAttr(default=None)
    _systems: Connections | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._stack = ExitStack()
        self._systems = self._stack.enter_context(
            open_systems(self.autoresponder.settings(), Path(self.autoresponder.sources_dir),
                             Path(self.autoresponder.warehouse)))

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._stack is not None:
            self._stack.close()

    @property
    def systems(self) -> Connections:
        assert self._systems is not None, "SystemsResource used outside a run"
        return self._systems
