"""The impact report's write buckets and its Markdown (issue 9 item 6)."""

from __future__ import annotations

from autoresponder.report.impact import BUCKETS, _failed_writes, _writes_by_status, impact_markdown


def _row(system: str, status: str, key: str, message: str | None = None) -> dict:
    return {"system": system, "status": status, "idempotency_key": key, "object": "Contact", "record_id": key,
            "action": "mark_inactive", "message_id": "m", "attempts": 1, "remote_message": message}


ROWS = [
    _row("salesforce", "succeeded", "k1"), _row("hodor", "queued", "k2"), _row("sfmc", "queued", "k3"),
    _row("salesforce", "failed_terminal", "k4", "INVALID_FIELD: Contact_Status__c"),
    _row("cupola", "failed_retriable", "k5", "timeout"), _row("cupola", "skipped_noop", "k6"),
    _row("salesforce", "pending", "k7"),
]


def test_writes_keep_confirmed_queued_failed_and_skipped_apart() -> None:
    by = _writes_by_status(ROWS)
    assert tuple(by) == BUCKETS
    assert by == {"succeeded": {"salesforce": 1}, "queued": {"hodor": 1, "sfmc": 1},
                  "failed": {"cupola": 1, "salesforce": 1}, "skipped": {"cupola": 1}, "pending": {"salesforce": 1}}
    assert _writes_by_status([]) == {b: {} for b in BUCKETS}


def test_failed_writes_carry_the_remotes_message() -> None:
    failed = _failed_writes(ROWS)
    assert [(f["system"], f["status"], f["remote_message"]) for f in failed] == [
        ("cupola", "failed_retriable", "timeout"), ("salesforce", "failed_terminal", "INVALID_FIELD: Contact_Status__c")]


def test_markdown_lists_errors_duplicates_failures_and_links() -> None:
    by = _writes_by_status(ROWS)
    impact = {
        "run_id": "r1", "as_of": "2026-11-25", "mode": "apply", "landed_this_run": 3, "total_processed": 3,
        "parse_error_count": 1, "duplicate_count": 1,
        "parse_errors": [{"file": "emails/30.eml", "message_id": "x", "reason": "CloseBoundaryNotFoundDefect"}],
        "duplicates": [{"file": "emails/29.eml", "message_id": "y", "duplicate_of_file": "emails/28.eml"}],
        "records_deactivated": 1, "new_records_added": 0, "records_updated": 0,
        "writes": by, "writes_total": {b: sum(c.values()) for b, c in by.items()}, "failed_writes": _failed_writes(ROWS),
        "by_determination": {"INACTIVE": 3}, "by_outcome": {"auto_update": 3}, "review_reasons": {},
        "counters": {}, "api_calls": {"salesforce_requests": 0, "salesforce_requests_by_kind": {}},
        "llm": {"calls": 0, "tokens": 0},
        "documents": {"marketing_suppression.csv": {"path": "marketing_suppression.csv", "rows": 2}},
    }
    md = impact_markdown(impact)
    assert "| emails/30.eml | x | CloseBoundaryNotFoundDefect |" in md
    assert "| emails/29.eml | y | emails/28.eml |" in md
    assert "1 succeeded (remote confirmed) · 2 queued (file hand-offs) · 2 failed · 1 skipped · 1 pending" in md
    assert "INVALID_FIELD: Contact_Status__c" in md
    assert "* [marketing_suppression.csv](marketing_suppression.csv) — 2 rows" in md


def test_markdown_shows_a_connection_in_error_with_its_last_success() -> None:
    by = _writes_by_status(ROWS)
    impact = {
        "run_id": "r2", "as_of": "2026-11-25", "mode": "apply", "landed_this_run": 0, "total_processed": 0,
        "parse_error_count": 0, "duplicate_count": 0, "parse_errors": [], "duplicates": [],
        "records_deactivated": 0, "new_records_added": 0, "records_updated": 0,
        "writes": by, "writes_total": {b: sum(c.values()) for b, c in by.items()}, "failed_writes": [],
        "by_determination": {}, "by_outcome": {}, "review_reasons": {}, "counters": {},
        "api_calls": {"salesforce_requests": 3, "salesforce_requests_by_kind": {"composite_get": 3},
                      "requests_by_system": {"salesforce": {"composite_get": 3}, "hubspot": {"batch_update": 2}}},
        "llm": {"calls": 0, "tokens": 0}, "documents": {},
        "connections": [
            {"system": "cupola", "status": "ok", "last_error": None, "last_success_at": "2026-11-25 08:00:00",
             "updated_at": "2026-11-25 08:00:00", "run_id": "r2"},
            {"system": "salesforce", "status": "error", "last_error": "salesforce: INVALID_SESSION_ID: Session "
             "expired or invalid (HTTP 401), again after renewing the access token once: ... run again",
             "last_success_at": "2026-11-24 08:00:00", "updated_at": "2026-11-25 08:00:00", "run_id": "r2"}],
    }
    md = impact_markdown(impact)
    assert "* **Connection salesforce: error** — salesforce: INVALID_SESSION_ID: Session expired" in md
    assert "(last success: 2026-11-24 08:00:00)" in md and "Connection cupola" not in md
    assert "## Connections" in md and "| cupola | ok |" in md
    assert "| hubspot | 2 |" in md  # requests of every system that counts them
