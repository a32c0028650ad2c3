"""Seeding the emulated org from a sources dir (DESIGN §3) or from generated rows, no HTTP."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .state import OrgState

SEED_OBJECTS = ("Account", "Contact", "Lead", "User", "Task", "Event", "TaskWhoRelation", "Opportunity",
                "OpportunityContactRole")


def _read_csv(path: Path) -> Iterator[dict[str, Any]]:
    """Rows as csv.DictReader gives them (blank lines skipped, None past a short row, extra
    values and unnamed columns dropped), blanks as None; one dict per row built directly."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        named = [(i, k) for i, k in enumerate(header) if k]
        width = len(header)
        for row in reader:
            if len(row) == width and len(named) == width:
                yield {k: v or None for k, v in zip(header, row, strict=True)}
            elif row:
                yield {k: (row[i] or None) if i < len(row) else None for i, k in named}


def seed_from_sources(state: OrgState, sources_dir: Path | str | None) -> dict[str, int]:
    """Load `salesforce/<Object>.csv` for every emulated object that has one.

    Objects without a CSV start empty. Returns rows loaded per object.
    """
    loaded: dict[str, int] = {}
    if sources_dir is None:
        return loaded
    folder = Path(sources_dir) / "salesforce"
    for name in SEED_OBJECTS:
        path = folder / f"{name}.csv"
        if path.exists():
            loaded[name] = state.bulk_insert(name, _read_csv(path))
    return loaded


def seed_records(state: OrgState, sobject: str, rows: Iterable[dict[str, Any]]) -> int:
    """Insert generated rows directly (scale runs: 600k contacts in seconds)."""
    return state.bulk_insert(sobject, rows)


_EPOCH = datetime(2023, 1, 1, tzinfo=UTC)


def _stamp(i: int) -> str:
    return (_EPOCH + timedelta(seconds=i * 7)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def synthetic_contacts(n: int, *, start: int = 0, account_id: str | None = None) -> Iterator[dict[str, Any]]:
    """`n` plausible Contact rows (for the scale benchmark), modified at distinct past instants."""
    for i in range(start, start + n):
        yield {
            "LastModifiedDate": _stamp(i),
            "FirstName": f"First{i}",
            "LastName": f"Last{i}",
            "Email": f"person{i}@company{i % 5000}.example.com",
            "Title": "Analyst" if i % 3 else "Portfolio Manager",
            "AccountId": account_id,
            "Contact_Status__c": "Active",
            "Phone": f"+1 555 {i % 10000:04d}",
        }


def synthetic_leads(n: int, *, start: int = 0) -> Iterator[dict[str, Any]]:
    """`n` plausible Lead rows."""
    for i in range(start, start + n):
        yield {
            "LastModifiedDate": _stamp(i),
            "FirstName": f"LeadFirst{i}",
            "LastName": f"LeadLast{i}",
            "Email": f"lead{i}@prospect{i % 7000}.example.org",
            "Title": "Director",
            "Company": f"Prospect {i % 7000}",
            "Status": "Open - Not Contacted",
        }


SAMPLE_ACCOUNTS = [("001000000000001AAA", "Acme Capital"), ("001000000000002AAA", "Borealis Partners")]
SAMPLE_CONTACTS = [
    ("003000000000001AAA", "Ann", "Lee", "ann.lee@acme.example", "Analyst", "001000000000001AAA", "Active",
     "2024-01-02T10:00:00Z"),
    ("003000000000002AAA", "Bob", "Ray", "bob.ray@acme.example", "CIO", "001000000000001AAA", "Inactive",
     "2024-01-03T09:30:00Z"),
    ("003000000000003AAA", "Cleo", "Fox", "cleo.fox@borealis.example", "Director", "001000000000002AAA", "Active",
     "2024-02-01T08:00:00Z"),
]
SAMPLE_LEADS = [
    ("00Q000000000001AAA", "Dan", "Moe", "dan.moe@prospect.example", "VP Research", "Prospect Ltd",
     "Open - Not Contacted", "2024-01-05T12:00:00Z"),
    ("00Q000000000002AAA", "Eve", "Poe", "eve.poe@prospect.example", "Head of Data", "Prospect Ltd", "Inactive",
     "2024-01-06T12:00:00Z"),
]

# Ann has a contact role on Acme's open deal; Borealis has one open deal and no roles
SAMPLE_OPPORTUNITIES = [
    ("006000000000001AAA", "001000000000001AAA", "Acme Capital - data licence", "Negotiation/Review", "2026-12-31"),
    ("006000000000002AAA", "001000000000001AAA", "Acme Capital - 2024 renewal", "Closed Won", "2024-03-31"),
    ("006000000000003AAA", "001000000000002AAA", "Borealis Partners - pilot", "Qualification", "2027-01-31"),
]
SAMPLE_CONTACT_ROLES = [("00K000000000001AAA", "006000000000001AAA", "003000000000001AAA", "true", "Decision Maker")]


def _write_csv(path: Path, header: list[str], rows: list[tuple]) -> None:
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def write_sample_sources(root: Path | str) -> Path:
    """A tiny `salesforce/` sources folder in the DESIGN §3 layout (tests and docs)."""
    folder = Path(root) / "salesforce"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "Account.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Id", "Name"])
        w.writerows(SAMPLE_ACCOUNTS)
    with (folder / "Contact.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Id", "FirstName", "LastName", "Email", "Title", "AccountId", "Contact_Status__c",
                    "LastModifiedDate"])
        w.writerows(SAMPLE_CONTACTS)
    with (folder / "Lead.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Id", "FirstName", "LastName", "Email", "Title", "Company", "Status", "LastModifiedDate"])
        w.writerows(SAMPLE_LEADS)
    _write_csv(folder / "Opportunity.csv", ["Id", "AccountId", "Name", "StageName", "CloseDate"], SAMPLE_OPPORTUNITIES)
    _write_csv(folder / "OpportunityContactRole.csv", ["Id", "OpportunityId", "ContactId", "IsPrimary", "Role"],
               SAMPLE_CONTACT_ROLES)
    return Path(root)
