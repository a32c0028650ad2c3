"""A source setting takes a SQLAlchemy URL or the ODBC connection string CUPOLA's writes use; what the
logs show of it never holds the credentials."""

from __future__ import annotations

import pytest

from autoresponder.land.sql_source import open_engine, source_identity

ODBC = "DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql01.corp;DATABASE=CBI_EmailExtraction;UID=ar;PWD=s3cret!"
URL = "mssql+pyodbc://ar:s3cret!@sql01.corp/CUPOLA?driver=ODBC+Driver+18+for+SQL+Server"


@pytest.mark.parametrize("setting, shown", [(ODBC, "mssql:sql01.corp/CBI_EmailExtraction"),
                                            (URL, "mssql:sql01.corp/CUPOLA")], ids=["odbc", "url"])
def test_odbc_string_and_url_open_a_sql_server_engine_shown_without_credentials(setting: str, shown: str) -> None:
    engine = open_engine(setting)
    assert (engine.dialect.name, engine.dialect.driver) == ("mssql", "pyodbc")
    assert source_identity(setting) == shown
    assert "s3cret" not in source_identity(setting) and "s3cret" not in repr(engine)
    engine.dispose()
