"""The hand-made demo source set (`seeds/`), one message per routing rule of DESIGN §5-§7.

`write_demo(out)` writes the DESIGN §3 layout plus `expected.csv` (the expected routing of
every message) and is what produced the checked-in `seeds/` directory. Everything here is
written by hand: names, texts, dates (relative to the demo run date 2026-11-25).
Run: `.venv/bin/python -m autoresponder.generate_data.demo seeds`.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from autoresponder.generate_data.deals import (
    CONTACT_ROLE_COLUMNS,
    CONTACT_ROLES,
    OPPORTUNITIES,
    OPPORTUNITY_COLUMNS,
)
from autoresponder.generate_data.expected import fresh_email_dir
from autoresponder.generate_data.population import COLUMNS
from autoresponder.generate_data.sfid import sf_id

AS_OF = "2026-11-25"
OUR = "research@example-research.com"
CAMPAIGN_SUBJECT = "Q4 2026 Research Outlook: rates, credit and insurance-linked securities"

# --------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------

ORGS = [
    # org_id, org_name, website_domain
    (201, "Acme Corp", "acme.com"),
    (202, "Borealis Capital", "borealis-capital.com"),
    (203, "Crestline Insurance", "crestline-ins.com"),
    (204, "Dunmore Asset Management", "dunmore-am.com"),
    (205, "Everly Pension Fund", "everlypension.org"),
    (206, "Fairhaven Bank", "fairhavenbank.co.uk"),
    (207, "Granite Ridge Partners", "graniteridge.com"),
    (208, "Halcyon Re", "halcyon-re.com"),
    (209, "Ironbridge Securities", "ironbridge-sec.com"),
    (210, "Juniper Family Office", "juniperfo.ch"),
    (211, "Rheinland Versicherung AG", "rheinland-vers.de"),
    (212, "Kestrel Wealth", "kestrelwealth.com"),
]

# person_id, first, last, person email, phone
PERSONS = [
    (1001, "Paul", "Unger", "paul.unger@acme.com", "+1 212 555 0101"),
    (1003, "Ben", "Carter", "ben.carter@borealis-capital.com", "+1 646 555 0133"),
    (1005, "Marcus", "Lee", "marcus.lee@kestrelwealth.com", "+1 415 555 0150"),
    (1006, "Priya", "Nair", "Priya.Nair@EverlyPension.org", "+1 617 555 0166"),
    (1007, "Margaret", "Ellis", "margaret.ellis@crestline-ins.com", "+1 860 555 0172"),
    (1008, "Robert", "Hale", "robert.hale@dunmore-am.com", "+44 20 7946 0181"),
    (1009, "Fiona", "Walsh", "fiona.walsh@fairhavenbank.co.uk", "+44 20 7946 0192"),
    (1010, "George", "Whitaker", "george.whitaker@halcyon-re.com", "+1 441 555 0104"),
    (1011, "Irene", "Novak", "irene.novak@borealis-capital.com", "+1 646 555 0111"),
    (1013, "Samuel", "Okafor", "samuel.okafor@fairhavenbank.co.uk", "+44 20 7946 0133"),
    (1014, "Lucy", "Tran", "LTran@GraniteRidge.com", "+1 312 555 0144"),
    (1015, "Daniel", "Osei", "daniel.osei@everlypension.org", "+1 617 555 0155"),
    (1016, "Nina", "Petrova", "nina.petrova@acme.com", "+1 212 555 0116"),
    (1018, "Jane", "Smith", "jane.smith@acme.com", "+1 212 555 0118"),
    (1019, "Oliver", "Grant", "oliver.grant@juniperfo.ch", "+41 44 555 0119"),
    (1020, "Sarah", "Whitman", "sarah.whitman@borealis-capital.com", "+1 646 555 0120"),
    (1021, "Tom", "Becker", "tom.becker@fairhavenbank.co.uk", "+44 20 7946 0121"),
    (1022, "Kwame", "Mensah", "kwame.mensah@borealis-capital.com", "+1 646 555 0122"),
    (1023, "Alice", "Moreau", "alice.moreau@halcyon-re.com", "+1 441 555 0123"),
    (1024, "Hannah", "Cole", "hannah.cole@dunmore-am.com", "+44 20 7946 0124"),
    (1124, "Victor", "Lindgren", "victor.lindgren@dunmore-am.com", "+44 20 7946 0224"),
    (1025, "Laura", "Jensen", "laura.jensen@ironbridge-sec.com", "+1 212 555 0125"),
    (1026, "Ethan", "Brooks", "ethan.brooks@ironbridge-sec.com", "+1 212 555 0126"),
    (1027, "Grace", "Lindqvist", "grace.lindqvist@crestline-ins.com", "+1 860 555 0127"),
    (1028, "Noah", "Fischer", "noah.fischer@graniteridge.com", "+1 312 555 0128"),
    (1030, "Mia", "Russo", "mia.russo@acme.com", "+1 212 555 0130"),
    (1032, "Klaus", "Richter", "klaus.richter@rheinland-vers.de", "+49 221 555 0132"),
    # background people no message refers to
    (1040, "Helen", "Park", "helen.park@acme.com", "+1 212 555 0140"),
    (1041, "Diego", "Alvarez", "diego.alvarez@halcyon-re.com", "+1 441 555 0141"),
    (1042, "Yuki", "Tanaka", "yuki.tanaka@juniperfo.ch", "+41 44 555 0142"),
]

# org_person_id, person_id, org_id, position, email, status, status_change_date
ORG_PERSONS = [
    (5001, 1001, 201, "Portfolio Manager", "paul.unger@acme.com", "Active", "2021-04-12"),
    (5003, 1003, 202, "Senior Credit Analyst", "ben.carter@borealis-capital.com", "Active", "2020-09-01"),
    (5005, 1005, 212, "Investment Director", "marcus.lee@kestrelwealth.com", "Inactive", "2025-06-30"),
    (5106, 1006, 212, "Analyst", "priya.nair@kestrelwealth.com", "Inactive", "2019-08-31"),
    (5006, 1006, 205, "Head of Investments", "Priya.Nair@EverlyPension.org", "Active", "2019-09-02"),
    (5007, 1007, 203, "Chief Risk Officer", "margaret.ellis@crestline-ins.com", "Active", "2015-01-05"),
    (5008, 1008, 204, "Fund Manager", "robert.hale@dunmore-am.com", "Active", "2017-03-20"),
    (5009, 1009, 206, "Treasury Manager", "fiona.walsh@fairhavenbank.co.uk", "Active", "2022-02-14"),
    (5010, 1010, 208, "Chief Underwriting Officer", "george.whitaker@halcyon-re.com", "Active", "2012-06-01"),
    (5011, 1011, 202, "Research Associate", "irene.novak@borealis-capital.com", "Inactive", "2026-03-31"),
    (5013, 1013, 206, "Fixed Income Strategist", "samuel.okafor@fairhavenbank.co.uk", "Active", "2018-11-05"),
    (5014, 1014, 207, "Partner", "LTran@GraniteRidge.com", "Active", "2016-07-18"),
    (5015, 1015, 205, "Head of IT", "daniel.osei@everlypension.org", "Active", "2020-01-06"),
    (5016, 1016, 201, "Economist", "nina.petrova@acme.com", "Inactive", "2026-01-15"),
    (5018, 1018, 201, "Director of Research", "jane.smith@acme.com", "Active", "2014-10-01"),
    (5019, 1019, 210, "Chief Investment Officer", "oliver.grant@juniperfo.ch", "Active", "2019-05-13"),
    (5020, 1020, 202, "Head of Rates", "sarah.whitman@borealis-capital.com", "Active", "2021-08-02"),
    (5021, 1021, 206, "ALM Analyst", "tom.becker@fairhavenbank.co.uk", "Active", "2023-03-01"),
    (5022, 1022, 202, "Quantitative Analyst", "kwame.mensah@borealis-capital.com", "Active", "2022-10-10"),
    (5023, 1023, 208, "Cat Modelling Lead", "alice.moreau@halcyon-re.com", "Active", "2021-02-01"),
    (5024, 1024, 204, "Research Desk Analyst", "research-desk@dunmore-am.com", "Active", "2023-06-01"),
    (5124, 1124, 204, "Research Desk Analyst", "research-desk@dunmore-am.com", "Active", "2024-01-08"),
    (5025, 1025, 209, "Head of Equity Sales", "laura.jensen@ironbridge-sec.com", "Active", "2010-04-19"),
    (5026, 1026, 209, "Credit Trader", "ethan.brooks@ironbridge-sec.com", "Active", "2019-12-02"),
    (5027, 1027, 203, "Head of Reinsurance", "grace.lindqvist@crestline-ins.com", "Active", "2011-09-12"),
    (5028, 1028, 207, "Associate", "noah.fischer@graniteridge.com", "Active", "2024-09-03"),
    (5030, 1030, 201, "Strategist", "mia.russo@acme.com", "Active", "2022-05-16"),
    (5032, 1032, 211, "Leiter Kapitalanlage", "klaus.richter@rheinland-vers.de", "Active", "2018-04-01"),
    (5040, 1040, 201, "Analyst", "helen.park@acme.com", "Active", "2023-01-09"),
    (5041, 1041, 208, "Actuary", "diego.alvarez@halcyon-re.com", "Inactive", "2024-12-31"),
    (5042, 1042, 210, "Analyst", "yuki.tanaka@juniperfo.ch", "Active", "2025-02-03"),
]

# subscription_id, subscriber_id, email, first, last, company, product_code, type, status,
# start_date, end_date, last_issue_date
SUBSCRIPTIONS = [
    # 07 retired, ACTIVE subscription -> flagged; Contact Multipub-linked -> SF skipped
    ("S-900701", "MP-40007", "margaret.ellis@crestline-ins.com", "Margaret", "Ellis", "Crestline Insurance",
     "ILS-WEEKLY", "recurring", "active", "2025-03-01", "2027-02-28", "2026-11-20"),
    # 08 deceased, recurring subscription expired 6 months before 2026-11-25 -> flagged
    ("S-900801", "MP-40008", "robert.hale@dunmore-am.com", "Robert", "Hale", "Dunmore Asset Management",
     "CREDIT-MONTHLY", "recurring", "expired", "2025-05-26", "2026-05-25", "2026-05-15"),
    # 09 left, single-issue purchase 3 months before 2026-11-25 -> flagged
    ("S-900901", "MP-40009", "fiona.walsh@fairhavenbank.co.uk", "Fiona", "Walsh", "Fairhaven Bank",
     "RATES-SPECIAL-2026", "single_issue", "expired", "2026-08-25", "2026-08-25", "2026-08-25"),
    # 10 retired, recurring subscription expired 2 years before -> NOT flagged (still a Multipub link)
    ("S-901001", "MP-40010", "george.whitaker@halcyon-re.com", "George", "Whitaker", "Halcyon Re",
     "ILS-WEEKLY", "recurring", "expired", "2022-11-01", "2024-10-31", "2024-10-25"),
    # 14 email update of a Multipub-linked person (active subscription) -> email_update_requests
    ("S-901401", "MP-40014", "ltran@graniteridge.com", "Lucy", "Tran", "Granite Ridge Partners",
     "PE-QUARTERLY", "recurring", "active", "2026-01-15", "2027-01-14", "2026-10-15"),
    # 25 retired, Multipub ambiguous: two different subscribers share the email -> flagged
    ("S-902501", "MP-40025", "Laura.Jensen@Ironbridge-Sec.com", "Laura", "Jensen", "Ironbridge Securities",
     "EQUITY-DAILY", "recurring", "active", "2024-12-01", "2026-11-30", "2026-11-24"),
    ("S-902502", "MP-41025", "laura.jensen@ironbridge-sec.com", "L.", "Jensen", "Ironbridge Sec.",
     "CREDIT-MONTHLY", "recurring", "cancelled", "2025-06-01", "2026-02-28", "2026-02-15"),
    # background
    ("S-904001", "MP-40040", "helen.park@acme.com", "Helen", "Park", "Acme Corp",
     "RATES-WEEKLY", "recurring", "active", "2026-02-01", "2027-01-31", "2026-11-20"),
    ("S-904201", "MP-40042", "yuki.tanaka@juniperfo.ch", "Yuki", "Tanaka", "Juniper Family Office",
     "EQUITY-DAILY", "recurring", "cancelled", "2023-01-01", "2023-12-31", "2023-12-20"),
]

# prospect_id, first, last, email, phone, company, title, status
PROSPECTS = [
    ("H-70003", "Ben", "Carter", "ben.carter@borealis-capital.com", "+1 646 555 0133", "Borealis Capital",
     "Senior Credit Analyst", "Active"),
    ("H-70004", "Chloe", "Adams", "chloe.adams@juniperfo.ch", "+41 44 555 0104", "Juniper Family Office",
     "Head of Private Markets", "Active"),
    ("H-70006", "Priya", "Nair", "priya.nair@everlypension.org", "+1 617 555 0166", "Everly Pension Fund",
     "Head of Investments", "Active"),
    ("H-70007", "Margaret", "Ellis", "margaret.ellis@crestline-ins.com", "+1 860 555 0172", "Crestline Insurance",
     "Chief Risk Officer", "Active"),
    ("H-70011", "Irene", "Novak", "irene.novak@borealis-capital.com", "+1 646 555 0111", "Borealis Capital",
     "Research Associate", "Inactive"),
    ("H-70013", "Samuel", "Okafor", "Samuel.Okafor@FairhavenBank.co.uk", "+44 20 7946 0133", "Fairhaven Bank",
     "Fixed Income Strategist", "Active"),
    ("H-70014", "Lucy", "Tran", "ltran@graniteridge.com", "+1 312 555 0144", "Granite Ridge Partners",
     "Partner", "Active"),
    ("H-70015", "Daniel", "Osei", "daniel.osei@everlypension.org", "+1 617 555 0155", "Everly Pension Fund",
     "Head of IT", "Active"),
    ("H-70018", "Jane", "Smith", "jane.smith@acme.com", "+1 212 555 0118", "Acme Corp",
     "Director of Research", "Active"),
    ("H-70027", "Grace", "Lindqvist", "grace.lindqvist@crestline-ins.com", "+1 860 555 0127", "Crestline Insurance",
     "Head of Reinsurance", "Active"),
    ("H-70040", "Helen", "Park", "helen.park@acme.com", "+1 212 555 0140", "Acme Corp", "Analyst", "Active"),
]

# email, list_name, reason, added_at
SUPPRESSIONS = [
    ("irene.novak@borealis-capital.com", "All Research", "left", "2026-04-02"),
    ("diego.alvarez@halcyon-re.com", "All Research", "hard_bounce", "2025-01-08"),
    ("old.desk@acme.com", "All Research", "hard_bounce", "2024-06-11"),
    ("unsubscribe.me@kestrelwealth.com", "Rates Weekly", "unsubscribed", "2026-09-30"),
]

ACCOUNTS = [(sf_id("001", i), name) for i, (_, name, _) in enumerate(ORGS, start=1)]
ACCOUNT_BY_NAME = {name: aid for aid, name in ACCOUNTS}


def _acct(org_name: str) -> str:
    return ACCOUNT_BY_NAME[org_name]


# Id, FirstName, LastName, Email, Title, AccountId, Contact_Status__c, LastModifiedDate
CONTACTS = [
    (sf_id("003", 3), "Ben", "Carter", "ben.carter@borealis-capital.com", "Senior Credit Analyst",
     _acct("Borealis Capital"), "Active", "2026-06-02T10:15:00.000+0000"),
    (sf_id("003", 5), "Marcus", "Lee", "marcus.lee@kestrelwealth.com", "Investment Director",
     _acct("Kestrel Wealth"), "Inactive", "2025-07-01T08:00:00.000+0000"),
    (sf_id("003", 6), "Priya", "Nair", "priya.nair@everlypension.org", "Head of Investments",
     _acct("Everly Pension Fund"), "Active", "2026-03-11T14:22:00.000+0000"),
    (sf_id("003", 7), "Margaret", "Ellis", "margaret.ellis@crestline-ins.com", "Chief Risk Officer",
     _acct("Crestline Insurance"), "Active", "2026-02-17T09:40:00.000+0000"),
    (sf_id("003", 8), "Robert", "Hale", "Robert.Hale@dunmore-am.com", "Fund Manager",
     _acct("Dunmore Asset Management"), "Active", "2025-11-30T16:05:00.000+0000"),
    (sf_id("003", 11), "Irene", "Novak", "irene.novak@borealis-capital.com", "Research Associate",
     _acct("Borealis Capital"), "Inactive", "2026-04-02T11:00:00.000+0000"),
    (sf_id("003", 12), "Kevin", "Doyle", "kevin.doyle@graniteridge.com", "Vice President",
     _acct("Granite Ridge Partners"), "Active", "2026-05-20T12:30:00.000+0000"),
    (sf_id("003", 13), "Samuel", "Okafor", "samuel.okafor@fairhavenbank.co.uk", "Fixed Income Strategist",
     _acct("Fairhaven Bank"), "Active", "2026-01-09T10:00:00.000+0000"),
    (sf_id("003", 14), "Lucy", "Tran", "ltran@graniteridge.com", "Partner",
     _acct("Granite Ridge Partners"), "Active", "2026-01-20T15:45:00.000+0000"),
    (sf_id("003", 15), "Daniel", "Osei", "daniel.osei@everlypension.org", "Head of IT",
     _acct("Everly Pension Fund"), "Active", "2025-12-01T09:00:00.000+0000"),
    (sf_id("003", 16), "Nina", "Petrova", "nina.petrova@acme.com", "Economist",
     _acct("Acme Corp"), "Active", "2025-10-14T13:10:00.000+0000"),
    (sf_id("003", 18), "Jane", "Smith", "jane.smith@acme.com", "Director of Research",
     _acct("Acme Corp"), "Active", "2026-08-19T08:55:00.000+0000"),
    (sf_id("003", 22), "Kwame", "Mensah", "kwame.mensah@borealis-capital.com", "Quantitative Analyst",
     _acct("Borealis Capital"), "Active", "2026-04-28T10:20:00.000+0000"),
    (sf_id("003", 25), "Laura", "Jensen", "laura.jensen@ironbridge-sec.com", "Head of Equity Sales",
     _acct("Ironbridge Securities"), "Active", "2026-07-07T07:30:00.000+0000"),
    (sf_id("003", 26), "Ethan", "Brooks", "ethan.brooks@ironbridge-sec.com", "Credit Trader",
     _acct("Ironbridge Securities"), "Active", "2026-09-15T17:00:00.000+0000"),
    (sf_id("003", 40), "Helen", "Park", "helen.park@acme.com", "Analyst",
     _acct("Acme Corp"), "Active", "2026-02-03T10:00:00.000+0000"),
]

# Id, FirstName, LastName, Email, Title, Company, Status, LastModifiedDate
LEADS = [
    (sf_id("00Q", 4), "Chloe", "Adams", "chloe.adams@juniperfo.ch", "Head of Private Markets",
     "Juniper Family Office", "Open - Not Contacted", "2026-10-02T09:00:00.000+0000"),
    (sf_id("00Q", 6), "Priya", "Nair", "PRIYA.NAIR@everlypension.org", "Head of Investments",
     "Everly Pension Fund", "Working - Contacted", "2026-05-14T11:11:00.000+0000"),
    (sf_id("00Q", 10), "George", "Whitaker", "george.whitaker@halcyon-re.com", "Chief Underwriting Officer",
     "Halcyon Re", "Open - Not Contacted", "2026-03-03T10:00:00.000+0000"),
    (sf_id("00Q", 12), "Kevin", "Doyle", "kevin.doyle@graniteridge.com", "Vice President",
     "Granite Ridge Partners", "Disqualified", "2025-08-21T12:00:00.000+0000"),
    (sf_id("00Q", 14), "Lucy", "Tran", "LTran@graniteridge.com", "Partner",
     "Granite Ridge Partners", "Working - Contacted", "2026-02-10T13:00:00.000+0000"),
    (sf_id("00Q", 17), "Raj", "Malhotra", "raj.malhotra@ironbridge-sec.com", "Credit Analyst",
     "Ironbridge Securities", "Working - Contacted", "2026-06-18T16:40:00.000+0000"),
]

# --------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------


def _orig_id(n: int) -> str:
    return f"<20261116.Q4OUTLOOK.{n:04d}@mail.example-research.com>"


def _quoted_outlook(to_name: str, to_addr: str, date: str = "Monday, November 16, 2026 9:00 AM") -> str:
    return (
        "\n\n-----Original Message-----\n"
        f"From: Example Research <{OUR}>\n"
        f"Sent: {date}\n"
        f"To: {to_name} <{to_addr}>\n"
        f"Subject: {CAMPAIGN_SUBJECT}\n\n"
        "Dear client,\n\n"
        "Please find attached our Q4 2026 Research Outlook. Highlights include our view on the\n"
        "path of policy rates into 2027 and the outlook for catastrophe bond spreads.\n\n"
        "Kind regards,\nExample Research\n"
    )


def _quoted_gmail(to_name: str) -> str:
    return (
        f"\n\nOn Mon, 16 Nov 2026 at 09:00, Example Research <{OUR}> wrote:\n"
        "> Dear client,\n"
        ">\n"
        "> Please find attached our Q4 2026 Research Outlook.\n"
        ">\n"
        "> Kind regards,\n"
        "> Example Research\n"
    )


AUTH_PASS = "mx.example-research.com; spf=pass smtp.mailfrom={d}; dkim=pass header.d={d}; dmarc=pass header.from={d}"


def _headers(**h: str | None) -> str:
    out = []
    for k, v in h.items():
        if v is None:
            continue
        out.append(f"{k.replace('__', '-').replace('_', '-')}: {v}")
    return "\n".join(out) + "\n"


def _simple(
    *, mid: str, date: str, frm: str, subject: str, body: str, orig: int, auto: bool = True,
    auth_domain: str | None = None, extra: dict[str, str] | None = None, to: str = OUR,
) -> str:
    h: dict[str, str | None] = {}
    if auth_domain:
        h["Authentication__Results"] = AUTH_PASS.format(d=auth_domain)
    h.update({
        "Message__ID": mid,
        "Date": date,
        "From": frm,
        "To": to,
        "Subject": subject,
        "In__Reply__To": _orig_id(orig),
        "References": _orig_id(orig),
        "MIME__Version": "1.0",
        "Content__Type": 'text/plain; charset="utf-8"',
        "Content__Transfer__Encoding": "8bit",
    })
    if auto:
        h["Auto__Submitted"] = "auto-replied"
        h["X__Autoreply"] = "yes"
    for k, v in (extra or {}).items():
        h[k.replace("-", "__")] = v
    return _headers(**h) + "\n" + body.rstrip("\n") + "\n"


def _dsn(
    *, mid: str, date: str, reporting_mta: str, recipient: str, action: str, status: str,
    diagnostic: str, human: str, orig: int, boundary: str, subject: str,
) -> str:
    return (
        f"Message-ID: {mid}\n"
        f"Date: {date}\n"
        f"From: Mail Delivery System <MAILER-DAEMON@{reporting_mta}>\n"
        f"To: {OUR}\n"
        f"Subject: {subject}\n"
        "Auto-Submitted: auto-replied\n"
        "MIME-Version: 1.0\n"
        f'Content-Type: multipart/report; report-type=delivery-status;\n\tboundary="{boundary}"\n'
        "\n"
        "This is a MIME-encapsulated message.\n"
        "\n"
        f"--{boundary}\n"
        "Content-Description: Notification\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        f"{human}\n"
        "\n"
        f"--{boundary}\n"
        "Content-Description: Delivery report\n"
        "Content-Type: message/delivery-status\n"
        "\n"
        f"Reporting-MTA: dns; {reporting_mta}\n"
        f"X-Postfix-Queue-ID: 4Dk2Lq0Zx9z9sWn\n"
        f"Arrival-Date: Mon, 16 Nov 2026 09:00:04 +0000 (UTC)\n"
        "\n"
        f"Final-Recipient: rfc822; {recipient}\n"
        f"Original-Recipient: rfc822;{recipient}\n"
        f"Action: {action}\n"
        f"Status: {status}\n"
        f"Remote-MTA: dns; {reporting_mta}\n"
        f"Diagnostic-Code: smtp; {diagnostic}\n"
        "\n"
        f"--{boundary}\n"
        "Content-Description: Undelivered Message Headers\n"
        "Content-Type: text/rfc822-headers\n"
        "\n"
        f"Return-Path: <bounces@example-research.com>\n"
        f"Message-ID: {_orig_id(orig)}\n"
        "Date: Mon, 16 Nov 2026 09:00:00 +0000\n"
        f"From: Example Research <{OUR}>\n"
        f"To: {recipient}\n"
        f"Subject: {CAMPAIGN_SUBJECT}\n"
        "\n"
        f"--{boundary}--\n"
    )


def _messages() -> list[tuple[str, str | bytes]]:
    m: list[tuple[str, str | bytes]] = []
    add = m.append

    add(("01_unknown_human_question.eml", _simple(
        mid="<CAFx7=pQ1uNGER01kd9@mail.gmail.com>", date="Tue, 17 Nov 2026 14:03:11 -0500",
        frm="Paul Unger <paul.unger@acme.com>", subject=f"RE: {CAMPAIGN_SUBJECT}", orig=1001, auto=False,
        auth_domain="acme.com",
        body=(
            "Hi team,\n\nThanks for sending this over. Could you send me the PDF version of the\n"
            "rates chapter as well? And who should I talk to about pricing for next year?\n\nBest,\nPaul"
            + _quoted_gmail("Paul Unger")
        ),
    )))
    add(("02_no_contact_left.eml", _simple(
        mid="<1a2b3c4d.quarry.noreply.20261117@quarrylabs.io>", date="Tue, 17 Nov 2026 08:12:40 +0000",
        frm="Dana Whitfield <dana.whitfield@quarrylabs.io>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1002,
        body="Thank you for your email. Dana Whitfield has left Quarry Labs and is no longer with the company.\n"
             "This mailbox is not monitored.",
    )))
    add(("03_active_still_with_firm.eml", _simple(
        mid="<DM6PR11MB4091C3A0BEN0003@DM6PR11MB4091.namprd11.prod.outlook.com>",
        date="Wed, 18 Nov 2026 10:21:05 -0500",
        frm="\"Carter, Ben\" <Ben.Carter@Borealis-Capital.com>", subject=f"RE: {CAMPAIGN_SUBJECT}",
        orig=1003, auto=False, auth_domain="borealis-capital.com",
        body=(
            "Hello,\n\nI am still with the firm, please keep me on your list. I received a note saying\n"
            "my subscription might lapse - I would like to continue receiving your credit research.\n\n"
            "Ben Carter\nSenior Credit Analyst | Borealis Capital"
            + _quoted_outlook("Carter, Ben", "ben.carter@borealis-capital.com")
        ),
    )))
    add(("04_active_not_in_cupola.eml", _simple(
        mid="<ZRH0PR01MB2210ADAMS0004@ZRH0PR01MB2210.CHEP278.PROD.OUTLOOK.COM>",
        date="Wed, 18 Nov 2026 16:45:00 +0100",
        frm="Chloe Adams <chloe.adams@juniperfo.ch>", subject=f"AW: {CAMPAIGN_SUBJECT}",
        orig=1004, auto=False, auth_domain="juniperfo.ch",
        body=(
            "Dear Example Research team,\n\nI am still with Juniper Family Office, please keep me on your list.\n"
            "I joined in the spring as Head of Private Markets.\n\nKind regards,\nChloe Adams"
            + _quoted_outlook("Chloe Adams", "chloe.adams@juniperfo.ch")
        ),
    )))
    add(("05_active_reactivation_candidate.eml", _simple(
        mid="<BY5PR04MB6980LEE0005@BY5PR04MB6980.namprd04.prod.outlook.com>",
        date="Thu, 19 Nov 2026 09:02:33 -0800",
        frm="Marcus Lee <marcus.lee@kestrelwealth.com>", subject=f"RE: {CAMPAIGN_SUBJECT}",
        orig=1005, auto=False, auth_domain="kestrelwealth.com",
        body=(
            "Hi,\n\nI am still with Kestrel Wealth as Investment Director - not sure why your system thinks\n"
            "otherwise. Please keep me on your list.\n\nMarcus"
            + _quoted_outlook("Marcus Lee", "marcus.lee@kestrelwealth.com")
        ),
    )))
    add(("06_inactive_left_all_systems.eml", _simple(
        mid="<PH0PR17MB5361NAIR0006@PH0PR17MB5361.namprd17.prod.outlook.com>",
        date="Mon, 16 Nov 2026 09:04:12 -0500",
        frm="Priya Nair <priya.nair@everlypension.org>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1006, auth_domain="everlypension.org",
        extra={"X-MS-Exchange-Inbox-Rules-Loop": "priya.nair@everlypension.org",
               "X-Auto-Response-Suppress": "All"},
        body="Thank you for your message. Priya Nair has left Everly Pension Fund and is no longer with\n"
             "the organisation. This mailbox is no longer monitored and your email has not been forwarded.",
    )))
    add(("07_inactive_retired_multipub_active.eml", _simple(
        mid="<20261116140512.MELLIS.0007@crestline-ins.com>", date="Mon, 16 Nov 2026 14:05:12 -0500",
        frm="Margaret Ellis <margaret.ellis@crestline-ins.com>", subject="Out of Office: " + CAMPAIGN_SUBJECT,
        orig=1007, auth_domain="crestline-ins.com",
        body="Thank you for your email. I retired from Crestline Insurance on 30 October 2026 and this\n"
             "mailbox will be closed shortly. Thank you for many years of excellent research.\n\nMargaret Ellis",
    )))
    add(("08_inactive_deceased_multipub_expired_6m.eml", _simple(
        mid="<LO2P265MB0008HALE@LO2P265MB0008.GBRP265.PROD.OUTLOOK.COM>", date="Tue, 17 Nov 2026 08:30:00 +0000",
        frm="Robert Hale <robert.hale@dunmore-am.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1008, auth_domain="dunmore-am.com",
        body="It is with great sadness that we inform you that our colleague Robert Hale passed away on\n"
             "2 November 2026. This mailbox is no longer monitored.\n\nDunmore Asset Management",
    )))
    add(("09_inactive_left_multipub_single_issue.eml", _simple(
        mid="<CWLP123MB0009WALSH@CWLP123MB0009.GBRP123.PROD.OUTLOOK.COM>", date="Mon, 16 Nov 2026 09:15:00 +0000",
        frm="Fiona Walsh <fiona.walsh@fairhavenbank.co.uk>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1009, auth_domain="fairhavenbank.co.uk",
        body="Fiona Walsh is no longer with Fairhaven Bank. Your email has not been forwarded.",
    )))
    add(("10_inactive_retired_multipub_expired_2y.eml", _simple(
        mid="<0010.whitaker.autoreply@halcyon-re.com>", date="Mon, 16 Nov 2026 05:01:00 -0400",
        frm="George Whitaker <george.whitaker@halcyon-re.com>", subject="Auto: " + CAMPAIGN_SUBJECT,
        orig=1010, auth_domain="halcyon-re.com",
        body="Thank you for your message. I have retired from Halcyon Re as of 31 October 2026 and will\n"
             "no longer be reading email at this address.\n\nWith best wishes,\nGeorge Whitaker",
    )))
    add(("11_inactive_already_inactive_everywhere.eml", _simple(
        mid="<BN8PR02MB5843NOVAK0011@BN8PR02MB5843.namprd02.prod.outlook.com>", date="Mon, 16 Nov 2026 09:00:51 -0500",
        frm="Irene Novak <irene.novak@borealis-capital.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1011, auth_domain="borealis-capital.com",
        body="Irene Novak is no longer employed by Borealis Capital. This mailbox is not monitored.",
    )))
    add(("12_inactive_no_cupola_salesforce_only.eml", _simple(
        mid="<CH2PR12MB3990DOYLE0012@CH2PR12MB3990.namprd12.prod.outlook.com>", date="Tue, 17 Nov 2026 11:30:00 -0600",
        frm="Kevin Doyle <kevin.doyle@graniteridge.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1012, auth_domain="graniteridge.com",
        body="I have left Granite Ridge Partners. This address will be deactivated at the end of November.\n"
             "Kevin Doyle",
    )))
    add(("13_inactive_moved_to_other_org.eml", _simple(
        mid="<LO4P123MB6633OKAFOR13@LO4P123MB6633.GBRP123.PROD.OUTLOOK.COM>", date="Mon, 16 Nov 2026 09:02:10 +0000",
        frm="Samuel Okafor <samuel.okafor@fairhavenbank.co.uk>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1013, auth_domain="fairhavenbank.co.uk",
        body="Thank you for your email. I have left Fairhaven Bank and joined Northwind Advisors as Head of\n"
             "Fixed Income. My new email address is s.okafor@northwind-advisors.com - please update your\n"
             "records. This mailbox will not be monitored.\n\nSamuel Okafor",
    )))
    add(("14_email_update_multipub_linked.eml", _simple(
        mid="<SA1PR08MB7214TRAN0014@SA1PR08MB7214.namprd08.prod.outlook.com>", date="Wed, 18 Nov 2026 07:45:00 -0600",
        frm="Lucy Tran <ltran@graniteridge.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1014, auth_domain="graniteridge.com",
        body="Hello, our email addresses have changed. Please note my new email address is\n"
             "lucy.tran@graniteridge.com. This address (ltran@graniteridge.com) will stop working on\n"
             "31 December 2026.\n\nLucy Tran | Partner | Granite Ridge Partners",
    )))
    add(("15_title_update_active.eml", _simple(
        mid="<MN2PR05MB6125OSEI0015@MN2PR05MB6125.namprd05.prod.outlook.com>", date="Wed, 18 Nov 2026 12:10:00 -0500",
        frm="Daniel Osei <daniel.osei@everlypension.org>", subject=f"RE: {CAMPAIGN_SUBJECT}",
        orig=1015, auto=False, auth_domain="everlypension.org",
        body=(
            "Hi,\n\nA quick update for your records: I have been appointed Chief Information Officer of\n"
            "Everly Pension Fund, effective 1 November 2026. Please update my title.\n\nDaniel Osei"
            + _quoted_outlook("Daniel Osei", "daniel.osei@everlypension.org")
        ),
    )))
    add(("16_email_update_on_inactive.eml", _simple(
        mid="<DS0PR01MB8002PETROVA16@DS0PR01MB8002.namprd01.prod.outlook.com>", date="Tue, 17 Nov 2026 10:00:00 -0500",
        frm="Nina Petrova <nina.petrova@acme.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1016, auth_domain="acme.com",
        body="Please note my new email address is npetrova@acme.com. Kindly update your distribution list.",
    )))
    add(("17_title_update_no_cupola.eml", _simple(
        mid="<CY4PR09MB2285MALHOTRA17@CY4PR09MB2285.namprd09.prod.outlook.com>", date="Thu, 19 Nov 2026 13:14:00 -0500",
        frm="Raj Malhotra <raj.malhotra@ironbridge-sec.com>", subject=f"RE: {CAMPAIGN_SUBJECT}",
        orig=1017, auto=False, auth_domain="ironbridge-sec.com",
        body=(
            "Thanks for the outlook. For your records, I have been promoted to Head of Credit Research\n"
            "at Ironbridge Securities.\n\nRaj"
            + _quoted_gmail("Raj Malhotra")
        ),
    )))
    add(("18_replacement_one_alternate.eml", _simple(
        mid="<BL1PR13MB4970SMITH0018@BL1PR13MB4970.namprd13.prod.outlook.com>", date="Mon, 16 Nov 2026 09:01:30 -0500",
        frm="Jane Smith <jane.smith@acme.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1018, auth_domain="acme.com",
        body="Thank you for your email. Jane Smith has left Acme Corp and is no longer with the company.\n"
             "Please contact John Doe, Head of Research, at john.doe@acme.com.",
    )))
    add(("19_replacement_own_domain_only.eml", _simple(
        mid="<GV0P278MB0719GRANT0019@GV0P278MB0719.CHEP278.PROD.OUTLOOK.COM>", date="Mon, 16 Nov 2026 15:03:00 +0100",
        frm="Oliver Grant <oliver.grant@juniperfo.ch>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1019, auth_domain="juniperfo.ch",
        body="Oliver Grant has left Juniper Family Office. For questions about your research service\n"
             "please contact Emma Lewis at emma.lewis@example-research.com.",
    )))
    add(("20_ooo_with_return_date.eml", _simple(
        mid="<SJ0PR03MB6360WHITMAN20@SJ0PR03MB6360.namprd03.prod.outlook.com>", date="Mon, 16 Nov 2026 09:00:40 -0500",
        frm="Sarah Whitman <sarah.whitman@borealis-capital.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1020, auth_domain="borealis-capital.com",
        extra={"X-Auto-Response-Suppress": "All"},
        body="Thank you for your email. I am out of the office until Monday 7 December 2026 with limited\n"
             "access to email. For urgent matters please call the Borealis rates desk.\n\nSarah Whitman",
    )))
    add(("21_ooo_without_date.eml", _simple(
        mid="<LO6P265MB6122BECKER21@LO6P265MB6122.GBRP265.PROD.OUTLOOK.COM>", date="Mon, 16 Nov 2026 09:00:55 +0000",
        frm="Tom Becker <tom.becker@fairhavenbank.co.uk>", subject="Out of Office: " + CAMPAIGN_SUBJECT,
        orig=1021, auth_domain="fairhavenbank.co.uk",
        body="I am currently out of the office with limited access to email. I will respond to your\n"
             "message as soon as possible on my return.\n\nTom Becker",
    )))
    add(("22_bounce_hard_dsn.eml", _dsn(
        mid="<20261116090006.4Dk2Lq0Zx9z9sWn@mx.borealis-capital.com>", date="Mon, 16 Nov 2026 09:00:06 +0000",
        reporting_mta="mx.borealis-capital.com", recipient="kwame.mensah@borealis-capital.com",
        action="failed", status="5.1.1",
        diagnostic="550 5.1.1 <kwame.mensah@borealis-capital.com>: Recipient address rejected: "
                   "User unknown in virtual mailbox table",
        human="This is the mail system at host mx.borealis-capital.com.\n\n"
              "I'm sorry to have to inform you that your message could not\n"
              "be delivered to one or more recipients. It's attached below.\n\n"
              "<kwame.mensah@borealis-capital.com>: host mx.borealis-capital.com[203.0.113.25] said:\n"
              "    550 5.1.1 <kwame.mensah@borealis-capital.com>: Recipient address rejected:\n"
              "    User unknown in virtual mailbox table",
        orig=1022, boundary="4Dk2Lq0Zx9z9sWn.1794906006/mx.borealis-capital.com",
        subject="Undelivered Mail Returned to Sender",
    )))
    add(("23_bounce_soft_mailbox_full.eml", _dsn(
        mid="<20261116090112.BF21C4A0023@mail.halcyon-re.com>", date="Mon, 16 Nov 2026 05:01:12 -0400",
        reporting_mta="mail.halcyon-re.com", recipient="alice.moreau@halcyon-re.com",
        action="failed", status="4.2.2",
        diagnostic="452 4.2.2 <alice.moreau@halcyon-re.com>: Mailbox full - user is over quota",
        human="Delivery to the following recipient failed temporarily and the message will not be retried:\n\n"
              "    alice.moreau@halcyon-re.com\n\n"
              "The recipient's mailbox is full and can't accept messages now (452 4.2.2).",
        orig=1023, boundary="=_bounce_BF21C4A0023_halcyon",
        subject="Delivery Status Notification (Failure)",
    )))
    add(("24_ambiguous_cupola_shared_mailbox.eml", _simple(
        mid="<LO3P265MB2001DESK0024@LO3P265MB2001.GBRP265.PROD.OUTLOOK.COM>", date="Mon, 16 Nov 2026 09:06:00 +0000",
        frm="Research Desk <research-desk@dunmore-am.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1024, auth_domain="dunmore-am.com",
        body="Please note that this mailbox is no longer monitored: the person you are trying to reach\n"
             "has left Dunmore Asset Management.",
    )))
    add(("25_inactive_retired_multipub_ambiguous.eml", _simple(
        mid="<MW4PR15MB5128JENSEN25@MW4PR15MB5128.namprd15.prod.outlook.com>", date="Mon, 16 Nov 2026 09:03:00 -0500",
        frm="Laura Jensen <laura.jensen@ironbridge-sec.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1025, auth_domain="ironbridge-sec.com",
        body="Thank you for your email. I have now retired from Ironbridge Securities and this mailbox will be\n"
             "closed at the end of the month.\n\nLaura Jensen",
    )))
    add(("26_spoofed_sender_left.eml",
         "Authentication-Results: mx.example-research.com; spf=fail smtp.mailfrom=ironbridge-sec.com;\n"
         " dkim=none; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=ironbridge-sec.com\n"
         "Received: from mail.bulk-sender.example (unknown [198.51.100.77])\n"
         "\tby mx.example-research.com (Postfix) with ESMTP id 7QpL2c4Vn1z;\n"
         "\tThu, 19 Nov 2026 22:41:09 +0000 (UTC)\n"
         + _simple(
             mid="<e1f0b7a2-26aa-4c1e-9d33-77b0c0ffee26@bulk-sender.example>",
             date="Thu, 19 Nov 2026 22:41:07 +0000",
             frm="Ethan Brooks <ethan.brooks@ironbridge-sec.com>", subject=f"RE: {CAMPAIGN_SUBJECT}",
             orig=1026, auto=False,
             body="Hello,\n\nI have left Ironbridge Securities. Please remove me from all your lists and\n"
                  "delete my details from your CRM.\n\nEthan Brooks",
         )))
    add(("27_relay_autoreply_true_sender_quoted.eml", _simple(
        mid="<relay.20261116.0027.a9f3@relay.crestline-ins.com>", date="Mon, 16 Nov 2026 09:07:00 -0500",
        frm="Crestline Mail Gateway <no-reply@relay.crestline-ins.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1027, auth_domain="relay.crestline-ins.com",
        extra={"Precedence": "auto_reply"},
        body=(
            "This is an automated response on behalf of the recipient of your message.\n\n"
            "Grace Lindqvist has retired from Crestline Insurance and no longer receives email at this address."
            + _quoted_outlook("Grace Lindqvist", "grace.lindqvist@crestline-ins.com")
        ),
    )))
    dup_body = ("I am out of the office until 30 November 2026 and will reply on my return.\n\n"
                "Noah Fischer | Granite Ridge Partners")
    add(("28_duplicate_message_id_a.eml", _simple(
        mid="<OOO-7781.Fischer@Mail.GraniteRidge.com>", date="Mon, 16 Nov 2026 08:01:00 -0600",
        frm="Noah Fischer <noah.fischer@graniteridge.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1028, auth_domain="graniteridge.com", body=dup_body,
    )))
    add(("29_duplicate_message_id_b.eml", _simple(
        mid="  ooo-7781.fischer@mail.graniteridge.com", date="Mon, 16 Nov 2026 08:01:00 -0600",
        frm="Noah Fischer <noah.fischer@graniteridge.com>", subject="Automatic reply: " + CAMPAIGN_SUBJECT,
        orig=1028, auth_domain="graniteridge.com", body=dup_body,
    )))
    add(("30_malformed_mime_broken_boundary.eml",
         "Message-ID: <BROKEN-MIME-0030@acme.com>\n"
         "Date: Mon, 16 Nov 2026 09:10:00 -0500\n"
         "From: Mia Russo <mia.russo@acme.com>\n"
         f"To: {OUR}\n"
         f"Subject: Automatic reply: {CAMPAIGN_SUBJECT}\n"
         f"In-Reply-To: {_orig_id(1030)}\n"
         "Auto-Submitted: auto-replied\n"
         "MIME-Version: 1.0\n"
         'Content-Type: multipart/alternative; boundary="==b0undary_0030"\n'
         "\n"
         "--==b0undary_0030\n"
         "Content-Type: text/plain; charset=utf-8\n"
         "\n"
         "I am out of the office until 1 December 2026 and will reply on my return.\n"
         "Mia Russo\n"
         "--==b0undary_0030\n"
         "Content-Type: text/html; charset=utf-8\n"
         "Content-Transfer-Encoding: base64\n"
         "\n"
         "PGh0bWw+PGJvZHk+PHA+SSBhbSBvdXQgb2YgdGhlIG9mZmljZSB1bnRpbCAxIERlY2VtYmVyIDIw\n"
         "MjY=!!truncated\n"
    ))
    add(("31_empty_file.eml", b""))
    add(("32_ooo_german_return_date.eml", _simple(
        mid="<FR3P281MB1532RICHTER32@FR3P281MB1532.DEUP281.PROD.OUTLOOK.COM>", date="Mon, 16 Nov 2026 10:00:20 +0100",
        frm="Klaus Richter <klaus.richter@rheinland-vers.de>", subject="Automatische Antwort: " + CAMPAIGN_SUBJECT,
        orig=1032, auth_domain="rheinland-vers.de",
        body="Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich Freitag, 4. Dezember 2026 nicht im Büro\n"
             "und ab Montag, 7. Dezember 2026 wieder erreichbar. Ihre E-Mail wird nicht weitergeleitet.\n\n"
             "Mit freundlichen Grüßen\nKlaus Richter",
    )))
    add(("33_undetermined_sender_gateway.eml", _simple(
        mid="<gw-20261116-0033-77c1@mailgw.halcyon-re.com>", date="Mon, 16 Nov 2026 05:02:00 -0400",
        frm="Halcyon Re Mail Gateway <no-reply@mailgw.halcyon-re.com>", subject="Automatic reply",
        orig=1033, auth_domain="mailgw.halcyon-re.com",
        body="The person you are trying to reach is no longer with Halcyon Re. Your message has not been\n"
             "delivered to them and this notification cannot be replied to.",
    )))
    return m


# --------------------------------------------------------------------------------------
# Expected routing (what a correct pipeline must produce for each file)
# --------------------------------------------------------------------------------------

EXPECTED_COLUMNS = ["file", "message_id", "determination", "reason", "lookup_email", "expected_outcome",
                    "review_reason", "rule", "notes", "parse_error"]

EMPTY_SHA = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

EXPECTED = [
    ("01_unknown_human_question.eml", "UNKNOWN", "not_an_auto_reply", "paul.unger@acme.com", "skipped_unknown", "",
     "§5 UNKNOWN",
     "human question, no signal; offline the reason is llm_unavailable. Not looked up even though Paul has an "
     "active CUPOLA row; no actions; counter skipped_unknown_determination"),
    ("02_no_contact_left.eml", "INACTIVE", "left", "dana.whitfield@quarrylabs.io", "skipped_no_contact", "",
     "§5 any / no match", "address in no system (CUPOLA, Hodor, Multipub, Salesforce, SFMC); counter skipped_no_contact"),
    ("03_active_still_with_firm.eml", "ACTIVE", "still_active", "ben.carter@borealis-capital.com", "confirm_only", "",
     "§5 ACTIVE active",
     "From header in mixed case (Ben.Carter@Borealis-Capital.com); CUPOLA op 5003 active -> confirm_active, "
     "no write in any system; Hodor no row"),
    ("04_active_not_in_cupola.eml", "ACTIVE", "still_active", "chloe.adams@juniperfo.ch", "manual_review",
     "ACTIVE_NEW_CONTACT", "§5 ACTIVE none",
     "in Hodor H-70004 and a Salesforce Lead only; inactive_no_cupola_match document; never auto-created in CUPOLA"),
    ("05_active_reactivation_candidate.eml", "ACTIVE", "still_active", "marcus.lee@kestrelwealth.com",
     "manual_review", "REACTIVATION_CANDIDATE", "§5 ACTIVE inactive; §6 reactivation off",
     "CUPOLA op 5005 Inactive since 2025-06-30; inactive_no_cupola_match document; no CUPOLA reactivation; "
     "Salesforce Contact stays Inactive (reactivation flag off)"),
    ("06_inactive_left_all_systems.eml", "INACTIVE", "left", "priya.nair@everlypension.org", "auto_update", "",
     "§5 INACTIVE active; §6 Contact+Lead flip",
     "CUPOLA MarkPersonInactive op 5006 only (5106 at Kestrel already Inactive; CUPOLA email stored mixed case); "
     "Hodor Prospect Import row H-70006; Salesforce Contact 003..6 -> Contact_Status__c=Inactive (not "
     "Multipub-linked) and Lead 00Q..6 (email upper case) -> Status=Inactive; no Multipub record -> no "
     "multipub_audit; suppression row for Marketing"),
    ("07_inactive_retired_multipub_active.eml", "INACTIVE", "retired", "margaret.ellis@crestline-ins.com",
     "auto_update", "", "§5 INACTIVE active; §6 Multipub skip; §7 active subscription",
     "CUPOLA MarkPersonInactive op 5007; Hodor row H-70007; Salesforce Contact skipped (Multipub/Marketing owns "
     "this contact); multipub_audit row (active subscription S-900701); Multipub never written; suppression row"),
    ("08_inactive_deceased_multipub_expired_6m.eml", "INACTIVE", "deceased", "robert.hale@dunmore-am.com",
     "auto_update", "", "§5 INACTIVE active (deceased); §7 expired within 12 months",
     "CUPOLA MarkPersonInactive op 5008; not in Hodor -> no Hodor row; Salesforce Contact (email mixed case) "
     "skipped as Multipub-linked; multipub_audit row (S-900801 expired 2026-05-25, 6 months before as-of); "
     "suppression row"),
    ("09_inactive_left_multipub_single_issue.eml", "INACTIVE", "left", "fiona.walsh@fairhavenbank.co.uk",
     "auto_update", "", "§5 INACTIVE active; §7 single-issue within 12 months",
     "CUPOLA MarkPersonInactive op 5009; no Salesforce, no Hodor; multipub_audit row (single-issue S-900901 "
     "bought 2026-08-25, 3 months before as-of; its end_date is also within 12 months)"),
    ("10_inactive_retired_multipub_expired_2y.eml", "INACTIVE", "retired", "george.whitaker@halcyon-re.com",
     "auto_update", "", "§5 INACTIVE active; §7 expired > 12 months (not flagged); §6 Leads never Multipub-skipped",
     "CUPOLA MarkPersonInactive op 5010; Multipub S-901001 expired 2024-10-31 -> NOT flagged, no multipub_audit; "
     "Salesforce Lead 00Q..10 -> Status=Inactive even though a Multipub subscription exists for the email"),
    ("11_inactive_already_inactive_everywhere.eml", "INACTIVE", "left", "irene.novak@borealis-capital.com",
     "record_only", "", "§5 INACTIVE inactive; §6 already in target state",
     "CUPOLA op 5011 already Inactive -> record_only (skipped_already_inactive_at_org) for CUPOLA and Hodor "
     "(H-70011); Salesforce Contact already Inactive -> no write; already in SFMC suppressions"),
    ("12_inactive_no_cupola_salesforce_only.eml", "INACTIVE", "left", "kevin.doyle@graniteridge.com",
     "auto_update", "", "§5 INACTIVE none; §6 Lead Disqualified",
     "not in CUPOLA -> inactive_no_cupola_match row; Salesforce Contact 003..12 (not Multipub-linked) -> "
     "Contact_Status__c=Inactive (auto); Lead 00Q..12 Status 'Disqualified' is already not active -> "
     "expected no write (see README: unsure)"),
    ("13_inactive_moved_to_other_org.eml", "INACTIVE", "moved_to_other_org", "samuel.okafor@fairhavenbank.co.uk",
     "auto_update", "", "§5 INACTIVE moved_to_other_org",
     "as INACTIVE for Fairhaven Bank: CUPOLA MarkPersonInactive op 5013, Hodor row H-70013 (email stored mixed "
     "case), Salesforce Contact -> Inactive; plus inactive_new_org row: new org 'Northwind Advisors', new email "
     "s.okafor@northwind-advisors.com, title Head of Fixed Income; nothing created for the new org"),
    ("14_email_update_multipub_linked.eml", "EMAIL_UPDATE", "new_email", "ltran@graniteridge.com", "auto_update", "",
     "§5 EMAIL_UPDATE active; §6 Multipub skip + Lead update",
     "CUPOLA OrgPersonUpdates op 5014 (@Email=lucy.tran@graniteridge.com, position null; CUPOLA email stored "
     "LTran@GraniteRidge.com); Hodor row H-70014; Salesforce Contact skipped (Multipub-linked); Salesforce Lead "
     "00Q..14 Email updated; email_update_requests row for Marketing/SFMC; Multipub not written, not audited"),
    ("15_title_update_active.eml", "TITLE_UPDATE", "new_title", "daniel.osei@everlypension.org", "auto_update", "",
     "§5 TITLE_UPDATE active; §6 active-only gate",
     "CUPOLA OrgPersonUpdates op 5015 (@Position='Chief Information Officer'); Hodor row H-70015; Salesforce "
     "Contact Title='Chief Information Officer'; no email_update_requests (not an email change)"),
    ("16_email_update_on_inactive.eml", "EMAIL_UPDATE", "new_email", "nina.petrova@acme.com", "manual_review",
     "UPDATE_ON_INACTIVE", "§5 EMAIL_UPDATE inactive; §6 active-only gate",
     "CUPOLA op 5016 Inactive -> human review; no write anywhere, in particular NOT the active Salesforce "
     "Contact 003..16 (active-only gate)"),
    ("17_title_update_no_cupola.eml", "TITLE_UPDATE", "new_title", "raj.malhotra@ironbridge-sec.com",
     "manual_review", "ACTIVE_NEW_CONTACT", "§5 TITLE_UPDATE none; §6 active-only gate",
     "only a Salesforce Lead exists; human review; Lead Title NOT updated"),
    ("18_replacement_one_alternate.eml", "REPLACEMENT", "left", "jane.smith@acme.com", "auto_update", "",
     "§5 REPLACEMENT; §6 no contact creation",
     "original follows INACTIVE active: CUPOLA MarkPersonInactive op 5018, Hodor row H-70018, Salesforce "
     "Contact -> Inactive, suppression row; alternate_contacts row {John Doe, john.doe@acme.com, Head of "
     "Research}; John Doe NOT added to CUPOLA, NO Salesforce Account/Contact create (auto_add_replacements off)"),
    ("19_replacement_own_domain_only.eml", "INACTIVE", "left", "oliver.grant@juniperfo.ch", "auto_update", "",
     "§4 post-processing: REPLACEMENT with only own-domain alternate -> INACTIVE",
     "emma.lewis@example-research.com dropped (our domain); no alternate_contacts row; then INACTIVE active: "
     "CUPOLA MarkPersonInactive op 5019; not in Hodor/Salesforce/Multipub; suppression row"),
    ("20_ooo_with_return_date.eml", "OUT_OF_OFFICE", "out_of_office", "sarah.whitman@borealis-capital.com",
     "manual_review", "OUT_OF_OFFICE", "§5 OUT_OF_OFFICE (return date)",
     "return_date 2026-12-07; out-of-office tracking row; never inactivates; no write"),
    ("21_ooo_without_date.eml", "OUT_OF_OFFICE", "out_of_office", "tom.becker@fairhavenbank.co.uk",
     "manual_review", "OUT_OF_OFFICE", "§5 OUT_OF_OFFICE (no date)", "return_date empty; no write"),
    ("22_bounce_hard_dsn.eml", "BOUNCE", "hard", "kwame.mensah@borealis-capital.com", "manual_review", "BOUNCE",
     "§5 BOUNCE hard (RFC 3464)",
     "lookup = DSN Final-Recipient (From is MAILER-DAEMON); status 5.1.1, diagnostic '550 5.1.1 ... User "
     "unknown'; undeliverables row + Marketing suppression notification; no CUPOLA/Salesforce write"),
    ("23_bounce_soft_mailbox_full.eml", "BOUNCE", "soft", "alice.moreau@halcyon-re.com", "manual_review", "BOUNCE",
     "§5 BOUNCE soft", "status 4.2.2 mailbox full; undeliverables row; no write"),
    ("24_ambiguous_cupola_shared_mailbox.eml", "INACTIVE", "left", "research-desk@dunmore-am.com", "manual_review",
     "AMBIGUOUS_MATCH", "§5 ambiguous CUPOLA match",
     "research-desk@dunmore-am.com is on two Active org-person rows (5024 Hannah Cole, 5124 Victor Lindgren); "
     "no write anywhere"),
    ("25_inactive_retired_multipub_ambiguous.eml", "INACTIVE", "retired", "laura.jensen@ironbridge-sec.com",
     "auto_update", "", "§5 INACTIVE active; §7 Multipub ambiguous; §6 Multipub skip",
     "CUPOLA MarkPersonInactive op 5025; two Multipub subscribers (MP-40025, MP-41025; one email mixed case) -> "
     "multipub_audit row (ambiguous + active); Salesforce Contact skipped (Multipub-linked); suppression row"),
    ("26_spoofed_sender_left.eml", "INACTIVE", "left", "ethan.brooks@ironbridge-sec.com", "manual_review",
     "SENDER_NOT_AUTHENTICATED", "§10 spoofed reply",
     "Authentication-Results spf=fail dkim=none dmarc=fail; active CUPOLA op 5026 and active Salesforce Contact "
     "but every write gated review; nothing written"),
    ("27_relay_autoreply_true_sender_quoted.eml", "INACTIVE", "retired", "grace.lindqvist@crestline-ins.com",
     "manual_review", "IDENTITY_MISMATCH", "§4 identify true sender behind relay; §5 IDENTITY_MISMATCH",
     "From no-reply@relay.crestline-ins.com is in no system; quoted original To: names Grace Lindqvist -> "
     "lookup grace.lindqvist@...; the person is named only through quoted text, so no write: review"),
    ("28_duplicate_message_id_a.eml", "OUT_OF_OFFICE", "out_of_office", "noah.fischer@graniteridge.com",
     "manual_review", "OUT_OF_OFFICE", "§4 dedup by Message-ID",
     "same Message-ID as file 29 (brackets/case differ, bodies identical); one landed row, one outcome row; "
     "return_date 2026-11-30"),
    ("29_duplicate_message_id_b.eml", "OUT_OF_OFFICE", "out_of_office", "noah.fischer@graniteridge.com",
     "not_landed_separately", "", "§4 dedup by Message-ID", "duplicate of file 28; no second row anywhere"),
    ("30_malformed_mime_broken_boundary.eml", "OUT_OF_OFFICE", "out_of_office", "mia.russo@acme.com",
     "manual_review", "OUT_OF_OFFICE", "§4 land malformed MIME",
     "multipart never closed (CloseBoundaryNotFoundDefect) and a truncated base64 HTML part -> lands "
     "with parse_error; the text/plain part is intact ('out of the office until 1 December 2026' -> "
     "return_date 2026-12-01); no write"),
    ("31_empty_file.eml", "UNKNOWN", "unreadable", "", "skipped_unknown", "", "§4 land empty file",
     "0 bytes; lands with parse_error 'empty file' and message_id sha256 of the empty string"),
    ("32_ooo_german_return_date.eml", "OUT_OF_OFFICE", "out_of_office", "klaus.richter@rheinland-vers.de",
     "manual_review", "OUT_OF_OFFICE", "§4 multilingual rules; §5 OUT_OF_OFFICE",
     "German Exchange auto-reply; return_date 2026-12-07 ('ab Montag, 7. Dezember 2026 wieder erreichbar')"),
    ("33_undetermined_sender_gateway.eml", "INACTIVE", "left", "no-reply@mailgw.halcyon-re.com",
     "skipped_no_contact", "", "§7 sender cannot be determined",
     "gateway notice names nobody, no quoted To/Final-Recipient -> lookup falls back to the raw sender, in no "
     "system -> skipped_no_contact; row for the Multipub reviewer (undetermined sender)"),
]


def _message_ids() -> dict[str, str]:
    from autoresponder.mime import parse_message

    out: dict[str, str] = {}
    for name, content in _messages():
        raw = content if isinstance(content, bytes) else content.encode("utf-8")
        out[name] = parse_message(raw).message_id
    return out


def _write_csv(path: Path, header: list[str], rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_demo(out: Path) -> dict[str, int]:
    """Write the demo set into `out` (DESIGN §3 layout + expected.csv)."""
    out = Path(out)
    emails = fresh_email_dir(out)
    msgs = _messages()
    for name, content in msgs:
        raw = content if isinstance(content, bytes) else content.encode("utf-8")
        (emails / name).write_bytes(raw)
    _write_csv(out / "cupola/persons.csv", COLUMNS["cupola/persons.csv"], PERSONS)
    _write_csv(out / "cupola/orgs.csv", COLUMNS["cupola/orgs.csv"], ORGS)
    _write_csv(out / "cupola/org_persons.csv", COLUMNS["cupola/org_persons.csv"], ORG_PERSONS)
    _write_csv(out / "multipub/subscriptions.csv", COLUMNS["multipub/subscriptions.csv"], SUBSCRIPTIONS)
    _write_csv(out / "hodor/prospects.csv", COLUMNS["hodor/prospects.csv"], PROSPECTS)
    _write_csv(out / "sfmc/suppressions.csv", COLUMNS["sfmc/suppressions.csv"], SUPPRESSIONS)
    _write_csv(out / "salesforce/Account.csv", COLUMNS["salesforce/Account.csv"], ACCOUNTS)
    _write_csv(out / "salesforce/Contact.csv", COLUMNS["salesforce/Contact.csv"], CONTACTS)
    _write_csv(out / "salesforce/Lead.csv", COLUMNS["salesforce/Lead.csv"], LEADS)
    _write_csv(out / "salesforce/Opportunity.csv", OPPORTUNITY_COLUMNS, OPPORTUNITIES)
    _write_csv(out / "salesforce/OpportunityContactRole.csv", CONTACT_ROLE_COLUMNS, CONTACT_ROLES)
    mids = _message_ids()
    rows = []
    for file, det, reason, lookup, outcome, rr, rule, notes in EXPECTED:
        perr = "expected" if file.startswith(("30_", "31_")) else ""
        rows.append((file, mids[file], det, reason, lookup, outcome, rr, rule, notes, perr))
    _write_csv(out / "expected.csv", EXPECTED_COLUMNS, rows)
    return {"emails": len(msgs), "expected_rows": len(rows)}


if __name__ == "__main__":  # pragma: no cover
    print(write_demo(Path(sys.argv[1] if len(sys.argv) > 1 else "seeds")))
