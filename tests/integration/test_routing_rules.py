"""Every rule of DESIGN §5, §6, §7 and §10, each a test named after it.

One real chain runs per module (sources → land → classify → dbt → apply against the Salesforce
emulator and the embedded CUPOLA store) on a copy of the demo sources; each test asserts the
outcome, the review reason, the writes made and the writes not made for the message that
exercises its rule (seeds/expected.csv says which).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.integration.chain import ChainRun, start_chain

MULTIPUB_SKIP = "Skipped (Multipub/Marketing owns this contact)"


def _expected() -> dict[str, dict]:
    with (SEEDS / "expected.csv").open(newline="", encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> ChainRun:
    work = tmp_path_factory.mktemp("chain")
    sources = work / "sources"
    shutil.copytree(SEEDS, sources)
    chain = start_chain(sources, work)
    chain.expected = _expected()
    yield chain
    chain.stack.close()


def mid(run: ChainRun, prefix: str) -> str:
    name = next(f for f in run.expected if f.startswith(prefix))
    return run.message_id(name)


def assert_no_writes(run: ChainRun, message_id: str) -> None:
    assert run.writes(message_id) == [], f"{message_id} must not write anything"
    assert [a for a in run.actions(message_id) if a["gate"] == "auto"] == []


# --- §5 routing ---------------------------------------------------------------------------------

def test_every_seed_message_gets_its_expected_outcome(run: ChainRun) -> None:
    wrong = []
    for name, exp in run.expected.items():
        if exp["expected_outcome"] == "not_landed_separately":
            continue
        got = run.outcome(exp["message_id"])
        if (got["determination"], got["outcome"], got["review_reason"] or "") != (
                exp["determination"], exp["expected_outcome"], exp["review_reason"]):
            wrong.append((name, got["determination"], got["outcome"], got["review_reason"]))
    assert wrong == []


def test_unknown_is_not_looked_up_and_counted_skipped_unknown_determination(run: ChainRun) -> None:
    m = mid(run, "01_")
    assert run.outcome(m)["outcome"] == "skipped_unknown"
    assert run.actions(m) == []
    assert run.impact["counters"]["skipped_unknown_determination"] >= 1
    assert run.cupola_row(5001)["status"] == "Active"


def test_no_match_in_any_system_is_counted_skipped_no_contact(run: ChainRun) -> None:
    m = mid(run, "02_")
    assert run.outcome(m)["outcome"] == "skipped_no_contact"
    assert run.actions(m) == []
    assert run.impact["counters"]["skipped_no_contact"] >= 1


def test_active_with_active_cupola_is_confirmation_only(run: ChainRun) -> None:
    m = mid(run, "03_")
    o = run.outcome(m)
    assert (o["outcome"], o["cupola_state"]) == ("confirm_only", "active")
    assert [a["action"] for a in run.actions(m)] == ["confirm_active"]
    assert_no_writes(run, m)


def test_active_with_no_cupola_row_is_reviewed_as_active_new_contact(run: ChainRun) -> None:
    m = mid(run, "04_")
    assert run.outcome(m)["review_reason"] == "ACTIVE_NEW_CONTACT"
    doc = run.query("select * from marts.output_document_inactive_no_cupola_match where message_id = ?", [m])
    assert [d["review_reason"] for d in doc] == ["ACTIVE_NEW_CONTACT"]
    assert_no_writes(run, m)


def test_active_with_inactive_cupola_is_a_reactivation_candidate_never_reactivated(run: ChainRun) -> None:
    m = mid(run, "05_")
    assert run.outcome(m)["review_reason"] == "REACTIVATION_CANDIDATE"
    assert run.cupola_row(5005)["status"] == "Inactive"
    assert run.sf_record("Contact", "003Dn0000000005IAA")["Contact_Status__c"] == "Inactive"
    assert_no_writes(run, m)


def test_inactive_with_active_cupola_writes_cupola_hodor_salesforce_and_suppression(run: ChainRun) -> None:
    m = mid(run, "06_")
    assert run.outcome(m)["outcome"] == "auto_update"
    assert run.cupola_row(5006)["status"] == "Inactive"
    assert run.cupola_row(5106)["status"] == "Inactive"  # history row, untouched
    assert {(w["system"], w["record_id"]) for w in run.writes(m)} == {
        ("cupola", "5006"), ("hodor", "H-70006"), ("salesforce", "003Dn0000000006IAA"),
        ("salesforce", "00QDn0000000006MAA"), ("sfmc", "priya.nair@everlypension.org")}
    assert run.sf_record("Contact", "003Dn0000000006IAA")["Contact_Status__c"] == "Inactive"
    assert run.sf_record("Lead", "00QDn0000000006MAA")["Status"] == "Inactive"
    hodor = (run.ctx.run_dir / "hodor_pending_actions.csv").read_text()
    assert "H-70006" in hodor


def test_inactive_with_inactive_cupola_is_record_only_and_counted(run: ChainRun) -> None:
    m = mid(run, "11_")
    assert run.outcome(m)["outcome"] == "record_only"
    gates = {(a["system"], a["gate"], a["gate_reason"]) for a in run.actions(m)}
    assert ("cupola", "record_only", "ALREADY_INACTIVE_AT_ORG") in gates
    assert ("hodor", "record_only", "ALREADY_INACTIVE_AT_ORG") in gates
    assert run.impact["counters"]["skipped_already_inactive_at_org"] >= 1
    assert_no_writes(run, m)


def test_inactive_with_no_cupola_row_is_documented_and_still_flips_salesforce(run: ChainRun) -> None:
    m = mid(run, "12_")
    doc = run.query("select * from marts.output_document_inactive_no_cupola_match where message_id = ?", [m])
    assert [d["review_reason"] for d in doc] == ["INACTIVE_NO_CUPOLA_MATCH"]
    assert [(w["system"], w["record_id"]) for w in run.writes(m)] == [("salesforce", "003Dn000000000CIAQ")]
    assert run.sf_record("Contact", "003Dn000000000CIAQ")["Contact_Status__c"] == "Inactive"


def test_inactive_moved_to_other_org_adds_a_new_org_research_row(run: ChainRun) -> None:
    m = mid(run, "13_")
    o = run.outcome(m)
    assert (o["determination"], o["reason"], o["outcome"]) == ("INACTIVE", "moved_to_other_org", "auto_update")
    doc = run.query("select * from marts.output_document_inactive_new_org where message_id = ?", [m])
    assert len(doc) == 1 and "northwind" in (doc[0]["new_org"] or "").lower()
    assert run.cupola_row(5013)["status"] == "Inactive"


def test_email_update_with_active_cupola_updates_cupola_salesforce_and_hodor(run: ChainRun) -> None:
    m = mid(run, "14_")
    assert run.outcome(m)["outcome"] == "auto_update"
    assert run.cupola_row(5014)["email"] == "lucy.tran@graniteridge.com"
    assert run.sf_record("Lead", "00QDn000000000EMAQ")["Email"] == "lucy.tran@graniteridge.com"
    assert {w["system"] for w in run.writes(m)} == {"cupola", "hodor", "salesforce"}
    doc = run.query("select * from marts.output_document_email_update_requests where message_id = ?", [m])
    assert [d["new_email"] for d in doc] == ["lucy.tran@graniteridge.com"]


def test_title_update_with_active_cupola_updates_cupola_salesforce_and_hodor(run: ChainRun) -> None:
    m = mid(run, "15_")
    assert run.outcome(m)["outcome"] == "auto_update"
    assert run.cupola_row(5015)["position"] == "Chief Information Officer"
    assert run.sf_record("Contact", "003Dn000000000FIAQ")["Title"] == "Chief Information Officer"
    assert {w["system"] for w in run.writes(m)} >= {"cupola", "salesforce"}


def test_update_on_inactive_cupola_is_reviewed_and_writes_nothing(run: ChainRun) -> None:
    m = mid(run, "16_")
    assert run.outcome(m)["review_reason"] == "UPDATE_ON_INACTIVE"
    assert run.sf_record("Contact", "003Dn000000000GIAQ")["Email"] == "nina.petrova@acme.com"
    assert_no_writes(run, m)


def test_update_with_no_cupola_row_is_reviewed_as_active_new_contact(run: ChainRun) -> None:
    m = mid(run, "17_")
    assert run.outcome(m)["review_reason"] == "ACTIVE_NEW_CONTACT"
    assert run.sf_record("Lead", "00QDn000000000HMAQ")["Title"] == "Credit Analyst"
    assert_no_writes(run, m)


def test_replacement_inactivates_the_original_and_lists_alternates_without_creating(run: ChainRun) -> None:
    m = mid(run, "18_")
    assert run.outcome(m)["outcome"] == "auto_update"
    assert run.cupola_row(5018)["status"] == "Inactive"
    alt = run.query("select * from marts.output_document_alternate_contacts where message_id = ?", [m])
    assert [(a["replacement_name"], a["replacement_email"]) for a in alt] == [("John Doe", "john.doe@acme.com")]
    assert run.writes(m, action="create") == []
    assert run.systems.salesforce.query("SELECT Id FROM Contact WHERE Email = 'john.doe@acme.com'")["totalSize"] == 0


def test_replacement_with_only_our_own_domain_becomes_inactive(run: ChainRun) -> None:
    m = mid(run, "19_")
    o = run.outcome(m)
    assert (o["determination"], o["outcome"]) == ("INACTIVE", "auto_update")
    assert run.query("select * from marts.output_document_alternate_contacts where message_id = ?", [m]) == []


def test_out_of_office_is_reviewed_with_its_return_date_and_never_inactivates(run: ChainRun) -> None:
    m = mid(run, "20_")
    assert run.outcome(m)["review_reason"] == "OUT_OF_OFFICE"
    ooo = run.query("select * from marts.out_of_office_tracking where message_id = ?", [m])
    assert str(ooo[0]["return_date"]) == "2026-12-07"
    assert run.cupola_row(5020)["status"] == "Active"
    assert_no_writes(run, m)
    assert run.outcome(mid(run, "21_"))["review_reason"] == "OUT_OF_OFFICE"


def test_bounce_is_reviewed_listed_as_undeliverable_and_suppressed(run: ChainRun) -> None:
    hard, soft = mid(run, "22_"), mid(run, "23_")
    for m in (hard, soft):
        assert run.outcome(m)["review_reason"] == "BOUNCE"
        assert_no_writes(run, m)
    und = {r["message_id"]: r for r in run.query("select * from marts.output_document_undeliverables")}
    assert (und[hard]["bounce_kind"], und[hard]["bounce_status"]) == ("hard", "5.1.1")
    assert und[soft]["bounce_kind"] == "soft"
    supp = {r["email"] for r in run.query("select * from marts.marketing_suppression where source = 'bounce'")}
    assert "kwame.mensah@borealis-capital.com" in supp
    assert run.cupola_row(5022)["status"] == "Active"


def test_hard_bounce_is_recorded_on_the_salesforce_record_only_through_the_message_gates(run: ChainRun) -> None:
    hard, soft = mid(run, "22_"), mid(run, "23_")
    [row] = run.actions(hard, system="salesforce")
    assert (row["object"], row["record_id"], row["action"]) == ("Contact", "003Dn000000000MIAQ", "record_bounce")
    assert row["payload"]["EmailBouncedDate"] == "2026-11-16T09:00:06.000+0000"
    assert row["payload"]["EmailBouncedReason"].startswith("550 5.1.1") and len(row["payload"]["EmailBouncedReason"]) <= 255
    # the DSN is not authenticated for the recipient's organisation: held like any other write
    assert (row["gate"], row["gate_reason"]) == ("review", "IDENTITY_MISMATCH")
    assert run.sf_record("Contact", "003Dn000000000MIAQ")["EmailBouncedDate"] is None
    assert run.actions(soft, system="salesforce") == []  # soft bounces record nothing


def test_task_is_related_to_the_opportunity_the_thread_maps_to(run: ChainRun) -> None:
    def what_ids(who: str) -> list:
        return [r["WhatId"] for r in run.systems.salesforce.query(
            f"SELECT WhatId FROM Task WHERE WhoId = '{who}'")["records"]]

    assert what_ids("003Dn000000000IIAQ") == ["006Dn0000000001IAA"]  # Jane: her contact role on Acme's renewal
    assert what_ids("003Dn0000000006IAA") == ["006Dn0000000003IAA"]  # Priya: Everly's only open deal
    assert what_ids("003Dn000000000CIAQ") == [None]  # Granite Ridge has no deal
    assert what_ids("00QDn0000000006MAA") == [None]  # a Lead's Task is never related to a deal


def test_ambiguous_cupola_match_is_reviewed_and_writes_nothing(run: ChainRun) -> None:
    m = mid(run, "24_")
    o = run.outcome(m)
    assert (o["cupola_state"], o["review_reason"]) == ("ambiguous", "AMBIGUOUS_MATCH")
    assert run.cupola_row(5024)["status"] == "Active" and run.cupola_row(5124)["status"] == "Active"
    assert_no_writes(run, m)


# --- §6 Salesforce ------------------------------------------------------------------------------

def test_multipub_linked_contact_is_never_written(run: ChainRun) -> None:
    m = mid(run, "07_")
    skip = run.actions(m, system="salesforce", object="Contact")
    assert [(a["gate"], a["gate_reason"]) for a in skip] == [("skip", MULTIPUB_SKIP)]
    assert run.sf_record("Contact", "003Dn0000000007IAA")["Contact_Status__c"] == "Active"
    assert run.writes(m, system="salesforce") == []


def test_leads_are_never_multipub_skipped(run: ChainRun) -> None:
    m = mid(run, "10_")
    assert run.sf_record("Lead", "00QDn000000000AMAQ")["Status"] == "Inactive"
    assert [w["record_id"] for w in run.writes(m, system="salesforce")] == ["00QDn000000000AMAQ"]


def test_record_already_in_target_state_gets_no_salesforce_write(run: ChainRun) -> None:
    m = mid(run, "11_")
    assert [(a["gate"], a["gate_reason"]) for a in run.actions(m, system="salesforce")] == [
        ("skip", "ALREADY_IN_TARGET_STATE")]


def test_disqualified_lead_counts_as_not_active_and_is_not_written(run: ChainRun) -> None:
    m = mid(run, "12_")
    leads = run.actions(m, system="salesforce", object="Lead")
    assert [(a["gate"], a["gate_reason"]) for a in leads] == [("skip", "ALREADY_IN_TARGET_STATE")]


def test_email_and_title_updates_need_an_active_cupola_row(run: ChainRun) -> None:
    for prefix in ("16_", "17_"):
        assert run.actions(mid(run, prefix), system="salesforce") == []


def test_salesforce_writes_go_through_collections_never_per_record(run: ChainRun) -> None:
    counts = run.impact["api_calls"]["salesforce_requests_by_kind"]
    sf_writes = run.query("select count(*) as n from ops.write_log where system = 'salesforce'")[0]["n"]
    assert sf_writes >= 6
    assert counts.get("composite_patch", 0) >= 1
    # lookups are never per email: one COUNT() and one read per synced object, whatever the messages
    objects = len(run.ctx.settings.salesforce_objects)
    assert counts.get("sobject_patch", 0) == 0 and counts.get("query", 0) <= 2 * objects


def test_contact_creation_and_reactivation_are_off_by_default(run: ChainRun) -> None:
    assert run.query("select count(*) as n from marts.fct_actions where action in ('create', 'reactivate') "
                     "and system = 'salesforce'")[0]["n"] == 0


# --- §7 Multipub --------------------------------------------------------------------------------

@pytest.mark.parametrize(("prefix", "flag"), [
    pytest.param("07_", "is_active_subscription", id="active-subscription"),
    pytest.param("08_", "is_expired_within_12_months", id="expired-within-12-months"),
    pytest.param("09_", "is_single_issue_within_12_months", id="single-issue-within-12-months"),
    pytest.param("25_", "is_ambiguous_subscriber", id="ambiguous-subscriber"),
])
def test_multipub_validation_flags_the_candidate(run: ChainRun, prefix: str, flag: str) -> None:
    rows = run.query("select * from marts.output_document_multipub_audit where message_id = ?", [mid(run, prefix)])
    assert rows and max(r[flag] for r in rows) == 1


def test_multipub_subscription_expired_over_12_months_is_not_flagged(run: ChainRun) -> None:
    assert run.query("select * from marts.output_document_multipub_audit where message_id = ?",
                     [mid(run, "10_")]) == []


def test_multipub_is_never_written(run: ChainRun) -> None:
    assert run.query("select count(*) as n from marts.fct_actions where system = 'multipub' and gate = 'auto'")[0]["n"] == 0
    assert run.query("select count(*) as n from ops.write_log where system = 'multipub'")[0]["n"] == 0


def test_undetermined_sender_goes_to_the_multipub_reviewer(run: ChainRun) -> None:
    rows = run.query("select * from marts.output_document_undetermined_senders")
    assert mid(run, "33_") in {r["message_id"] for r in rows}


# --- §10 guarantees -----------------------------------------------------------------------------

def test_spoofed_reply_cannot_write(run: ChainRun) -> None:
    m = mid(run, "26_")
    assert run.outcome(m)["review_reason"] == "SENDER_NOT_AUTHENTICATED"
    assert {a["gate_reason"] for a in run.actions(m) if a["gate"] == "review"} == {"SENDER_NOT_AUTHENTICATED"}
    assert run.cupola_row(5026)["status"] == "Active"
    assert run.sf_record("Contact", "003Dn000000000QIAQ")["Contact_Status__c"] == "Active"
    assert_no_writes(run, m)


def test_true_sender_behind_a_relay_is_the_lookup_email(run: ChainRun) -> None:
    m = mid(run, "27_")
    assert run.outcome(m)["lookup_email"] == "grace.lindqvist@crestline-ins.com"


def test_identity_mismatch_a_relay_naming_the_person_only_in_quoted_text_cannot_write(run: ChainRun) -> None:
    """DESIGN §5 IDENTITY_MISMATCH: the gateway is not Grace's mailbox; her name and address appear only in
    the quoted original, so the departure goes to a reviewer and nothing is written anywhere."""
    m = mid(run, "27_")
    assert run.outcome(m)["review_reason"] == "IDENTITY_MISMATCH"
    assert run.cupola_row(5027)["status"] == "Active"
    assert_no_writes(run, m)


def test_every_write_has_an_idempotency_key_and_a_write_log_row(run: ChainRun) -> None:
    planned = run.query("select system, idempotency_key from marts.fct_actions where gate = 'auto'")
    logged = run.query("select system, idempotency_key, status from ops.write_log")
    assert {(p["system"], p["idempotency_key"]) for p in planned} <= {(r["system"], r["idempotency_key"]) for r in logged}
    assert {r["status"] for r in logged} == {"succeeded", "queued"}


def test_run_folder_has_every_document(run: ChainRun) -> None:
    names = {p.name for p in Path(run.ctx.run_dir).iterdir()}
    for f in ("processing_report_master.csv", "processing_report_master.json", "classifier_output.csv",
              "classifier_output.json", "stage_execution.log", "cupola_audit_log.csv", "cupola_audit_log.json",
              "cupola_audit_log_rollback_plan.csv", "hodor_pending_actions.csv",
              "hodor_prospect_import_verification.csv", "output_document_email_update_requests.csv",
              "output_document_inactive_no_cupola_match.csv", "output_document_human_review.csv",
              "output_document_inactive_new_org.csv", "output_document_alternate_contacts.csv",
              "output_document_multipub_audit.csv", "output_document_undeliverables.csv",
              "marketing_suppression.csv", "human_review_metadata.csv", "impact_report.md", "impact_report.json"):
        assert f in names, f
    audit = (run.ctx.run_dir / "cupola_audit_log.csv").read_text()
    assert "5006" in audit and "IP4SP_AutoBounce_MarkPersonInactive" in audit
