from tenacity import wait_none

from autoresponder.act.audit import CUPOLA_AUDIT_COLUMNS, cupola_audit_rows, cupola_audit_rows_from_log
from autoresponder.act.executor import execute
from autoresponder.systems.cupola import CupolaWriter
from autoresponder.systems.hodor import HodorProspectImport


def run(wh, cupola, mk):
    writes = [
        mk("cupola", "org_person", "100", "mark_inactive", {}, message_id="m1"),
        mk(
            "cupola",
            "org_person",
            "200",
            "update_email",
            {"position": None, "email": "a.t@initech.com"},
            {"email": "alan@initech.com"},
            message_id="m2",
        ),
        mk("cupola", "org_person", "101", "mark_inactive", {}, message_id="m3"),
        mk("hodor", "prospect", "P1", "mark_inactive", {"status": "Inactive"}, message_id="m1"),
    ]
    writers = {"cupola": CupolaWriter(cupola, wait=wait_none()), "hodor": HodorProspectImport()}
    return execute(wh, writes, writers, mode="apply", run_id="r1")


def test_cupola_audit_rows_carry_procedure_result_and_prior_and_new_values(wh, cupola, mk):
    rows = {r["org_person_id"]: r for r in cupola_audit_rows(run(wh, cupola, mk))}
    assert set(rows) == {"100", "200", "101"}
    assert list(rows["100"]) == CUPOLA_AUDIT_COLUMNS
    r = rows["100"]
    assert (r["procedure"], r["result_code"], r["status"], r["person_id"]) == (
        "IP4SP_AutoBounce_MarkPersonInactive",
        0,
        "succeeded",
        1,
    )
    assert (r["prior_status"], r["new_status"]) == ("Active", "Inactive")
    r = rows["200"]
    assert r["params"] == {"OrgPersonID": 200, "Position": None, "Email": "a.t@initech.com"}
    assert (r["prior_email"], r["new_email"], r["new_position"]) == (
        "alan@initech.com",
        "a.t@initech.com",
        "CIO",
    )
    assert (rows["101"]["status"], rows["101"]["result_code"]) == ("skipped_noop", 2)


def test_cupola_audit_rows_from_log_match_the_report_on_the_essentials(wh, cupola, mk):
    from_report = {r["org_person_id"]: r for r in cupola_audit_rows(run(wh, cupola, mk))}
    from_log = {r["org_person_id"]: r for r in cupola_audit_rows_from_log(wh, "r1")}
    for col in (
        "procedure",
        "result_code",
        "status",
        "prior_status",
        "prior_email",
        "new_status",
        "new_email",
        "person_id",
    ):
        assert {k: v[col] for k, v in from_log.items()} == {k: v[col] for k, v in from_report.items()}, col
