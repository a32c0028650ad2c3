"""Seeding the portal without HTTP: `hubspot/contacts.csv` and `hubspot/deals.csv` of a sources dir,
or generated contacts with companies and deals (tests, bench).

`contacts.csv`: email, firstname, lastname, company, jobtitle, lifecyclestage, hs_lead_status.
`deals.csv`: dealname, dealstage, contact_email (the deal is associated with that contact).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .state import Portal

CONTACT_COLUMNS = ("email", "firstname", "lastname", "company", "jobtitle", "lifecyclestage", "hs_lead_status")


def _rows(path: Path) -> list[dict[str, Any]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return [{k: v for k, v in row.items() if k and v not in (None, "")} for row in csv.DictReader(fh)]


def seed_from_sources(portal: Portal, sources_dir: Path | str | None) -> dict[str, int]:
    """Load `hubspot/contacts.csv` and `hubspot/deals.csv` when present; rows loaded per object."""
    loaded: dict[str, int] = {}
    if sources_dir is None:
        return loaded
    folder = Path(sources_dir) / "hubspot"
    if (folder / "contacts.csv").exists():
        loaded["contacts"] = len([portal.insert("contacts", {k: r[k] for k in CONTACT_COLUMNS if k in r},
                                                validate=False) for r in _rows(folder / "contacts.csv")])
    if (folder / "deals.csv").exists():
        by_email = {(r["properties"].get("email") or "").lower(): r["id"] for r in portal.records["contacts"].values()}
        n = 0
        for r in _rows(folder / "deals.csv"):
            deal = portal.insert("deals", {"dealname": r.get("dealname"), "dealstage": r.get("dealstage"),
                                           "pipeline": "default"}, validate=False)
            contact = by_email.get((r.get("contact_email") or "").lower())
            if contact:
                portal.associate("contacts", contact, "deals", deal["id"], 4)
            n += 1
        loaded["deals"] = n
    return loaded


def contacts_like_salesforce(sources_dir: Path | str) -> int:
    """Write `hubspot/contacts.csv` holding every Salesforce Contact of `salesforce/Contact.csv`
    (same email, names and title; `hs_lead_status` OPEN): a portal where each reply that matches a
    Salesforce Contact also matches a HubSpot contact (tests, soak). Returns the rows written."""
    folder = Path(sources_dir)
    rows = _rows(folder / "salesforce" / "Contact.csv")
    (folder / "hubspot").mkdir(exist_ok=True)
    with (folder / "hubspot" / "contacts.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["email", "firstname", "lastname", "jobtitle", "hs_lead_status"])
        out.writerows([r.get("Email"), r.get("FirstName"), r.get("LastName"), r.get("Title"), "OPEN"]
                      for r in rows if r.get("Email"))
    return sum(1 for r in rows if r.get("Email"))


def seed_synthetic(portal: Portal, contacts: int, *, deal_every: int = 3, companies: int = 50) -> list[str]:
    """`contacts` contacts (person{i}@company{i % companies}.example.com), one company per domain
    (`associatedcompanyid` and an association), and an open deal for every `deal_every`-th contact.
    Returns the contact ids in order."""
    company_ids = [portal.insert("companies", {"name": f"Company {c}", "domain": f"company{c}.example.com"},
                                 validate=False)["id"] for c in range(companies)]
    ids = []
    for i in range(contacts):
        company = company_ids[i % companies]
        rec = portal.insert("contacts", {
            "email": f"person{i}@company{i % companies}.example.com", "firstname": f"First{i}",
            "lastname": f"Last{i}", "company": f"Company {i % companies}",
            "jobtitle": "Analyst" if i % 3 else "Portfolio Manager", "lifecyclestage": "lead",
            "hs_lead_status": "OPEN", "associatedcompanyid": company}, validate=False)
        portal.associate("contacts", rec["id"], "companies", company, 279)
        if deal_every and i % deal_every == 0:
            deal = portal.insert("deals", {"dealname": f"Deal for person{i}", "dealstage": "appointmentscheduled",
                                           "pipeline": "default"}, validate=False)
            portal.associate("contacts", rec["id"], "deals", deal["id"], 4)
        ids.append(rec["id"])
    return ids
