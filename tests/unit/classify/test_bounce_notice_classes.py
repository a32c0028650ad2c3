"""Machine notices beyond DSNs and MTA text: complaint reports, unsubscribe requests, list-server
refusals, vacation-responder headers and raw UTF-8 under a wrong charset. Each class with its
own synthetic messages and near misses (none copied from a corpus)."""

import pytest

from autoresponder.classify import classify_message

_DATE = "Date: Tue, 10 Dec 2024 10:00:00 +0000\n"


def _msg(headers: str, body: str) -> bytes:
    return f"{headers}{_DATE}Message-ID: <{abs(hash(headers + body))}@mx.example>\n\n{body}\n".encode()


def _complaint(subject: str, original_extra: str) -> bytes:
    return (
        "From: reports@mailbox-provider.example\nTo: abuse@example-research.com\n"
        f"Subject: {subject}\n{_DATE}Message-ID: <c1@mailbox-provider.example>\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b1"\n\n'
        "--b1\nContent-Type: message/rfc822\nContent-Disposition: inline\n\n"
        f"{original_extra}From: Research <research@example-research.com>\nTo: reader@mailbox-provider.example\n"
        "Subject: Weekly note\nMessage-ID: <orig-1@example-research.com>\n\nOur weekly note.\n\n--b1--\n"
    ).encode()


@pytest.mark.parametrize(("subject", "extra"), [
    ("Complaint about message from 198.51.100.7", ""),
    ("Spam report", ""),
    ("Re: your newsletter", "X-HmXmrOriginalRecipient: reader@mailbox-provider.example\n"),
], ids=["complaint-subject", "spam-report-subject", "jmrp-header-on-the-original"])
def test_complaint_report_in_a_provider_format_is_feedback_never_a_bounce(subject, extra):
    c = classify_message(_complaint(subject, extra))
    assert (c.determination, c.reason, c.category) == ("UNKNOWN", "not_an_auto_reply", "FEEDBACK_REPORT")


def test_forwarded_message_with_an_ordinary_subject_is_no_complaint_report():
    assert classify_message(_complaint("Fwd: Weekly note", "")).category != "FEEDBACK_REPORT"


@pytest.mark.parametrize("headers", [
    "From: reader@icloud.example\nTo: list-unsub-77@example-research.com\nSubject: unsubscribe\n"
    "X-Apple-Unsubscribe: true\n",
    "From: reader@mail.example\nTo: opt-out-4411.abc@example-research.com\nSubject: Unsubscribe\n"
    "Auto-Submitted: auto-generated\n",
], ids=["client-header", "auto-submitted-to-opt-out-address"])
def test_automatic_unsubscribe_request_is_feedback_never_a_bounce(headers):
    c = classify_message(_msg(headers, "This message was sent automatically to unsubscribe."))
    assert (c.determination, c.reason, c.category) == ("UNKNOWN", "not_an_auto_reply", "FEEDBACK_REPORT")


def test_person_typing_unsubscribe_to_a_person_is_no_feedback_report():
    headers = "From: Jane Doe <jane.doe@acme.example>\nTo: analyst@example-research.com\nSubject: unsubscribe me\n"
    c = classify_message(_msg(headers, "Please take me off your list, I have retired."))
    assert c.category != "FEEDBACK_REPORT"


@pytest.mark.parametrize(("headers", "body", "reason"), [
    ("From: fixed-income-admin@lists.acme.example\nTo: research@example-research.com\n"
     "Subject: Loop Alert: Duplicated Message-ID (fixed-income ML)\nX-MLServer: fml [fml 4.0]\n",
     "Duplicated Message-ID in <fixed-income@lists.acme.example>.\nOriginal mail as follows:\n", "systemerror"),
    ("From: equities-owner@lists.acme.example\nTo: research@example-research.com\n"
     "Subject: Your message to Equities was rejected\nX-Mailman-Version: 2.1.39\n",
     "You are not allowed to post to this mailing list <equities@lists.acme.example>, and your message has "
     "been automatically rejected.\n", "rejected"),
    ("From: owner-macro@lists.acme.example\nTo: research@example-research.com\nSubject: Returned post\n",
     "Posting to macro@lists.acme.example: you are not a member of this list.\n", "rejected"),
], ids=["fml-loop", "mailman-non-member", "owner-sender-not-member"])
def test_list_server_refusal_is_a_soft_bounce_of_the_list(headers, body, reason):
    c = classify_message(_msg(headers, body))
    assert c.determination == "BOUNCE"
    assert (c.bounce.kind, c.bounce.reason) == ("soft", reason)
    assert c.bounce.recipient.split("@")[1] == "lists.acme.example"


@pytest.mark.parametrize(("headers", "body"), [
    ("From: equities-owner@lists.acme.example\nTo: research@example-research.com\n"
     "Subject: Your message to Equities awaits moderator approval\nX-Mailman-Version: 2.1.39\n",
     "Your mail to 'Equities' with the subject Weekly note is being held until the list moderator can "
     "review it for approval. The reason it is being held: Post by non-member to a members-only list\n"),
    ("From: equities-request@lists.acme.example\nTo: research@example-research.com\n"
     "Subject: Welcome to the Equities mailing list\nX-Mailman-Version: 2.1.39\n",
     "Welcome to the Equities mailing list! To post to this list, send your message to "
     "equities@lists.acme.example.\n"),
], ids=["held-for-moderator", "welcome"])
def test_list_server_notice_that_refuses_nothing_is_no_bounce(headers, body):
    assert classify_message(_msg(headers, body)).determination != "BOUNCE"


def test_member_of_a_list_quoting_a_refusal_is_no_bounce():
    headers = ("From: Jane Doe <jane.doe@acme.example>\nTo: research@example-research.com\n"
               "Subject: Re: Loop Alert\n")
    assert classify_message(_msg(headers, "Odd, I saw a loop alert on our list too.")).determination != "BOUNCE"


_VACATION = ("From: jane.doe@acme.example\nTo: analyst@example-research.com\nSubject: Auto reply: Weekly note\n"
             "X-Apple-Action: VACATION\n"
             "X-Apple-Criteria: {kind=VACATION,startDate=2024-12-09T00:00:00Z,endDate=2024-12-20T23:59:59Z}\n")


def test_vacation_responder_header_is_out_of_office_with_the_end_date():
    c = classify_message(_msg(_VACATION, "Gone fishing."))
    assert (c.determination, c.return_date, c.rule) == ("OUT_OF_OFFICE", "2024-12-20", "vacation_header/out_of_office")


def test_departure_written_in_a_vacation_reply_beats_the_vacation_header():
    body = "I have retired from Acme and this mailbox is no longer monitored."
    assert classify_message(_msg(_VACATION, body)).determination == "INACTIVE"


def test_auto_reply_header_alone_is_no_out_of_office():
    headers = ("From: jane.doe@acme.example\nTo: analyst@example-research.com\nSubject: Re: Weekly note\n"
               "Auto-Submitted: auto-replied\n")
    assert classify_message(_msg(headers, "Thanks.")).determination != "OUT_OF_OFFICE"


def test_carrier_notice_in_utf8_labelled_iso_2022_jp_is_read_as_utf8():
    body = ("送信先のメールボックスが一杯のため、送信できませんでした。\n\n"
            "Your mail sent on: Tue, 10 Dec 2024 10:00:00 +0900\n"
            "     Could not be delivered to: <hanako@carrier.example.jp>\n     As their mailbox is full.\n")
    raw = ("From: no-reply@notice.carrier.example.jp\nTo: <research@example-research.com>\n"
           f"Subject: メールエラー通知\n{_DATE}Message-ID: <k1@carrier.example.jp>\nMIME-Version: 1.0\n"
           'Content-Type: multipart/mixed; boundary="k"\n\n--k\n'
           'Content-Type: text/plain; charset="ISO-2022-JP"\nContent-Transfer-Encoding: 7bit\n\n'
           f"{body}\n--k\nContent-Type: message/rfc822\n\nFrom: research@example-research.com\n"
           "To: hanako@carrier.example.jp\nSubject: Weekly note\n\nOur weekly note.\n\n--k--\n").encode()
    c = classify_message(raw)
    assert (c.determination, c.bounce.recipient, c.bounce.reason) == ("BOUNCE", "hanako@carrier.example.jp",
                                                                       "mailboxfull")
    assert "メールエラー通知" in c.evidence
