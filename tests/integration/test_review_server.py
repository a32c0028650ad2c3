"""`autoresponder serve` over real HTTP (issue 10, DESIGN §7): uvicorn on 127.0.0.1 in a thread, httpx
as the reviewer, the real chain's warehouse, a real aiosmtpd server for Client Services' mail.

Covers: authentication (401), the page, the Multipub Yes/No upload mailed once (CSV and XLSX),
each kind of bad upload refused with nothing stored, and the human-review approval that becomes a
write on the next apply, with the rejection remembered for the same reply sent again."""

from __future__ import annotations

import csv
import io
import shutil
import socket
import threading
import time
from types import SimpleNamespace

import httpx
import openpyxl
import pytest
import uvicorn

from autoresponder.pipeline import run_pipeline
from autoresponder.review.app import create_app
from autoresponder.run import RunContext
from autoresponder.systems.smtp.sink import MailSink
from tests.conftest import SEEDS
from tests.integration.chain import start_chain

REVIEWERS = {"tarun": "tarun-secret-1", "sai": "sai-secret-2"}
CLIENT_SERVICES = ["cs-one@corp.test", "cs-two@corp.test"]
LIMIT = 100_000
RELAY = "relay.20261116.0027.a9f3@relay.crestline-ins.com"  # IDENTITY_MISMATCH: its writes are held
OOO = "ooo-7781.fischer@mail.graniteridge.com"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("serve")
    sources = root / "sources"
    shutil.copytree(SEEDS, sources)
    with MailSink(root / "mailbox") as sink:
        chain = start_chain(sources, root, smtp_port=sink.port, reviewers=REVIEWERS,
                            review_max_upload_bytes=LIMIT, smtp_backoff_s=0.01,
                            notify_to={"multipub_followup_from_upload": CLIENT_SERVICES},
                            notify_global_cc=["lead@corp.test"])
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(chain.ctx.settings), log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                yield SimpleNamespace(chain=chain, sink=sink, http=client, sources=sources, root=root)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            sock.close()
            chain.stack.close()


def bearer(name: str) -> dict:
    return {"Authorization": f"Bearer {REVIEWERS[name]}"}


def _csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def _to_csv(cols: list[str], rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _xlsx(cols: list[str], rows: list[dict[str, str]], formula: str | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(cols)
    for r in rows:
        ws.append([r.get(c, "") for c in cols])
    if formula:
        ws.cell(row=2, column=1, value=formula)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _count(served, table: str) -> int:
    return served.chain.query(f"select count(*) as n from {table}")[0]["n"]


def _upload(served, path: str, name: str, data: bytes, who: str = "tarun", ctype: str = "text/csv"):
    return served.http.post(path, headers=bearer(who), files={"file": (name, data, ctype)})


# --- authentication and the page ---------------------------------------------------------------

def test_unauthenticated_requests_get_401(served) -> None:
    r = served.http.get("/")
    assert r.status_code == 401 and "Basic" in r.headers["www-authenticate"]
    assert served.http.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert served.http.get("/", auth=("tarun", "sai-secret-2")).status_code == 401  # another's secret
    r = served.http.post("/upload/multipub-audit", files={"file": ("a.csv", b"message_id\n", "text/csv")})
    assert r.status_code == 401
    assert served.http.get("/healthz").json() == {"ok": True}


def test_page_lists_the_open_items_with_evidence_and_forms(served) -> None:
    r = served.http.get("/", auth=("sai", REVIEWERS["sai"]))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert "Signed in as <b>sai</b>" in page and served.chain.ctx.run_id in page
    assert RELAY in page and OOO in page
    assert "I am out of the office until 30 November 2026" in page  # evidence
    assert 'action="/upload/human-review"' in page and 'action="/upload/multipub-audit"' in page
    assert 'href="/download/human_review.csv"' in page and "<script" not in page


# --- the Multipub reviewer's Yes/No ------------------------------------------------------------

def _followups(served) -> list:
    return [r for r in served.sink.received if r.message["X-AutoResponder-Role"] == "multipub_followup_from_upload"]


def test_multipub_yes_rows_are_mailed_to_client_services_once(served) -> None:
    r = served.http.get("/download/multipub_audit.csv", headers=bearer("tarun"))
    assert r.status_code == 200
    cols, rows = _csv_rows(r.text)
    assert "decision" in cols and len(rows) >= 3
    rows[0]["decision"], rows[1]["decision"], rows[2]["decision"] = "Yes", "yes", "No"
    data = _to_csv(cols, rows)
    r = _upload(served, "/upload/multipub-audit", "reviewed.csv", data)
    assert r.status_code == 201, r.text
    body = r.json()
    assert (body["stored"], body["yes"], body["no"], body["mailed_rows"]) == (3, 2, 1, 2)
    mails = _followups(served)
    assert len(mails) == 1
    msg = mails[0].message
    assert sorted(mails[0].rcpt_tos) == sorted([*CLIENT_SERVICES, "lead@corp.test"])
    assert "Multipub follow-up confirmed by the reviewer (2)" in str(msg["Subject"])
    (att,) = list(msg.iter_attachments())
    assert att.get_filename() == "multipub_followup_confirmed.csv"
    sent = att.get_payload(decode=True).decode()
    assert rows[0]["message_id"] in sent and rows[1]["subscription_id"] in sent
    assert rows[2]["subscription_id"] not in sent and "tarun" in sent
    stored = served.chain.query("select * from review.multipub_decisions order by decision desc")
    assert {(s["decided_by"], s["decision"]) for s in stored} == {("tarun", "yes"), ("tarun", "no")}
    assert all(s["decided_at"] is not None for s in stored)
    log = served.chain.query("select * from ops.notifications where role = 'multipub_followup_from_upload'")
    assert [x["status"] for x in log] == ["sent"]

    # the same file again: nothing stored, nothing sent
    again = _upload(served, "/upload/multipub-audit", "reviewed.csv", data)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert len(_followups(served)) == 1

    # an XLSX with the same decisions and one more Yes: only the new row is mailed
    rows[2]["decision"] = "Yes"
    x = _upload(served, "/upload/multipub-audit", "reviewed.xlsx", _xlsx(cols, rows),
                ctype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert x.status_code == 201, x.text
    assert x.json()["mailed_rows"] == 1
    mails = _followups(served)
    assert len(mails) == 2
    second = list(mails[1].message.iter_attachments())[0].get_payload(decode=True).decode()
    assert rows[2]["subscription_id"] in second and rows[0]["subscription_id"] not in second


# --- bad uploads: a clear 4xx and nothing stored -------------------------------------------------

def _bad_cases(served) -> list[tuple[str, str, bytes, int, str]]:
    cols, rows = _csv_rows(served.http.get("/download/multipub_audit.csv?all=1", headers=bearer("tarun")).text)
    good = rows[:1]
    unknown = [{**good[0], "message_id": "nobody@nowhere.test", "decision": "Yes"}]
    formula = [{**good[0], "decision": "Yes", "company": "=HYPERLINK(\"http://x\")"}]
    bad_decision = [{**good[0], "decision": "maybe"}]
    return [
        ("too large", "big.csv", _to_csv(cols, good) + b"x" * (LIMIT + 70_000), 413, "limit"),
        ("wrong extension", "reviewed.txt", _to_csv(cols, good), 415, "only .csv and .xlsx"),
        ("binary named csv", "reviewed.csv", b"\x00\x01\x02binary" * 10, 415, "binary"),
        ("xlsx that is not a workbook", "reviewed.xlsx", b"just text, not a zip", 415, "not an XLSX"),
        ("missing columns", "reviewed.csv", b"message_id,company\nm1,Acme\n", 422, "missing column(s)"),
        ("unknown message id", "reviewed.csv", _to_csv(cols, unknown), 422, "unknown message id"),
        ("formula cell (csv)", "reviewed.csv", _to_csv(cols, formula), 422, "formula"),
        ("formula cell (xlsx)", "reviewed.xlsx", _xlsx(cols, [{**good[0], "decision": "Yes"}], "=1+1"), 422,
         "formula"),
        ("not a decision", "reviewed.csv", _to_csv(cols, bad_decision), 422, "not a decision"),
    ]


def test_each_kind_of_bad_upload_is_refused_and_nothing_is_stored(served) -> None:
    for label, name, data, status, words in _bad_cases(served):
        before = (_count(served, "review.uploads"), _count(served, "review.multipub_decisions"),
                  len(served.sink.received))
        r = _upload(served, "/upload/multipub-audit", name, data)
        assert r.status_code == status, f"{label}: {r.status_code} {r.text}"
        assert words in r.json()["error"], f"{label}: {r.json()}"
        after = (_count(served, "review.uploads"), _count(served, "review.multipub_decisions"),
                 len(served.sink.received))
        assert after == before, f"{label}: something was stored or sent"
    hr = _upload(served, "/upload/human-review", "review.csv", b"message_id,approve\nnobody@nowhere.test,yes\n",
                 who="sai")
    assert hr.status_code == 422 and "unknown message id" in hr.json()["error"]
    assert _count(served, "review.human_review_decisions") == 0
    missing = _upload(served, "/upload/human-review", "review.csv", b"message_id\nx\n", who="sai")
    assert missing.status_code == 422 and "approve" in missing.json()["error"]


# --- approvals: a write on the next apply; rejections remembered --------------------------------

def test_an_approval_is_written_by_the_next_apply_and_a_rejection_is_remembered(served) -> None:
    chain = served.chain
    r = served.http.get("/download/human_review.csv", headers=bearer("sai"))
    cols, rows = _csv_rows(r.text)
    assert "approve" in cols
    by_id = {row["message_id"]: row for row in rows}
    by_id[RELAY]["approve"] = "yes"
    by_id[OOO]["approve"] = "no"
    up = _upload(served, "/upload/human-review", "human_review.csv", _to_csv(cols, rows), who="sai")
    assert up.status_code == 201, up.text
    body = up.json()
    assert (body["approved"], body["rejected"]) == (1, 1)
    assert body["writes_on_next_apply"] == 3  # CUPOLA, Hodor hand-off, SFMC suppression
    assert not chain.query("select * from ops.write_log where message_id = ?", [RELAY])
    decision = chain.query("select * from review.human_review_decisions where message_id = ?", [RELAY])[0]
    assert decision["decided_by"] == "sai" and decision["decision"] == "approve"

    # the same reply arrives again with a new Message-ID: it must not be asked about again
    eml = (served.sources / "emails" / "28_duplicate_message_id_a.eml").read_text(encoding="utf-8")
    (served.sources / "emails" / "40_ooo_again.eml").write_text(
        eml.replace("<OOO-7781.Fischer@Mail.GraniteRidge.com>", "<OOO-7781-again.Fischer@Mail.GraniteRidge.com>"),
        encoding="utf-8")
    nxt = RunContext.create(chain.ctx.settings)
    run_pipeline(nxt, chain.systems)

    actions = chain.actions(RELAY)
    approved = [a for a in actions if a["gate"] == "approved"]
    assert {(a["system"], a["action"]) for a in approved} == {
        ("cupola", "mark_inactive"), ("hodor", "mark_inactive"), ("sfmc", "suppress")}
    assert all(a["approved_by"] == "sai" and a["approved_at"] is not None for a in approved)
    writes = {w["system"]: w for w in chain.writes(RELAY)}
    assert writes["cupola"]["status"] == "succeeded" and writes["cupola"]["run_id"] == nxt.run_id
    assert writes["hodor"]["status"] == "queued" and writes["sfmc"]["status"] == "queued"
    assert chain.cupola_row(5027)["status"] == "Inactive"
    plan = (nxt.run_dir / "cupola_audit_log_rollback_plan.csv").read_text(encoding="utf-8")
    assert "5027" in plan  # reversible like any write

    again_id = "ooo-7781-again.fischer@mail.graniteridge.com"
    assert chain.outcome(again_id)["outcome"] == "manual_review"
    open_ids = {x["message_id"] for x in chain.query("select message_id from marts.output_document_human_review")}
    assert OOO not in open_ids and RELAY not in open_ids and again_id not in open_ids
    doc = (nxt.run_dir / "output_document_human_review.csv").read_text(encoding="utf-8")
    assert again_id not in doc
    # a later run writes nothing twice
    third = RunContext.create(chain.ctx.settings)
    run_pipeline(third, chain.systems)
    assert len(chain.query("select * from ops.write_log where message_id = ?", [RELAY])) == 3
