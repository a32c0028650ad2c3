"""The weekly roll-up: one `Weekly deal summary` Task per Account and ISO week, curated outcomes
only, idempotent within the week (emulator over HTTPS, executor and write log)."""

from __future__ import annotations

from datetime import date

import pytest

from autoresponder.act.executor import execute
from autoresponder.act.rollback import rollback
from autoresponder.systems.salesforce import SalesforceWriter, connect
from autoresponder.systems.salesforce.rollup import iso_week, rollup_writes, summary_text

ACME = "001000000000001AAA"
BOREALIS = "001000000000002AAA"
ROWS = [
    (ACME, "Acme Capital", "m1", "Ann Lee", "ann.lee@acme.example", "INACTIVE", "left", "auto_update", None,
     "2026-11-23 09:00:00"),
    (ACME, "Acme Capital", "m2", "Bob Ray", "bob.ray@acme.example", "BOUNCE", "hard", "manual_review", "BOUNCE",
     "2026-11-24 10:00:00"),
    (BOREALIS, "Borealis Partners", "m3", "Cleo Fox", "cleo.fox@borealis.example", "TITLE_UPDATE", None,
     "auto_update", None, "2026-11-25 08:00:00"),
]


@pytest.fixture
def writer(emulator) -> SalesforceWriter:
    sf = connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                 security_token=emulator.security_token)
    return SalesforceWriter(sf, backoff_base=0.001, backoff_max=0.01, max_attempts=2)


def _outcomes(wh, rows) -> None:
    wh.execute("create schema if not exists marts")
    wh.execute("create or replace table marts.fct_salesforce_weekly_outcomes (account_id varchar, account_name varchar, "
               "message_id varchar, contact_name varchar, contact_email varchar, determination varchar, reason varchar, "
               "outcome varchar, review_reason varchar, sent_at timestamp, contact_id varchar)")
    wh.executemany("insert into marts.fct_salesforce_weekly_outcomes values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'c')", rows)


def _rollup_tasks(emulator) -> list[dict]:
    return emulator.state.query("SELECT Id, WhatId, Subject, Description FROM Task "
                                "WHERE Subject = 'Weekly deal summary' ORDER BY WhatId")


def test_one_weekly_deal_summary_task_per_account_with_curated_outcomes(wh, emulator, writer):
    _outcomes(wh, ROWS)
    writes = rollup_writes(wh, as_of="2026-12-02", run_id="r1")
    report = execute(wh, writes, {"salesforce": writer}, mode="apply", run_id="r1")
    assert report.counts == {"salesforce": {"succeeded": 2}}
    acme, borealis = _rollup_tasks(emulator)
    assert (acme["WhatId"], borealis["WhatId"]) == (ACME, BOREALIS)
    assert acme["Description"].splitlines() == [
        "Weekly deal summary for Acme Capital, week 2026-W48 (2026-11-23 to 2026-11-29), from automatic email "
        "replies processed by AutoResponder.",
        "2 replies: 1 BOUNCE, 1 INACTIVE.",
        "- Ann Lee <ann.lee@acme.example>: INACTIVE (left) -> auto_update",
        "- Bob Ray <bob.ray@acme.example>: BOUNCE (hard) -> manual_review, review: BOUNCE",
        f"AutoResponder week: {ACME} 2026-W48",
    ]


def test_a_rerun_in_the_same_week_writes_nothing_new_and_new_outcomes_update_the_same_task(wh, emulator, writer):
    _outcomes(wh, ROWS)
    execute(wh, rollup_writes(wh, as_of="2026-12-02", run_id="r1"), {"salesforce": writer}, mode="apply",
            run_id="r1")
    emulator.reset()
    again = execute(wh, rollup_writes(wh, as_of="2026-12-03", run_id="r2"), {"salesforce": writer}, mode="apply",
                    run_id="r2")
    assert again.counts == {"salesforce": {"already_done": 2}} and emulator.request_counts() == {}
    # a late reply of that week landed on Sunday: Acme's Task is updated in place, Borealis's left alone
    _outcomes(wh, [*ROWS, (ACME, "Acme Capital", "m4", "Dee Moe", "dee.moe@acme.example", "OUT_OF_OFFICE", None,
                           "manual_review", "OUT_OF_OFFICE", "2026-11-27 12:00:00")])
    later = execute(wh, rollup_writes(wh, as_of="2026-12-06", run_id="r3"), {"salesforce": writer}, mode="apply",
                    run_id="r3")
    assert later.counts == {"salesforce": {"already_done": 1, "succeeded": 1}}
    acme, _ = _rollup_tasks(emulator)
    assert len(_rollup_tasks(emulator)) == 2 and "3 replies" in acme["Description"]
    # rollback of the first run deletes the Tasks it created; the update is listed as manual
    result = rollback(wh, "r1", {"salesforce": writer})
    assert sorted(x["status"] for x in result["restored"]) == ["succeeded", "succeeded"]
    assert _rollup_tasks(emulator) == []
    assert [m["restore_kind"] for m in rollback(wh, "r3", {"salesforce": writer})["manual"]] == ["manual"]


def test_each_iso_week_gets_its_own_task(wh, emulator, writer):
    _outcomes(wh, ROWS[:1])
    execute(wh, rollup_writes(wh, as_of="2026-12-02", run_id="r1"), {"salesforce": writer}, mode="apply",
            run_id="r1")
    execute(wh, rollup_writes(wh, as_of="2026-12-09", run_id="r2"), {"salesforce": writer}, mode="apply",
            run_id="r2")
    weeks = sorted(t["Description"].splitlines()[-1] for t in _rollup_tasks(emulator))
    assert weeks == [f"AutoResponder week: {ACME} 2026-W48", f"AutoResponder week: {ACME} 2026-W49"]
    assert iso_week(date(2026, 12, 9)) == "2026-W50"


def test_a_busy_week_is_summarised_not_transcribed():
    rows = [{"contact_name": f"Person {i}", "contact_email": f"p{i}@acme.example", "determination": "INACTIVE",
             "reason": "left", "outcome": "auto_update", "review_reason": None} for i in range(40)]
    text = summary_text("Acme Capital", ACME, date(2026, 11, 25), rows)
    lines = text.splitlines()
    assert lines[1] == "40 replies: 40 INACTIVE." and lines[-2] == "- ... and 25 more replies"
    assert len([x for x in lines if x.startswith("- Person")]) == 15 and len(text) < 2000
    assert lines[-1] == f"AutoResponder week: {ACME} 2026-W48"
