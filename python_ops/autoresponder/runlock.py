"""One run at a time per warehouse (DESIGN §10): a lock file next to the warehouse.

The lock is an `flock` on `<warehouse>.lock`, so the kernel releases it when the holder dies;
the file also names the holder (run id, pid, start time, command) so a second run can say who
holds it. A file naming a dead process is a stale lock: it is taken over with a warning.

The CLI holds it with `with RunLock(...)`; a Dagster run holds it from its resources' setup to
their teardown through `acquire_shared` / `release_shared`, which count the holders of one run in
this process (several resources of one Dagster run share it; another run is refused).
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from autoresponder.errors import RunLocked


def lock_path(warehouse: Path) -> Path:
    warehouse = Path(warehouse)
    return warehouse.with_name(warehouse.name + ".lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holder(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
        return data if isinstance(data, dict) else {}
    except ValueError:
        return {}


def _describe(h: dict[str, Any]) -> str:
    return (f"run {h.get('run_id', '?')} (pid {h.get('pid', '?')}, {h.get('command', '?')}, "
            f"started {h.get('started_at', '?')})")


class RunLock:
    """`with RunLock(warehouse, run_id, command):` holds the lock for the block.

    Raises:
        RunLocked: another live process holds it (exit 2, naming that run).
    """

    def __init__(self, warehouse: Path, run_id: str, command: str):
        self.path = lock_path(warehouse)
        self.run_id = run_id
        self.command = command
        self._fd: int | None = None
        self.took_over: dict[str, Any] | None = None

    def acquire(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(os.pread(fd, 65536, 0).decode("utf-8", "replace"))
            os.close(fd)
            raise RunLocked(
                f"{self.path}: another run holds the run lock: {_describe(holder)}; wait for it to finish "
                "(or stop that process) and run again"
            ) from None
        previous = _holder(os.pread(fd, 65536, 0).decode("utf-8", "replace"))
        if previous.get("pid") and previous.get("pid") != os.getpid():
            alive = _alive(int(previous["pid"]))
            self.took_over = previous
            state = "no longer running" if not alive else "not holding the lock"
            print(f"warning: {self.path}: took over a stale run lock of {_describe(previous)}, {state}; "
                  "that run was interrupted: this run heals its pending writes", file=sys.stderr, flush=True)
        me = {"run_id": self.run_id, "pid": os.getpid(), "command": self.command,
              "started_at": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(me).encode(), 0)
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)  # an empty file: released cleanly
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


_SHARED: dict[Path, list[Any]] = {}  # resolved lock path -> [RunLock, holders] in this process


def acquire_shared(warehouse: Path, run_id: str, command: str) -> Path:
    """Take the lock for `run_id`, or join it when this process already holds it for that run.

    Returns the key to pass to `release_shared`.

    Raises:
        RunLocked: another run (another process, or another run of this one) holds it.
    """
    key = lock_path(warehouse).resolve()
    held = _SHARED.get(key)
    if held is not None and held[0].run_id == run_id:
        held[1] += 1
        return key
    if held is not None:
        raise RunLocked(f"{key}: another run holds the run lock: {_describe(_holder(key.read_text()))}; wait for it "
                        "to finish and run again")
    _SHARED[key] = [RunLock(warehouse, run_id, command).acquire(), 1]
    return key


def release_shared(key: Path) -> None:
    """One holder of `acquire_shared` is done; the last one releases the lock."""
    held = _SHARED.get(key)
    if held is None:
        return
    held[1] -= 1
    if held[1] <= 0:
        del _SHARED[key]
        held[0].release()
