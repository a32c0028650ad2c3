"""Build the demo source set from its rows: render each reply to RFC 822 text and write the
DESIGN §3 layout plus `expected.csv`."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from autoresponder.generate_data.deals import (
    CONTACT_ROLE_COLUMNS,
    CONTACT_ROLES,
    OPPORTUNITIES,
    OPPORTUNITY_COLUMNS,
)
from autoresponder.generate_data.demo import world
from autoresponder.generate_data.demo.bounces import BOUNCES, RAW_FILES
from autoresponder.generate_data.demo.expected import EXPECTED, EXPECTED_COLUMNS, PARSE_ERROR_FILES
from autoresponder.generate_data.demo.replies import REPLIES
from autoresponder.generate_data.demo.rows import (
    CAMPAIGN_SUBJECT,
    OUR,
    OUTLOOK_QUOTE_DATE,
    Bounce,
    Quote,
    Raw,
    Reply,
    campaign_message_id,
)
from autoresponder.generate_data.expected import fresh_email_dir
from autoresponder.generate_data.population import COLUMNS
from autoresponder.mime import parse_message

AUTH_PASS = "mx.example-research.com; spf=pass smtp.mailfrom={d}; dkim=pass header.d={d}; dmarc=pass header.from={d}"

# each contact-system file of DESIGN §3 and its rows
TABLES = {
    "cupola/persons.csv": world.PERSONS,
    "cupola/orgs.csv": world.ORGS,
    "cupola/org_persons.csv": world.ORG_PERSONS,
    "multipub/subscriptions.csv": world.SUBSCRIPTIONS,
    "hodor/prospects.csv": world.PROSPECTS,
    "sfmc/suppressions.csv": world.SUPPRESSIONS,
    "salesforce/Account.csv": world.ACCOUNTS,
    "salesforce/Contact.csv": world.CONTACTS,
    "salesforce/Lead.csv": world.LEADS,
}


def render_quote(quote: Quote) -> str:
    """The campaign message quoted under a reply, as Outlook or Gmail write it."""
    if quote.style == "gmail":
        return (
            f"\n\nOn Mon, 16 Nov 2026 at 09:00, Example Research <{OUR}> wrote:\n"
            "> Dear client,\n>\n> Please find attached our Q4 2026 Research Outlook.\n>\n"
            "> Kind regards,\n> Example Research\n"
        )
    return (
        "\n\n-----Original Message-----\n"
        f"From: Example Research <{OUR}>\nSent: {OUTLOOK_QUOTE_DATE}\n"
        f"To: {quote.to_name} <{quote.to_addr}>\nSubject: {CAMPAIGN_SUBJECT}\n\n"
        "Dear client,\n\n"
        "Please find attached our Q4 2026 Research Outlook. Highlights include our view on the\n"
        "path of policy rates into 2027 and the outlook for catastrophe bond spreads.\n\n"
        "Kind regards,\nExample Research\n"
    )


def reply_headers(reply: Reply) -> list[tuple[str, str]]:
    """The header fields of a reply, in the order its file holds them."""
    headers = [("Authentication-Results", AUTH_PASS.format(d=reply.auth_domain))] if reply.auth_domain else []
    headers += [
        ("Message-ID", reply.mid), ("Date", reply.date), ("From", reply.frm), ("To", OUR),
        ("Subject", reply.subject), ("In-Reply-To", campaign_message_id(reply.orig)),
        ("References", campaign_message_id(reply.orig)), ("MIME-Version", "1.0"),
        ("Content-Type", 'text/plain; charset="utf-8"'), ("Content-Transfer-Encoding", "8bit"),
    ]
    if reply.auto:
        headers += [("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")]
    return headers + list(reply.extra.items())


def render_reply(reply: Reply) -> str:
    """A reply as RFC 822 text: its trail, headers, body and the quoted campaign message."""
    head = "".join(f"{name}: {value}\n" for name, value in reply_headers(reply))
    body = reply.body + (render_quote(reply.quote) if reply.quote else "")
    return reply.prefix + head + "\n" + body.rstrip("\n") + "\n"


def _dsn_status(b: Bounce) -> str:
    """The machine-readable message/delivery-status part of a bounce."""
    return (
        f"Reporting-MTA: dns; {b.reporting_mta}\n"
        "X-Postfix-Queue-ID: 4Dk2Lq0Zx9z9sWn\n"
        "Arrival-Date: Mon, 16 Nov 2026 09:00:04 +0000 (UTC)\n\n"
        f"Final-Recipient: rfc822; {b.recipient}\nOriginal-Recipient: rfc822;{b.recipient}\n"
        f"Action: {b.action}\nStatus: {b.status}\n"
        f"Remote-MTA: dns; {b.reporting_mta}\nDiagnostic-Code: smtp; {b.diagnostic}\n"
    )


def _dsn_original_headers(b: Bounce) -> str:
    """The text/rfc822-headers part: the headers of the campaign message that bounced."""
    return (
        "Return-Path: <bounces@example-research.com>\n"
        f"Message-ID: {campaign_message_id(b.orig)}\n"
        "Date: Mon, 16 Nov 2026 09:00:00 +0000\n"
        f"From: Example Research <{OUR}>\nTo: {b.recipient}\nSubject: {CAMPAIGN_SUBJECT}\n"
    )


def render_bounce(b: Bounce) -> str:
    """A bounce as a multipart/report: the human notice, the delivery status, the original headers."""
    parts = [
        ("Notification", "text/plain; charset=us-ascii", b.human + "\n"),
        ("Delivery report", "message/delivery-status", _dsn_status(b)),
        ("Undelivered Message Headers", "text/rfc822-headers", _dsn_original_headers(b)),
    ]
    head = (
        f"Message-ID: {b.mid}\nDate: {b.date}\n"
        f"From: Mail Delivery System <MAILER-DAEMON@{b.reporting_mta}>\nTo: {OUR}\nSubject: {b.subject}\n"
        "Auto-Submitted: auto-replied\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/report; report-type=delivery-status;\n\tboundary="{b.boundary}"\n\n'
        "This is a MIME-encapsulated message.\n\n"
    )
    body = "".join(f"--{b.boundary}\nContent-Description: {desc}\nContent-Type: {ctype}\n\n{text}\n"
                   for desc, ctype, text in parts)
    return head + body + f"--{b.boundary}--\n"


def render(row: Reply | Bounce | Raw) -> bytes:
    """The bytes of one demo `.eml` file."""
    if isinstance(row, Reply):
        text: str | bytes = render_reply(row)
    elif isinstance(row, Bounce):
        text = render_bounce(row)
    else:
        text = row.content
    return text if isinstance(text, bytes) else text.encode("utf-8")


def messages() -> list[tuple[str, bytes]]:
    """Every demo reply as (file name, bytes), in file-name order."""
    rows: Iterable[Reply | Bounce | Raw] = (*REPLIES, *BOUNCES, *RAW_FILES)
    return sorted((row.file, render(row)) for row in rows)


def expected_rows(msgs: Sequence[tuple[str, bytes]]) -> list[tuple[str, ...]]:
    """The rows of `expected.csv`: each expectation with the message id its file parses to."""
    mids = {name: parse_message(raw).message_id for name, raw in msgs}
    return [
        (file, mids[file], *expectation, "expected" if file in PARSE_ERROR_FILES else "")
        for file, *expectation in EXPECTED
    ]


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_demo(out: Path) -> dict[str, int]:
    """Write the demo set into `out` (DESIGN §3 layout + expected.csv)."""
    out = Path(out)
    emails = fresh_email_dir(out)
    msgs = messages()
    for name, raw in msgs:
        (emails / name).write_bytes(raw)
    for rel, rows in TABLES.items():
        _write_csv(out / rel, COLUMNS[rel], rows)
    _write_csv(out / "salesforce/Opportunity.csv", OPPORTUNITY_COLUMNS, OPPORTUNITIES)
    _write_csv(out / "salesforce/OpportunityContactRole.csv", CONTACT_ROLE_COLUMNS, CONTACT_ROLES)
    expected = expected_rows(msgs)
    _write_csv(out / "expected.csv", EXPECTED_COLUMNS, expected)
    return {"emails": len(msgs), "expected_rows": len(expected)}
