"""HubSpot as a pipeline target, through the real chain (land → classify → dbt → apply) against
the HubSpot emulator on 127.0.0.1: the same write log, keys, gates and rollback as Salesforce, and
a token HubSpot refuses after one refresh stops HubSpot's writes while the rest of the run goes on;
an approved hard bounce lands once in HubSpot's own bounce properties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from autoresponder.act.rollback import rollback
from autoresponder.pipeline import build_writers, connect_warehouse
from autoresponder.review.service import human_review_upload
from tests.integration.chain import start_chain

HARD_BOUNCE = "20261116090006.4dk2lq0zx9z9swn@mx.borealis-capital.com"  # seeds/emails/22_bounce_hard_dsn.eml


def _status_by_email(emu: Any) -> dict[str, str]:
    return {r["properties"]["email"]: r["properties"].get("hs_lead_status")
            for r in emu.portal.records["contacts"].values()}


def test_hubspot_stops_on_a_refused_token_then_the_next_run_writes_like_salesforce_and_rolls_back(
        hubspot, sources: Path, tmp_path: Path) -> None:
    emu, settings = hubspot
    # run 1: every batch update refused (401): one token refresh, refused again -> connection error
    emu.set_faults({"script": [{"path": "/crm/v3/objects/contacts/batch/update", "status": 401, "times": 10}]})
    first = start_chain(sources, tmp_path, hubspot=settings)
    try:
        hs = first.query("select status, count(*) as n from ops.write_log where system = 'hubspot' group by 1")
        sf = first.query("select status, count(*) as n from ops.write_log where system = 'salesforce' group by 1")
        connection = first.query("select * from ops.connections where system = 'hubspot'")[0]
        counts = emu.request_counts()
        refreshes = first.systems.get("hubspot").caller.refreshes
        report = (first.ctx.run_dir / "impact_report.md").read_text(encoding="utf-8")
    finally:
        first.stack.close()
    assert {r["status"] for r in hs} == {"pending"}  # waiting for the next run, nothing lost
    assert {r["status"]: r["n"] for r in sf}.get("succeeded", 0) > 0  # the rest of the run went on
    assert connection["status"] == "error" and "re-authorize" in connection["last_error"]
    assert refreshes == 1 and counts["POST /oauth/v1/token"] == 1
    assert counts["POST /crm/v3/objects/contacts/batch/update"] == 2  # refused, refreshed, refused: stop
    assert "Connection hubspot: error" in report
    # a reviewer approves the demo's hard bounce (held: the DSN is not the recipient's organisation's)
    conn = connect_warehouse(first.ctx.warehouse)
    try:
        upload = human_review_upload(conn, first.ctx.settings, reviewer="sai", filename="review.csv",
                                     data=f"message_id,approve\n{HARD_BOUNCE},yes\n".encode(),
                                     uploads_dir=tmp_path / "uploads")
        # the reviewer is told what the next apply writes: the bounce facts (Salesforce and HubSpot)
        assert upload["approved"] == 1 and upload["writes_on_next_apply"] >= 2
        assert upload["approved_without_writes"] == []
    finally:
        conn.close()

    # run 2 (the refreshed token was saved encrypted): a 503 and a 429 are retried, each write lands once;
    # with auto_add_replacements the demo's replacement (john.doe@acme.com, the org's domain) is created
    emu.set_faults({"retry_after": 0, "script": [
        {"path": "/crm/v3/objects/contacts/batch/update", "status": 503, "times": 1},
        {"path": "/crm/v3/objects/contacts/batch/update", "status": 429, "times": 1}]})
    run = start_chain(sources, tmp_path, hubspot=settings, auto_add_replacements=True)
    try:
        actions = run.query("select * from marts.fct_actions where system = 'hubspot' and gate in ('auto', 'approved')")
        bounces = run.query("select * from marts.fct_actions where system = 'hubspot' and action = 'record_bounce'")
        logged = run.query("select * from ops.write_log where system = 'hubspot'")
        after = _status_by_email(emu)
        replacements = [r for r in emu.portal.records["contacts"].values()
                        if r["properties"].get("email") == "john.doe@acme.com"]
        bounced = {r["properties"]["email"]: (r["properties"].get("hs_email_hard_bounce_reason_enum"),
                                              r["properties"].get("hs_lead_status"))
                   for r in emu.portal.records["contacts"].values()}
        hs_bounce_text = emu.portal.records["contacts"][bounces[0]["record_id"]]["properties"].get(
            "hs_email_hard_bounce_reason") or ""
        tasks = [t for t in emu.portal.records["tasks"].values()
                 if "AutoResponder key:" in (t["properties"].get("hs_task_body") or "")]
        conn = connect_warehouse(run.ctx.warehouse)
        try:  # rollback through the registry's writers, against the same emulator
            undone = rollback(conn, run.ctx.run_id, build_writers(run.ctx, run.systems, conn))
        finally:
            conn.close()
        restored = _status_by_email(emu)
        archived = [r["archived"] for r in replacements]
        connections = {c["system"]: c for c in run.impact["connections"]}
        report = (run.ctx.run_dir / "impact_report.md").read_text(encoding="utf-8")
    finally:
        run.stack.close()

    log = [r for r in logged if r["object"] == "contact" and r["action"] != "create"]
    created = [r for r in logged if r["action"] == "create" and r["object"] == "contact"]
    notes = [r for r in logged if r["object"] == "note"]  # the weekly roll-up Note of each contact
    inactive = [a for a in actions if a["action"] == "mark_inactive"]
    assert inactive and {a["object"] for a in actions} == {"contact"}
    assert {r["status"] for r in log} == {"succeeded"} and len(log) == len(actions) - len(created) == len(tasks)
    # the replacement contact: created once in HubSpot (batch/create), its id in the write log
    [replacement] = replacements
    assert [(r["status"], r["remote_id"]) for r in created] == [("succeeded", replacement["id"])]
    assert replacement["properties"]["firstname"] == "John" and replacement["properties"]["lastname"] == "Doe"
    assert emu.request_counts()["POST /crm/v3/objects/contacts/batch/create"] == 1
    by_id = {rid: r["properties"]["email"] for rid, r in emu.portal.records["contacts"].items()}
    deactivated = {a["record_id"] for a in inactive}
    assert {after[by_id[rid]] for rid in deactivated} == {"UNQUALIFIED"}
    assert emu.portal.faults_injected["503"] == 1 and emu.portal.faults_injected["429"] == 1
    # the impact report shows HubSpot beside Salesforce; the connection is ok again
    assert len(notes) == len({r["record_id"] for r in log}) and {r["status"] for r in notes} == {"succeeded"}
    assert run.impact["writes_by_system"]["hubspot"] == {"succeeded": len(logged)}
    assert run.impact["api_calls"]["hubspot_requests"] > 0
    assert connections["hubspot"]["status"] == "ok" and connections["salesforce"]["status"] == "ok"
    assert "HubSpot API requests" in report and "## HubSpot requests by kind" in report
    # the approved hard bounce (5.1.1) is recorded once in HubSpot's own bounce properties, deactivating nothing
    [bounce] = bounces
    assert (bounce["gate"], bounce["gate_reason"]) == ("approved", "IDENTITY_MISMATCH")
    assert [r["status"] for r in log if r["action"] == "record_bounce"] == ["succeeded"]
    assert bounced[by_id[bounce["record_id"]]] == ("UNKNOWN_USER", "OPEN")
    assert hs_bounce_text.startswith("5.1.1 550 5.1.1")
    # rollback puts the prior status back
    assert {(r["system"], r["record_id"]) for r in undone["restored"]} >= {("hubspot", rid) for rid in deactivated}
    assert {restored[by_id[rid]] for rid in deactivated} == {"OPEN"}
    assert archived == [True]  # the created replacement archived by rollback

    # a re-run of the same sources sends no bounce again (the write log knows the key)
    emu.set_faults({})
    updates = emu.request_counts().get("POST /crm/v3/objects/contacts/batch/update", 0)
    rerun = start_chain(sources, tmp_path, hubspot=settings, auto_add_replacements=True)
    try:
        again = rerun.query("select * from ops.write_log where system = 'hubspot' and run_id = ?", [rerun.ctx.run_id])
    finally:
        rerun.stack.close()
    assert again == [] and emu.request_counts().get("POST /crm/v3/objects/contacts/batch/update", 0) == updates
    assert emu.request_counts()["POST /crm/v3/objects/contacts/batch/create"] == 1  # no replacement again
