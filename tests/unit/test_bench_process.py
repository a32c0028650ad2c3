"""`bench` runs our side of the chain in a spawned process; that process ends with the bench."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PARENT = '''
import os, sys, time
from autoresponder.bench import _in_process

def side(pid_file):
    with open(pid_file, "w") as fh:
        fh.write(str(os.getpid()))
    time.sleep(120)  # a long chain, for the test's purpose
    return {}

if __name__ == "__main__":
    _in_process(side, sys.argv[1])
'''


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is gone for our purpose; it only waits for init to reap it
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[1].startswith("Z"))


def test_the_side_process_exits_when_the_bench_is_killed(tmp_path: Path) -> None:
    script, pid_file = tmp_path / "parent.py", tmp_path / "side.pid"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), str(pid_file)])
    try:
        deadline = time.monotonic() + 60
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        side = int(pid_file.read_text())
        assert _alive(side)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while _alive(side) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(side)
    if alive:
        os.kill(side, signal.SIGKILL)
    assert not alive, "the bench's side process kept running after the bench was killed"
