"""Serve an emulator's ASGI app with uvicorn on 127.0.0.1 in a daemon thread (shared by the emulators)."""

from __future__ import annotations

import contextlib
import json
import logging
import signal
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn


def bind_local(port: int = 0) -> socket.socket:
    """A TCP socket bound to 127.0.0.1:`port` (0: any free port), reusable at once after a restart."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


def start_server(app: Any, sock: socket.socket, name: str, **config: Any) -> tuple[uvicorn.Server, threading.Thread]:
    """Run `app` on `sock` in a daemon thread; returns once it accepts requests (RuntimeError after 15 s).

    `config` goes to `uvicorn.Config` (e.g. `ssl_certfile`, `ssl_keyfile`); the emulators log nothing."""
    logging.getLogger("uvicorn.error").setLevel(logging.CRITICAL)
    server = uvicorn.Server(uvicorn.Config(app, log_level="critical", access_log=False, lifespan="off",
                                           timeout_keep_alive=30, timeout_graceful_shutdown=0.2, **config))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name=name)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"{name} did not start")
        time.sleep(0.01)
    return server, thread


@contextlib.contextmanager
def serving(app: Any, sock: socket.socket, name: str) -> Iterator[str]:
    """`app` served on `sock` for the duration of the block (tests of `serve`); yields its base URL."""
    server, thread = start_server(app, sock, name)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def serve_until_stopped(emulator_cm: Any) -> int:
    """`autoresponder emulate`: enter the emulator, print its credentials as one JSON line, serve
    until SIGTERM or Ctrl-C; exit code 0."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with emulator_cm as emu:
        print(json.dumps(emu.credentials()), flush=True)
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    return 0
