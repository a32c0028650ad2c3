"""Durable, idempotent hand-off files (DESIGN §10): Hodor Prospect Import, SFMC suppression.

A hand-off row is "written" when it is on disk: the writer appends it to this run's file in the
act stage, flushes and fsyncs the file (and the folder when the file is new) before the write
log says `queued`. Each row carries its write's idempotency key, so:

* a kill after the fsync and before the log update is healed on the next run by finding the
  key in a hand-off file of any run (`find_keys`): logged `queued`, not appended again;
* a kill in the middle of an append leaves at most a torn last line, which is cut off before
  the next append (cells never hold a line break, so a row is exactly one line).

A file is one run's rows; the history is the run folders (and `ops.write_log`).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from autoresponder.report.csv_safe import neutralise

KEY_COLUMN = "idempotency_key"


def _cell(value: Any) -> Any:
    v = neutralise(value)
    return v.replace("\r", " ").replace("\n", " ") if isinstance(v, str) else v


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(str(path), os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class HandoffFile:
    """One run's append-only hand-off CSV with an idempotency-key column.

    Args:
        path: the file (created with its header on the first append).
        columns: header and column order; must include `key_column`.
    """

    def __init__(self, path: str | Path, columns: list[str], key_column: str = KEY_COLUMN):
        if key_column not in columns:
            raise ValueError(f"{key_column!r} must be one of the columns")
        self.path = Path(path)
        self.columns = list(columns)
        self.key_column = key_column

    def rows(self) -> list[dict[str, str]]:
        """The complete rows on disk (a torn last line is ignored)."""
        return read_rows(self.path)

    def keys(self) -> set[str]:
        return {r.get(self.key_column, "") for r in self.rows()}

    def _repair(self) -> None:
        """Cut a torn last line left by a kill mid-append."""
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            cut = data.rfind(b"\n") + 1
            with self.path.open("r+b") as fh:
                fh.truncate(cut)
                fh.flush()
                os.fsync(fh.fileno())

    def ensure(self) -> Path:
        """Create the file with its header when missing (durably)."""
        self.append([])
        return self.path

    def append(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Append the rows whose key is not in the file yet; flush + fsync. Returns rows written."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._repair()
        new = not self.path.exists() or self.path.stat().st_size == 0
        present = set() if new else self.keys()
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        if new:
            w.writerow([_cell(c) for c in self.columns])
        n = 0
        for row in rows:
            key = str(row.get(self.key_column) or "")
            if not key or key in present:
                continue
            present.add(key)
            w.writerow([_cell(row.get(c)) for c in self.columns])
            n += 1
        if not n and not new:
            return 0
        with self.path.open("a", newline="", encoding="utf-8") as fh:
            fh.write(buf.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
        if new:
            _fsync_dir(self.path.parent)
        return n


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """Complete rows of a hand-off CSV (missing file: none; a torn last line is ignored)."""
    p = Path(path)
    if not p.exists():
        return []
    text = p.read_text(encoding="utf-8", errors="replace")
    if text and not text.endswith("\n"):
        text = text[: text.rfind("\n") + 1]
    return list(csv.DictReader(io.StringIO(text)))


def find_keys(runs_dir: str | Path, file_name: str, keys: set[str],
              key_column: str = KEY_COLUMN) -> dict[str, Path]:
    """Where each of `keys` already is, searching `<runs_dir>/*/<file_name>` (newest first)."""
    found: dict[str, Path] = {}
    root = Path(runs_dir)
    if not keys or not root.is_dir():
        return found
    files = sorted(root.glob(f"*/{file_name}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for f in files:
        for r in read_rows(f):
            k = r.get(key_column)
            if k in keys and k not in found:
                found[k] = f
        if len(found) == len(keys):
            break
    return found
