"""Land the CSV snapshots of CUPOLA, Multipub, Hodor, SFMC (and Salesforce exports) as typed tables.

The column lists are DESIGN §3. A missing file stops the run with a message naming the file;
a file whose header lacks a column names the file, the missing columns and what was found.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import duckdb

from autoresponder.errors import SourceFormatError, SourceMissingError


@dataclass(frozen=True)
class Snapshot:
    relpath: str
    table: str
    columns: dict[str, str]  # name -> DuckDB type


SNAPSHOTS: tuple[Snapshot, ...] = (
    Snapshot("cupola/persons.csv", "raw.cupola_persons", {
        "person_id": "BIGINT", "first_name": "VARCHAR", "last_name": "VARCHAR", "email": "VARCHAR",
        "phone": "VARCHAR"}),
    Snapshot("cupola/orgs.csv", "raw.cupola_orgs", {
        "org_id": "BIGINT", "org_name": "VARCHAR", "website_domain": "VARCHAR"}),
    Snapshot("cupola/org_persons.csv", "raw.cupola_org_persons", {
        "org_person_id": "BIGINT", "person_id": "BIGINT", "org_id": "BIGINT", "position": "VARCHAR",
        "email": "VARCHAR", "status": "VARCHAR", "status_change_date": "DATE"}),
    Snapshot("multipub/subscriptions.csv", "raw.multipub_subscriptions", {
        "subscription_id": "VARCHAR", "subscriber_id": "VARCHAR", "email": "VARCHAR",
        "first_name": "VARCHAR", "last_name": "VARCHAR", "company": "VARCHAR", "product_code": "VARCHAR",
        "subscription_type": "VARCHAR", "status": "VARCHAR", "start_date": "DATE", "end_date": "DATE",
        "last_issue_date": "DATE"}),
    Snapshot("hodor/prospects.csv", "raw.hodor_prospects", {
        "prospect_id": "VARCHAR", "first_name": "VARCHAR", "last_name": "VARCHAR", "email": "VARCHAR",
        "phone": "VARCHAR", "company": "VARCHAR", "title": "VARCHAR", "status": "VARCHAR"}),
    Snapshot("sfmc/suppressions.csv", "raw.sfmc_suppressions", {
        "email": "VARCHAR", "list_name": "VARCHAR", "reason": "VARCHAR", "added_at": "TIMESTAMP"}),
)

# Salesforce CSV exports (Data Loader) for orgs without API access; the API sync is the default.
SALESFORCE_EXPORTS: tuple[Snapshot, ...] = (
    Snapshot("salesforce/Account.csv", "raw.sf_account", {"Id": "VARCHAR", "Name": "VARCHAR"}),
    Snapshot("salesforce/Contact.csv", "raw.sf_contact", {
        "Id": "VARCHAR", "FirstName": "VARCHAR", "LastName": "VARCHAR", "Email": "VARCHAR",
        "Title": "VARCHAR", "AccountId": "VARCHAR", "Contact_Status__c": "VARCHAR",
        "LastModifiedDate": "TIMESTAMP"}),
    Snapshot("salesforce/Lead.csv", "raw.sf_lead", {
        "Id": "VARCHAR", "FirstName": "VARCHAR", "LastName": "VARCHAR", "Email": "VARCHAR",
        "Title": "VARCHAR", "Company": "VARCHAR", "Status": "VARCHAR", "LastModifiedDate": "TIMESTAMP"}),
)


def _check_header(path: Path, expected: list[str]) -> None:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh), None)
    if header is None:
        raise SourceFormatError(f"{path}: the file is empty; it needs a header row: {', '.join(expected)}")
    header = [h.strip() for h in header]
    missing = [c for c in expected if c not in header]
    if missing:
        raise SourceFormatError(
            f"{path}: missing column(s) {', '.join(missing)}; found {', '.join(header)}. "
            f"Fix the export so the header has: {', '.join(expected)}"
        )


def land_snapshot(conn: duckdb.DuckDBPyConnection, sources_dir: Path, snap: Snapshot) -> int:
    """Replace `snap.table` with the typed contents of its CSV; returns the row count."""
    path = Path(sources_dir) / snap.relpath
    if not path.is_file():
        raise SourceMissingError(
            f"{path}: source file missing. Every source directory needs {snap.relpath} "
            f"(columns: {', '.join(snap.columns)}); see DESIGN §3"
        )
    _check_header(path, list(snap.columns))
    schema = snap.table.split(".")[0]
    conn.execute(f"create schema if not exists {schema}")
    select = ", ".join(
        f'cast(nullif(trim("{c}"), \'\') as {t}) as "{c}"' if t != "VARCHAR" else f'nullif("{c}", \'\') as "{c}"'
        for c, t in snap.columns.items()
    )
    try:
        conn.execute(
            f"create or replace table {snap.table} as select {select} "
            "from read_csv(?, header=true, all_varchar=true, auto_detect=true)",
            [str(path)],
        )
    except duckdb.Error as exc:
        raise SourceFormatError(f"{path}: cannot be read as {snap.table}: {exc}") from exc
    return conn.execute(f"select count(*) from {snap.table}").fetchone()[0]


def land_snapshots(
    conn: duckdb.DuckDBPyConnection, sources_dir: Path, snapshots: tuple[Snapshot, ...] = SNAPSHOTS
) -> dict[str, int]:
    """Land every snapshot; the first missing file stops the run (nothing half-landed is used)."""
    for snap in snapshots:  # check all files exist first, so a missing one stops before any load
        path = Path(sources_dir) / snap.relpath
        if not path.is_file():
            raise SourceMissingError(
                f"{path}: source file missing. Every source directory needs {snap.relpath} "
                f"(columns: {', '.join(snap.columns)}); see DESIGN §3"
            )
    return {snap.table: land_snapshot(conn, sources_dir, snap) for snap in snapshots}
