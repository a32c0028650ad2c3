"""The eight notify functions of DESIGN §9 (seed `business_flow_technical.puml`, STEP 6).

Each function is a role: it decides from the run folder whether the role has anything to say
and, if so, returns one `Notification` (subject, a short inline summary, the attachments the
seed lists). Who receives it is configuration (`Settings.notify_to / notify_cc /
notify_global_cc`), never code. A role with nothing to say returns None and gets no mail.

Marketing's message carries addresses and reasons only: its attachments are written here from a
whitelist of columns (no evidence, subject or any other text taken from a reply).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from autoresponder.fingerprint import file_sha256
from autoresponder.report.csv_safe import write_csv


@dataclass
class Notification:
    role: str
    function: str
    subject: str
    summary: list[str]
    attachments: list[Path] = field(default_factory=list)
    scope: str = ""  # the run id, or the upload id

    def key(self) -> str:
        """SHA-256 of role, scope, the inline text and every attachment's name and bytes."""
        h = hashlib.sha256(f"{self.role}|{self.scope}|".encode())
        h.update("\n".join(self.summary).encode("utf-8"))
        for p in self.attachments:
            h.update(f"|{p.name}|".encode())
            h.update(file_sha256(p).encode())  # read in blocks: a document can be hundreds of MB
        return h.hexdigest()


class RunFiles:
    """The documents of one run folder (missing file: no rows). Documents are streamed, never held: at a million
    replies one of them is hundreds of MB; what the messages say of them (row counts, a column's tally) is read in
    one pass and remembered."""

    def __init__(self, run_dir: Path, run_id: str, review_url: str = "") -> None:
        self.dir = Path(run_dir)
        self.run_id = run_id
        self.review_url = review_url
        self._tallies: dict[tuple[str, str], Counter] = {}
        self._counts: dict[str, int] = {}

    def path(self, name: str) -> Path:
        return self.dir / name

    def iter_rows(self, name: str) -> Iterator[dict[str, str]]:
        p = self.dir / name
        if p.is_file():
            with p.open(encoding="utf-8", newline="") as fh:
                yield from csv.DictReader(fh)

    def count(self, name: str) -> int:
        """Rows of a document (0 when it is missing)."""
        if name not in self._counts:
            self._counts[name] = sum(1 for _ in self.iter_rows(name))
        return self._counts[name]

    def tally(self, name: str, col: str) -> Counter:
        """How many rows hold each value of `col` ("(none)" for empty)."""
        if (name, col) not in self._tallies:
            self._tallies[(name, col)] = Counter(r.get(col) or "(none)" for r in self.iter_rows(name))
            self._counts[name] = sum(self._tallies[(name, col)].values())
        return self._tallies[(name, col)]

    def existing(self, *names: str) -> list[Path]:
        return [self.dir / n for n in names if (self.dir / n).is_file()]

    def impact(self) -> dict[str, Any]:
        p = self.dir / "impact_report.json"
        return json.loads(p.read_text(encoding="utf-8")) if p.is_file() else {}


def _counts(f: RunFiles, name: str, col: str) -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(f.tally(name, col).items()))


def _subject(title: str, run_id: str) -> str:
    return f"[AutoResponder] {title} - run {run_id}"


def _docs_lines(f: RunFiles, names: tuple[str, ...]) -> list[str]:
    return [f"* {n}: {f.count(n)} rows" for n in names if f.path(n).is_file()]


# --- 1. CUPOLA owner ------------------------------------------------------------------------------

def notify_cupola_audit_files(f: RunFiles) -> Notification | None:
    audit, plan, meta = "cupola_audit_log.csv", "cupola_audit_log_rollback_plan.csv", "human_review_metadata.csv"
    if not f.count(audit) and not f.count(meta):
        return None
    summary = [f"CUPOLA writes this run: {f.count(audit)} ({_counts(f, audit, 'status') or 'none'}).",
               f"Rollback plan rows: {f.count(plan)}.",
               f"Review rows (human-review metadata): {f.count(meta)}"
               + (f" ({_counts(f, meta, 'review_reason')})." if f.count(meta) else ".")]
    return Notification("cupola_audit_files", "notify_cupola_audit_files",
                        _subject("CUPOLA audit log, rollback plan and review metadata", f.run_id), summary,
                        f.existing(audit, plan, meta), f.run_id)


# --- 2. Client Services: Multipub subscriber follow-up --------------------------------------------

def notify_multipub_subscriber_followup_batch(f: RunFiles) -> Notification | None:
    name = "output_document_multipub_audit.csv"
    if not f.count(name):
        return None
    n, flags = 0, Counter()
    for r in f.iter_rows(name):
        n += 1
        for col in ("is_active_subscription", "is_expired_within_12_months", "is_single_issue_within_12_months",
                    "is_ambiguous_subscriber"):
            if str(r.get(col)) in ("1", "true", "True"):
                flags[col.removeprefix("is_")] += 1
    summary = [f"{n} Multipub subscriptions of people who replied that they left / retired / were "
               f"replaced need a follow-up. Multipub itself was not changed.",
               "Flags: " + (", ".join(f"{k}: {v}" for k, v in sorted(flags.items())) or "none")]
    return Notification("multipub_followup_batch", "notify_multipub_subscriber_followup_batch",
                        _subject(f"Multipub subscriber follow-up ({n})", f.run_id), summary,
                        f.existing(name), f.run_id)


# --- 3. Multipub reviewer: undetermined senders and the audit file to verify ----------------------

def notify_undetermined_sender_review(f: RunFiles) -> Notification | None:
    und, audit = "output_document_undetermined_senders.csv", "output_document_multipub_audit.csv"
    if not f.count(und) and not f.count(audit):
        return None
    summary = [f"Replies whose sender matches no contact: {f.count(und)}.",
               f"Multipub audit rows to verify: {f.count(audit)}. Fill the `decision` column with Yes or No "
               "and upload the file back; rows marked Yes are emailed to Client Services.",
               *([f"Review page and upload: {f.review_url}"] if f.review_url else [])]
    return Notification("undetermined_sender_review", "notify_undetermined_sender_review",
                        _subject("Multipub review: undetermined senders and audit file", f.run_id), summary,
                        f.existing(und, audit), f.run_id)


# --- 4. Client Services: rows the reviewer marked Yes (sent by the upload, not by a run) ----------

def notify_multipub_subscriber_followup_from_upload(csv_path: Path, *, uploaded_by: str, upload_id: str,
                                                    rows: int, source_file: str) -> Notification | None:
    if rows <= 0:
        return None
    summary = [f"The Multipub reviewer ({uploaded_by}) confirmed {rows} subscriber follow-up(s) in "
               f"{source_file}: the attached rows were marked Yes.",
               "Please follow up with these subscribers."]
    return Notification("multipub_followup_from_upload", "notify_multipub_subscriber_followup_from_upload",
                        f"[AutoResponder] Multipub follow-up confirmed by the reviewer ({rows}) - upload {upload_id}",
                        summary, [csv_path], f"upload:{upload_id}")


# --- 5. IP4 reviewer: consolidated manual-review items ---------------------------------------------

ACTION_ITEM_DOCUMENTS = (
    "output_document_human_review.csv", "output_document_inactive_no_cupola_match.csv",
    "output_document_inactive_new_org.csv", "output_document_alternate_contacts.csv",
)


def notify_action_items(f: RunFiles) -> Notification | None:
    if not any(f.count(n) for n in ACTION_ITEM_DOCUMENTS):
        return None
    hr = "output_document_human_review.csv"
    summary = ["Manual review items of this run:", *_docs_lines(f, ACTION_ITEM_DOCUMENTS),
               *([f"Review reasons: {_counts(f, hr, 'review_reason')}."] if f.count(hr) else []),
               "To approve or reject a human-review row, fill its `approve` column (yes / no) and upload the "
               "file: approved rows are written by the next apply run.",
               *([f"Review page and upload: {f.review_url}"] if f.review_url else [])]
    names = tuple(n for n in ACTION_ITEM_DOCUMENTS if f.count(n))
    return Notification("action_items", "notify_action_items",
                        _subject(f"Action items for IP4 ({sum(f.count(n) for n in names)})", f.run_id),
                        summary, f.existing(*names), f.run_id)


# --- 6. Hodor importer: the Prospect Import file ---------------------------------------------------

def notify_hodor_prospect_import(f: RunFiles) -> Notification | None:
    name, verification = "hodor_pending_actions.csv", "hodor_prospect_import_verification.csv"
    if not f.count(name):
        return None
    summary = [f"{f.count(name)} Prospect Import rows (SAC data-push template) to import through the standard "
               f"Prospect Import path: {_counts(f, name, 'Action')}.",
               "Hodor is never written directly, so its de-duplication on last name / email / phone stays intact."]
    return Notification("hodor_prospect_import", "notify_hodor_prospect_import",
                        _subject(f"Hodor Prospect Import ({f.count(name)} rows)", f.run_id), summary,
                        f.existing(name, verification), f.run_id)


# --- 7. IP4 reviewer: run audit, impact inline -------------------------------------------------------

def notify_run_audit(f: RunFiles) -> Notification | None:
    impact = f.impact()
    if not impact or not (impact.get("total_processed") or sum((impact.get("writes_total") or {}).values())):
        return None
    t = impact.get("writes_total") or {}
    summary = [
        f"Emails processed: {impact.get('total_processed', 0)} · records deactivated: "
        f"{impact.get('records_deactivated', 0)} · updated: {impact.get('records_updated', 0)} · "
        f"new records added: {impact.get('new_records_added', 0)}",
        f"Writes: {t.get('succeeded', 0)} succeeded, {t.get('queued', 0)} queued, {t.get('failed', 0)} failed.",
        "Outcomes: " + ", ".join(f"{k}: {v}" for k, v in (impact.get("by_outcome") or {}).items()),
        "",
        (f.dir / "impact_report.md").read_text(encoding="utf-8") if (f.dir / "impact_report.md").is_file() else "",
    ]
    return Notification("run_audit", "notify_run_audit", _subject("Run audit and impact", f.run_id), summary,
                        f.existing("processing_report_master.csv", "output_document_human_review.csv"), f.run_id)


# --- 8. Marketing: suppression (inactive people and bounces), paused and returning people ----------

MARKETING_FILES = {
    # file written for Marketing: (source document, {column in: column out}, fixed columns)
    "marketing_suppression_addresses.csv": ("marketing_suppression.csv",
                                            {"email": "email", "reason": "reason", "source": "source"}, {}),
    "marketing_email_updates.csv": ("output_document_email_update_requests.csv",
                                    {"old_email": "email", "new_email": "new_email",
                                     "subscription_id": "subscription_id"}, {"reason": "email_update"}),
    "marketing_out_of_office.csv": ("out_of_office_tracking.csv",
                                    {"lookup_email": "email", "return_date": "return_date",
                                     "do_not_contact_until": "do_not_contact_until"}, {"reason": "out_of_office"}),
    "marketing_back_now.csv": ("out_of_office_back_now.csv",
                               {"lookup_email": "email", "do_not_contact_until": "do_not_contact_until"},
                               {"reason": "back_from_out_of_office"}),
}


def _marketing_rows(f: RunFiles, source: str, cols: dict[str, str], fixed: dict[str, str]) -> Iterator[dict]:
    for r in f.iter_rows(source):
        yield {**{new: r.get(old, "") for old, new in cols.items()}, **fixed}


def notify_marketing_suppression(f: RunFiles, out_dir: Path) -> Notification | None:
    """Writes the Marketing files (addresses, reasons, dates only) into `out_dir`."""
    files, lines = [], []
    for name, (source, cols, fixed) in MARKETING_FILES.items():
        if not f.count(source):
            continue
        columns = ["email", *[c for c in [*cols.values(), *fixed] if c != "email"]]
        first: list[dict] = []

        def _kept(rows: Iterator[dict], first: list[dict] = first) -> Iterator[dict]:
            for r in rows:
                if len(first) < 50:
                    first.append(r)
                yield r

        files.append(write_csv(out_dir / name, _kept(_marketing_rows(f, source, cols, fixed)), columns=columns))
        for r in first:
            extra = "".join(f", {k} {r[k]}" for k in ("new_email", "do_not_contact_until") if r.get(k))
            lines.append(f"* {r['email']}: {r.get('reason', '')}{extra}")
        if f.count(source) > 50:
            lines.append(f"* … and {f.count(source) - 50} more in {name}")
    if not files:
        return None
    summary = ["Addresses for SFMC (suppress, update, pause until the date, or resume):", *lines]
    return Notification("marketing_suppression", "notify_marketing_suppression",
                        _subject("Marketing suppression list", f.run_id), summary, files, f.run_id)
