from pathlib import Path

import pytest

from autoresponder.classify import classify_message

ROOT = Path(__file__).resolve().parents[3] / "fixtures" / "classify" / "mta"
CASES = [
    ("postfix_dsn_userunknown", "hard", "5.1.1", "ann.lee@acme.example"),
    ("postfix_dsn_mailboxfull", "soft", "5.2.2", "bob.ray@acme.example"),
    ("sendmail_dsn_delayed", "soft", "4.4.7", "cal.fox@acme.example"),
    ("exchange_ndr_text", "hard", "5.1.10", "eve.ng@acme.example"),
    ("exim_text_hostunknown", "hard", "5.1.2", "fay.obi@nowhere-acme.example"),
    ("qmail_text_userunknown", "hard", "5.1.1", "gus.pal@acme.example"),
    ("gmail_text_userunknown", "hard", "5.1.1", "hal.wu@acme.example"),
    ("courier_text_userunknown", "hard", "5.1.1", "ida.moe@acme.example"),
    ("domino_text_userunknown", "hard", "5.1.1", "jon.orr@acme.example"),
    ("ses_text_blocked", "soft", "5.7.1", "kim.ott@acme.example"),
    ("barracuda_text_spam", "soft", "5.7.1", "lou.pry@acme.example"),
    ("german_ndr_unzustellbar", "hard", "5.1.1", "mia.roth@firma.example"),
]


@pytest.mark.parametrize(("name", "kind", "status", "recipient"), CASES, ids=[c[0] for c in CASES])
def test_mta_failure_notice_is_a_bounce_with_kind_status_and_recipient(name, kind, status, recipient):
    c = classify_message((ROOT / f"{name}.eml").read_bytes())
    assert c.determination == "BOUNCE"
    assert (c.reason, c.bounce.kind, c.bounce.status) == (kind, kind, status)
    assert c.bounce.recipient == recipient
    assert c.source_email == recipient
    assert c.evidence


@pytest.mark.parametrize("name", ["arf_feedback_report", "success_dsn_delivered"])
def test_feedback_reports_and_success_notices_are_never_bounces(name):
    c = classify_message((ROOT / f"{name}.eml").read_bytes())
    assert c.determination == "UNKNOWN"
    assert c.reason == "not_an_auto_reply"


def test_failure_words_are_quoted_as_written_even_next_to_letters_whose_lower_case_is_longer():
    raw = ("From: Mail Delivery System <MAILER-DAEMON@mx.acme.example>\nTo: research@example-research.com\n"
           "Subject: Undelivered Mail Returned to Sender\nMessage-ID: <tr1@mx.acme.example>\n"
           "Content-Type: text/plain; charset=UTF-8\n\nİstanbul office: your message Could Not Be Delivered.\n"
           "<ayse@acme.example>: 550 5.1.1 User unknown\n").encode()
    c = classify_message(raw)
    assert c.determination == "BOUNCE" and "Could Not Be Delivered" in c.evidence
