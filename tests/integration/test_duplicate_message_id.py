"""Same Message-ID, different body (issue 8 item 6, DESIGN §5 gates), through the real chain.

The demo sources plus two files carrying seed 06's Message-ID: one with a reworded body (a
different message: it lands, is classified, and every write it would cause goes to review with
`DUPLICATE_MESSAGE_ID`) and one byte-identical copy (a re-delivery: deduplicated as before).
land → classify → dbt → plan.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.integration.chain import ChainRun, start_chain

FIRST = "06_inactive_left_all_systems.eml"
ALTERED = "50_same_message_id_other_body.eml"
COPY = "51_byte_identical_copy_of_06.eml"
MID = "ph0pr17mb5361nair0006@ph0pr17mb5361.namprd17.prod.outlook.com"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> ChainRun:
    work = tmp_path_factory.mktemp("dup_mid")
    sources = work / "sources"
    shutil.copytree(SEEDS, sources)
    emails = sources / "emails"
    raw = (emails / FIRST).read_bytes()
    altered = raw.replace(b"Thank you for your message. Priya Nair has left",
                          b"Thank you for your email. Priya Nair has left")
    assert altered != raw
    (emails / ALTERED).write_bytes(altered)
    shutil.copy(emails / FIRST, emails / COPY)
    chain = start_chain(sources, work, mode="plan")
    yield chain
    chain.stack.close()


def _landed(run: ChainRun) -> dict[str, dict]:
    rows = run.query("select message_id, file_path, duplicate_of from raw.emails where message_id like ?", [f"{MID}%"])
    return {Path(r["file_path"]).name: r for r in rows}


def test_both_messages_land_and_the_second_names_the_first(run: ChainRun) -> None:
    landed = _landed(run)
    assert set(landed) == {FIRST, ALTERED}  # the byte-identical copy is not landed again
    assert landed[FIRST]["message_id"] == MID and landed[FIRST]["duplicate_of"] is None
    assert landed[ALTERED]["message_id"].startswith(f"{MID}#body-")
    assert landed[ALTERED]["duplicate_of"] == MID
    listed = run.query("select file_path, duplicate_of_file from raw.email_duplicates")
    assert [(Path(r["file_path"]).name, Path(r["duplicate_of_file"]).name) for r in listed
            if Path(r["file_path"]).name == COPY] == [(COPY, FIRST)]


def test_the_second_is_classified_like_any_message(run: ChainRun) -> None:
    key = _landed(run)[ALTERED]["message_id"]
    rows = run.query("select determination, reason from classification.classified_messages where message_id = ?", [key])
    assert rows == [{"determination": "INACTIVE", "reason": "left"}]


def test_every_write_of_the_second_goes_to_review_and_the_first_is_unchanged(run: ChainRun) -> None:
    key = _landed(run)[ALTERED]["message_id"]
    first = {(a["system"], a["object"], a["record_id"], a["action"]) for a in run.actions(MID, gate="auto")}
    assert ("cupola", "org_person", "5006", "mark_inactive") in first  # seed 06 still writes automatically
    second = run.actions(key)
    assert [a for a in second if a["gate"] == "auto"] == []
    held = {(a["system"], a["object"], a["record_id"], a["action"]) for a in second
            if a["gate"] == "review" and a["gate_reason"] == "DUPLICATE_MESSAGE_ID"}
    assert held == first  # exactly the writes the message would have caused
    outcome = run.outcome(key)
    assert (outcome["outcome"], outcome["review_reason"]) == ("manual_review", "DUPLICATE_MESSAGE_ID")
    assert run.writes(key) == []


def test_the_human_review_document_names_the_first_message(run: ChainRun) -> None:
    key = _landed(run)[ALTERED]["message_id"]
    with (run.ctx.run_dir / "output_document_human_review.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["message_id"] == key]
    assert [(r["review_reason"], r["duplicate_of"]) for r in rows] == [("DUPLICATE_MESSAGE_ID", MID)]


def test_the_stage_log_names_the_files_of_both_duplicates(run: ChainRun) -> None:
    log = (run.ctx.run_dir / "stage_execution.log").read_text(encoding="utf-8")
    lines = [line for line in log.splitlines() if "[land] duplicate:" in line]
    assert any(ALTERED in line and "different body" in line and "DUPLICATE_MESSAGE_ID" in line for line in lines)
    assert any(COPY in line and "re-delivery" in line and FIRST in line for line in lines)


def test_the_impact_report_says_which_duplicate_went_to_review(run: ChainRun) -> None:
    dups = {Path(d["file"]).name: d for d in run.impact["duplicates"]}
    assert dups[ALTERED]["landed"] and dups[ALTERED]["to_review"] and dups[ALTERED]["writes_to_review"] >= 4
    assert not dups[COPY]["landed"] and not dups[COPY]["to_review"]
    md = (run.ctx.run_dir / "impact_report.md").read_text(encoding="utf-8")
    assert any(ALTERED in line and "sent to review (DUPLICATE_MESSAGE_ID)" in line for line in md.splitlines())
    assert any(COPY in line and "not landed again" in line for line in md.splitlines())
    assert run.impact["review_reasons"].get("DUPLICATE_MESSAGE_ID") == 1


def test_classification_reads_landings_parse_instead_of_the_bytes(run: ChainRun) -> None:
    stats = run.ctx.facts["classification"]
    assert stats["messages"] == run.query("select count(*) as n from raw.emails")[0]["n"]
    assert stats["parsed_from_bytes"] == 0  # each message's bytes were parsed once this run, by landing
