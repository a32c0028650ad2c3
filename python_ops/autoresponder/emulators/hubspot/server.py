"""Running the emulator: uvicorn over plain HTTP on 127.0.0.1 in a background thread.

`start_emulator()` is the handle tests and bench use; `emulate_main(args)` serves standalone for
`autoresponder emulate hubspot` and prints one JSON line (base URL, OAuth app and tokens). Faults
come from `--faults` or the environment variable `AUTORESPONDER_HUBSPOT_EMULATOR_FAULTS` (JSON),
and can be changed at run time with `POST /_emulator/faults`.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn

from ..serving import bind_local, serve_until_stopped, start_server
from .app import build_app
from .seed import seed_from_sources
from .state import Portal

FAULTS_ENV = "AUTORESPONDER_HUBSPOT_EMULATOR_FAULTS"


class EmulatorHandle:
    """A running emulator: its URL, OAuth app, counters and direct access to the portal."""

    def __init__(self, portal: Portal, base_url: str, server: uvicorn.Server, thread: threading.Thread):
        self.portal = portal
        self.base_url = base_url
        self._server = server
        self._thread = thread

    def credentials(self) -> dict[str, Any]:
        p = self.portal
        return {"base_url": self.base_url, "client_id": p.client_id, "client_secret": p.client_secret,
                "redirect_uri": p.redirect_uri, "access_token": p.access_token, "refresh_token": p.refresh_token,
                "hub_id": p.hub_id}

    def set_faults(self, faults: dict[str, Any] | None) -> None:
        self.portal.set_faults(faults)

    def request_counts(self) -> dict[str, int]:
        return dict(self.portal.counts)

    def total_requests(self, prefix: str = "") -> int:
        """Requests counted so far whose `"<METHOD> <path>"` key contains `prefix`."""
        return sum(n for k, n in self.portal.counts.items() if prefix in k)

    def reset(self) -> None:
        self.portal.reset_counts()

    def expire_tokens(self) -> None:
        self.portal.expire_tokens()

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)


@contextlib.contextmanager
def start_emulator(sources_dir: Path | str | None = None, port: int = 0, faults: dict[str, Any] | None = None,
                   *, search_cap: int = 10_000) -> Iterator[EmulatorHandle]:
    """Run a seeded portal on http://127.0.0.1:<port> for the duration of the block (0: a free port).

    `search_cap` lowers the 10,000-result ceiling of a search query (tests of the restart logic)."""
    portal = Portal(faults=faults, search_cap=search_cap)
    seed_from_sources(portal, sources_dir)
    sock = bind_local(port)
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server, thread = start_server(build_app(portal), sock, "hubspot-emulator")
    handle = EmulatorHandle(portal, base_url, server, thread)
    try:
        yield handle
    finally:
        handle.stop()
        sock.close()


def emulate_main(args: Any) -> int:
    """Standalone: print one JSON line of credentials, serve until killed.

    `args` needs `.port` and `.sources`; `.faults` (JSON text) overrides the environment variable."""
    raw = getattr(args, "faults", None) or os.environ.get(FAULTS_ENV)
    faults = json.loads(raw) if isinstance(raw, str) else raw
    return serve_until_stopped(start_emulator(getattr(args, "sources", None),
                                              port=getattr(args, "port", 0) or 0, faults=faults))
