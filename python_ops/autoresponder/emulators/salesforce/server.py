"""Running the emulator: a uvicorn server over real TLS in a background thread.

`start_emulator()` is the Python handle tests and the demo use; `emulate_main(args)` runs it
standalone for `autoresponder emulate salesforce` and prints one JSON line of credentials.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
import trustme
import uvicorn
from requests.adapters import HTTPAdapter

from ..serving import bind_local, serve_until_stopped, start_server
from .app import build_app
from .org import EmulatedOrg
from .seed import seed_from_sources

LOGIN_HOSTS = ("https://login.salesforce.com", "https://test.salesforce.com")


class LoopbackAdapter(HTTPAdapter):
    """Sends requests for a public Salesforce login host to the emulator's loopback address.

    simple-salesforce builds `https://{domain}.salesforce.com/services/Soap/u/...` for login;
    mounting this adapter on a `requests.Session` routes that to the emulator without DNS.
    """

    def __init__(self, target: str | None, ca_cert_path: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.target = urlsplit(target) if target else None
        self.ca_cert_path = ca_cert_path

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if self.target is not None:
            parts = urlsplit(request.url or "")
            request = request.copy()
            request.url = urlunsplit((self.target.scheme, self.target.netloc, parts.path, parts.query,
                                      parts.fragment))
        kwargs["verify"] = self.ca_cert_path  # the emulator's CA, whatever REQUESTS_CA_BUNDLE says
        return super().send(request, **kwargs)


class EmulatorHandle:
    """A running emulator: URLs, credentials, CA, counters and direct state access."""

    def __init__(self, org: EmulatedOrg, ca_cert_path: Path, server: uvicorn.Server, thread: threading.Thread):
        self.org = org
        self.ca_cert_path = ca_cert_path
        self._server = server
        self._thread = thread
        self._sessions: list[requests.Session] = []

    @property
    def instance_url(self) -> str:
        return self.org.instance_url

    @property
    def access_token(self) -> str:
        return self.org.access_token

    @property
    def username(self) -> str:
        return self.org.username

    @property
    def password(self) -> str:
        return self.org.password

    @property
    def security_token(self) -> str:
        return self.org.security_token

    @property
    def state(self) -> Any:
        return self.org.state

    @property
    def faults(self) -> dict[str, Any]:
        return self.org.faults

    def set_faults(self, faults: dict[str, Any] | None) -> None:
        """Change fault injection at run time (None switches it off)."""
        self.org.faults = faults or {}
        self.org._fault_rng = None  # reseed

    def request_counts(self) -> dict[str, int]:
        return self.org.request_counts()

    def set_api_limit(self, max_requests: int | None = None, used: int | None = None) -> dict[str, int]:
        """The org's DailyApiRequests limit and today's usage (as `limits` and `Sforce-Limit-Info` report)."""
        return self.org.set_api_limit(max_requests, used)

    def faults_injected(self) -> dict[str, int]:
        return dict(self.org.faults_injected)

    def reset(self) -> None:
        """Zero the request and fault counters."""
        self.org.reset_counts()

    def expire_sessions(self) -> None:
        self.org.expire_sessions()

    def session(self) -> requests.Session:
        """A `requests.Session` that trusts the emulator's CA and reaches it for login hosts."""
        sess = requests.Session()
        sess.verify = str(self.ca_cert_path)
        adapter = LoopbackAdapter(self.instance_url, str(self.ca_cert_path))
        for host in LOGIN_HOSTS:
            sess.mount(host, adapter)
        sess.mount(self.instance_url, LoopbackAdapter(None, str(self.ca_cert_path)))
        self._sessions.append(sess)
        return sess

    def credentials(self) -> dict[str, str]:
        return {"instance_url": self.instance_url, "access_token": self.access_token, "username": self.username,
                "password": self.password, "security_token": self.security_token,
                "ca_cert": str(self.ca_cert_path)}

    def stop(self) -> None:
        for sess in self._sessions:  # client-side close first: the TLS shutdown is then immediate
            sess.close()
        self._server.should_exit = True
        self._thread.join(timeout=2)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout=5)


@contextlib.contextmanager
def start_emulator(sources_dir: Path | str | None = None, port: int = 0, faults: dict[str, Any] | None = None,
                   *, workdir: Path | str | None = None, batch_size: int = 2000,
                   version: str = "59.0") -> Iterator[EmulatorHandle]:
    """Run a seeded emulator on 127.0.0.1 over TLS for the duration of the block.

    Args:
        sources_dir: a DESIGN §3 sources dir; its `salesforce/*.csv` seed the org.
        port: 0 picks a free port.
        faults: fault injection config (see `faults.py`).
        workdir: where the SQLite file, cert and key go (a temp dir by default, removed on exit).
        batch_size: REST query page size (Salesforce's default is 2000).
    """
    tmp = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="sf-emulator-"))
    tmp.mkdir(parents=True, exist_ok=True)
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ca_path = tmp / "ca.pem"
    cert_path, key_path = tmp / "server.pem", tmp / "server.key"
    ca.cert_pem.write_to_path(str(ca_path))
    cert.private_key_pem.write_to_path(str(key_path))
    cert_path.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))

    org = EmulatedOrg(tmp / "org.sqlite", version=version, batch_size=batch_size, faults=faults)
    seed_from_sources(org.state, sources_dir)

    sock = bind_local(port)
    org.instance_url = f"https://127.0.0.1:{sock.getsockname()[1]}"
    server, thread = start_server(build_app(org), sock, "salesforce emulator",
                                  ssl_certfile=str(cert_path), ssl_keyfile=str(key_path))
    handle = EmulatorHandle(org, ca_path, server, thread)
    try:
        yield handle
    finally:
        handle.stop()
        sock.close()
        org.state.close()
        if workdir is None:
            shutil.rmtree(tmp, ignore_errors=True)


def emulate_main(args: Any) -> int:
    """Standalone emulator: print one JSON line of credentials, serve until killed.

    `args` needs `.port` and `.sources`; optional `.faults` (a JSON string or dict).
    """
    faults = getattr(args, "faults", None)
    if isinstance(faults, str):
        faults = json.loads(faults)
    return serve_until_stopped(start_emulator(getattr(args, "sources", None),
                                              port=getattr(args, "port", 0) or 0, faults=faults))
