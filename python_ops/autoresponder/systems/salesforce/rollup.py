"""The weekly roll-up (seed crm_connectors.md): one Task per Account and ISO week.

Subject `Weekly deal summary`, WhatId the Account, Description the curated summary of the
outcomes of the last complete ISO week before the run date (Monday to Sunday; a run on Wednesday
2026-11-25 summarises 2026-W47, 16 to 22 November) from `marts.fct_salesforce_weekly_outcomes` (counts by determination, one line per
reply: the Contact, determination, reason, outcome; never text from a reply, DESIGN §10).

Idempotent per Account per ISO week: the Description ends with a marker line
`AutoResponder week: <AccountId> <YYYY-Www>`. The planned write's idempotency key hashes the
Description, so a re-run in the same week with nothing new is already `succeeded` in the write
log and sends nothing; when the summarised week gained outcomes (a late reply landed), the
existing Task (found by its marker) is updated in place — never a second Task for the same
Account and week. Rollback deletes a Task a
run created and lists an updated one as manual (its prior Description is in the write log).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from simple_salesforce.format import format_soql

from ...act.idempotency import idempotency_key
from ...models import PlannedWrite, WriteOutcome
from .collections import Unit, send_collection
from .errors import SalesforceApiError, failure_status
from .tasks import query_records

if TYPE_CHECKING:
    import duckdb

    from .writer import SalesforceWriter

ROLLUP_ACTION = "weekly_rollup"
ROLLUP_SUBJECT = "Weekly deal summary"
WEEK_MARKER = "AutoResponder week:"
# a summary, not a transcript: at most this many reply lines (then "... and N more replies"), and the
# whole Description under the output check's 2000-character cell limit (quality/suites.py)
MAX_REPLY_LINES = 15
MAX_DESCRIPTION = 1_900

_SELECT = ("select account_id, account_name, message_id, contact_name, contact_email, determination, reason, "
           "outcome, review_reason from marts.fct_salesforce_weekly_outcomes "
           "order by account_id, sent_at, message_id, contact_id")


def iso_week(day: date) -> str:
    """`2026-W48`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def summarised_day(as_of: str) -> date:
    """A day of the week the roll-up of a run on `as_of` summarises: the last complete ISO week."""
    return date.fromisoformat(as_of) - timedelta(days=7)


def summary_text(account_name: str, account_id: str, day: date, rows: list[dict[str, Any]]) -> str:
    """The curated Description of one Account's week (deterministic: same rows, same text)."""
    start = day - timedelta(days=day.isoweekday() - 1)
    week = iso_week(day)
    counts = Counter(r["determination"] for r in rows)
    lines = [f"Weekly deal summary for {account_name}, week {week} ({start.isoformat()} to "
             f"{(start + timedelta(days=6)).isoformat()}), from automatic email replies processed by AutoResponder.",
             f"{len(rows)} repl{'y' if len(rows) == 1 else 'ies'}: "
             + ", ".join(f"{n} {d}" for d, n in sorted(counts.items())) + "."]
    for r in rows[:MAX_REPLY_LINES]:
        who = r["contact_name"] or r["contact_email"] or "unknown contact"
        email = f" <{r['contact_email']}>" if r["contact_name"] and r["contact_email"] else ""
        det = f"{r['determination']} ({r['reason']})" if r["reason"] else r["determination"]
        review = f", review: {r['review_reason']}" if r["review_reason"] else ""
        lines.append(f"- {who}{email}: {det} -> {r['outcome']}{review}")
    if len(rows) > MAX_REPLY_LINES:
        lines.append(f"- ... and {len(rows) - MAX_REPLY_LINES} more replies")
    marker = f"{WEEK_MARKER} {account_id} {week}"
    text = "\n".join(lines)
    if len(text) + len(marker) + 1 > MAX_DESCRIPTION:
        text = text[:MAX_DESCRIPTION - len(marker) - 6] + "\n(...)"
    return f"{text}\n{marker}"


def rollup_writes(conn: duckdb.DuckDBPyConnection, *, as_of: str, run_id: str) -> list[PlannedWrite]:
    """One planned Task write per Account with outcomes in the last complete ISO week before `as_of`."""
    cur = conn.execute(_SELECT)
    cols = [d[0] for d in cur.description]
    by_account: dict[str, list[dict[str, Any]]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in cur.fetchall():
        r = dict(zip(cols, row, strict=True))
        by_account[r["account_id"]].append(r)
        names[r["account_id"]] = r["account_name"]
    day = summarised_day(as_of)
    week = iso_week(day)
    writes = []
    for account_id, rows in sorted(by_account.items()):
        payload = {"Description": summary_text(names[account_id], account_id, day, rows),
                   "Subject": ROLLUP_SUBJECT, "WhatId": account_id}
        message_id = f"weekly:{account_id}:{week}"
        writes.append(PlannedWrite(
            run_id=run_id, message_id=message_id, system="salesforce", object="Task", record_id=account_id,
            action=ROLLUP_ACTION, payload=payload, prior={},
            idempotency_key=idempotency_key("salesforce", "Task", account_id, ROLLUP_ACTION, payload, message_id),
            determination="WEEKLY_ROLLUP", reason=week))
    return writes


def _marker(description: str | None) -> str | None:
    for line in (description or "").splitlines():
        if line.startswith(WEEK_MARKER):
            return line[len(WEEK_MARKER):].strip()
    return None


def existing_rollups(writer: SalesforceWriter, account_ids: list[str]) -> dict[str, dict[str, Any]]:
    """`<AccountId> <week>` -> the roll-up Task already in the org (its marker line)."""
    found: dict[str, dict[str, Any]] = {}
    ids = list(dict.fromkeys(account_ids))
    for start in range(0, len(ids), writer.batch_size):
        soql = format_soql("SELECT Id, WhatId, Description FROM Task WHERE Subject = {subject} AND WhatId IN {ids}",
                           subject=ROLLUP_SUBJECT, ids=ids[start:start + writer.batch_size])
        for rec in query_records(writer.caller, soql):
            marker = _marker(rec.get("Description"))
            if marker:
                found.setdefault(marker, rec)
    return found


def apply_rollups(writer: SalesforceWriter, writes: list[PlannedWrite], outcomes: dict[str, WriteOutcome]) -> None:
    """Create each Account's Task for the week, or update the one already there (see module)."""
    if not writes:
        return
    try:
        found = existing_rollups(writer, [w.record_id or "" for w in writes])
    except SalesforceApiError as exc:
        for w in writes:
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, failure_status(exc), attempts=0,
                                                       message=exc.message)
        return
    creates: list[Unit] = []
    updates: list[Unit] = []
    for w in writes:
        marker = _marker(w.payload.get("Description"))
        rec = found.get(marker or "")
        if rec is None:
            body = {"attributes": {"type": "Task"}, **w.payload, "Status": "Completed", "Priority": "Normal",
                    "ActivityDate": date.fromisoformat(_monday(w.reason)).isoformat() if w.reason else None}
            creates.append(Unit({k: v for k, v in body.items() if v is not None}, [w], key=marker or ""))
        elif rec.get("Description") == w.payload.get("Description"):
            outcomes[w.idempotency_key] = WriteOutcome(w.idempotency_key, "skipped_noop", remote_id=rec["Id"],
                                                       attempts=0, message="this week's roll-up Task already says this",
                                                       observed={"object": "Task"})
        else:
            unit = Unit({"attributes": {"type": "Task"}, "id": rec["Id"], "Description": w.payload["Description"]},
                        [w], key=rec["Id"])
            unit.message = rec.get("Description")  # the prior, kept for the log until the unit resolves
            updates.append(unit)
    priors = {u.key: u.message for u in updates}

    def confirm_created(pending: list[Unit]) -> dict[int, str]:
        now = existing_rollups(writer, [u.writes[0].record_id or "" for u in pending])
        return {i: now[u.key]["Id"] for i, u in enumerate(pending) if u.key in now}

    send_collection(writer.caller, "POST", creates, chunk=writer.batch_size, confirm=confirm_created,
                    before_write=writer.guard)
    send_collection(writer.caller, "PATCH", updates, chunk=writer.batch_size, before_write=writer.guard)
    updated = {id(u) for u in updates}
    for u in creates + updates:
        w = u.writes[0]
        is_update = id(u) in updated
        observed: dict[str, Any] = {"object": "Task"}
        if is_update:
            observed["prior"] = {"Description": priors.get(u.key)}
        done = "updated this week's roll-up Task" if is_update else None
        outcomes[w.idempotency_key] = WriteOutcome(
            w.idempotency_key, u.status or "failed_retriable", remote_id=u.remote_id or (u.key if is_update else None),
            message=done if u.status == "succeeded" else u.message, attempts=u.attempts, observed=observed)


def _monday(week: str) -> str:
    """`2026-W48` -> `2026-11-23`."""
    year, num = week.split("-W")
    return date.fromisocalendar(int(year), int(num), 1).isoformat()
