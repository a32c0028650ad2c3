"""HubSpot in the registry: the second CRM target, off unless `AUTORESPONDER_HUBSPOT_ENABLED`
(DESIGN §2, §11 `hubspot`; docs/hubspot.md). Built on `plugin.py`.

Configured, a run opens the connection (stored OAuth tokens or a private-app token), lands the
contacts snapshot through the search API (`raw.hubspot_contacts`), lets dbt match it by email
(`stg_hubspot__crm_records` joins `int_crm__records` through the var `crm_systems`) and writes the
`hubspot` rows of the action table through the executor like every system: the same gates, write
log, idempotency keys, heal and rollback (the generic rule: the writer with `payload = prior`; a replacement contact a run created
is archived).

A token HubSpot refuses after one refresh marks the connection `error` in `ops.connections`: the
landing keeps the last snapshot and the run goes on, the writer raises `ConnectionFailed`, so the
executor records what finished, leaves the rest `pending` and goes on with the other systems.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

from autoresponder.act.idempotency import idempotency_key
from autoresponder.errors import ConnectionFailed
from autoresponder.models import PlannedWrite, WriteOutcome
from autoresponder.systems.registry import Opened, System

from . import plugin
from .errors import HubSpotConnectionInError
from .settings import HubSpotSettings
from .sync import ensure_tables
from .writer import HubSpotWriter

NAME = plugin.SYSTEM


def configured(settings: Any) -> bool:
    return bool(settings.hubspot.enabled)


def resolved(settings: Any) -> HubSpotSettings:
    """`settings.hubspot` with what it leaves to the run's settings: the callback under `serve`'s
    `review_url`, and the token file's key from `AUTORESPONDER_TOKEN_KEY` (the key of the
    Salesforce grant) unless `AUTORESPONDER_HUBSPOT_TOKEN_KEY` is set."""
    hs = settings.hubspot
    shared = settings.token_key.get_secret_value() if settings.token_key is not None else None
    return hs.model_copy(update={
        "redirect_uri": hs.redirect_uri or settings.review_url.rstrip("/") + "/oauth/hubspot/callback",
        "token_key": hs.token_key or shared})


def _open(settings: Any, sources_dir: Path, warehouse: Path, stack: ExitStack) -> Opened | None:
    """None when HubSpot is off: no connection, no landing, no staging, no writer."""
    del sources_dir, warehouse, stack  # nothing to close: the client holds no socket between calls
    if not configured(settings):
        return None
    handle = plugin.open(resolved(settings))
    return Opened(handle, f"{settings.hubspot.base_url} (hubspot)",
                  request_counts=lambda: dict(handle.caller.counts))


def _land(handle: plugin.HubSpotHandle, conn: Any, settings: Any, objects: list[str] | None = None) -> dict:
    """The incremental contacts snapshot. A connection in error keeps the last snapshot (an empty
    one before the first sync) and does not fail the run: its connection row says why, and the
    writer then writes nothing to HubSpot."""
    del settings, objects
    try:
        return plugin.land(handle, conn)
    except HubSpotConnectionInError as exc:
        ensure_tables(conn)
        return {"rows_read": 0, "connection_error": exc.message}


class RegistryWriter:
    """The plug-in's writer as the executor expects it: a connection in error raises
    `ConnectionFailed` with the outcomes that finished (the undecided writes stay `pending`)."""

    def __init__(self, handle: plugin.HubSpotHandle, inner: HubSpotWriter):
        self.handle = handle
        self.inner = inner

    def _check(self, outcomes: list[WriteOutcome]) -> list[WriteOutcome]:
        state = self.handle.connection.state
        if state.status != "error":
            return outcomes
        message = self.inner.connection_error or HubSpotConnectionInError(state.last_error or "refused").message
        finished = [o for o in outcomes if not (o.status == "failed_retriable" and o.message == message)]
        raise ConnectionFailed(NAME, message, finished)

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        return self._check(self.inner.apply(writes) if self.handle.connection.state.status != "error" else [])

    def heal(self, writes: list[PlannedWrite]) -> list[WriteOutcome | None]:
        return self.inner.heal(writes)

    @property
    def request_counts(self) -> dict[str, int]:
        return dict(self.handle.caller.counts)

    def stats(self) -> dict[str, Any]:
        return self.inner.stats()


def _writer(ctx: Any, handle: plugin.HubSpotHandle | None, conn: Any) -> RegistryWriter | None:
    if handle is None:
        return None
    return RegistryWriter(handle, handle.writer(conn, ctx.run_id))


def _restore(row: dict[str, Any]) -> tuple[PlannedWrite | None, str, str] | None:
    """A replacement contact a run created is archived (`batch/archive`); one HubSpot held already
    (409 CONFLICT, prior `existed`) is left alone. Other rows: the generic rule (None)."""
    if row["action"] != "create" or row["object"] != "contact":
        return None
    remote = row.get("remote_id")
    if (row.get("prior") or {}).get("existed"):
        return None, f"none: contact {remote} existed in hubspot before this run", "not created by this run"
    if not remote:
        return None, "manual: archive the contact this write created in hubspot", "its id was not logged"
    write = PlannedWrite(
        run_id=f"{row['run_id']}-rollback", message_id=row["message_id"], system=NAME, object="contact",
        record_id=remote, action="archive", payload={}, prior={},
        idempotency_key=idempotency_key(NAME, "contact", remote, "archive", {}, f"rollback:{row['idempotency_key']}"),
        determination="ROLLBACK", reason=f"contact {remote} archived (rollback of run {row['run_id']})")
    return write, f"hubspot contact {remote}: archive", ""


def _counts(opened: Opened | None, writer: Any) -> dict[str, int]:
    """The requests our client made, by kind (every attempt, token refreshes included)."""
    if opened is not None and opened.request_counts is not None:
        return dict(opened.request_counts())
    return dict(getattr(writer, "request_counts", {}) or {})


SYSTEM = System(
    name=NAME, order=35, configured=configured, open=_open, land=_land, writer=_writer, request_counts=_counts,
    restore=_restore, api_tables=lambda settings: {"contacts": "raw.hubspot_contacts"},  # one Dagster landing asset
    matched=True, emulator="autoresponder.emulators.hubspot.server", crm=configured,
)
