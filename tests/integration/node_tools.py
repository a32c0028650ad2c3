"""Node.js for the parity tests: the tools, and the pinned npm clients installed once.

`npm ci` deletes `node_modules` before it installs, so two test workers (pytest-xdist) installing
at once would break each other: the install holds a file lock, and the second waits and finds the
clients there."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
from pathlib import Path

PARITY = Path(__file__).resolve().parent / "parity"
# every client package.json pins, as `npm ci` leaves them
CLIENTS = ("jsforce", "@hubspot/api-client")


def tool(name: str, purpose: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is required for the {purpose} (Node.js >= 18 with npm)"
    return path


def ensure_clients(purpose: str) -> None:
    """`npm ci` in tests/integration/parity unless every pinned client is installed."""
    modules = PARITY / "node_modules"
    with (PARITY / ".npm-install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if all((modules / name / "package.json").exists() for name in CLIENTS):
            return
        proc = subprocess.run([tool("npm", purpose), "ci", "--no-audit", "--no-fund"], cwd=PARITY,
                              capture_output=True, text=True, timeout=240)
        assert proc.returncode == 0, f"npm ci failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
