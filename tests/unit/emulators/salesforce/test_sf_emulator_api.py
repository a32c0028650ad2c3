"""The emulator through the real simple-salesforce client over TLS."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import requests
from simple_salesforce import Salesforce
from simple_salesforce.exceptions import (
    SalesforceAuthenticationFailed,
    SalesforceExpiredSession,
    SalesforceMalformedRequest,
    SalesforceResourceNotFound,
)

from autoresponder.emulators.salesforce import id18, seed_records, synthetic_contacts
from autoresponder.emulators.salesforce.schema import FieldSpec


def test_login_with_password_and_token_points_client_at_emulator(emulator, sf_login):
    assert sf_login.sf_instance == emulator.instance_url.removeprefix("https://")
    assert sf_login.query("SELECT COUNT() FROM Contact")["totalSize"] == 3
    assert emulator.request_counts()["login"] == 1


def test_login_to_sandbox_domain_reaches_emulator(emulator):
    sf = Salesforce(username=emulator.username, password=emulator.password, security_token=emulator.security_token,
                    session=emulator.session(), domain="test")
    assert sf.query("SELECT COUNT() FROM Lead")["totalSize"] == 2


def test_login_with_wrong_password_fails_with_invalid_login(emulator):
    with pytest.raises(SalesforceAuthenticationFailed) as err:
        Salesforce(username=emulator.username, password="wrong", security_token=emulator.security_token,
                   session=emulator.session())
    assert "INVALID_LOGIN" in str(err.value)


def test_access_token_login_queries(sf):
    recs = sf.query("SELECT Id, Email FROM Contact WHERE Email = 'ANN.LEE@acme.example'")["records"]
    assert [r["Id"] for r in recs] == ["003000000000001AAA"]
    assert recs[0]["attributes"] == {"type": "Contact", "url": "/services/data/v59.0/sobjects/Contact/003000000000001AAA"}


def test_wrong_token_gets_401_invalid_session_id(emulator):
    resp = emulator.session().get(emulator.instance_url + "/services/data/v59.0/query", params={"q": "SELECT Id FROM Lead"},
                                  headers={"Authorization": "Bearer nope"})
    assert resp.status_code == 401
    assert resp.json() == [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]


def test_expired_session_raises_for_token_only_client(emulator, sf):
    emulator.expire_sessions()
    with pytest.raises(SalesforceExpiredSession):
        sf.query("SELECT Id FROM Lead")


def test_password_client_relogs_in_after_sessions_expire(emulator, sf_login):
    emulator.expire_sessions()
    assert sf_login.query("SELECT COUNT() FROM Lead")["totalSize"] == 2
    assert emulator.request_counts()["login"] == 2


def test_query_pages_with_next_records_url(emulator, sf):
    seed_records(emulator.state, "Contact", synthetic_contacts(4500))
    first = sf.query("SELECT Id FROM Contact")
    assert first["totalSize"] == 4503 and not first["done"] and len(first["records"]) == 2000
    assert re.fullmatch(r"/services/data/v59\.0/query/01g\w{15}-2000", first["nextRecordsUrl"])
    everything = sf.query_all("SELECT Id FROM Contact")["records"]
    assert len({r["Id"] for r in everything}) == 4503
    assert emulator.request_counts()["query_more"] == 2  # query_all: one query, two queryMore


def test_query_more_locator_can_be_refetched_after_a_lost_answer(emulator, sf):
    seed_records(emulator.state, "Contact", synthetic_contacts(500))
    first = sf.query("SELECT Id FROM Contact", headers={"Sforce-Query-Options": "batchSize=200"})
    assert len(first["records"]) == 200 and first["nextRecordsUrl"].endswith("-200")
    again = sf.query_more(first["nextRecordsUrl"], identifier_is_url=True)
    retry = sf.query_more(first["nextRecordsUrl"], identifier_is_url=True)
    assert [r["Id"] for r in again["records"]] == [r["Id"] for r in retry["records"]]
    assert again["nextRecordsUrl"].endswith("-400")


def test_query_all_returns_deleted_rows(sf):
    sf.Contact.delete("003000000000002AAA")
    assert sf.query("SELECT COUNT() FROM Contact")["totalSize"] == 2
    deleted = sf.query_all("SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true", include_deleted=True)
    assert [(r["Id"], r["IsDeleted"]) for r in deleted["records"]] == [("003000000000002AAA", True)]


def test_malformed_query_returns_salesforce_error_body(sf):
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.query("SELECT Id FROM Contact WHERE")
    assert err.value.content[0]["errorCode"] == "MALFORMED_QUERY"


def test_invalid_field_error_names_the_field(sf):
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.query("SELECT Id, Foo__c FROM Contact")
    assert err.value.content[0]["errorCode"] == "INVALID_FIELD"
    assert "Foo__c" in err.value.content[0]["message"]


def test_describe_reports_field_metadata(sf):
    desc = sf.Contact.describe()
    fields = {f["name"]: f for f in desc["fields"]}
    assert desc["keyPrefix"] == "003"
    assert fields["Contact_Status__c"]["custom"] and fields["Contact_Status__c"]["type"] == "picklist"
    assert [p["value"] for p in fields["Contact_Status__c"]["picklistValues"]] == ["Active", "Inactive"]
    assert fields["LastName"]["nillable"] is False and fields["Email"]["length"] == 80
    assert fields["SystemModstamp"]["updateable"] is False and fields["AccountId"]["referenceTo"] == ["Account"]


def test_unknown_object_in_the_url_is_not_found_as_in_a_real_org(sf):
    with pytest.raises(SalesforceResourceNotFound) as err:
        sf.restful("sobjects/Nope/describe")
    assert err.value.content[0]["errorCode"] == "NOT_FOUND"


def test_unknown_object_in_soql_is_invalid_type(sf):
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.query("SELECT Id FROM Nope")
    assert err.value.content[0]["errorCode"] == "INVALID_TYPE"


def test_added_field_shows_in_describe(emulator, sf):
    emulator.state.add_field("Lead", FieldSpec("Region__c", "string", 40, custom=True))
    assert "Region__c" in {f["name"] for f in sf.Lead.describe()["fields"]}


def test_sobject_crud_updates_timestamps(sf):
    before = sf.Contact.get("003000000000001AAA")
    assert sf.Contact.update("003000000000001AAA", {"Title": "Head of Research"}) == 204
    after = sf.Contact.get("003000000000001AAA")
    assert after["Title"] == "Head of Research"
    assert after["SystemModstamp"] > before["SystemModstamp"] and after["LastModifiedDate"] == after["SystemModstamp"]
    created = sf.Lead.create({"LastName": "New", "Company": "Co", "Email": "new@co.example"})
    assert created["success"] and created["id"].startswith("00Q") and len(created["id"]) == 18
    assert sf.Lead.get(created["id"])["Status"] == "Open - Not Contacted"
    sf.Lead.delete(created["id"])
    with pytest.raises(SalesforceResourceNotFound):
        sf.Lead.get(created["id"])


def test_create_without_required_field_is_required_field_missing(sf):
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.Contact.create({"FirstName": "No", "Email": "no@x.example"})
    assert err.value.content == [{"message": "Required fields are missing: [LastName]",
                                  "errorCode": "REQUIRED_FIELD_MISSING", "fields": ["LastName"]}]


def test_get_unknown_record_is_not_found(sf):
    with pytest.raises(SalesforceResourceNotFound) as err:
        sf.Contact.get("003000000000099AAA")
    assert err.value.content[0]["errorCode"] == "NOT_FOUND"


def test_collection_patch_reports_per_record_errors(sf):
    res = sf.restful("composite/sobjects", method="PATCH", json={"allOrNone": False, "records": [
        {"attributes": {"type": "Contact"}, "id": "003000000000001AAA", "Contact_Status__c": "Bogus"},
        {"attributes": {"type": "Contact"}, "id": "003000000000002AAA", "Title": "CEO"},
        {"attributes": {"type": "Contact"}, "id": "003000000000003AAA", "Nope__c": 1},
    ]})
    assert [r["success"] for r in res] == [False, True, False]
    assert res[0]["errors"][0]["statusCode"] == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"
    assert res[0]["errors"][0]["fields"] == ["Contact_Status__c"]
    assert res[2]["errors"][0]["statusCode"] == "INVALID_FIELD"
    assert sf.Contact.get("003000000000002AAA")["Title"] == "CEO"


def test_collection_all_or_none_rolls_back_everything(sf):
    res = sf.restful("composite/sobjects", method="PATCH", json={"allOrNone": True, "records": [
        {"attributes": {"type": "Contact"}, "id": "003000000000002AAA", "Title": "CEO"},
        {"attributes": {"type": "Contact"}, "id": "003000000000001AAA", "Email": "not an email"},
    ]})
    assert res[0]["errors"][0]["statusCode"] == "ALL_OR_NONE_OPERATION_ROLLED_BACK"
    assert res[1]["errors"][0]["statusCode"] == "INVALID_EMAIL_ADDRESS"
    assert sf.Contact.get("003000000000002AAA")["Title"] == "CIO"


def test_collection_post_creates_records_in_order(sf):
    res = sf.restful("composite/sobjects", method="POST", json={"allOrNone": False, "records": [
        {"attributes": {"type": "Task"}, "WhoId": "003000000000001AAA", "Subject": "a"},
        {"attributes": {"type": "Task"}, "WhoId": "001000000000001AAA", "Subject": "b"},
    ]})
    assert res[0]["success"] and res[0]["id"].startswith("00T")
    assert res[1]["errors"][0]["statusCode"] == "FIELD_INTEGRITY_EXCEPTION"


def test_collection_over_200_records_is_refused(sf):
    records = [{"attributes": {"type": "Contact"}, "id": "003000000000001AAA", "Title": "x"}] * 201
    with pytest.raises(SalesforceMalformedRequest) as err:
        sf.restful("composite/sobjects", method="PATCH", json={"allOrNone": False, "records": records})
    assert err.value.content[0]["errorCode"] == "EXCEEDED_ID_LIMIT"


def test_collection_get_returns_null_for_missing_ids(sf):
    res = sf.restful("composite/sobjects/Contact", params={"ids": "003000000000001AAA,003000000000099AAA",
                                                          "fields": "Email,Contact_Status__c"})
    assert res[0]["Email"] == "ann.lee@acme.example" and res[1] is None


def test_limits_and_debug_counters(emulator, sf):
    assert sf.limits()["DailyApiRequests"]["Max"] == 100000
    counts = emulator.session().get(emulator.instance_url + "/_emulator/requests").json()["counts"]
    assert counts["limits"] == 1
    emulator.session().post(emulator.instance_url + "/_emulator/reset")
    assert emulator.request_counts() == {}


def test_ids_carry_case_safe_checksum():
    assert id18("001A0000006Vm9r") == "001A0000006Vm9rIAC"


def test_bulk_query_pages_with_locator_and_max_records(emulator, sf):
    seed_records(emulator.state, "Contact", synthetic_contacts(2500))
    pages = list(sf.bulk2.Contact.query("SELECT Id, Email, HasOptedOutOfEmail, SystemModstamp FROM Contact",
                                        max_records=1000, wait=0))
    rows = [r for p in pages for r in csv.DictReader(io.StringIO(p))]
    assert len(pages) == 3 and len(rows) == 2503
    assert rows[0]["HasOptedOutOfEmail"] == "false" and rows[0]["SystemModstamp"].endswith("Z")
    assert emulator.request_counts()["bulk_results"] == 3


def test_bulk_query_refuses_compound_fields(sf):
    with pytest.raises(SalesforceMalformedRequest):
        list(sf.bulk2.Contact.query("SELECT Id, MailingAddress FROM Contact", wait=0))


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("429", 429, "REQUEST_LIMIT_EXCEEDED"),
    ("503", 503, "SERVER_UNAVAILABLE"),
    ("REQUEST_LIMIT_EXCEEDED", 403, "REQUEST_LIMIT_EXCEEDED"),
    ("INVALID_SESSION_ID", 401, "INVALID_SESSION_ID"),
], ids=["429", "503", "limit", "session"])
def test_injected_faults_answer_with_salesforce_bodies(emulator, kind, status, code):
    emulator.set_faults({"rate": 1.0, "kinds": [kind], "seed": 3})
    resp = emulator.session().get(emulator.instance_url + "/services/data/v59.0/limits",
                                  headers={"Authorization": f"Bearer {emulator.access_token}"})
    assert resp.status_code == status and resp.json()[0]["errorCode"] == code
    assert emulator.faults_injected() == {kind: 1}


def test_injected_drop_cuts_the_connection_after_the_write(emulator):
    emulator.set_faults({"rate": 1.0, "kinds": ["drop"], "seed": 3})
    with pytest.raises(requests.exceptions.RequestException):
        emulator.session().patch(emulator.instance_url + "/services/data/v59.0/sobjects/Contact/003000000000001AAA",
                                 data=json.dumps({"Title": "Dropped"}),
                                 headers={"Authorization": f"Bearer {emulator.access_token}",
                                          "Content-Type": "application/json"})
    emulator.set_faults(None)
    assert emulator.state.get("Contact", "003000000000001AAA")["Title"] == "Dropped"


def test_injected_lock_fails_some_collection_records(emulator, sf):
    emulator.set_faults({"rate": 1.0, "kinds": ["UNABLE_TO_LOCK_ROW"], "seed": 3})
    res = sf.restful("composite/sobjects", method="PATCH", json={"allOrNone": False, "records": [
        {"attributes": {"type": "Contact"}, "id": f"00300000000000{i}AAA", "Title": "T"} for i in (1, 2, 3)]})
    codes = [r["errors"][0]["statusCode"] for r in res if not r["success"]]
    assert codes and set(codes) == {"UNABLE_TO_LOCK_ROW"}


def test_endpoints_are_listed(emulator):
    listed = emulator.session().get(emulator.instance_url + "/_emulator/endpoints").json()
    assert "GET /services/data/v{version}/composite/sobjects/{sobject}?ids=&fields=" in listed
