"""Every read a run may send to SQL Server, and the T-SQL of each (docs/deploy.md).

`python -m autoresponder.land.sql_reads` prints them for the DBA, with the setting that turns each
on; the tests parse each with sqlfluff's `tsql` dialect.
"""

from __future__ import annotations

import sys
from typing import Any

from sqlalchemy import Select

from autoresponder.config import Settings
from autoresponder.land.email_store import emails_table, recent_emails, store_state
from autoresponder.land.sql_source import tsql
from autoresponder.systems import registry


def sql_reads(settings: Any) -> dict[str, tuple[str, Select]]:
    """{what it reads: (setting, statement)}: the email store (landing, and the new-emails sensor's
    check) and every snapshot with a SQL read."""
    table = emails_table(settings.emails_sql_table)
    reads = {"raw.emails": ("emails_sql", recent_emails(table, settings.emails_sql_limit)),
             "new_emails_sensor": ("emails_sql", store_state(table))}
    for snap in registry.csv_snapshots():
        if snap.sql is not None:
            reads[snap.table] = (snap.sql.setting, snap.sql.statement)
    return reads


def main() -> int:
    for table, (setting, statement) in sql_reads(Settings()).items():
        print(f"-- {table}: when AUTORESPONDER_{setting.upper()} is set\n{tsql(statement)};\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
