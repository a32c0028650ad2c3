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
    """Writer for system `hodor`: accumulates Prospect Import rows, then `write(path)`.

    Args:
        prospects: the Hodor snapshot by prospect_id (values keyed by §3 column names), used to
            fill identity fields the write does not carry.
    """

    system = "hodor"

    def __init__(self, prospects: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self._prospects = {str(k): dict(v) for k, v in (prospects or {}).items()}
        self._rows: list[dict[str, Any]] = []
        self._verification: list[dict[str, Any]] = []

    @classmethod
    def from_warehouse(cls, conn: Any) -> HodorProspectImport:
        """Build with the snapshot in `raw.hodor_prospects` (empty when the table is missing)."""
        try:
            cur = conn.execute("select * from raw.hodor_prospects")
            cols = [d[0] for d in cur.description]
            rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        except Exception:  # noqa: BLE001 - no snapshot landed: fall back to the writes' own fields
            rows = []
        return cls({str(r["prospect_id"]): r for r in rows})

    def apply(self, writes: list[PlannedWrite]) -> list[WriteOutcome]:
        """Add one import row per write; each is `succeeded` (a file row, not a DB write)."""
        outcomes = []
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
            outcomes.append(
                WriteOutcome(
                    w.idempotency_key,
                    "succeeded",
                    remote_id=str(w.record_id) if w.record_id is not None else None,
                    message=f"Prospect Import row {len(self._rows)} queued",
                    observed={"import_row": row},
                )
            )
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
