"""Every SQL Server read compiles to T-SQL that sqlfluff's `tsql` dialect parses without an unparsable
segment (the same check as the dbt models, `autoresponder.tsql_check`)."""

from __future__ import annotations

import pytest

from autoresponder.config import default_setting
from autoresponder.land.email_store import emails_table, recent_emails
from autoresponder.land.sql_source import tsql
from autoresponder.systems import registry
from autoresponder.systems.cupola.mssql import DEFAULT_READ_SQL
from autoresponder.tsql_check import tsql_problems

EMAILS = recent_emails(emails_table(default_setting("emails_sql_table")), default_setting("emails_sql_limit"))
READS = {"emails": EMAILS, **{s.table: s.sql.statement for s in registry.csv_snapshots() if s.sql is not None}}


@pytest.mark.parametrize("statement", READS.values(), ids=READS.keys())
def test_read_compiles_to_tsql_that_parses(statement) -> None:
    sql = tsql(statement)
    assert tsql_problems(sql + "\n") == []
    assert "LIMIT" not in sql.upper()


def test_email_store_read_is_the_most_recent_n_by_received_date() -> None:
    sql = " ".join(tsql(EMAILS).split())
    assert f"SELECT TOP {default_setting('emails_sql_limit')} " in sql
    assert "FROM [CBI_EmailExtraction].dbo.[Emails] ORDER BY [CBI_EmailExtraction].dbo.[Emails].[ReceivedDate] DESC" in sql


def test_cupola_row_read_used_by_healing_parses_as_tsql() -> None:
    assert DEFAULT_READ_SQL.count("?") == 1
    assert tsql_problems(DEFAULT_READ_SQL.replace("?", "42") + "\n") == []
