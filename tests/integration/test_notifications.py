"""Notifications by role over real SMTP (issue 10, DESIGN §9): the real chain runs against the demo
sources and mails a real aiosmtpd server on 127.0.0.1; the tests read what that server received.
Failing servers (4xx then success, 5xx, nobody listening) and STARTTLS + AUTH are real servers too."""

from __future__ import annotations

import hashlib
import shutil
import ssl
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest
import trustme

from autoresponder.notify import log as nlog
from autoresponder.notify import resend, send_run_notifications
from autoresponder.notify.roles import notify_multipub_subscriber_followup_from_upload
from autoresponder.pipeline import run_pipeline
from autoresponder.run import RunContext
from autoresponder.systems.smtp.sink import MailSink
from tests.conftest import SEEDS
from tests.integration.chain import start_chain

TO = {
    "cupola_audit_files": ["cupola-owner@corp.test"],
    "multipub_followup_batch": ["cs-one@corp.test", "cs-two@corp.test"],
    "undetermined_sender_review": ["mp-reviewer@corp.test"],
    "multipub_followup_from_upload": ["cs-one@corp.test", "cs-two@corp.test"],
    "action_items": ["ip4@corp.test"],
    "hodor_prospect_import": ["hodor@corp.test"],
    "run_audit": ["ip4@corp.test"],
    "marketing_suppression": ["marketing@corp.test"],
}
ROLE_CC = {"multipub_followup_batch": ["cs-lead@corp.test"]}
GLOBAL_CC = ["lead-a@corp.test", "lead-b@corp.test"]
EXPECTED_ATTACHMENTS = {
    "cupola_audit_files": {"cupola_audit_log.csv", "cupola_audit_log_rollback_plan.csv", "human_review_metadata.csv"},
    "multipub_followup_batch": {"output_document_multipub_audit.csv"},
    "undetermined_sender_review": {"output_document_undetermined_senders.csv", "output_document_multipub_audit.csv"},
    "action_items": {"output_document_human_review.csv", "output_document_inactive_no_cupola_match.csv",
                     "output_document_inactive_new_org.csv", "output_document_alternate_contacts.csv"},
    "hodor_prospect_import": {"hodor_pending_actions.csv", "hodor_prospect_import_verification.csv"},
    "run_audit": {"processing_report_master.csv", "output_document_human_review.csv"},
    "marketing_suppression": {"marketing_suppression_addresses.csv", "marketing_email_updates.csv",
                              "marketing_out_of_office.csv"},
}


def _settings(port: int) -> dict:
    return {"smtp_port": port, "notify_to": TO, "notify_cc": ROLE_CC, "notify_global_cc": GLOBAL_CC,
            "smtp_backoff_s": 0.01, "smtp_retries": 3}


@pytest.fixture(scope="module")
def mailed(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("notify")
    sources = root / "sources"
    shutil.copytree(SEEDS, sources)
    with MailSink(root / "mailbox") as sink:
        chain = start_chain(sources, root, **_settings(sink.port))
        try:
            first = list(sink.received)
            # a second run finds nothing new: no role has anything to say
            again = RunContext.create(chain.ctx.settings)
            run_pipeline(again, chain.systems)
            yield SimpleNamespace(chain=chain, sink=sink, first=first, again=again, root=root)
        finally:
            chain.stack.close()


def _by_role(received) -> dict:
    return {r.message["X-AutoResponder-Role"]: r for r in received}


def _attachments(msg) -> dict[str, bytes]:
    return {p.get_filename(): p.get_payload(decode=True) for p in msg.iter_attachments()}


def test_one_message_per_role_with_configured_recipients_and_global_cc(mailed) -> None:
    roles = _by_role(mailed.first)
    assert len(mailed.first) == len(roles) == 7, [r.message["Subject"] for r in mailed.first]
    assert set(roles) == set(EXPECTED_ATTACHMENTS)
    for role, item in roles.items():
        msg = item.message
        want_cc = [*ROLE_CC.get(role, []), *GLOBAL_CC]
        assert [a.strip() for a in str(msg["To"]).split(",")] == TO[role], role
        assert [a.strip() for a in str(msg["Cc"]).split(",")] == want_cc, role
        assert sorted(item.rcpt_tos) == sorted(TO[role] + want_cc), role
        assert item.mail_from == "autoresponder@example-research.com"
        assert str(msg["Subject"]).startswith("[AutoResponder] ")
        assert mailed.chain.ctx.run_id in str(msg["Subject"])


def test_attachments_are_the_run_folder_documents(mailed) -> None:
    run_dir = mailed.chain.ctx.run_dir
    for role, item in _by_role(mailed.first).items():
        files = _attachments(item.message)
        assert set(files) == EXPECTED_ATTACHMENTS[role], role
        for name, data in files.items():
            on_disk = run_dir / name if (run_dir / name).is_file() else run_dir / "notifications" / name
            assert data == on_disk.read_bytes(), f"{role}: {name} differs from the run folder"
    hodor = _attachments(_by_role(mailed.first)["hodor_prospect_import"].message)["hodor_pending_actions.csv"]
    assert b"H-70006" in hodor and b"Prospect ID" in hodor


def test_inline_summary_is_short_and_names_the_figures(mailed) -> None:
    roles = _by_role(mailed.first)
    body = roles["multipub_followup_batch"].message.get_body(("plain",)).get_content()
    assert "Multipub subscriptions" in body and "Attached: output_document_multipub_audit.csv" in body
    audit = roles["run_audit"].message.get_body(("plain",)).get_content()
    assert f"Emails processed: {mailed.chain.impact['total_processed']}" in audit
    assert "# Impact report" in audit  # impact inline


def test_marketing_gets_addresses_and_reasons_never_a_reply_body(mailed) -> None:
    msg = _by_role(mailed.first)["marketing_suppression"].message
    raw = msg.as_string()
    whole = raw + "".join(d.decode() for d in _attachments(msg).values())
    evidence = [r["evidence"] for r in mailed.chain.query("select evidence from marts.out_of_office_tracking "
                                                          "union all select evidence from marts.fct_message_outcomes")
                if r["evidence"] and len(r["evidence"]) > 20]
    assert evidence
    for text in evidence:
        assert text[:40] not in whole, f"reply text leaked to Marketing: {text[:40]!r}"
    suppression = _attachments(msg)["marketing_suppression_addresses.csv"].decode()
    assert suppression.splitlines()[0] == "email,reason,source"
    assert "fiona.walsh@fairhavenbank.co.uk,left,inactive" in suppression
    ooo = _attachments(msg)["marketing_out_of_office.csv"].decode()
    assert ooo.splitlines()[0] == "email,return_date,do_not_contact_until,reason"
    body = msg.get_body(("plain",)).get_content()
    assert "* fiona.walsh@fairhavenbank.co.uk: left" in body


def test_logged_in_ops_notifications_with_the_server_reply(mailed) -> None:
    rows = mailed.chain.query("select * from ops.notifications where run_id = ? order by role",
                              [mailed.chain.ctx.run_id])
    assert {r["role"] for r in rows} == set(EXPECTED_ATTACHMENTS)
    for r in rows:
        assert r["status"] == "sent" and r["attempts"] == 1
        assert r["server_reply"].startswith("250 "), r["server_reply"]
        assert Path(r["eml_path"]).is_file()
        assert r["subject"].startswith("[AutoResponder]")
    cupola = next(r for r in rows if r["role"] == "cupola_audit_files")
    assert '"cupola_audit_log.csv"' in cupola["attachments"] and "cupola-owner@corp.test" in cupola["recipients"]


def test_a_rerun_sends_nothing_twice_and_a_run_with_nothing_new_sends_nothing(mailed) -> None:
    assert len(mailed.sink.received) == 7, "the second run (nothing new) mailed someone"
    conn = duckdb.connect(str(mailed.chain.ctx.warehouse))
    try:
        again = send_run_notifications(mailed.chain.ctx, conn)
        assert {o["status"] for o in again} == {"already_sent"}
        assert resend(conn, mailed.chain.ctx.settings, mailed.chain.ctx.run_id) == []
    finally:
        conn.close()
    assert len(mailed.sink.received) == 7
    assert not (mailed.again.run_dir / "notifications").exists() or not list(
        (mailed.again.run_dir / "notifications").glob("*.eml"))


def test_documents_past_the_attachment_cap_are_listed_with_path_size_and_sha256(mailed, run_copy) -> None:
    # at 1M replies one document is hundreds of MB and relays refuse ~25 MB: a message carries at most
    # notify_attachment_max_bytes of documents, in the role's order; the rest are named for the reader
    run_dir, conn = run_copy
    master, review = run_dir / "processing_report_master.csv", run_dir / "output_document_human_review.csv"
    cap = review.stat().st_size
    assert master.stat().st_size > cap  # the run audit's first document does not fit, its second does
    with MailSink() as sink:
        settings = mailed.chain.ctx.settings.model_copy(update={"smtp_port": sink.port,
                                                                "notify_attachment_max_bytes": cap})
        assert {o["status"] for o in send_run_notifications(_ctx(run_dir, settings), conn)} == {"sent"}
    roles = _by_role(sink.received)
    assert set(roles) == set(EXPECTED_ATTACHMENTS)
    listed_anywhere = 0
    for role, item in roles.items():
        files = _attachments(item.message)
        body = item.message.get_body(("plain",)).get_content()
        assert sum(len(b) for b in files.values()) <= cap, role
        assert f"Attached: {', '.join(files) or 'none'}" in body, role
        for name in EXPECTED_ATTACHMENTS[role]:
            path = run_dir / name if (run_dir / name).is_file() else run_dir / "notifications" / name
            data = path.read_bytes()
            if name in files:
                assert files[name] == data and f"* {name}: {len(data):,} bytes" not in body, (role, name)
                continue
            listed_anywhere += 1
            line = f"* {name}: {len(data):,} bytes, sha256 {hashlib.sha256(data).hexdigest()}"
            lines = body.splitlines()
            assert line in lines and lines[lines.index(line) + 1] == f"  {path.resolve()}", (role, name, body)
        logged = next(r for r in nlog.rows(conn, run_id="r-copy") if r["role"] == role)
        assert sorted(logged["attachments"]) == sorted(files), role
    audit = roles["run_audit"]
    assert set(_attachments(audit.message)) == {"output_document_human_review.csv"}
    body = audit.message.get_body(("plain",)).get_content()
    assert f"Not attached (a message carries at most {cap:,} bytes of documents); read them from the run folder:" in body
    assert listed_anywhere >= 2


# --- failing servers: retries with backoff, status logged, nothing lost --------------------------

@pytest.fixture
def run_copy(mailed, tmp_path: Path):
    """The chain's run folder in a fresh place with a fresh notification log."""
    run_dir = tmp_path / "run"
    shutil.copytree(mailed.chain.ctx.run_dir, run_dir, ignore=shutil.ignore_patterns("notifications"))
    conn = duckdb.connect()
    yield run_dir, conn
    conn.close()


def _ctx(run_dir: Path, settings) -> SimpleNamespace:
    return SimpleNamespace(settings=settings, run_dir=run_dir, run_id="r-copy", mode="apply")


def test_transient_failures_are_retried_with_backoff_and_logged(mailed, run_copy) -> None:
    run_dir, conn = run_copy
    with MailSink(fail_next=2) as sink:
        settings = mailed.chain.ctx.settings.model_copy(update={"smtp_port": sink.port})
        outcomes = send_run_notifications(_ctx(run_dir, settings), conn)
        assert sink.handler.data_commands == 7 + 2
    assert [o["status"] for o in outcomes] == ["sent"] * 7
    first = nlog.rows(conn, run_id="r-copy")[0]
    assert first["attempts"] == 3 and first["server_reply"].startswith("250")
    assert len(sink.received) == 7


def test_a_permanent_refusal_is_logged_the_message_kept_and_sent_later(mailed, run_copy) -> None:
    run_dir, conn = run_copy
    with MailSink(fail_next=-1, fail_reply="554 5.7.1 Relaying denied") as bad:
        settings = mailed.chain.ctx.settings.model_copy(update={"smtp_port": bad.port})
        outcomes = send_run_notifications(_ctx(run_dir, settings), conn)
    assert {o["status"] for o in outcomes} == {"failed"}
    rows = nlog.rows(conn, run_id="r-copy")
    assert all(r["status"] == "failed" and r["attempts"] == 1 and r["server_reply"] == "554 5.7.1 Relaying denied"
               for r in rows)
    assert all(Path(r["eml_path"]).is_file() for r in rows)  # documents never lost
    assert (run_dir / "output_document_human_review.csv").is_file()
    with MailSink() as good:
        settings = settings.model_copy(update={"smtp_port": good.port})
        sent = resend(conn, settings, "r-copy")
        assert {o["status"] for o in sent} == {"sent"} and len(good.received) == 7
        kept = Path(rows[0]["eml_path"]).read_bytes()
        assert any(r.message["Message-ID"] in kept.decode() for r in good.received)  # the same message
        assert resend(conn, settings, "r-copy") == []
        assert send_run_notifications(_ctx(run_dir, settings), conn) and len(good.received) == 7


def test_nobody_listening_fails_after_the_retries(mailed, run_copy) -> None:
    run_dir, conn = run_copy
    with MailSink() as s:
        port = s.port  # a port nobody listens on once the server stopped
    settings = mailed.chain.ctx.settings.model_copy(update={"smtp_port": port, "smtp_retries": 2})
    outcomes = send_run_notifications(_ctx(run_dir, settings), conn)
    assert {o["status"] for o in outcomes} == {"failed"}
    r = nlog.rows(conn, run_id="r-copy")[0]
    assert r["attempts"] == 2 and "Connection refused" in r["server_reply"]


def test_starttls_and_auth_when_configured(mailed, run_copy, tmp_path: Path) -> None:
    run_dir, conn = run_copy
    ca = trustme.CA()
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_ctx)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    with MailSink(tls_context=server_ctx, users={"notifier": "s3cret"}) as sink:
        base = mailed.chain.ctx.settings.model_copy(update={
            "smtp_port": sink.port, "smtp_starttls": True, "smtp_username": "notifier", "smtp_ca_file": ca_file})
        wrong = base.model_copy(update={"smtp_password": _secret("nope")})
        outcomes = send_run_notifications(_ctx(run_dir, wrong), conn)
        assert {o["status"] for o in outcomes} == {"failed"} and not sink.received
        assert nlog.rows(conn, run_id="r-copy")[0]["server_reply"].startswith("535")
        right = base.model_copy(update={"smtp_password": _secret("s3cret")})
        assert {o["status"] for o in resend(conn, right, "r-copy")} == {"sent"}
        assert len(sink.received) == 7


def _secret(text: str):
    from pydantic import SecretStr

    return SecretStr(text)


def test_upload_followup_role_mails_client_services(mailed, tmp_path: Path) -> None:
    rows = tmp_path / "confirmed.csv"
    rows.write_text("message_id,lookup_email,decision\nm1,a@b.test,Yes\n", encoding="utf-8")
    n = notify_multipub_subscriber_followup_from_upload(rows, uploaded_by="tarun", upload_id="u1", rows=1,
                                                        source_file="reviewed.csv")
    assert n is not None and n.function == "notify_multipub_subscriber_followup_from_upload"
    assert notify_multipub_subscriber_followup_from_upload(rows, uploaded_by="t", upload_id="u2", rows=0,
                                                           source_file="x.csv") is None


# --- out of office: when to write again; the impact across runs (issue 10) ------------------------

def test_out_of_office_do_not_contact_until_back_now_and_impact_across_runs(mailed) -> None:
    chain = mailed.chain
    ooo = {r["lookup_email"]: r for r in chain.query("select * from marts.out_of_office_tracking")}
    # return date + 1 business day; no date stated: the reply's date + 14 days
    assert str(ooo["mia.russo@acme.com"]["do_not_contact_until"]) == "2026-12-02"  # Tue 1 Dec -> Wed
    assert str(ooo["klaus.richter@rheinland-vers.de"]["do_not_contact_until"]) == "2026-12-08"  # Mon 7 -> Tue
    assert ooo["tom.becker@fairhavenbank.co.uk"]["do_not_contact_basis"] == "fallback"
    assert str(ooo["tom.becker@fairhavenbank.co.uk"]["do_not_contact_until"]) == "2026-11-30"
    marketing = _by_role(mailed.first)["marketing_suppression"].message
    ooo_csv = _attachments(marketing)["marketing_out_of_office.csv"].decode()
    assert "mia.russo@acme.com,2026-12-01,2026-12-02,out_of_office" in ooo_csv
    assert "nobody is back" not in ooo_csv
    first_back = (chain.ctx.run_dir / "out_of_office_back_now.csv").read_text(encoding="utf-8")
    assert first_back.splitlines()[1:] == []  # as of 25 Nov nobody is back yet

    before = len(mailed.sink.received)
    later = RunContext.create(chain.ctx.settings.model_copy(update={"as_of": "2026-12-03"}))
    run_pipeline(later, chain.systems)
    back = (later.run_dir / "out_of_office_back_now.csv").read_text(encoding="utf-8")
    assert "mia.russo@acme.com" in back and "tom.becker@fairhavenbank.co.uk" in back
    assert "noah.fischer@graniteridge.com" in back and "klaus.richter@rheinland-vers.de" not in back
    mails = _by_role(mailed.sink.received[before:])
    assert set(mails) == {"marketing_suppression"}  # the only role with something to say
    back_mail = _attachments(mails["marketing_suppression"].message)["marketing_back_now.csv"].decode()
    assert back_mail.splitlines()[0] == "email,do_not_contact_until,reason"
    assert "mia.russo@acme.com,2026-12-02,back_from_out_of_office" in back_mail

    # listed once: a run the day after lists only the newcomers (Klaus and Sarah, back on the 8th)
    after = RunContext.create(chain.ctx.settings.model_copy(update={"as_of": "2026-12-09"}))
    run_pipeline(after, chain.systems)
    back2 = (after.run_dir / "out_of_office_back_now.csv").read_text(encoding="utf-8")
    assert "klaus.richter@rheinland-vers.de" in back2 and "mia.russo@acme.com" not in back2

    # the impact across runs: every run recorded, a PNG chart embedded in the Markdown
    history = chain.query("select * from report.run_impacts order by run_id")
    assert [h["run_id"] for h in history] == [chain.ctx.run_id, mailed.again.run_id, later.run_id, after.run_id]
    assert history[0]["processed"] == chain.impact["total_processed"] and history[1]["processed"] == 0
    png = after.run_dir / "impact_cumulative.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    md = (after.run_dir / "impact_report.md").read_text(encoding="utf-8")
    assert "## Across runs (4 runs)" in md and "![impact across runs](impact_cumulative.png)" in md
    assert f"| {chain.ctx.run_id} | 2026-11-25 | apply | {chain.impact['total_processed']} |" in md
    assert "| cupola |" in md
    import json

    impact = json.loads((after.run_dir / "impact_report.json").read_text(encoding="utf-8"))
    assert impact["across_runs"]["runs"] == 4
    assert impact["across_runs"]["processed"] == chain.impact["total_processed"]
    assert impact["out_of_office"]["back_now"] == 2

    from autoresponder.report.cumulative import dagster_markdown

    inline = dagster_markdown("![impact across runs](impact_cumulative.png)", png)
    assert inline.startswith("![impact across runs](data:image/png;base64,iVBOR")
