"""Opportunity, OpportunityContactRole, Lead required fields, the bounce fields and Task WhatId rules
in the emulator, through the real simple-salesforce client over TLS (Salesforce's error shapes)."""

from __future__ import annotations

import pytest
from simple_salesforce.exceptions import SalesforceMalformedRequest

ANN, LEAD, ACME_DEAL = "003000000000001AAA", "00Q000000000001AAA", "006000000000001AAA"


def _error(err: pytest.ExceptionInfo) -> dict:
    [body] = err.value.content
    return body


def test_opportunities_and_contact_roles_are_described_seeded_and_queryable(sf):
    names = {f["name"]: f for f in sf.Opportunity.describe()["fields"]}
    assert (names["StageName"]["nillable"], names["CloseDate"]["type"], names["IsClosed"]["updateable"]) == \
        (False, "date", False)
    role_fields = {f["name"]: f for f in sf.OpportunityContactRole.describe()["fields"]}
    assert (role_fields["OpportunityId"]["nillable"], role_fields["OpportunityId"]["updateable"]) == (False, False)
    open_deals = sf.query("SELECT Id FROM Opportunity WHERE IsClosed = false ORDER BY Id")["records"]
    assert [r["Id"] for r in open_deals] == [ACME_DEAL, "006000000000003AAA"]
    [role] = sf.query(f"SELECT OpportunityId, IsPrimary FROM OpportunityContactRole WHERE ContactId = '{ANN}'")["records"]
    assert (role["OpportunityId"], role["IsPrimary"]) == (ACME_DEAL, True)


def test_opportunity_is_closed_follows_its_stage(sf):
    rid = sf.Opportunity.create({"Name": "Deal", "StageName": "Prospecting", "CloseDate": "2027-01-31",
                                 "AccountId": "001000000000001AAA"})["id"]
    assert sf.Opportunity.get(rid)["IsClosed"] is False
    sf.Opportunity.update(rid, {"StageName": "Closed Won"})
    deal = sf.Opportunity.get(rid)
    assert (deal["IsClosed"], deal["IsWon"]) == (True, True)


@pytest.mark.parametrize(("body", "missing"), [
    ({"LastName": "Diaz", "Email": "mo@quarry.example"}, ["Company"]),
    ({"Company": "Quarry", "Email": "mo@quarry.example"}, ["LastName"]),
    ({"Email": "mo@quarry.example"}, ["LastName", "Company"]),
], ids=["no-company", "no-last-name", "neither"])
def test_lead_without_required_fields_is_refused_with_required_field_missing(sf, body, missing):
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.Lead.create(body)
    assert err.value.status == 400
    assert _error(err) == {"errorCode": "REQUIRED_FIELD_MISSING",
                           "message": f"Required fields are missing: [{', '.join(missing)}]", "fields": missing}


def test_required_field_missing_in_a_collection_is_a_per_record_error(sf):
    res = sf.restful("composite/sobjects", method="POST", json={"allOrNone": False, "records": [
        {"attributes": {"type": "Lead"}, "LastName": "Diaz", "Company": "Quarry"},
        {"attributes": {"type": "Lead"}, "LastName": "Moe"}]})
    assert res[0]["success"] is True
    assert res[1] == {"success": False, "errors": [
        {"statusCode": "REQUIRED_FIELD_MISSING", "message": "Required fields are missing: [Company]",
         "fields": ["Company"]}]}


def test_bounce_fields_are_written_read_and_cleared_on_contact_and_lead(sf):
    sf.Contact.update(ANN, {"EmailBouncedDate": "2026-11-16T09:00:06Z", "EmailBouncedReason": "550 5.1.1 unknown"})
    ann = sf.Contact.get(ANN)
    assert (ann["EmailBouncedDate"], ann["EmailBouncedReason"]) == ("2026-11-16T09:00:06.000+0000", "550 5.1.1 unknown")
    sf.Contact.update(ANN, {"EmailBouncedDate": None, "EmailBouncedReason": None})
    assert sf.Contact.get(ANN)["EmailBouncedReason"] is None
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.Lead.update(LEAD, {"EmailBouncedReason": "x" * 256})
    assert _error(err)["errorCode"] == "STRING_TOO_LONG"


def test_task_relates_a_contact_to_an_opportunity_but_never_a_lead(sf):
    tid = sf.Task.create({"WhoId": ANN, "WhatId": ACME_DEAL, "Subject": "s"})["id"]
    assert sf.Task.get(tid)["WhatId"] == ACME_DEAL
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.Task.create({"WhoId": LEAD, "WhatId": ACME_DEAL, "Subject": "s"})
    assert _error(err)["errorCode"] == "FIELD_INTEGRITY_EXCEPTION" and _error(err)["fields"] == ["WhatId"]
