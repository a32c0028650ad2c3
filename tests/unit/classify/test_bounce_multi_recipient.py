"""Multi-recipient delivery reports: one Bounce per failed recipient, carried to the table and the CLI."""

import argparse
import json

import duckdb

from autoresponder.classify import classify_message
from autoresponder.classify.cli import classify_main
from autoresponder.classify.store import write_classifications

EXIM_TWO = b"""From: Mail Delivery System <Mailer-Daemon@mx.acme.example>
To: research@example-research.com
Subject: Mail delivery failed: returning message to sender
Message-ID: <exim-two@mx.acme.example>
Return-Path: <>
Date: Tue, 10 Dec 2024 10:00:00 +0000
Content-Type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  oli.park@acme.example
    SMTP error from remote mail server after RCPT TO:<oli.park@acme.example>:
    host mx2.acme.example [192.0.2.7]: 550 5.1.1 <oli.park@acme.example>: User unknown
  pat.quinn@acme.example
    SMTP error from remote mail server after RCPT TO:<pat.quinn@acme.example>:
    host mx2.acme.example [192.0.2.7]: 552 5.2.2 <pat.quinn@acme.example>: Mailbox full

------ This is a copy of the message, including all the headers. ------
From: Research <research@example-research.com>
To: oli.park@acme.example, pat.quinn@acme.example
Subject: Weekly note
"""

QMAIL_TWO = b"""From: MAILER-DAEMON@mail.acme.example
To: research@example-research.com
Subject: failure notice
Message-ID: <qmail-two@mail.acme.example>
Date: Tue, 10 Dec 2024 10:00:00 +0000

Hi. This is the qmail-send program at mail.acme.example.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<rae.sun@acme.example>:
192.0.2.9 does not like recipient.
Remote host said: 550 5.1.1 <rae.sun@acme.example>: Recipient address rejected: User unknown
Giving up on 192.0.2.9.

<sam.tor@acme.example>:
192.0.2.9 does not like recipient.
Remote host said: 452 4.2.2 <sam.tor@acme.example>: Mailbox over quota
Giving up on 192.0.2.9.

--- Below this line is a copy of the message.

From: research@example-research.com
To: rae.sun@acme.example, sam.tor@acme.example
"""

DSN_THREE = b"""From: Mail Delivery Subsystem <MAILER-DAEMON@relay.acme.example>
To: research@example-research.com
Subject: Returned mail: see transcript for details
Message-ID: <dsn-three@relay.acme.example>
Date: Tue, 10 Dec 2024 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BND"

--BND
Content-Type: text/plain

   ----- The following addresses had permanent fatal errors -----
<tom.uhl@acme.example>
    (reason: 550 5.1.1 <tom.uhl@acme.example>... User unknown)
<uma.vos@acme.example>
    (reason: 552 5.2.2 <uma.vos@acme.example>... Mailbox full)

--BND
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.acme.example

Final-Recipient: RFC822; tom.uhl@acme.example
Action: failed
Status: 5.1.1
Diagnostic-Code: SMTP; 550 5.1.1 <tom.uhl@acme.example>... User unknown

Final-Recipient: RFC822; uma.vos@acme.example
Action: failed
Status: 5.2.2
Diagnostic-Code: SMTP; 552 5.2.2 <uma.vos@acme.example>... Mailbox full

Final-Recipient: RFC822; val.wex@acme.example
Action: delivered
Status: 2.0.0

--BND--
"""


def test_bounce_multi_recipient_exim_text_one_decision_per_recipient():
    c = classify_message(EXIM_TWO)
    assert c.determination == "BOUNCE"
    assert [(b.recipient, b.kind, b.status, b.reason) for b in c.bounces] == [
        ("oli.park@acme.example", "hard", "5.1.1", "userunknown"),
        ("pat.quinn@acme.example", "soft", "5.2.2", "mailboxfull"),
    ]
    assert c.bounce == c.bounces[0] and c.reason == "hard"
    assert "2 recipients" in c.evidence


def test_bounce_multi_recipient_qmail_text():
    c = classify_message(QMAIL_TWO)
    assert [(b.recipient, b.kind, b.status) for b in c.bounces] == [
        ("rae.sun@acme.example", "hard", "5.1.1"), ("sam.tor@acme.example", "soft", "4.2.2")]


def test_bounce_multi_recipient_dsn_skips_delivered_recipient():
    c = classify_message(DSN_THREE)
    assert [(b.recipient, b.kind, b.reason) for b in c.bounces] == [
        ("tom.uhl@acme.example", "hard", "userunknown"), ("uma.vos@acme.example", "soft", "mailboxfull")]


def test_bounce_multi_recipient_single_recipient_keeps_one_bounce():
    lines = EXIM_TWO.split(b"\n")
    start = lines.index(b"  pat.quinn@acme.example")
    c = classify_message(b"\n".join(lines[:start] + lines[start + 3:]))
    assert [b.recipient for b in c.bounces] == ["oli.park@acme.example"]


def test_bounce_multi_recipient_stored_as_json_column():
    conn = duckdb.connect()
    write_classifications(conn, [classify_message(EXIM_TWO)])
    raw, first, reason = conn.execute(
        "select bounces, bounce_recipient, bounce_reason from classification.classified_messages").fetchone()
    assert first == "oli.park@acme.example" and reason == "userunknown"
    rows = json.loads(raw)
    assert [(r["recipient"], r["kind"]) for r in rows] == [("oli.park@acme.example", "hard"),
                                                         ("pat.quinn@acme.example", "soft")]
    assert set(rows[0]) == {"recipient", "kind", "reason", "status", "diagnostic"}


def test_bounce_multi_recipient_listed_by_classify_cli(tmp_path, capsys):
    (tmp_path / "exim.eml").write_bytes(EXIM_TWO)
    classify_main(argparse.Namespace(paths=[str(tmp_path)], offline=True))
    out = json.loads(capsys.readouterr().out.strip())
    assert [b["recipient"] for b in out["bounces"]] == ["oli.park@acme.example", "pat.quinn@acme.example"]
    assert out["bounce"]["recipient"] == "oli.park@acme.example"


def test_bounce_multi_recipient_non_bounce_has_no_bounces():
    c = classify_message(b"From: ann@acme.example\nTo: r@example-research.com\nSubject: Out of Office\n"
                         b"Message-ID: <o@acme.example>\n\nI am out of the office until Monday.\n")
    assert c.bounces == () and c.to_row()["bounces"] is None
