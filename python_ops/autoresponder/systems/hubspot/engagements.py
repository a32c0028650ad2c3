"""Curated Tasks and weekly roll-up Notes: what changed and why, never text from a reply (DESIGN §10).

Each Task carries its write's idempotency key on a marker line of `hs_task_body`
(`AutoResponder key: <key>`); a roll-up Note carries its own key (contact + ISO week) the same way
and one line per write (ending `[ref <first 12 hex of the key>]`), so adding a write twice adds
one line. Note `hs_timestamp` is the Monday 00:00 UTC of its week, which makes the week's note
findable by search.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from ...act.idempotency import idempotency_key
from ...models import PlannedWrite

TASK_MARKER = "AutoResponder key:"
NOTE_MARKER = "AutoResponder roll-up key:"
ACTION_LABELS = {
    "mark_inactive": "marked inactive",
    "update_email": "email updated",
    "update_title": "title updated",
    "reactivate": "reactivated",
    "record_bounce": "hard bounce recorded",
    "restore": "restored by rollback",
}


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start_ms(day: date) -> int:
    monday = day - timedelta(days=day.weekday())
    return int(datetime(monday.year, monday.month, monday.day, tzinfo=UTC).timestamp() * 1000)


def rollup_payload(week: str) -> dict[str, str]:
    return {"rollup": "weekly", "week": week}


def rollup_key(contact_id: str, week: str) -> str:
    """The roll-up note's key: a `create` of object `note` on the contact, one per ISO week."""
    return idempotency_key("hubspot", "note", contact_id, "create", rollup_payload(week), None)


def _label(w: PlannedWrite) -> str:
    if w.determination == "ROLLBACK" and w.reason:  # "jobtitle restored to 'X' (rollback of run R)"
        return w.reason
    label = ACTION_LABELS.get(w.action, w.action.replace("_", " "))
    return f"{label} ({w.reason})" if w.action == "mark_inactive" and w.reason else label


def change_text(w: PlannedWrite) -> str:
    what = ", ".join(f"{k}: {w.prior.get(k)!r} -> {v!r}" for k, v in w.payload.items())
    det = f"{w.determination or ''} ({w.reason})" if w.reason else (w.determination or "")
    return f"{_label(w)}: {what}; determination {det.strip() or 'n/a'}; run {w.run_id}"


def task_input(w: PlannedWrite, contact_id: str, deal_id: str | None, types: dict[str, int],
               now_ms: int) -> dict[str, Any]:
    """A batch/create input: a completed TODO task on the contact (and the deal)."""
    body = "\n".join(["Automated update by AutoResponder from an automatic email reply.", f"- {change_text(w)}",
                      f"{TASK_MARKER} {w.idempotency_key}"])
    assocs = [{"to": {"id": contact_id}, "types": [{"associationCategory": "HUBSPOT_DEFINED",
                                                      "associationTypeId": types["contacts"]}]}]
    if deal_id:
        assocs.append({"to": {"id": deal_id}, "types": [{"associationCategory": "HUBSPOT_DEFINED",
                                                          "associationTypeId": types["deals"]}]})
    return {"properties": {"hs_timestamp": str(now_ms), "hs_task_subject": f"AutoResponder: {_label(w)}"[:255],
                           "hs_task_body": body, "hs_task_status": "COMPLETED", "hs_task_priority": "NONE",
                           "hs_task_type": "TODO"}, "associations": assocs}


def rollup_line(w: PlannedWrite, day: date) -> str:
    return f"- {day.isoformat()} {change_text(w)} [ref {w.idempotency_key[:12]}]"


def note_body(week: str, lines: list[str], key: str) -> str:
    return "\n".join([f"AutoResponder weekly roll-up, week {week}", *lines, f"{NOTE_MARKER} {key}"])


def merge_lines(existing_body: str, new_lines: list[str]) -> list[str]:
    """The lines of an existing roll-up plus the new ones it does not hold yet (by their ref)."""
    old = [ln for ln in existing_body.splitlines() if ln.startswith("- ")]
    refs = {ln.rsplit("[ref ", 1)[-1] for ln in old}
    return old + [ln for ln in new_lines if ln.rsplit("[ref ", 1)[-1] not in refs]


def marker_of(body: str, marker: str) -> list[str]:
    return [ln[len(marker):].strip() for ln in (body or "").splitlines() if ln.startswith(marker)]
