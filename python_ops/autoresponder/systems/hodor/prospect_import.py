"""Hodor Prospect Import file: how this product "writes" to Hodor (DESIGN §2, §8).

Hodor is never written directly. Each planned Hodor write becomes one row of a Prospect Import
file (the SAC data-push template) that the Hodor importer loads through the standard path, so
Hodor's de-duplication on Last Name / Email / Phone stays in charge. The file is
`hodor_pending_actions.csv`; `hodor_prospect_import_verification.csv` says, per row, what the
importer should see afterwards.

Template (fixed column order, `TEMPLATE_COLUMNS`):

| column          | value                                                                 |
|-----------------|-----------------------------------------------------------------------|
| Action          | `Update` (we only change existing prospects)                          |
| Prospect ID     | the Hodor prospect_id (`record_id` of the write)                      |
| First Name      | current first name (de-dup key context)                               |
| Last Name       | current last name (de-dup key)                                        |
| Email           | the email after import: the new one for update_email, else current     |
| Previous Email  | the email Hodor holds now, so de-dup can match an email change        |
| Phone           | current phone (de-dup key)                                            |
| Company         | current company                                                       |
| Title           | the title after import                                                |
| Status          | the status after import (`Inactive` for mark_inactive)                |
| Source          | `AutoResponder`                                                       |
| Source Reference| the reply's message_id                                                |
| Notes           | determination / reason, action and idempotency key                    |

| Idempotency Key | the write's key (not part of the SAC template; the importer ignores it)  |

Durable before logged (DESIGN §10): given the run folder, `apply` appends its rows to
`<run_dir>/hodor_pending_actions.csv` and fsyncs it inside the act stage (`report/handoff.py`),
then reports each write `queued` (on disk, not yet confirmed by Hodor). `heal` finds a key
already in any run's file, so a kill between the fsync and the write log neither loses nor
doubles a row.

Payload and prior keys may be the §3 column names (`status`, `email`, `title`, ...) or the
template names (`Status`, `Email`, ...). Identity fields missing from the write are filled from
the Hodor snapshot passed as `prospects` (e.g. `raw.hodor_prospects`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from autoresponder.models import PlannedWrite, WriteOutcome
from autoresponder.report.csv_safe import write_csv
from autoresponder.report.handoff import HandoffFile, find_keys

TEMPLATE_COLUMNS = [
    "Action",
    "Prospect ID",
    "First Name",
    "Last Name",
    "Email",
    "Previous Email",
    "Phone",
    "Company",
    "Title",
    "Status",
    "Source",
    "Source Reference",
    "Notes",
]
KEY_COLUMN = "Idempotency Key"
FILE_NAME = "hodor_pending_actions.csv"
FILE_COLUMNS = [*TEMPLATE_COLUMNS, KEY_COLUMN]
VERIFICATION_COLUMNS = [
    "prospect_id",
    "action",
    "field",
    "previous_value",
    "expected_value",
    "message_id",
    "idempotency_key",
]
SOURCE = "AutoResponder"
# template column -> §3 hodor/prospects.csv column
_FIELDS = {
    "First Name": "first_name",
    "Last Name": "last_name",
    "Email": "email",
    "Phone": "phone",
    "Company": "company",
    "Title": "title",
    "Status": "status",
}
_ALIASES = {k.lower().replace(" ", "_"): v for k, v in _FIELDS.items()} | {v: v for v in _FIELDS.values()}
_ALIASES |= {"firstname": "first_name", "lastname": "last_name"}
_CHANGED_BY_ACTION = {"mark_inactive": "status", "update_email": "email", "update_title": "title"}


def _normalise(fields: Mapping[str, Any] | None) -> dict[str, Any]:
    """Map payload / prior keys to §3 column names, dropping unknown keys and nulls
    (a null in a payload means "unchanged", in a prior "unknown")."""
    out: dict[str, Any] = {}
    for key, value in (fields or {}).items():
        name = _ALIASES.get(str(key).strip().lower().replace(" ", "_"))
        if name is not None and value is not None:
            out[name] = value
    return out


class HodorProspectImport:
    """Writer for system `hodor`: Prospect Import rows, appended durably to the run's file.

    Args:
        prospects: the Hodor snapshot by prospect_id (values keyed by §3 column names), used to
            fill identity fields the write does not carry.
        run_dir: this run's folder; rows go to `<run_dir>/hodor_pending_actions.csv` in `apply`.
            Without it rows are only kept in memory (`rows()`, `write(path)`).
    """

    system = "hodor"

    def __init__(self, prospects: Mapping[str, Mapping[str, Any]] | None = None,
                 run_dir: str | Path | None = None) -> None:
        self._prospects = {str(k): dict(v) for k, v in (prospects or {}).items()}
        self._rows: list[dict[str, Any]] = []
        self._verification: list[dict[str, Any]] = []
        self.run_dir = Path(run_dir) if run_dir is not None else None

    @property
    def file(self) -> HandoffFile | None:
        return None if self.run_dir is None else HandoffFile(self.run_dir / FILE_NAME, FILE_COLUMNS, KEY_COLUMN)

    @classmethod
    def from_warehouse(cls, conn: Any, run_dir: str | Path | None = None) -> HodorProspectImport:
        """Build with the snapshot in `raw.hodor_prospects` (empty when the table is missing)."""
        try:
            cur = conn.execute("select * from raw.hodor_prospects")
            cols = [d[0] for d in cur.description]
            rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        except Exception:  # noqa: BLE001 - no snapshot landed: fall back to the writes' own fields
            rows = []
        return cls({str(r["prospect_id"]): r for r in rows}, run_dir=run_dir)

    def heal(self, writes: list[PlannedWrite]) -> list[WriteOutcome | None]:
        """`queued` for writes whose row an interrupted run already put in a hand-off file."""
        if self.run_dir is None:
            return [None for _ in writes]
        found = find_keys(self.run_dir.parent, FILE_NAME, {w.idempotency_key for w in writes}, KEY_COLUMN)
        return [WriteOutcome(w.idempotency_key, "queued", attempts=0,
                             remote_id=str(w.record_id) if w.record_id is not None else None,
                             message=f"healed: Prospect Import row already in {found[w.idempotency_key]}")
                if w.idempotency_key in found else None for w in writes]

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        """One import row per write, appended and fsynced before returning; each is `queued`
        (on disk for the Hodor importer, not yet confirmed by Hodor)."""
        outcomes = []
        new_rows: list[dict[str, Any]] = []
        for w in writes:
            if w.action not in _CHANGED_BY_ACTION:
                outcomes.append(
                    WriteOutcome(
                        w.idempotency_key,
                        "failed_terminal",
                        message=f"no Prospect Import row for action {w.action!r}",
                        attempts=0,
                    )
                )
                continue
            row, checks = self._row_for(w)
            self._rows.append(row)
            self._verification.extend(checks)
            new_rows.append({**row, KEY_COLUMN: w.idempotency_key})
            where = f"in {self.run_dir / FILE_NAME}" if self.run_dir is not None else "in memory"
            outcomes.append(
                WriteOutcome(
                    w.idempotency_key,
                    "queued",
                    remote_id=str(w.record_id) if w.record_id is not None else None,
                    message=f"Prospect Import row {len(self._rows)} queued {where}",
                    observed={"import_row": row},
                    attempts=0,
                )
            )
        if self.file is not None and new_rows:
            self.file.append(new_rows)  # durable before the executor logs `queued`
        return outcomes

    def rows(self) -> list[dict[str, Any]]:
        """The import rows so far, in template column order."""
        return [dict(r) for r in self._rows]

    def verification_rows(self) -> list[dict[str, Any]]:
        """Rows for `hodor_prospect_import_verification.csv`: one per changed field."""
        return [dict(r) for r in self._verification]

    def write(self, path: str | Path) -> Path:
        """Write the Prospect Import file (neutralised CSV, template columns)."""
        return write_csv(path, self._rows, TEMPLATE_COLUMNS)

    def write_verification(self, path: str | Path) -> Path:
        return write_csv(path, self._verification, VERIFICATION_COLUMNS)

    def _row_for(self, w: PlannedWrite) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        current = _normalise(self._prospects.get(str(w.record_id), {}))
        prior = _normalise(w.prior)
        payload = _normalise(w.payload)
        before = {**current, **prior}
        after = {**before, **payload}
        changed = _CHANGED_BY_ACTION[w.action]
        if changed not in payload and w.action == "mark_inactive":
            after["status"] = "Inactive"
        rollback = (w.reason or "") == "rollback" or w.determination == "ROLLBACK"
        label = "/".join(x for x in (w.determination, w.reason) if x)
        row = {
            "Action": "Update",
            "Prospect ID": w.record_id,
            **{col: after.get(name) for col, name in _FIELDS.items()},
            "Previous Email": before.get("email"),
            "Source": SOURCE,
            "Source Reference": w.message_id,
            "Notes": f"{'rollback of ' if rollback else ''}{w.action}"
            + (f" ({label})" if label else "")
            + f"; key {w.idempotency_key[:16]}",
        }
        checks = [
            {
                "prospect_id": w.record_id,
                "action": w.action,
                "field": field,
                "previous_value": before.get(field),
                "expected_value": after.get(field),
                "message_id": w.message_id,
                "idempotency_key": w.idempotency_key,
            }
            for field in sorted(set(payload) | {changed})
            if field in after
        ]
        return row, checks
