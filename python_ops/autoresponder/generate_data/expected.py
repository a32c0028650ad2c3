"""`expected.csv`: the ground truth of every generated message, written next to its `.eml` file.

A `Label` is one row: determination, reason, lookup email, CUPOLA state of that email, and the
extracted fields a classifier should find.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

EXPECTED_COLUMNS = ["file", "message_id", "determination", "reason", "lookup_email", "cupola_state",
                    "return_date", "new_email", "new_title", "new_org", "replacements", "bounce_status",
                    "flags"]


class Label(NamedTuple):
    determination: str
    reason: str
    lookup_email: str
    cupola_state: str
    return_date: str = ""
    new_email: str = ""
    new_title: str = ""
    new_org: str = ""
    replacements: str = ""
    bounce_status: str = ""
    flags: str = ""


def fresh_email_dir(out: Path) -> Path:
    """`out/emails`, created, with no `.eml` file left from an earlier run."""
    email_dir = out / "emails"
    email_dir.mkdir(parents=True, exist_ok=True)
    for old in email_dir.glob("*.eml"):
        old.unlink()
    return email_dir


def write_messages(build: Callable[[int], tuple[bytes, str, Label]], out: Path, emails: int) -> dict[str, Any]:
    """Write `emails/msg_*.eml` (see `fresh_email_dir`) and `expected.csv` for `build(0..emails-1)`.

    Returns the tallies of the run summary: distinct Message-IDs, determinations, CUPOLA states, flags.
    """
    kinds: Counter[str] = Counter()
    states: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    mids: set[str] = set()
    width = max(6, len(str(emails)))
    email_dir = out / "emails"
    with (out / "expected.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(EXPECTED_COLUMNS)
        for m in range(emails):
            raw, mid, label = build(m)
            name = f"msg_{m:0{width}d}.eml"
            (email_dir / name).write_bytes(raw)
            w.writerow((name, mid, *label))
            kinds[label.determination] += 1
            states[label.cupola_state or "-"] += 1
            for f in label.flags.split():
                flags[f] += 1
            mids.add(mid)
    return {
        "distinct_message_ids": len(mids),
        "determinations": dict(sorted(kinds.items())),
        "cupola_states": dict(sorted(states.items())),
        "flags": dict(sorted(flags.items())),
    }
