"""Issue 9: encodings, the CUPOLA seed, the run lock, the OAuth refresh flow and the 401 stop
against the real emulator over HTTP, the error tree, and test-environment isolation."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from autoresponder.errors import AutoResponderError, RunLocked
from autoresponder.land.snapshots import SNAPSHOTS, land_snapshots, preflight
from autoresponder.runlock import RunLock, lock_path
from autoresponder.systems.cupola.embedded import EmbeddedCupola


def test_every_error_class_declares_retriable_and_exit_code() -> None:
    from autoresponder.systems.cupola.errors import CupolaError, CupolaTransientError
    from autoresponder.systems.llm import LLMError, LLMRetriableError
    from autoresponder.systems.salesforce.errors import SalesforceAuthError, SalesforceRetriableError

    for cls, retriable, code in ((CupolaError, False, 3), (CupolaTransientError, True, 3), (LLMError, False, 3),
                                 (LLMRetriableError, True, 3), (SalesforceRetriableError, True, 3),
                                 (SalesforceAuthError, False, 2)):
        assert issubclass(cls, AutoResponderError) and (cls.retriable, cls.exit_code) == (retriable, code)


@pytest.mark.parametrize("codec", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_cupola_csv_in_other_encodings_lands_exactly(sources: Path, codec: str) -> None:
    path = sources / "cupola" / "persons.csv"
    text = path.read_text(encoding="utf-8").replace("\n", "\nzz_marker\n", 0)
    text = text.rstrip("\n") + "\n999999,Zoë,Müller-Ångström,zoe@example.com,\n"
    path.write_bytes(text.encode(codec))
    conn = duckdb.connect()
    land_snapshots(conn, sources)
    assert conn.execute("select first_name, last_name from raw.cupola_persons where person_id = 999999"
                        ).fetchone() == ("Zoë", "Müller-Ångström")
    store = EmbeddedCupola(":memory:")
    store.seed_from_csv(sources)
    assert store._conn.execute("select last_name from persons where person_id = 999999").fetchone()[0] == \
        "Müller-Ångström"


def test_a_failing_csv_leaves_every_raw_table_as_it_was(sources: Path) -> None:
    conn = duckdb.connect()
    land_snapshots(conn, sources)
    before = {s.table: conn.execute(f"select count(*) from {s.table}").fetchone()[0] for s in SNAPSHOTS}
    persons = sources / "cupola" / "persons.csv"
    persons.write_text(persons.read_text() + "1,Extra,Row,x@y.z,\n")
    sfmc = sources / "sfmc" / "suppressions.csv"
    sfmc.write_text(sfmc.read_text() + "a@b.c,list,reason,yesterday\n")
    with pytest.raises(AutoResponderError, match=r"suppressions\.csv:\d+:4: column added_at"):
        land_snapshots(conn, sources)
    after = {s.table: conn.execute(f"select count(*) from {s.table}").fetchone()[0] for s in SNAPSHOTS}
    assert after == before


def test_cupola_store_is_reseeded_when_its_source_changes_and_a_failed_seed_is_retried(tmp_path, sources) -> None:
    store = EmbeddedCupola(tmp_path / "c.sqlite")
    assert store.ensure_seeded(sources) is True
    assert store.ensure_seeded(sources) is False  # same files: the store keeps its state
    ops = sources / "cupola" / "org_persons.csv"
    good = ops.read_text()
    ops.write_text(good.replace("\n5001,", "\nABC,", 1))
    with pytest.raises(AutoResponderError, match=r"org_persons\.csv:2:1"):
        store.ensure_seeded(sources)
    assert store._conn.execute("select count(*) from org_persons").fetchone()[0] > 0  # not emptied
    ops.write_text(good.replace("Portfolio Manager", "Chief Portfolio Manager", 1))
    assert store.ensure_seeded(sources) is True
    assert store.read_org_person(5001)["position"] == "Chief Portfolio Manager"


def test_empty_emails_folder_is_a_warning(sources: Path) -> None:
    for p in (sources / "emails").iterdir():
        p.unlink()
    (warning,) = preflight(sources, salesforce_csv=True)
    assert "no reply files" in warning


def test_stale_lock_of_a_dead_process_is_taken_over_with_a_warning(tmp_path: Path, capsys) -> None:
    wh = tmp_path / "w.duckdb"
    lock_path(wh).write_text(json.dumps({"run_id": "OLD", "pid": 2 ** 22 + 12345, "command": "apply",
                                         "started_at": "2026-01-01T00:00:00+00:00"}))
    with RunLock(wh, "NEW", "apply") as lock:
        assert lock.took_over["run_id"] == "OLD"
        with pytest.raises(RunLocked, match="run NEW"):  # a second holder in this process is refused too
            RunLock(wh, "THIRD", "apply").acquire()
    assert "took over a stale run lock of run OLD" in capsys.readouterr().err


def test_refresh_token_flow_renews_a_refused_access_token(emulator) -> None:
    from autoresponder.systems.salesforce import connect

    org = emulator.org
    sf = connect(session=emulator.session(), instance_url=emulator.instance_url, access_token="00Dx!expired",
                 refresh_token=org.refresh_token, client_id=org.client_id, client_secret=org.client_secret)
    assert sf.query("SELECT Id FROM Contact")["totalSize"] > 0
    assert sf.session_id != "00Dx!expired" and org.session_valid(sf.session_id)


def test_refresh_refused_keeps_the_token_endpoint_error(emulator) -> None:
    import requests

    from autoresponder.systems.salesforce import connect
    from autoresponder.systems.salesforce.errors import SalesforceAuthError

    org = emulator.org
    resp = requests.post(f"{emulator.instance_url}/services/oauth2/token", verify=str(emulator.ca_cert_path),
                         data={"grant_type": "refresh_token", "refresh_token": "nope", "client_id": org.client_id,
                               "client_secret": org.client_secret})
    assert resp.status_code == 400
    assert resp.json() == {"error": "invalid_grant", "error_description": "expired access/refresh token"}
    sf = connect(session=emulator.session(), instance_url=emulator.instance_url, access_token="00Dx!expired",
                 refresh_token="nope", client_id=org.client_id, client_secret=org.client_secret)
    with pytest.raises(SalesforceAuthError, match="invalid_grant: expired access/refresh token"):
        sf.query("SELECT Id FROM Contact")


def test_a_401_without_refresh_token_stops_every_later_write(emulator, mk) -> None:
    from autoresponder.errors import ConnectionFailed
    from autoresponder.systems.salesforce import SalesforceWriter, connect

    sf = connect(session=emulator.session(), instance_url=emulator.instance_url,
                 access_token=emulator.access_token)
    ids = [r["Id"] for r in sf.query("SELECT Id FROM Contact LIMIT 3")["records"]]
    writes = [mk("salesforce", "Contact", rid, "update_title", {"Title": f"T{i}"}, message_id=f"m{i}")
              for i, rid in enumerate(ids)]
    emulator.expire_sessions()
    emulator.reset()
    with pytest.raises(ConnectionFailed, match="REFRESH_TOKEN") as stop:
        SalesforceWriter(sf, batch_size=1, backoff_base=0.0, backoff_max=0.0).apply(writes)
    assert stop.value.outcomes == []  # nothing finished: every write stays pending for the next run
    assert sum(emulator.request_counts().values()) == 1  # the refused read; nothing sent after it


def test_rollback_restores_the_exact_email_and_says_so_in_the_task(emulator, wh, mk) -> None:
    from autoresponder.act.executor import execute
    from autoresponder.act.rollback import rollback
    from autoresponder.systems.salesforce import SalesforceWriter, connect

    sf = connect(session=emulator.session(), username=emulator.username, password=emulator.password,
                 security_token=emulator.security_token)
    rec = sf.query("SELECT Id, Email FROM Contact WHERE Email != null LIMIT 1")["records"][0]
    original = rec["Email"][0].upper() + rec["Email"][1:]
    sf.Contact.update(rec["Id"], {"Email": original})
    w = mk("salesforce", "Contact", rec["Id"], "update_email", {"Email": "new.address@example.com"},
           prior={"Email": original.lower()}, run_id="R1")
    writer = SalesforceWriter(sf)
    execute(wh, [w], {"salesforce": writer}, mode="apply", run_id="R1")
    result = rollback(wh, "R1", {"salesforce": writer})
    assert [r["status"] for r in result["restored"]] == ["succeeded"]
    assert sf.Contact.get(rec["Id"])["Email"] == original  # not lower-cased
    tasks = sf.query(f"SELECT Subject FROM Task WHERE WhoId = '{rec['Id']}'")["records"]
    assert any(f"Email restored to '{original}' (rollback of run R1)" in t["Subject"] for t in tasks)


def test_the_suite_runs_without_endpoint_settings() -> None:
    from tests.conftest import clear_endpoint_settings

    leaked = [k for k in os.environ if k.startswith(("OPENAI_", "AUTORESPONDER_", "SALESFORCE_"))]
    assert leaked == []
    env = {"OPENAI_API_KEY": "sk-real", "AUTORESPONDER_SALESFORCE_ACCESS_TOKEN": "t", "SALESFORCE_X": "1",
           "PATH": "/bin"}
    assert sorted(clear_endpoint_settings(env)) == ["AUTORESPONDER_SALESFORCE_ACCESS_TOKEN", "OPENAI_API_KEY",
                                                    "SALESFORCE_X"]
    assert env == {"PATH": "/bin"}
    from autoresponder.config import Settings
    from autoresponder.systems.llm import client_from_settings

    assert client_from_settings(Settings()) is None  # no key reaches a real LLM
