"""Amazon SES (SNS), SendGrid and Mailgun JSON bounce notifications: one Bounce per recipient."""

import json

from autoresponder.classify import classify_message


def _mail(body: str, *, sender: str = "no-reply@sns.amazonaws.com", extra: str = "") -> bytes:
    return (f"From: Notifications <{sender}>\nTo: ops@example-research.com\nSubject: Delivery event\n"
            f"Message-ID: <evt-{abs(hash(body))}@notify.example>\nDate: Tue, 10 Dec 2024 10:00:00 +0000\n{extra}"
            f"MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n{body}\n").encode()


def _ses(bounce_type: str, sub_type: str, recipients: list[dict]) -> dict:
    return {"notificationType": "Bounce",
            "bounce": {"bounceType": bounce_type, "bounceSubType": sub_type, "bouncedRecipients": recipients,
                       "timestamp": "2024-12-10T09:59:58.000Z", "feedbackId": "fb-1",
                       "reportingMTA": "dsn; out.mta.example"},
            "mail": {"timestamp": "2024-12-10T09:59:50.000Z", "source": "research@example-research.com",
                     "messageId": "m-1", "destination": [r["emailAddress"] for r in recipients]}}


def test_bounce_ses_sns_permanent_two_recipients():
    doc = _ses("Permanent", "General", [
        {"emailAddress": "ann.lee@acme.example", "action": "failed", "status": "5.1.1",
         "diagnosticCode": "smtp; 550 5.1.1 <ann.lee@acme.example>: Recipient address rejected: User unknown"},
        {"emailAddress": "Bob Ray <bob.ray@acme.example>", "action": "failed", "status": "5.2.2",
         "diagnosticCode": "smtp; 552 5.2.2 Mailbox full"},
    ])
    c = classify_message(_mail(json.dumps(doc, indent=1), extra="x-amz-sns-message-id: 1f2e\n"))
    assert c.determination == "BOUNCE"
    assert [(b.recipient, b.kind, b.status, b.reason) for b in c.bounces] == [
        ("ann.lee@acme.example", "hard", "5.1.1", "userunknown"),
        ("bob.ray@acme.example", "soft", "5.2.2", "mailboxfull"),
    ]
    assert c.bounce == c.bounces[0] and c.reason == "hard"
    assert "Amazon SES" in c.evidence


def test_bounce_ses_transient_is_soft_and_no_email_subtype_is_user_unknown():
    soft = _ses("Transient", "MailboxFull", [{"emailAddress": "cal.fox@acme.example"}])
    c = classify_message(_mail(json.dumps(soft)))
    assert (c.determination, c.bounce.kind, c.bounce.reason) == ("BOUNCE", "soft", "mailboxfull")
    hard = _ses("Permanent", "NoEmail", [{"emailAddress": "dee.kim@acme.example"}])
    c = classify_message(_mail(json.dumps(hard)))
    assert (c.bounce.recipient, c.bounce.kind, c.bounce.reason) == ("dee.kim@acme.example", "hard", "userunknown")


def test_bounce_ses_inside_sns_http_envelope():
    inner = _ses("Permanent", "General", [{"emailAddress": "eve.ng@acme.example", "status": "5.1.1",
                                          "diagnosticCode": "smtp; 550 5.1.1 user unknown"}])
    envelope = {"Type": "Notification", "MessageId": "abc", "TopicArn": "arn:aws:sns:eu-west-1:1:ses",
                "Message": json.dumps(inner)}
    c = classify_message(_mail(json.dumps(envelope)))
    assert (c.determination, c.bounce.recipient, c.bounce.kind) == ("BOUNCE", "eve.ng@acme.example", "hard")


def test_bounce_ses_complaint_and_delivery_are_never_bounces():
    for kind in ("Complaint", "Delivery"):
        doc = {"notificationType": kind, "mail": {"destination": ["fay.obi@acme.example"]},
               kind.lower(): {"complainedRecipients": [{"emailAddress": "fay.obi@acme.example"}]}}
        c = classify_message(_mail(json.dumps(doc)))
        assert c.determination == "UNKNOWN" and c.reason == "not_an_auto_reply", kind


def test_bounce_sendgrid_event_webhook_batch():
    events = [
        {"email": "gus.pal@acme.example", "event": "processed", "timestamp": 1733824800},
        {"email": "gus.pal@acme.example", "event": "bounce", "type": "bounce", "status": "5.1.1",
         "reason": "550 5.1.1 The email account that you tried to reach does not exist", "timestamp": 1733824801},
        {"email": "hal.wu@acme.example", "event": "bounce", "type": "blocked", "status": "5.7.1",
         "reason": "554 5.7.1 Service unavailable; Client host blocked using a blocklist", "timestamp": 1733824802},
        {"email": "ida.moe@acme.example", "event": "dropped", "reason": "Bounced Address", "timestamp": 1733824803},
        {"email": "jon.orr@acme.example", "event": "delivered", "response": "250 OK", "timestamp": 1733824804},
    ]
    c = classify_message(_mail(json.dumps(events), sender="webhooks@relay.example-research.com"))
    assert c.determination == "BOUNCE"
    assert [(b.recipient, b.kind, b.reason) for b in c.bounces] == [
        ("gus.pal@acme.example", "hard", "userunknown"),
        ("hal.wu@acme.example", "soft", "blocked"),
        ("ida.moe@acme.example", "soft", "suppressed"),
    ]


def test_bounce_sendgrid_engagement_events_are_not_bounces():
    events = [{"email": "kim.ott@acme.example", "event": "open", "timestamp": 1},
              {"email": "kim.ott@acme.example", "event": "delivered", "timestamp": 2}]
    c = classify_message(_mail(json.dumps(events), sender="webhooks@relay.example-research.com"))
    assert c.determination == "UNKNOWN" and c.reason == "not_an_auto_reply"


def _mailgun(severity: str, code: int, message: str, enhanced: str = "") -> dict:
    return {"signature": {"timestamp": "1733824800", "token": "t", "signature": "s"},
            "event-data": {"event": "failed", "severity": severity, "reason": "bounce",
                           "recipient": "lou.pry@acme.example", "timestamp": 1733824800.5,
                           "delivery-status": {"code": code, "message": message, "description": "",
                                               "enhanced-code": enhanced, "attempt-no": 1}}}


def test_bounce_mailgun_failed_permanent_and_temporary():
    c = classify_message(_mail(json.dumps(_mailgun("permanent", 550, "5.1.1 No such user here", "5.1.1")),
                               sender="notifications@mg.example-research.com"))
    assert (c.determination, c.bounce.recipient, c.bounce.kind, c.bounce.status) == (
        "BOUNCE", "lou.pry@acme.example", "hard", "5.1.1")
    c = classify_message(_mail(json.dumps(_mailgun("temporary", 452, "4.2.2 Mailbox over quota", "4.2.2")),
                               sender="notifications@mg.example-research.com"))
    assert (c.determination, c.bounce.kind) == ("BOUNCE", "soft")


def test_bounce_mailgun_delivered_is_not_a_bounce():
    doc = {"event-data": {"event": "delivered", "recipient": "mia.roth@acme.example"}}
    c = classify_message(_mail(json.dumps(doc), sender="notifications@mg.example-research.com"))
    assert c.determination != "BOUNCE"


def test_bounce_json_pasted_by_a_person_is_not_a_bounce():
    doc = _ses("Permanent", "General", [{"emailAddress": "ned.ash@acme.example", "status": "5.1.1"}])
    c = classify_message(_mail(json.dumps(doc), sender="jane.doe@partner.example"))
    assert c.determination != "BOUNCE"
