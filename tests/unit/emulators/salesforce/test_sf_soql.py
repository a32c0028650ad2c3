"""The SOQL subset: parsing to an AST and evaluating against the store."""

from __future__ import annotations

import pytest

from autoresponder.emulators.salesforce.soql import BoolOp, Comparison, InList, Not, SoqlError, parse
from autoresponder.emulators.salesforce.state import ApiError, OrgState


def test_parse_builds_ast_with_precedence_and_over_or():
    q = parse("SELECT Id, Email FROM Contact WHERE A__c = 'x' OR B__c = 1 AND C__c != null")
    assert q.fields == ("Id", "Email") and q.sobject == "Contact"
    assert isinstance(q.where, BoolOp) and q.where.op == "OR"
    assert isinstance(q.where.items[1], BoolOp) and q.where.items[1].op == "AND"


def test_parse_reads_in_not_in_like_and_parentheses():
    q = parse("select Id from Lead where (Status in ('A','B') and not Email like '%x%') or Id not in ('1')")
    left, right = q.where.items
    assert isinstance(left.items[0], InList) and not left.items[0].negated
    assert isinstance(left.items[1], Not) and left.items[1].item.op == "LIKE"
    assert isinstance(right, InList) and right.negated


def test_parse_reads_order_limit_offset_and_count():
    q = parse("SELECT Id FROM Contact ORDER BY LastName DESC NULLS LAST, Id LIMIT 10 OFFSET 5")
    assert [(o.field, o.descending, o.nulls) for o in q.order_by] == [("LastName", True, "LAST"), ("Id", False, None)]
    assert (q.limit, q.offset) == (10, 5)
    assert parse("SELECT COUNT() FROM Lead").count


def test_string_escapes_are_decoded():
    q = parse(r"SELECT Id FROM Contact WHERE LastName = 'O\'Brien'")
    assert isinstance(q.where, Comparison) and q.where.value.value == "O'Brien"


def test_datetime_literals_are_normalised_to_utc():
    q = parse("SELECT Id FROM Contact WHERE SystemModstamp > 2024-01-01T10:00:00+02:00")
    assert q.where.value.value == "2024-01-01T08:00:00.000+0000"


@pytest.mark.parametrize("text", [
    "SELECT FROM Contact",
    "SELECT Id Contact",
    "SELECT Id FROM Contact WHERE",
    "SELECT Id FROM Contact WHERE Email = ",
    "SELECT Id FROM Contact WHERE (Email = 'a'",
    "SELECT Id FROM Contact LIMIT x",
    "SELECT Id FROM Contact WHERE Email == 'a'",
], ids=["no-fields", "no-from", "empty-where", "no-value", "unclosed-paren", "bad-limit", "double-equals"])
def test_malformed_queries_raise_malformed_query(text):
    with pytest.raises(SoqlError) as err:
        parse(text)
    assert err.value.code == "MALFORMED_QUERY"


@pytest.fixture
def store(tmp_path):
    st = OrgState(tmp_path / "org.sqlite")
    st.bulk_insert("Contact", [
        {"Id": "003000000000001AAA", "FirstName": "Ann", "LastName": "Lee", "Email": "Ann@X.com", "Title": "CIO",
         "Contact_Status__c": "Active"},
        {"Id": "003000000000002AAA", "FirstName": "Bob", "LastName": "O'Ray", "Email": "bob@y.com", "Title": None,
         "Contact_Status__c": "Inactive"},
        {"Id": "003000000000003AAA", "FirstName": "Cy", "LastName": "Zed", "Email": None, "Title": "Analyst",
         "Contact_Status__c": None},
    ])
    yield st
    st.close()


def _ids(store, where):
    return [r["Id"][-4:-3] for r in store.query(f"SELECT Id FROM Contact WHERE {where} ORDER BY Id")]


@pytest.mark.parametrize(("where", "expected"), [
    ("Email = 'ann@x.com'", ["1"]),
    ("Email != 'ann@x.com'", ["2", "3"]),
    ("Email = null", ["3"]),
    ("Email != null", ["1", "2"]),
    ("Contact_Status__c IN ('Active', 'Inactive')", ["1", "2"]),
    ("Contact_Status__c NOT IN ('Active')", ["2", "3"]),
    ("Email LIKE '%@y.%'", ["2"]),
    ("LastName = 'O\\'Ray'", ["2"]),
    ("(Title = 'CIO' OR Title = 'Analyst') AND Email != null", ["1"]),
    ("NOT Title = 'CIO'", ["3"]),
    ("IsDeleted = false AND Title LIKE 'c%'", ["1"]),
], ids=["eq-case-insensitive", "ne-includes-null", "is-null", "not-null", "in", "not-in-includes-null", "like",
        "escaped-quote", "parens", "not", "boolean"])
def test_where_clauses_select_the_right_rows(store, where, expected):
    assert _ids(store, where) == expected


def test_order_by_limit_and_count(store):
    rows = store.query("SELECT LastName FROM Contact ORDER BY LastName DESC LIMIT 2")
    assert [r["LastName"] for r in rows] == ["Zed", "O'Ray"]
    assert store.query("SELECT COUNT() FROM Contact WHERE Title != null") == [{"expr0": 2}]


def test_unknown_field_is_invalid_field(store):
    with pytest.raises(ApiError) as err:
        store.query("SELECT Id, Nope__c FROM Contact")
    assert err.value.code == "INVALID_FIELD" and "No such column 'Nope__c'" in err.value.message


def test_unknown_object_is_invalid_type(store):
    with pytest.raises(ApiError) as err:
        store.query("SELECT Id FROM Opportunityx")
    assert err.value.code == "INVALID_TYPE"
