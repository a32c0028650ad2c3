"""Dagster resources: run settings and the external systems (embedded default: local emulators)."""


from contextlib import ExitStack
from pathlib import Path

import dagster as dg
from pydantic import PrivateAttr

from autoresponder.config import Settings
from autoresponder.connections import Connections, open_systems
from autoresponder.pipeline import connect_warehouse
from autoresponder.run import RunContext, run_id_at
from autoresponder.runlock import acquire_shared, release_shared


class AutoResponderResource(dg.ConfigurableResource):
    """Where the sources, warehouse and run folders are, the run date, the mode and the routing
    flags. A field left unset (None) takes its value from `Settings` (config.py defaults, then
    the `AUTORESPONDER_*` environment), exactly as the CLI does.

    For the length of a Dagster run it holds the warehouse's run lock, the one CLI `plan` /
    `apply` take (runlock.py): a second run of either kind is refused naming this one, and this
    run fails naming the holder when another run has it (DESIGN §10: one run at a time)."""

    sources_dir: str | None = None
    warehouse: str | None = None
    runs_dir: str | None = None
    as_of: str | None = None
    mode: str | None = None
    auto_add_replacements: bool | None = None
    allow_reactivation: bool | None = None
    our_domains: list[str] | None = None
    _lock: Path | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        run = getattr(context, "run", None)
        run_id = (run.run_id if run is not None else None) or "dagster"
        settings = self.settings()
        self._lock = acquire_shared(Path(settings.warehouse), run_id, f"dagster {settings.mode}")

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._lock is not None:
            release_shared(self._lock)
            self._lock = None

    def settings(self) -> Settings:
        given = {"sources_dir": self.sources_dir, "warehouse": self.warehouse, "runs_dir": self.runs_dir,
                 "as_of": self.as_of, "mode": self.mode, "auto_add_replacements": self.auto_add_replacements,
                 "allow_reactivation": self.allow_reactivation, "our_domains": self.our_domains}
        return Settings(**{k: v for k, v in given.items() if v is not None})

    def run_context(self, context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext) -> RunContext:
        ctx = RunContext.create(self.settings(), run_id=cli_run_id(context))
        ctx.progress_log = context.log.info  # progress as plain log lines in the Dagster run (autoresponder.progress)
        return ctx

    def connect(self):
        settings = self.settings()
        return connect_warehouse(settings.warehouse, settings)


def cli_run_id(context: dg.AssetExecutionContext | dg.AssetCheckExecutionContext) -> str:
    """The run id (and run folder name) of a Dagster run, named as the CLI names its runs: the
    time the Dagster run was created, so every step of the run agrees on it."""
    record = context.instance.get_run_record_by_id(context.run.run_id)
    return run_id_at(record.create_timestamp if record is not None else None)


class SystemsResource(dg.ConfigurableResource):
    """The contact systems a run talks to; the embedded default starts the Salesforce emulator and
    opens the embedded CUPOLA store for the length of the Dagster run."""

    autoresponder: AutoResponderResource
    _stack: ExitStack | None = PrivateAttr(default=None)
    _systems: Connections | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._stack = ExitStack()
        self._systems = self._stack.enter_context(
            open_systems(settings := self.autoresponder.settings(), settings.sources_dir, settings.warehouse))

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._stack is not None:
            self._stack.close()

    @property
    def systems(self) -> Connections:
        assert self._systems is not None, "SystemsResource used outside a run"
        return self._systems
