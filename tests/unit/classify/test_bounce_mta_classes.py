"""MTA notice classes beyond the basic families: each with its own fixture message."""

import base64

from autoresponder.classify import classify_message
from autoresponder.classify.rules.codes import bounce_kind, smtp_command


def _notice(body: str, *, subject: str = "Undelivered Mail Returned to Sender", extra: str = "",
            sender: str = "MAILER-DAEMON@mx.acme.example") -> bytes:
    return (f"From: Mail Delivery System <{sender}>\nTo: research@example-research.com\nSubject: {subject}\n"
            f"Message-ID: <n-{abs(hash(body))}@mx.acme.example>\nDate: Tue, 10 Dec 2024 10:00:00 +0000\n{extra}"
            f"MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n{body}\n").encode()


def test_bounce_failed_recipients_header_on_a_notice_in_any_language():
    body = ("Olá research@example-research.com,\n\nO grupo que você tentou contatar (analistas) talvez não "
            "exista ou você não tenha permissão para postar nele.\n\nObrigado,\nGrupos\n")
    c = classify_message(_notice(body, subject="Delivery Status Notification (Failure)",
                                 extra="X-Failed-Recipients: analistas@groups.acme.example\nReturn-Path: <>\n"))
    assert (c.determination, c.bounce.recipient, c.bounce.kind) == ("BOUNCE", "analistas@groups.acme.example", "soft")


def test_bounce_failed_recipients_header_alone_does_not_make_a_person_a_bounce():
    raw = (b"From: Jane Doe <jane.doe@acme.example>\nTo: research@example-research.com\nSubject: Re: your note\n"
           b"X-Failed-Recipients: bob@acme.example\nMessage-ID: <p1@acme.example>\n\nThanks, noted.\n")
    assert classify_message(raw).determination != "BOUNCE"


def test_bounce_smtp_command_data_stage_user_unknown_is_filtered():
    body = ("I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
            "<ann.lee@acme.example>: host mx.acme.example[192.0.2.3] said: 550 Unknown user\n"
            "    ann.lee@acme.example (in reply to end of DATA command)\n")
    c = classify_message(_notice(body))
    assert (c.bounce.recipient, c.bounce.kind, c.bounce.reason) == ("ann.lee@acme.example", "soft", "filtered")


def test_bounce_smtp_command_rcpt_stage_user_unknown_is_hard():
    body = ("I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
            "<ann.lee@acme.example>: host mx.acme.example[192.0.2.3] said: 550 Unknown user\n"
            "    ann.lee@acme.example (in reply to RCPT TO command)\n")
    c = classify_message(_notice(body))
    assert (c.bounce.kind, c.bounce.reason) == ("hard", "userunknown")


def test_bounce_smtp_command_transcript_and_status_rules():
    assert smtp_command(">>> RCPT To:<a@b.example>\n<<< 250 ok\n>>> DATA\n<<< 550 : User unknown") == "DATA"
    assert smtp_command("SMTP error from remote mail server after MAIL FROM:<r@x.example>: 553") == "MAIL"
    # the status code itself names the address: still hard after DATA
    assert bounce_kind("5.1.1", "550 User unknown", "DATA")[:2] == ("hard", "userunknown")
    assert bounce_kind(None, "553 sender domain example does not exist", "MAIL")[:2] == ("soft", "rejected")


def test_bounce_exchange2003_recipient_name_not_recognized_is_hard():
    body = ("Your message\n\n  To:      bob.ray@acme.example\n  Subject: Weekly note\n\n"
            "did not reach the following recipient(s):\n\n"
            "bob.ray@ACME.EXAMPLE on Tue, 10 Dec 2024 10:00:00 +0000\n"
            "    The recipient name is not recognized\n"
            "\tThe MTS-ID of the original message is: c=us;a= ;p=acme\n")
    c = classify_message(_notice(body, subject="Undeliverable: Weekly note", sender="postmaster@acme.example"))
    assert (c.bounce.recipient, c.bounce.kind, c.bounce.reason) == ("bob.ray@acme.example", "hard", "userunknown")


def test_bounce_null_mx_no_smtp_service_is_notaccept():
    body = ("This message was created automatically by mail delivery software.\n\nA message that you sent could "
            "not be delivered to one or more of its\nrecipients. This is a permanent error. The following "
            "address(es) failed:\n\n  cal.fox@parked.example\n    an MX or SRV record indicated no SMTP service\n")
    c = classify_message(_notice(body, subject="Mail delivery failed: returning message to sender"))
    assert (c.bounce.kind, c.bounce.reason) == ("hard", "notaccept")


def test_bounce_local_mailer_error_is_soft():
    assert bounce_kind("5.1.1", 'procmail: Couldn\'t create "/var/mail/dee" No such user')[:2] == ("soft", "mailererror")


def test_bounce_sender_rejected_is_soft():
    assert bounce_kind("5.1.0", "550 5.1.0 <bounce@example-research.com> sender rejected")[:2] == ("soft", "rejected")


def test_bounce_japanese_error_notice_subject():
    body = ("送信先のメールボックスが一杯のため、送信できませんでした。\n\n"
            "Your mail sent on: Tue, 10 Dec 2024 10:00:00 +0900\n     Could not be delivered to: <eve@mobile.example>\n"
            "     As their mailbox is full.\n")
    subject = "=?UTF-8?B?" + base64.b64encode("メールエラー通知".encode()).decode() + "?="
    raw = ("From: no-reply@mail.mobile.example\nTo: research@example-research.com\nSubject: " + subject + "\n"
           "Message-ID: <jp1@mobile.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
           f"--B\nContent-Type: text/plain; charset=UTF-8\n\n{body}\n--B\nContent-Type: message/rfc822\n\n"
           "From: research@example-research.com\nTo: eve@mobile.example\nSubject: note\n\nhello\n--B--\n").encode()
    c = classify_message(raw)
    assert (c.determination, c.bounce.recipient, c.bounce.kind, c.bounce.reason) == (
        "BOUNCE", "eve@mobile.example", "soft", "mailboxfull")


def test_bounce_mailing_list_posting_refusal_is_soft():
    body = ("We're writing to let you know that the group you tried to contact (analysts) may not exist, or you "
            "may not have permission to post messages to the group.\n")
    c = classify_message(_notice(body, subject="Delivery Status Notification (Failure)",
                                 extra="X-Failed-Recipients: analysts@groups.acme.example\n",
                                 sender="mailer-daemon@groups.acme.example"))
    assert (c.determination, c.bounce.kind, c.bounce.reason) == ("BOUNCE", "soft", "rejected")
