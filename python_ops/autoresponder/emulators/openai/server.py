"""Run the OpenAI emulator on 127.0.0.1 (plain HTTP) in a thread or standalone."""

from __future__ import annotations

import argparse
import contextlib
import json
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import uvicorn

from autoresponder.emulators.openai.app import create_app
from autoresponder.emulators.openai.state import EmulatorState


@dataclass
class RunningEmulator:
    """Handle of a running emulator: where it listens and what it received."""

    base_url: str
    api_key: str
    state: EmulatorState

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.state.requests

    def script(self, substring: str, reply: dict[str, Any] | str) -> None:
        self.state.script(substring, reply)

    def fail_next(self, kind: str, times: int = 1) -> None:
        self.state.fail_next(kind, times)


def _serve(port: int, api_key: str, state: EmulatorState) -> tuple[Any, threading.Thread, str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    config = uvicorn.Config(create_app(state, api_key), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    return server, thread, f"http://127.0.0.1:{sock.getsockname()[1]}/v1"


@contextlib.contextmanager
def start_emulator(*, port: int = 0, api_key: str | None = None, timeout_s: float = 5.0) -> Iterator[RunningEmulator]:
    """Context manager: an emulator in a background thread, stopped on exit."""
    state = EmulatorState(timeout_s=timeout_s)
    key = api_key or f"emu-{secrets.token_hex(8)}"
    server, thread, url = _serve(port, key, state)
    try:
        yield RunningEmulator(base_url=url, api_key=key, state=state)
    finally:
        server.should_exit = True
        thread.join(timeout=timeout_s + 5)


def emulate_main(args: argparse.Namespace) -> int:
    """`autoresponder emulate openai [--port P]`: print {base_url, api_key} and serve until killed."""
    with start_emulator(port=int(getattr(args, "port", 0) or 0)) as emu:
        print(json.dumps({"system": "openai", "base_url": emu.base_url, "api_key": emu.api_key}), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0
