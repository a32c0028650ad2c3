"""MssqlCupola against a DB-API test double.

No SQL Server exists in this environment, so these tests use a tiny fake DB-API connection
that records the SQL and parameters and replays canned result sets. They check the batch text,
the parameter order, commit / rollback, and error typing, not the procedures themselves.
"""

import datetime as dt

import pytest

from autoresponder.systems.cupola import CupolaTerminalError, CupolaTransientError, MssqlCupola


class FakeCursor:
    def __init__(self, conn):
        self.conn = conn
        self._sets: list = []
        self.description = None

    def execute(self, sql, params=()):
        self.conn.executed.append((sql, tuple(params)))
        if self.conn.raise_on_execute is not None:
            raise self.conn.raise_on_execute
        self._sets = list(self.conn.result_sets.pop(0)) if self.conn.result_sets else []
        self._advance()

    def _advance(self):
        self._current = self._sets.pop(0) if self._sets else None
        self.description = None if self._current is None else [("r",)]

    def fetchall(self):
        return self._current or []

    def fetchone(self):
        return self._current[0] if self._current else None

    def nextset(self):
        if not self._sets:
            return False
        self._advance()
        return True


class FakeConnection:
    def __init__(self, result_sets=(), raise_on_execute=None):
        self.result_sets = list(result_sets)
        self.raise_on_execute = raise_on_execute
        self.executed: list = []
        self.commits = 0
        self.rollbacks = 0

    def cursor(self):
        return FakeCursor(self)

    def commit(self):
        self.commits += 1

    def rollback(self):
        self.rollbacks += 1


class FakePyodbcError(Exception):
    """Shaped like pyodbc.Error: args = (sqlstate, message)."""


def test_mark_person_inactive_runs_the_procedure_with_an_output_parameter():
    conn = FakeConnection(result_sets=[[[(0,)]]])
    assert MssqlCupola(conn).mark_person_inactive(123) == 0
    sql, params = conn.executed[0]
    assert "DECLARE @r INT;" in sql
    assert "EXEC dbo.IP4SP_AutoBounce_MarkPersonInactive @OrgPersonID=?, @Result=@r OUTPUT; SELECT @r;" in sql
    assert params == (123,)
    assert conn.commits == 1


def test_org_person_updates_passes_position_and_email_in_order_with_null_for_unchanged():
    conn = FakeConnection(result_sets=[[[(3,)]]])
    assert MssqlCupola(conn).org_person_updates(7, None, "new@x.com") == 3
    sql, params = conn.executed[0]
    assert (
        "EXEC dbo.IP4SP_AutoBounce_OrgPersonUpdates @OrgPersonID=?, @Position=?, @Email=?, @Result=@r OUTPUT"
        in sql
    )
    assert params == (7, None, "new@x.com")


def test_the_last_result_set_holds_the_result_code():
    conn = FakeConnection(result_sets=[[[("noise",)], [(2,)]]])
    assert MssqlCupola(conn).mark_person_inactive(1) == 2


def test_deadlock_is_a_transient_error_and_rolls_back():
    exc = FakePyodbcError(
        "40001", "[40001] Transaction was deadlocked ... chosen as the deadlock victim (1205)"
    )
    conn = FakeConnection(raise_on_execute=exc)
    with pytest.raises(CupolaTransientError):
        MssqlCupola(conn).mark_person_inactive(1)
    assert conn.rollbacks == 1


def test_missing_procedure_is_a_terminal_error():
    exc = FakePyodbcError("42000", "[42000] Could not find stored procedure (2812)")
    with pytest.raises(CupolaTerminalError):
        MssqlCupola(FakeConnection(raise_on_execute=exc)).mark_person_inactive(1)


def test_no_result_code_is_a_terminal_error():
    with pytest.raises(CupolaTerminalError, match="no @Result"):
        MssqlCupola(FakeConnection(result_sets=[[[(None,)]]])).mark_person_inactive(1)


def test_read_org_person_maps_columns_to_design_names():
    row = (5, 50, 500, "CFO", "c@x.com", "Active", dt.date(2024, 1, 2))
    conn = FakeConnection(result_sets=[[[row]]])
    assert MssqlCupola(conn).read_org_person(5) == {
        "org_person_id": 5, "person_id": 50, "org_id": 500, "position": "CFO",
        "email": "c@x.com", "status": "Active", "status_change_date": "2024-01-02",
    }  # fmt: skip
    assert conn.executed[0][1] == (5,)


def test_read_org_person_returns_none_for_a_missing_row():
    assert MssqlCupola(FakeConnection(result_sets=[[[]]])).read_org_person(5) is None
