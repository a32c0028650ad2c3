import sqlite3
from datetime import date

import pytest

from autoresponder.systems.cupola import CupolaTransientError, EmbeddedCupola


def test_seed_from_csv_loads_the_three_tables(tmp_path, sources_dir):
    store = EmbeddedCupola(tmp_path / "c.sqlite")
    counts = store.seed_from_csv(sources_dir)
    assert counts == {"persons": 2, "orgs": 2, "org_persons": 3}
    assert store.seed_from_csv(sources_dir) == counts  # re-seeding replaces, never duplicates
    assert store.read_org_person(100) == {
        "org_person_id": 100, "person_id": 1, "org_id": 10, "position": "Analyst",
        "email": "ada@acme.com", "status": "Active", "status_change_date": None,
    }  # fmt: skip


def test_mark_inactive_on_active_row_returns_0_and_stamps_the_clock_date(cupola):
    assert cupola.mark_person_inactive(100) == 0
    row = cupola.read_org_person(100)
    assert (row["status"], row["status_change_date"]) == ("Inactive", "2025-03-14")


def test_mark_inactive_on_inactive_row_returns_2_and_changes_nothing(cupola):
    before = cupola.read_org_person(101)
    assert cupola.mark_person_inactive(101) == 2
    assert cupola.read_org_person(101) == before


def test_mark_inactive_on_missing_row_returns_1(cupola):
    assert cupola.mark_person_inactive(999) == 1


def test_org_person_updates_changes_only_the_non_null_fields(cupola):
    assert cupola.org_person_updates(200, None, "alan.turing@initech.com") == 0
    row = cupola.read_org_person(200)
    assert (row["position"], row["email"]) == ("CIO", "alan.turing@initech.com")
    assert cupola.org_person_updates(200, "CTO", None) == 0
    row = cupola.read_org_person(200)
    assert (row["position"], row["email"]) == ("CTO", "alan.turing@initech.com")


def test_org_person_updates_on_inactive_row_returns_3_and_changes_nothing(cupola):
    before = cupola.read_org_person(101)
    assert cupola.org_person_updates(101, "CEO", "x@y.com") == 3
    assert cupola.read_org_person(101) == before


def test_org_person_updates_on_missing_row_returns_1(cupola):
    assert cupola.org_person_updates(999, "CEO", None) == 1


def test_every_procedure_call_is_logged_with_params_and_result(cupola):
    cupola.mark_person_inactive(100)
    cupola.org_person_updates(101, "CEO", None)
    calls = cupola.procedure_calls()
    assert [(c["procedure"], c["org_person_id"], c["result_code"]) for c in calls] == [
        ("IP4SP_AutoBounce_MarkPersonInactive", 100, 0),
        ("IP4SP_AutoBounce_OrgPersonUpdates", 101, 3),
    ]
    assert calls[1]["params"] == {"OrgPersonID": 101, "Position": "CEO", "Email": None}


def test_a_locked_database_surfaces_as_a_transient_cupola_error(tmp_path):
    def fault(_procedure):
        raise sqlite3.OperationalError("database is locked")

    store = EmbeddedCupola(tmp_path / "c.sqlite", faults=fault, clock=lambda: date(2025, 1, 1))
    with pytest.raises(CupolaTransientError):
        store.mark_person_inactive(1)
    assert store.procedure_calls() == []


def test_a_failing_procedure_body_rolls_back_its_transaction(cupola, monkeypatch):
    def broken_clock():
        raise RuntimeError("clock broke")

    cupola._clock = broken_clock
    with pytest.raises(Exception, match="clock broke"):
        cupola.mark_person_inactive(100)
    assert cupola.read_org_person(100)["status"] == "Active"
    assert cupola.procedure_calls() == []
