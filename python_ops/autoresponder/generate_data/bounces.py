"""Bounces: RFC 3464 multipart/report DSNs and legacy plain-text non-delivery notices."""

from __future__ import annotations

import email.utils
from datetime import timedelta
from email.message import EmailMessage, Message

from autoresponder.generate_data.envelope import OUR_DOMAIN, Envelope
from autoresponder.generate_data.expected import Label
from autoresponder.generate_data.mime_parts import POLICY, display_addr, set_text_body, text_part
from autoresponder.generate_data.rng import Rng


def build_bounce(m: int, r: Rng, env: Envelope) -> tuple[bytes, str, Label]:
    """A hard (75%) or soft bounce of our campaign mail to `env.addr`: (raw bytes, Message-ID, label)."""
    addr, domain, when, our = env.addr, env.domain, env.when, env.our
    campaign, orig_id = env.campaign, env.orig_id
    hard = r.chance(0.75)
    if hard:
        status, diag = r.choice((
            ("5.1.1", "550 5.1.1 <{r}>: Recipient address rejected: User unknown in virtual mailbox table"),
            ("5.1.1", "550-5.1.1 The email account that you tried to reach does not exist."),
            ("5.1.10", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"),
            ("5.2.1", "550 5.2.1 The email account that you tried to reach is disabled."),
            ("5.4.1", "550 5.4.1 Recipient address rejected: Access denied."),
        ))
        action = "failed"
    else:
        status, diag = r.choice((
            ("4.2.2", "452 4.2.2 <{r}>: Mailbox full - user is over quota"),
            ("4.4.7", "Message expired: unable to deliver in 48 hours (4.4.7)"),
            ("4.7.1", "451 4.7.1 Greylisted, please try again later"),
        ))
        action = r.choice(("failed", "delayed"))
    diag = diag.format(r=addr)
    mta = r.choice((f"mx1.{domain}", f"mail.{domain}", f"mx-out.{OUR_DOMAIN}",
                    "NAM12-BN8-obe.outbound.protection.outlook.com"))
    mid = f"{when:%Y%m%d%H%M%S}.{r.u64() & 0xFFFFFFFFFF:010X}.{m}@{mta.lower()}"
    label = Label("BOUNCE", "hard" if hard else "soft", addr, env.state, bounce_status=status)
    msg = EmailMessage(policy=POLICY)
    msg["Message-ID"] = f"<{mid}>"
    msg["Date"] = email.utils.format_datetime(when)
    msg["To"] = our
    msg["Auto-Submitted"] = "auto-replied"
    msg["MIME-Version"] = "1.0"
    if r.chance(0.85):
        msg["From"] = display_addr("Mail Delivery System", f"MAILER-DAEMON@{mta}")
        msg["Subject"] = r.choice(("Undelivered Mail Returned to Sender", "Delivery Status Notification (Failure)",
                                   "Undeliverable: " + campaign, "Returned mail: see transcript for details"))
        human = (f"This is the mail system at host {mta}.\n\nI'm sorry to have to inform you that your message "
                 f"could not\nbe delivered to one or more recipients. It's attached below.\n\n<{addr}>: "
                 f"host {mta} said:\n    {diag}\n")
        b1 = Message()
        b1["Reporting-MTA"] = f"dns; {mta}"
        b1["Arrival-Date"] = email.utils.format_datetime(when - timedelta(seconds=5))
        b2 = Message()
        b2["Final-Recipient"] = f"rfc822; {addr}"
        if r.chance(0.5):
            b2["Original-Recipient"] = f"rfc822;{addr}"
        b2["Action"] = action
        b2["Status"] = status
        b2["Remote-MTA"] = f"dns; {mta}"
        b2["Diagnostic-Code"] = f"smtp; {diag}"
        ds = EmailMessage(policy=POLICY)
        ds["Content-Type"] = "message/delivery-status"
        ds.set_payload([b1, b2])
        hdrs = text_part(f"Return-Path: <bounces@{OUR_DOMAIN}>\nMessage-ID: {orig_id}\n"
                         f"From: Example Research <{our}>\nTo: {addr}\nSubject: {campaign}\n", "rfc822-headers")
        msg["Content-Type"] = "multipart/report; report-type=delivery-status"
        msg.set_payload([text_part(human), ds, hdrs])
        msg.set_boundary(f"{r.u64() & 0xFFFFFFFFFF:010X}.{m}/{mta.lower()}")
        flags = "dsn"
    else:
        # legacy non-DSN bounce (Exchange 2010 / qmail style): plain text only
        msg["From"] = display_addr("Postmaster", f"postmaster@{domain}")
        msg["Subject"] = "Undeliverable: " + campaign
        text = (f"Delivery has failed to these recipients or groups:\n\n{addr}\n"
                f"The e-mail address you entered couldn't be found. Please check the recipient's e-mail "
                f"address and try to resend the message.\n\nDiagnostic information for administrators:\n\n"
                f"Generating server: {mta}\n\n{addr}\n{mta}\nRemote Server returned '{diag}'\n\n"
                f"Original message headers:\n\nMessage-ID: {orig_id}\nFrom: Example Research <{our}>\n"
                f"To: <{addr}>\nSubject: {campaign}\n")
        set_text_body(msg, text)
        flags = "plain_bounce"
    return msg.as_bytes(policy=POLICY), mid, label._replace(flags=flags)
