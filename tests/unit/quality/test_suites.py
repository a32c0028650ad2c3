"""The Great Expectations suites: the committed `gx/` context equals the code, input suites catch
bad inputs (keys, emails, statuses, references, row counts against the previous run) and output
suites catch a raw email body in an output."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from autoresponder.config import Settings
from autoresponder.land.snapshots import SALESFORCE_EXPORTS, land_snapshots
from autoresponder.quality.project import GX_DIR, REPO_ROOT, code_suite_doc, comparable, suite_file
from autoresponder.quality.suites import ALL_SUITES, BY_NAME, INPUT_SUITES, OUTPUT_SUITES, named_columns
from autoresponder.quality.validate import InputExpectationsFailed, build_docs, check_inputs, validate

ROOT = Path(__file__).resolve().parents[3]


def test_the_committed_gx_context_holds_exactly_the_suites_of_the_code() -> None:
    committed = {p.relative_to(GX_DIR / "expectations") for p in (GX_DIR / "expectations").rglob("*.json")}
    assert committed == {suite_file(REPO_ROOT, s.name).relative_to(GX_DIR / "expectations") for s in ALL_SUITES}
    for s in ALL_SUITES:
        on_disk = json.loads(suite_file(REPO_ROOT, s.name).read_text(encoding="utf-8"))
        assert comparable(on_disk) == code_suite_doc(s), f"{s.name}: rerun python -m autoresponder.quality.project"
    definitions = {p.stem for p in (GX_DIR / "validation_definitions").glob("*.json")}
    assert definitions == {s.name for s in ALL_SUITES}


@pytest.fixture
def warehouse(sources: Path, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    """The demo snapshots landed (no emails: raw.emails is created empty by the email DDL)."""
    from autoresponder.land.emails import DDL

    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    land_snapshots(conn, sources)
    land_snapshots(conn, sources, SALESFORCE_EXPORTS)
    conn.execute(DDL)
    yield conn
    conn.close()


def _failures(results) -> dict[str, list[str]]:
    return {r.suite: [f["expectation"] + (f"({f['column']})" if f.get("column") else "") for f in r.failures]
            for r in results if not r.success}


# every text column an output suite scans for a raw body, and one nobody reads
TEXT_COLUMNS = ("payload", "prior", "reason", "gate_reason", "evidence", "subject", "remote_message",
                "bounce_diagnostic", "unread_text")


def test_each_batch_holds_exactly_the_columns_its_expectations_name(warehouse) -> None:
    # the batch is read whole into pandas (issue 13): a column no expectation reads is memory for nothing,
    # e.g. an output table's payload / evidence text, which only the SQL of holds_raw_body reads
    for suite in OUTPUT_SUITES:
        schema, table = suite.table.split(".")
        columns = dict.fromkeys([*named_columns(suite.expectations), "message_id", *TEXT_COLUMNS])
        columns.pop("holds_raw_body")
        warehouse.execute(f"create schema if not exists {schema}")
        warehouse.execute(f"create table {schema}.{table} ({', '.join(f'{c} varchar' for c in columns)})")
    for suite in ALL_SUITES:
        batch = [d[0] for d in warehouse.execute(f"select * from ({suite.sql}) limit 0").description]
        assert sorted(batch) == sorted(named_columns(suite.expectations)), suite.name
    assert named_columns(BY_NAME["outputs.fct_actions"].expectations) == [
        "message_id", "determination", "gate", "system", "object", "action", "idempotency_key", "holds_raw_body"]


def test_input_suites_pass_on_the_demo_sources_and_name_each_broken_rule(warehouse, tmp_path: Path) -> None:
    run_dir = tmp_path / "runs" / "r1"
    run_dir.mkdir(parents=True)
    assert _failures(validate(warehouse, run_dir, "r1", INPUT_SUITES)) == {}
    warehouse.execute("update raw.cupola_org_persons set person_id = 999999, status = 'Gone' where org_person_id = "
                      "(select min(org_person_id) from raw.cupola_org_persons)")
    warehouse.execute("update raw.cupola_persons set email = 'not an email' where person_id = "
                      "(select max(person_id) from raw.cupola_persons)")
    warehouse.execute("insert into raw.hodor_prospects select * from raw.hodor_prospects limit 1")
    results = validate(warehouse, run_dir, "r2", INPUT_SUITES)
    assert _failures(results) == {
        "inputs.raw_cupola_org_persons": ["expect_column_values_to_be_in_set(status)",
                                          "expect_column_values_to_be_in_set(person_exists)"],
        "inputs.raw_cupola_persons": ["expect_column_values_to_match_regex(email)"],
        "inputs.raw_hodor_prospects": ["expect_column_values_to_be_unique(prospect_id)"],
    }
    with pytest.raises(InputExpectationsFailed) as exc:
        check_inputs(warehouse, "r2", "apply")
    assert exc.value.exit_code == 4
    assert ("inputs.raw_cupola_persons (cupola/persons.csv): expect_column_values_to_match_regex(email) "
            "1 unexpected, e.g. ['not an email']") in str(exc.value)
    assert check_inputs(warehouse, "r2", "plan")  # plan reports, does not stop
    assert check_inputs(warehouse, "r1", "apply") == []
    assert (build_docs(run_dir)).is_file()


def test_row_counts_must_stay_within_bounds_of_the_previous_successful_run(warehouse, tmp_path: Path) -> None:
    run_dir = tmp_path / "runs" / "r"
    run_dir.mkdir(parents=True)
    suites = [BY_NAME["inputs.raw_cupola_persons"]]
    assert validate(warehouse, run_dir, "r1", suites)[0].success
    warehouse.execute("delete from raw.cupola_persons where person_id not in "
                      "(select person_id from raw.cupola_persons order by person_id limit 5)")
    (result,) = validate(warehouse, run_dir, "r2", suites, Settings())
    assert [f["expectation"] for f in result.failures] == ["expect_table_row_count_to_be_between"]
    assert result.failures[0]["observed"] == 5
    # a wider tolerance from Settings lets the same drop through
    assert validate(warehouse, run_dir, "r3", suites, Settings(quality_row_count_min_ratio=0.1))[0].success


def test_output_suites_catch_a_raw_email_body_and_unknown_values(warehouse, tmp_path: Path) -> None:
    run_dir = tmp_path / "runs" / "o"
    run_dir.mkdir(parents=True)
    body = "Thank you for your email. I have left the company and this mailbox is no longer monitored. " * 3
    warehouse.execute("insert into raw.emails (message_id, text) values ('<m1@x>', ?)", [body])
    warehouse.execute("create schema marts")
    warehouse.execute("create table marts.marketing_suppression (run_id varchar, email varchar, reason varchar, "
                      "source varchar, message_id varchar, message_count integer)")
    warehouse.execute("insert into marts.marketing_suppression values ('o', 'a@b.com', ?, 'x', '<m1@x>', 1), "
                      "('o', 'c@d.com', 'left', 'x', '<m2@x>', 1)", ["quoted: " + body])
    (result,) = validate(warehouse, run_dir, "o", [BY_NAME["outputs.marketing_suppression"]])
    assert [(f["expectation"], f["column"]) for f in result.failures] == [
        ("expect_column_values_to_be_in_set", "holds_raw_body")]


def test_a_short_notice_quoted_whole_as_its_own_evidence_is_not_a_raw_body(warehouse, tmp_path: Path) -> None:
    # generated and real notices are often just the sentences that decide ("I have left. Contact x"):
    # the classifier quotes them whole as evidence, by design; a longer body quoted whole still fails
    run_dir = tmp_path / "runs" / "e"
    run_dir.mkdir(parents=True)
    notice = ("Hannah Moore is no longer with Zenith Atlantic Partners. Please direct all future correspondence "
              "to Maria Rodriguez, Investment Director, at maria_rodriguez@zenith-atlantic-partners.fr.")
    long_body = notice + " I hope the study goes well. Best wishes to the whole team. Regards, Hannah."
    warehouse.execute("insert into raw.emails (message_id, text) values ('<n1@x>', ?), ('<n2@x>', ?)",
                      [notice, long_body])
    warehouse.execute("create schema if not exists marts")
    warehouse.execute("create table marts.output_document_undetermined_senders (run_id varchar, message_id varchar, "
                      "evidence varchar, subject varchar)")
    warehouse.execute("insert into marts.output_document_undetermined_senders values ('e', '<n1@x>', ?, 's')",
                      [notice + " [x-autoreply: yes]"])
    suite = [BY_NAME["outputs.output_document_undetermined_senders"]]
    assert validate(warehouse, run_dir, "e1", suite)[0].success
    warehouse.execute("insert into marts.output_document_undetermined_senders values ('e', '<n2@x>', ?, 's')",
                      [long_body])
    (result,) = validate(warehouse, run_dir, "e2", suite)
    assert [(f["expectation"], f["column"], f["unexpected_count"]) for f in result.failures] == [
        ("expect_column_values_to_be_in_set", "holds_raw_body", 1)]


def test_one_message_may_go_to_review_for_two_reasons_on_the_same_record(warehouse, tmp_path: Path) -> None:
    # an INACTIVE reply with no CUPOLA match that names a new organisation: two review rows, one per reason; a
    # REPLACEMENT naming two alternates: two research rows without a record id, told apart by their keys
    run_dir = tmp_path / "runs" / "h"
    run_dir.mkdir(parents=True)
    warehouse.execute("create schema if not exists marts")
    warehouse.execute("create table marts.human_review_metadata (run_id varchar, message_id varchar, system varchar, "
                      "object varchar, record_id varchar, action varchar, review_reason varchar, payload varchar, "
                      "prior varchar, idempotency_key varchar)")
    warehouse.execute("insert into marts.human_review_metadata values "
                      "('h', '<m@x>', 'cupola', 'org_person', null, 'review', 'INACTIVE_NO_CUPOLA_MATCH', '{}', '{}', 'k1'), "
                      "('h', '<m@x>', 'cupola', 'org_person', null, 'review', 'NEW_ORG_RESEARCH', '{}', '{}', 'k1'), "
                      "('h', '<r@x>', 'cupola', 'org_person', null, 'create', 'ALTERNATE_CONTACT_RESEARCH', "
                      "'{\"email\": \"a@x\"}', '{}', 'k2'), "
                      "('h', '<r@x>', 'cupola', 'org_person', null, 'create', 'ALTERNATE_CONTACT_RESEARCH', "
                      "'{\"email\": \"b@x\"}', '{}', 'k3')")
    suite = [BY_NAME["outputs.human_review_metadata"]]
    assert validate(warehouse, run_dir, "h1", suite)[0].success
    warehouse.execute("insert into marts.human_review_metadata values "
                      "('h', '<m@x>', 'cupola', 'org_person', null, 'review', 'NEW_ORG_RESEARCH', '{}', '{}', 'k1')")
    (result,) = validate(warehouse, run_dir, "h2", suite)
    assert [f["expectation"] for f in result.failures] == ["expect_compound_columns_to_be_unique"]
