import argparse
import json

import duckdb
import pytest
from tenacity import wait_none

from autoresponder.act import write_log
from autoresponder.act.executor import execute
from autoresponder.act.rollback import rollback, rollback_main, rollback_plan_rows
from autoresponder.models import WriteOutcome
from autoresponder.systems.cupola import CupolaWriter
from autoresponder.systems.hodor import HodorProspectImport


class PayloadWriter:
    """Salesforce-like writer: applies payload fields as given, records what it got."""

    def __init__(self):
        self.received = []

    def apply(self, writes):
        self.received.extend(writes)
        return [WriteOutcome(w.idempotency_key, "succeeded", remote_id=w.record_id) for w in writes]


@pytest.fixture
def applied(wh, cupola, mk):
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
        mk(
            "hodor",
            "prospect",
            "P1",
            "mark_inactive",
            {"status": "Inactive"},
            {"status": "Active"},
            message_id="m1",
        ),
        mk(
            "salesforce",
            "Contact",
            "003A",
            "update_email",
            {"Email": "a.t@initech.com"},
            {"Email": "alan@initech.com"},
            message_id="m2",
        ),
        mk("salesforce", "Contact", "003B", "create", {"LastName": "New"}, {}, message_id="m4"),
    ]
    writers = {
        "cupola": CupolaWriter(cupola, wait=wait_none()),
        "hodor": HodorProspectImport(),
        "salesforce": PayloadWriter(),
    }
    execute(wh, writes, writers, mode="apply", run_id="r1")
    return writes


def fresh_writers(cupola):
    return {
        "cupola": CupolaWriter(cupola, wait=wait_none()),
        "hodor": HodorProspectImport(),
        "salesforce": PayloadWriter(),
    }


def test_rollback_plan_lists_every_succeeded_write_with_prior_and_restoring_call(wh, applied):
    plan = {(r["system"], r["record_id"]): r for r in rollback_plan_rows(wh, "r1")}
    assert len(plan) == 5
    inactive = plan[("cupola", "100")]
    assert inactive["restore_kind"] == "manual" and "reactivation request" in inactive["restore_call"]
    update = plan[("cupola", "200")]
    assert update["restore_kind"] == "automatic"
    assert "@OrgPersonID=200, @Position=NULL, @Email=N'alan@initech.com'" in update["restore_call"]
    assert update["prior"]["email"] == "alan@initech.com"
    assert plan[("salesforce", "003B")]["restore_kind"] == "manual"


def test_rollback_restores_cupola_email_and_lists_the_deactivation_for_the_owner(wh, cupola, applied):
    writers = fresh_writers(cupola)
    result = rollback(wh, "r1", writers)
    assert cupola.read_org_person(200)["email"] == "alan@initech.com"
    assert cupola.read_org_person(100)["status"] == "Inactive"
    assert {(m["system"], m["record_id"]) for m in result["manual"]} == {
        ("cupola", "100"),
        ("salesforce", "003B"),
    }
    assert result["failed"] == []
    assert {(r["system"], r["record_id"]) for r in result["restored"]} == {
        ("cupola", "200"),
        ("hodor", "P1"),
        ("salesforce", "003A"),
    }


def test_rollback_hands_salesforce_the_prior_as_payload_and_hodor_a_reversing_row(wh, cupola, applied):
    writers = fresh_writers(cupola)
    rollback(wh, "r1", writers)
    [sf] = writers["salesforce"].received
    assert (sf.payload, sf.prior) == ({"Email": "alan@initech.com"}, {"Email": "a.t@initech.com"})
    [row] = writers["hodor"].rows()
    assert row["Status"] == "Active" and row["Notes"].startswith("rollback of mark_inactive")


def test_rollback_twice_restores_nothing_new(wh, cupola, applied):
    rollback(wh, "r1", fresh_writers(cupola))
    calls = len(cupola.procedure_calls())
    again = rollback(wh, "r1", fresh_writers(cupola))
    assert again["restored"] == [] and len(cupola.procedure_calls()) == calls
    assert {r["status"] for r in write_log.fetch_rows(wh, run_id="r1-rollback")} == {"succeeded", "queued"}


def test_rollback_does_not_overwrite_a_newer_human_edit(wh, cupola, applied):
    cupola.org_person_updates(200, None, "human@initech.com")
    result = rollback(wh, "r1", fresh_writers(cupola))
    assert cupola.read_org_person(200)["email"] == "human@initech.com"
    assert [f["status"] for f in result["failed"]] == ["skipped_conflict"]


def test_rollback_main_uses_the_embedded_cupola_next_to_the_warehouse(tmp_path, sources_dir, capsys, mk):
    from autoresponder.systems.cupola import EmbeddedCupola

    store = EmbeddedCupola(tmp_path / "cupola.sqlite")
    store.seed_from_csv(sources_dir)
    warehouse = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(warehouse))
    w = mk(
        "cupola", "org_person", "200", "update_title", {"position": "CTO", "email": None}, {"position": "CIO"}
    )
    execute(con, [w], {"cupola": CupolaWriter(store, wait=wait_none())}, mode="apply", run_id="r9")
    con.close()
    args = argparse.Namespace(run_id="r9", warehouse=str(warehouse), runs_dir=str(tmp_path / "runs"))
    assert rollback_main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["restored"][0]["record_id"] == "200"
    assert store.read_org_person(200)["position"] == "CIO"


def test_rollback_main_accepts_a_writers_factory(tmp_path, capsys):
    args = argparse.Namespace(run_id="none", warehouse=str(tmp_path / "w.duckdb"), runs_dir=None)
    seen = []
    assert rollback_main(args, writers_factory=lambda conn, path: seen.append(path) or {}) == 0
    assert seen == [tmp_path / "w.duckdb"]
    assert json.loads(capsys.readouterr().out)["restored"] == []


@pytest.mark.parametrize(
    ("system", "obj", "payload", "prior", "kind"),
    [
        pytest.param(
            "sfmc", "suppression", {"email": "a@b.com", "reason": "left"}, {}, "manual", id="sfmc-suppression"
        ),
        pytest.param("salesforce", "Contact", {"Title": "CTO"}, {"Title": None}, "manual", id="empty-prior"),
        pytest.param(
            "hodor",
            "prospect",
            {"email": None, "title": "CTO"},
            {"email": "x@y.com", "title": "CIO"},
            "automatic",
            id="null-payload-key-ignored",
        ),
    ],
)
def test_restore_kind_per_write(system, obj, payload, prior, kind):
    from autoresponder.act.rollback import plan_restore

    row = {"system": system, "object": obj, "record_id": "X1", "action": "update_title", "payload": payload,
           "prior": prior, "run_id": "r1", "message_id": "m1", "idempotency_key": "k", "remote_id": None}  # fmt: skip
    write, _call, _note = plan_restore(row)
    assert ("automatic" if write is not None else "manual") == kind
    if write is not None:
        assert write.payload == {"title": "CIO"}
