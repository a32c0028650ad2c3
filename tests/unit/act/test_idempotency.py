import hashlib

import duckdb

from autoresponder.act.idempotency import canonical_json, idempotency_key, idempotency_key_text


def test_key_is_sha256_of_the_documented_pipe_string():
    text = idempotency_key_text(
        "cupola", "org_person", "100", "update_email", {"position": None, "email": "é@x.com"}, "m1"
    )
    assert text == 'cupola|org_person|100|update_email|{"email":"é@x.com","position":null}|m1'
    assert idempotency_key(
        "cupola", "org_person", "100", "update_email", {"position": None, "email": "é@x.com"}, "m1"
    ) == (hashlib.sha256(text.encode("utf-8")).hexdigest())


def test_none_record_id_and_empty_payload_hash_as_empty_string_and_braces():
    assert (
        idempotency_key_text("salesforce", "Account", None, "create", {}, "m")
        == "salesforce|Account||create|{}|m"
    )


def test_payload_key_order_does_not_change_the_key():
    a = idempotency_key("s", "o", "1", "a", {"x": "1", "y": "2"}, "m")
    b = idempotency_key("s", "o", "1", "a", {"y": "2", "x": "1"}, "m")
    assert a == b


def test_any_component_changes_the_key():
    base = ("s", "o", "1", "a", {"x": "1"}, "m")
    keys = {idempotency_key(*base)}
    for i, other in enumerate(("t", "p", "2", "b", {"x": "2"}, "n")):
        args = list(base)
        args[i] = other
        keys.add(idempotency_key(*args))
    assert len(keys) == 7


def test_duckdb_expression_in_the_docstring_gives_the_same_key():
    con = duckdb.connect()
    sql_key = con.execute(
        "select sha256(system || '|' || object || '|' || coalesce(record_id, '') || '|' || action || '|'"
        " || json_object('email', email, 'position', position)::varchar || '|' || coalesce(message_id, ''))"
        " from (select 'cupola' as system, 'org_person' as object, null::varchar as record_id,"
        " 'update_email' as action, 'é@x.com' as email, null::varchar as position, 'm1' as message_id)"
    ).fetchone()[0]
    payload = {"email": "é@x.com", "position": None}
    assert sql_key == idempotency_key("cupola", "org_person", None, "update_email", payload, "m1")
    assert canonical_json(payload) == '{"email":"é@x.com","position":null}'


def test_fct_actions_concat_ws_form_matches_when_message_id_is_set():
    con = duckdb.connect()
    sql_key = con.execute(
        "select sha256(concat_ws('|', 'hodor', 'prospect', coalesce(null, ''), 'mark_inactive',"
        " cast(json_object('status', 'Inactive') as varchar), 'm1'))"
    ).fetchone()[0]
    assert sql_key == idempotency_key(
        "hodor", "prospect", None, "mark_inactive", {"status": "Inactive"}, "m1"
    )
