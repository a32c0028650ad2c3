"""`autoresponder classify PATH... [--offline]`: one JSON object per message (DESIGN §12)."""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from autoresponder.classify.engine import classify_message
from autoresponder.models import Classification

_MESSAGE_SUFFIXES = (".eml", ".msg", ".txt", "")


def iter_message_files(paths: list[str]) -> Iterator[Path]:
    """Files named on the command line, and the .eml files under named directories."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, _dirs, files in os.walk(path):
                for f in sorted(files):
                    if f.lower().endswith(".eml"):
                        yield Path(root) / f
        else:
            yield path


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _line(path: Path, llm=None) -> str:
    raw = _read(path)
    if raw is None:
        c = Classification(message_id=f"file:{path}", determination="UNKNOWN", reason="unreadable",
                           category="UNKNOWN", method="none", path=str(path), evidence="file not readable")
    else:
        c = classify_message(raw, path=str(path), llm=llm)
    return json.dumps(c.to_dict(), ensure_ascii=False, default=str) + "\n"


def classify_main(args: argparse.Namespace) -> int:
    """Print `Classification.to_dict()` per message, in input order; a bad file prints UNKNOWN
    `unreadable`. `--jobs N` (offline only) classifies on N processes, each message read once."""
    llm = None
    if not getattr(args, "offline", False):
        # the LLM client (tenacity, settings) loads only when it is used: `--offline` starts faster
        from autoresponder.systems.llm import client_from_settings

        llm = client_from_settings(None)
    jobs = int(getattr(args, "jobs", 1) or 1)
    out = sys.stdout
    paths = iter_message_files(list(args.paths))
    if jobs > 1 and llm is None:
        with mp.get_context("fork").Pool(jobs) as pool:
            for line in pool.imap(_line, paths, chunksize=32):
                out.write(line)
    else:
        for path in paths:
            out.write(_line(path, llm))
    out.flush()
    return 0
