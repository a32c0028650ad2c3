"""Every SQL Server read compiles to T-SQL that sqlfluff's `tsql` dialect parses without an unparsable
segment (the same check as the dbt models, `autoresponder.tsql_check`)."""

from __future__ import annotations

import pytest

from autoresponder.config import Settings, default_setting
from autoresponder.land.sql_reads import sql_reads
from autoresponder.land.sql_source import tsql
from autoresponder.systems.cupola.mssql import DEFAULT_READ_SQL
from autoresponder.tsql_check import tsql_problems
from tests.conftest import ROOT

READS = {table: statement for table, (_, statement) in sql_reads(Settings()).items()}
EMAILS = READS["raw.emails"]


def test_the_email_store_and_every_sql_snapshot_are_read() -> None:
    assert set(READS) == {"raw.emails", "new_emails_sensor", "raw.cupola_persons", "raw.cupola_orgs", "raw.cupola_org_persons",
                          "raw.multipub_subscriptions", "raw.hodor_prospects"}


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


def test_deploy_guide_shows_the_sql_each_read_sends() -> None:
    guide = " ".join((ROOT / "docs" / "deploy.md").read_text(encoding="utf-8").split())
    for table, statement in READS.items():
        assert " ".join(tsql(statement).split()) + ";" in guide, table
