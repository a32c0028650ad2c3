"""HubSpot as a system plug-in: the five entry points a system registry needs.

    handle = open(settings)                         # HubSpotSettings (or None: from the environment)
    land(handle, conn, full=False) -> dict          # raw.hubspot_contacts + ops.hubspot_sync (search API)
    write(handle, conn, writes, run_id, mode="apply") -> ExecutionReport
                                                    # PlannedWrites of system 'hubspot' through act.executor:
                                                    # same ops.write_log, same keys, heal, outcomes
    rollback(handle, conn, run_id) -> dict          # act.rollback with this system's writer
    count(handle) -> dict                           # requests by kind, retries, refreshes, connection state

`handle.writer(conn)` is the `Writer` (apply/heal) for a registry that runs `execute` itself: it
maps threads to deals from the snapshot (`sync.deal_map`), checks conflicts against contacts changed
since the snapshot's watermark, and remembers each week's roll-up Note in the write log
(`WriteLogRollups`: a `create` row of object `note` whose `remote_id` is the note).
OAuth for `autoresponder serve`: `oauth_start(settings, state)` is the consent URL,
`oauth_callback(settings, code)` stores the tokens (encrypted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...act import rollback as act_rollback
from ...act import write_log
from ...act.executor import ExecutionReport, execute
from ...errors import ConfigurationError
from ...models import PlannedWrite, WriteOutcome
from .associations import AssociationTypes
from .client import HubSpotConnection, authorize_url
from .engagements import rollup_payload
from .errors import HubSpotConnectionInError
from .settings import HubSpotSettings
from .sync import deal_map, land_contacts, snapshot_watermark
from .tokens import Tokens, TokenStore
from .transport import HubSpotCaller
from .writer import HubSpotWriter

SYSTEM = "hubspot"


class WriteLogRollups:
    """Roll-up note ids kept in `ops.write_log` (system hubspot, object note, action create)."""

    def __init__(self, conn: Any, run_id: str):
        self.conn = conn
        self.run_id = run_id

    def get_many(self, keys: list[str]) -> dict[str, str]:
        if not keys:
            return {}
        rows = self.conn.execute(
            "select idempotency_key, remote_id from ops.write_log where system = ? and status = 'succeeded'"
            " and idempotency_key in (select unnest(?::varchar[]))", [SYSTEM, keys]).fetchall()
        return {k: rid for k, rid in rows if rid}

    def put_many(self, rows: list[tuple[str, str, str, str]]) -> None:
        if not rows:
            return
        writes = [PlannedWrite(self.run_id, "", SYSTEM, "note", rid, "create", rollup_payload(week), {}, key)
                  for key, rid, week, _nid in rows]
        write_log.insert_pending(self.conn, writes, self.run_id)
        write_log.mark_outcomes(self.conn, SYSTEM, [WriteOutcome(key, "succeeded", remote_id=nid,
                                                                 message=f"weekly roll-up note {week}")
                                                    for key, _rid, week, nid in rows])


@dataclass
class HubSpotHandle:
    settings: HubSpotSettings
    connection: HubSpotConnection
    caller: HubSpotCaller
    assoc_types: AssociationTypes
    writers: list[HubSpotWriter] = field(default_factory=list)

    def writer(self, conn: Any, run_id: str = "") -> HubSpotWriter:
        s = self.settings
        w = HubSpotWriter(self.caller, deals=deal_map(conn), changed_since_ms=snapshot_watermark(conn),
                          assoc_types=self.assoc_types, rollups=WriteLogRollups(conn, run_id) if run_id else None,
                          create_tasks=s.create_tasks, weekly_rollup=s.weekly_rollup)
        self.writers.append(w)
        return w


def _store(settings: HubSpotSettings) -> TokenStore | None:
    if not settings.token_key:
        return None
    return TokenStore(settings.token_path, settings.token_key)


def open(settings: HubSpotSettings | None = None) -> HubSpotHandle:  # noqa: A001 - the registry's verb
    """Connect (no request is made until the first call). Raises ConfigurationError when HubSpot is
    enabled but has neither stored OAuth tokens nor a private-app token."""
    s = settings or HubSpotSettings()
    store = _store(s)
    connection = HubSpotConnection(s.base_url, store=store, client_id=s.client_id, client_secret=s.client_secret,
                                   access_token=s.access_token)
    if connection.tokens is None:
        raise ConfigurationError(
            f"HubSpot is enabled but has no token: authorize the app through `autoresponder serve` "
            f"(/oauth/hubspot/start; tokens go to {s.token_path}, encrypted with AUTORESPONDER_HUBSPOT_TOKEN_KEY) "
            "or set AUTORESPONDER_HUBSPOT_ACCESS_TOKEN")
    caller = HubSpotCaller(connection, max_attempts=s.max_attempts)
    return HubSpotHandle(s, connection, caller, AssociationTypes(ttl_s=s.association_ttl_s))


def land(handle: HubSpotHandle, conn: Any, full: bool = False) -> dict[str, Any]:
    """Incremental contacts snapshot into `raw.hubspot_contacts`."""
    return land_contacts(handle.caller, conn, full=full)


def write(handle: HubSpotHandle, conn: Any, writes: list[PlannedWrite], run_id: str,
          mode: str = "apply") -> ExecutionReport:
    """Execute the `hubspot` rows of the action table through the shared write log.

    Raises:
        HubSpotConnectionInError: the connection ended in error (token refresh failed or refused
            again); every outcome is already in the write log, the report is on `exc.report`.
    """
    write_log.ensure_write_log(conn)
    mine = [w for w in writes if w.system == SYSTEM]
    report = execute(conn, mine, {SYSTEM: handle.writer(conn, run_id)}, mode=mode, run_id=run_id)
    state = handle.connection.state
    if state.status == "error":
        exc = HubSpotConnectionInError(state.last_error or "connection marked error")
        exc.report = report  # type: ignore[attr-defined]
        raise exc
    return report


def rollback(handle: HubSpotHandle, conn: Any, run_id: str) -> dict[str, Any]:
    """Restore the prior values of the run's HubSpot contact writes (roll-up Notes and Tasks are
    listed as manual: created records are never deleted automatically)."""
    return act_rollback.rollback(conn, run_id, {SYSTEM: handle.writer(conn, f"{run_id}-rollback")})


def count(handle: HubSpotHandle) -> dict[str, Any]:
    """Requests by kind (every attempt), retries, token refreshes and the connection state."""
    state = handle.connection.state
    return {"requests": dict(handle.caller.counts), "total_requests": sum(handle.caller.counts.values()),
            "retries": dict(handle.caller.retries), "refreshes": handle.caller.refreshes,
            "tasks_created": sum(w.tasks_created for w in handle.writers),
            "notes_written": sum(w.notes_written for w in handle.writers),
            "connection": {"status": state.status, "last_error": state.last_error,
                           "last_success_at": state.last_success_at}}


def oauth_start(settings: HubSpotSettings, state: str) -> str:
    """The consent URL the start endpoint redirects to."""
    if not settings.client_id:
        raise ConfigurationError("AUTORESPONDER_HUBSPOT_CLIENT_ID is not set: create a HubSpot app and set its id")
    if not settings.redirect_uri:
        raise ConfigurationError("AUTORESPONDER_HUBSPOT_REDIRECT_URI is not set: the OAuth callback of `serve`")
    return authorize_url(settings.client_id, settings.redirect_uri, state, auth_base_url=settings.auth_base_url)


def oauth_callback(settings: HubSpotSettings, code: str) -> Tokens:
    """Exchange the callback's code for tokens and store them encrypted."""
    store = _store(settings)
    if store is None:
        raise ConfigurationError("AUTORESPONDER_HUBSPOT_TOKEN_KEY is not set: tokens are only stored encrypted")
    connection = HubSpotConnection(settings.base_url, store=store, client_id=settings.client_id,
                                   client_secret=settings.client_secret)
    return connection.exchange_code(code, settings.redirect_uri or "")
