"""The demo world's contact systems as rows: CUPOLA orgs, persons and org-person rows, Multipub
subscriptions, Hodor prospects, SFMC suppressions, Salesforce Accounts, Contacts and Leads.

Columns follow DESIGN §3 (`population.COLUMNS`). The comments say which demo reply each row is
for; rows no reply refers to are background.
"""

from __future__ import annotations

from autoresponder.generate_data.sfid import sf_id

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
