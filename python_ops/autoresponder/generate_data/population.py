"""The population CSVs of the DESIGN §3 layout (CUPOLA, Multipub, Hodor, SFMC, Salesforce).

`write_population(world, out)` streams every file in one pass over the people of a `World`.
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from autoresponder.generate_data import words as W
from autoresponder.generate_data.rng import Rng
from autoresponder.generate_data.sfid import sf_id
from autoresponder.generate_data.world import Person, World, case_variant

COLUMNS: dict[str, list[str]] = {
    "cupola/persons.csv": ["person_id", "first_name", "last_name", "email", "phone"],
    "cupola/orgs.csv": ["org_id", "org_name", "website_domain"],
    "cupola/org_persons.csv": ["org_person_id", "person_id", "org_id", "position", "email", "status",
                               "status_change_date"],
    "multipub/subscriptions.csv": ["subscription_id", "subscriber_id", "email", "first_name", "last_name",
                                   "company", "product_code", "subscription_type", "status", "start_date",
                                   "end_date", "last_issue_date"],
    "hodor/prospects.csv": ["prospect_id", "first_name", "last_name", "email", "phone", "company", "title",
                            "status"],
    "sfmc/suppressions.csv": ["email", "list_name", "reason", "added_at"],
    "salesforce/Account.csv": ["Id", "Name"],
    "salesforce/Contact.csv": ["Id", "FirstName", "LastName", "Email", "Title", "AccountId", "Contact_Status__c",
                               "LastModifiedDate"],
    "salesforce/Lead.csv": ["Id", "FirstName", "LastName", "Email", "Title", "Company", "Status",
                            "LastModifiedDate"],
}


def subscriptions(p: Person, as_of: date, seed: int) -> list[tuple]:
    """The Multipub rows of one person, shaped by `p.multipub` (active, expired, single issue...)."""
    r = Rng(seed, 8, p.index)
    kind = p.multipub
    rows = []
    product = r.choice(W.PRODUCTS)
    if kind == "active":
        start = as_of - timedelta(days=30 + r.below(700))
        end = start + timedelta(days=365 * (1 + (as_of - start).days // 365))
        if end <= as_of:
            end = as_of + timedelta(days=30)
        last = as_of - timedelta(days=r.below(20))
        rows.append(("recurring", "active", start, end, last, product))
    elif kind == "exp_recent":
        end = as_of - timedelta(days=10 + r.below(340))  # <= 350 days: inside 12 months either way
        rows.append(("recurring", "expired", end - timedelta(days=365), end, end - timedelta(days=r.below(20)),
                     product))
    elif kind == "exp_old":
        end = as_of - timedelta(days=380 + r.below(1100))  # >= 380 days: outside 12 months either way
        rows.append(("recurring", "expired", end - timedelta(days=365), end, end - timedelta(days=r.below(20)),
                     product))
    elif kind == "single_recent":
        d = as_of - timedelta(days=10 + r.below(340))
        rows.append(("single_issue", "expired", d, d, d, r.choice(W.SINGLE_PRODUCTS)))
    elif kind == "single_old":
        d = as_of - timedelta(days=380 + r.below(800))
        rows.append(("single_issue", "expired", d, d, d, r.choice(W.SINGLE_PRODUCTS)))
    else:  # cancelled
        end = as_of - timedelta(days=30 + r.below(900))
        rows.append(("recurring", "cancelled", end - timedelta(days=200), end, end - timedelta(days=20), product))
    out = []
    for n, (typ, status, start, end, last, prod) in enumerate(rows):
        out.append((f"S-{p.person_id:08d}-{n + 1}", f"MP-{p.person_id:08d}", p.email, p.first, p.last,
                    p.org.name, prod, typ, status, start.isoformat(), end.isoformat(), last.isoformat()))
    if p.multipub_ambiguous:
        start = as_of - timedelta(days=400)
        out.append((f"S-{p.person_id:08d}-9", f"MP-{p.person_id:08d}B", case_variant(r, p.email),
                    p.first[:1] + ".", p.last, p.org.name, r.choice(W.PRODUCTS), "recurring", "active",
                    start.isoformat(), (start + timedelta(days=730)).isoformat(),
                    (as_of - timedelta(days=5)).isoformat()))
    return out


def write_population(world: World, out: Path) -> dict[str, int]:
    """Write every CSV of `COLUMNS` under `out`; returns the row count per file."""
    counts: Counter[str] = Counter()
    files = {name: (out / name) for name in COLUMNS}
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    handles = {name: path.open("w", newline="", encoding="utf-8") for name, path in files.items()}
    try:
        wr = {name: csv.writer(fh, lineterminator="\n") for name, fh in handles.items()}
        for name, w in wr.items():
            w.writerow(COLUMNS[name])
        w_org, w_acc = wr["cupola/orgs.csv"], wr["salesforce/Account.csv"]
        for o in range(world.n_orgs):
            org = world.org(o)
            w_org.writerow((org.org_id, org.name, org.domain))
            w_acc.writerow((org.account_id, org.name))
        counts["cupola/orgs.csv"] = counts["salesforce/Account.csv"] = world.n_orgs
        w_per, w_op = wr["cupola/persons.csv"], wr["cupola/org_persons.csv"]
        w_mp, w_h, w_s = wr["multipub/subscriptions.csv"], wr["hodor/prospects.csv"], wr["sfmc/suppressions.csv"]
        w_c, w_l = wr["salesforce/Contact.csv"], wr["salesforce/Lead.csv"]
        as_of = world.as_of
        for i in range(world.n_people):
            p = world.person(i)
            if p.in_cupola:
                w_per.writerow((p.person_id, p.first, p.last, p.cupola_email, p.phone))
                if p.history:
                    h_org, h_email, h_pos, h_date = p.history
                    w_op.writerow((2 * p.person_id, p.person_id, h_org.org_id, h_pos, h_email, "Inactive", h_date))
                    counts["cupola/org_persons.csv"] += 1
                w_op.writerow((2 * p.person_id + 1, p.person_id, p.org.org_id, p.title, p.cupola_email,
                               "Active" if p.cupola_active else "Inactive", p.cupola_date))
                counts["cupola/persons.csv"] += 1
                counts["cupola/org_persons.csv"] += 1
            if p.hodor:
                w_h.writerow((f"H-{p.person_id:08d}", p.first, p.last, p.hodor_email, p.phone, p.org.name,
                              p.title, p.hodor))
                counts["hodor/prospects.csv"] += 1
            if p.contact:
                w_c.writerow((sf_id("003", p.person_id), p.first, p.last, p.contact_email, p.title,
                              p.org.account_id, p.contact, p.contact_modified))
                counts["salesforce/Contact.csv"] += 1
            if p.lead:
                w_l.writerow((sf_id("00Q", p.person_id), p.first, p.last, p.email, p.title, p.org.name, p.lead,
                              p.contact_modified))
                counts["salesforce/Lead.csv"] += 1
            if p.multipub:
                rows = subscriptions(p, as_of, world.seed)
                w_mp.writerows(rows)
                counts["multipub/subscriptions.csv"] += len(rows)
            if p.sfmc:
                r = Rng(world.seed, 9, i)
                w_s.writerow((p.email, r.choice(W.LIST_NAMES), r.choice(W.SUPPRESSION_REASONS),
                              (as_of - timedelta(days=1 + r.below(900))).isoformat()))
                counts["sfmc/suppressions.csv"] += 1
        for d in range(world.n_desks):
            org, desk, people = world.desk(d)
            for j, (pid, first, last) in enumerate(people):
                w_per.writerow((pid, first, last, desk, "+1 212 555 0000"))
                w_op.writerow((2 * pid + 1, pid, org.org_id, "Research Desk Analyst", desk, "Active",
                               (as_of - timedelta(days=100 + 50 * j)).isoformat()))
                counts["cupola/persons.csv"] += 1
                counts["cupola/org_persons.csv"] += 1
    finally:
        for fh in handles.values():
            fh.close()
    return dict(counts)
