"""Salesforce deals of the demo org: Opportunity and OpportunityContactRole rows (seeds/salesforce/).

They seed the emulator only (the API sync lands them; a Data Loader export run has none). Jane
Smith is the primary contact of Acme's renewal; Everly Pension Fund has a single open deal, so the
Tasks of Jane, Priya Nair and Daniel Osei are related to a deal (docs/salesforce.md).
"""

from __future__ import annotations

from autoresponder.generate_data.sfid import sf_id

ACME, EVERLY = sf_id("001", 1), sf_id("001", 5)
JANE_SMITH = "003Dn000000000IIAQ"

OPPORTUNITY_COLUMNS = ["Id", "AccountId", "Name", "StageName", "CloseDate"]
OPPORTUNITIES = [
    (sf_id("006", 1), ACME, "Acme Corp - research subscription renewal", "Negotiation/Review", "2026-12-31"),
    (sf_id("006", 2), ACME, "Acme Corp - macro data pilot", "Qualification", "2027-03-31"),
    (sf_id("006", 3), EVERLY, "Everly Pension Fund - data licence", "Proposal/Price Quote", "2027-02-28"),
    (sf_id("006", 4), EVERLY, "Everly Pension Fund - 2025 renewal", "Closed Won", "2025-06-30"),
]
CONTACT_ROLE_COLUMNS = ["Id", "OpportunityId", "ContactId", "IsPrimary", "Role"]
CONTACT_ROLES = [(sf_id("00K", 1), sf_id("006", 1), JANE_SMITH, "true", "Decision Maker")]
