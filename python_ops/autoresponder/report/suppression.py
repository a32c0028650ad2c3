"""The SFMC "writer": Marketing owns sends, so a suppression is a row in `marketing_suppression.csv`.

SFMC is never written by us (DESIGN §2). Given the run folder, `apply` appends one row per
inactivated person to `<run_dir>/marketing_suppression.csv` and fsyncs it inside the act stage
(`report/handoff.py`), then reports the write `queued` (handed over, not confirmed by SFMC). An
email already listed in this run's file is not listed twice. `heal` finds a key (or its email)
already in any run's file, so a kill at any instant neither loses nor doubles a row. The report
stage adds the bounces of the run (`add_bounces`) to the same file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from autoresponder.models import PlannedWrite, WriteOutcome
from autoresponder.report.handoff import KEY_COLUMN, HandoffFile, read_rows

FILE_NAME = "marketing_suppression.csv"
# run_id: the run that landed the message (as in marts.marketing_suppression), so the file matches the mart
COLUMNS = ["run_id", "email", "reason", "source", "message_id", KEY_COLUMN]


class SuppressionList:
    system = "sfmc"

    def __init__(self, run_dir: str | Path | None = None) -> None:
        self.rows: list[dict] = []
        self.run_dir = Path(run_dir) if run_dir is not None else None

    @property
    def file(self) -> HandoffFile | None:
        return None if self.run_dir is None else HandoffFile(self.run_dir / FILE_NAME, COLUMNS)

    def heal(self, writes: list[PlannedWrite]) -> list[WriteOutcome | None]:
        """`queued` for writes an interrupted run already handed over (key or email in a run's file)."""
        if self.run_dir is None:
            return [None for _ in writes]
        keys: dict[str, Path] = {}
        emails: dict[str, Path] = {}
        for f in sorted(self.run_dir.parent.glob(f"*/{FILE_NAME}")):
            for r in read_rows(f):
                keys.setdefault(r.get(KEY_COLUMN, ""), f)
                emails.setdefault((r.get("email") or "").strip().lower(), f)
        out: list[WriteOutcome | None] = []
        for w in writes:
            where = keys.get(w.idempotency_key) or emails.get(_email(w))
            out.append(None if where is None else WriteOutcome(
                w.idempotency_key, "queued", remote_id=w.record_id, attempts=0,
                message=f"healed: already listed in {where}"))
        return out

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        listed = {(r.get("email") or "").strip().lower() for r in (self.file.rows() if self.file else self.rows)}
        new_rows, outcomes = [], []
        for w in writes:
            email = _email(w)
            if email in listed:
                outcomes.append(WriteOutcome(w.idempotency_key, "queued", remote_id=w.record_id, attempts=0,
                                             message=f"{email} already listed in this run's {FILE_NAME}"))
                continue
            listed.add(email)
            row = {"run_id": w.run_id, "email": w.record_id, "reason": w.payload.get("reason"), "source": "inactive",
                   "message_id": w.message_id, KEY_COLUMN: w.idempotency_key}
            self.rows.append(row)
            new_rows.append(row)
            outcomes.append(WriteOutcome(w.idempotency_key, "queued", remote_id=w.record_id, attempts=0,
                                         message=f"listed in {FILE_NAME} for Marketing"))
        if self.file is not None and new_rows:
            self.file.append(new_rows)  # durable before the executor logs `queued`
        return outcomes


def add_bounces(run_dir: str | Path, bounces: Iterable[Mapping[str, Any]]) -> int:
    """Add the run's bounce rows (`run_id, email, reason, message_id`) to its suppression file, one per
    email (an email already listed is skipped); returns rows added. Creates the file when missing."""
    f = HandoffFile(Path(run_dir) / FILE_NAME, COLUMNS)
    listed = {(r.get("email") or "").strip().lower() for r in f.rows()}
    rows = []
    for b in bounces:
        email = str(b.get("email") or "").strip().lower()
        if not email or email in listed:
            continue
        listed.add(email)
        rows.append({"run_id": b.get("run_id"), "email": b.get("email"), "reason": b.get("reason"), "source": "bounce",
                     "message_id": b.get("message_id"), KEY_COLUMN: f"bounce:{b.get('message_id')}"})
    n = f.append(rows)
    f.ensure()
    return n


def _email(w: PlannedWrite) -> str:
    return str(w.record_id or w.payload.get("email") or "").strip().lower()
