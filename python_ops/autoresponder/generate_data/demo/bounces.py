"""The demo's delivery status notifications (RFC 3464) and the files given byte for byte.

`BOUNCES` are rendered by `build.render_bounce`; `RAW_FILES` are written exactly as they are
(a multipart message whose boundary never closes, an empty file).
"""

from __future__ import annotations

from autoresponder.generate_data.demo.rows import CAMPAIGN_SUBJECT, OUR, Bounce, Raw, campaign_message_id

BOUNCES = (
    Bounce(
        "22_bounce_hard_dsn.eml", mid="<20261116090006.4Dk2Lq0Zx9z9sWn@mx.borealis-capital.com>",
        date="Mon, 16 Nov 2026 09:00:06 +0000",
        reporting_mta="mx.borealis-capital.com", recipient="kwame.mensah@borealis-capital.com",
        action="failed", status="5.1.1",
        diagnostic="550 5.1.1 <kwame.mensah@borealis-capital.com>: Recipient address rejected: "
                   "User unknown in virtual mailbox table",
        human="This is the mail system at host mx.borealis-capital.com.\n\n"
              "I'm sorry to have to inform you that your message could not\n"
              "be delivered to one or more recipients. It's attached below.\n\n"
              "<kwame.mensah@borealis-capital.com>: host mx.borealis-capital.com[203.0.113.25] said:\n"
              "    550 5.1.1 <kwame.mensah@borealis-capital.com>: Recipient address rejected:\n"
              "    User unknown in virtual mailbox table",
        orig=1022, boundary="4Dk2Lq0Zx9z9sWn.1794906006/mx.borealis-capital.com",
        subject="Undelivered Mail Returned to Sender",
    ),
    Bounce(
        "23_bounce_soft_mailbox_full.eml", mid="<20261116090112.BF21C4A0023@mail.halcyon-re.com>",
        date="Mon, 16 Nov 2026 05:01:12 -0400",
        reporting_mta="mail.halcyon-re.com", recipient="alice.moreau@halcyon-re.com",
        action="failed", status="4.2.2",
        diagnostic="452 4.2.2 <alice.moreau@halcyon-re.com>: Mailbox full - user is over quota",
        human="Delivery to the following recipient failed temporarily and the message will not be retried:\n\n"
              "    alice.moreau@halcyon-re.com\n\n"
              "The recipient's mailbox is full and can't accept messages now (452 4.2.2).",
        orig=1023, boundary="=_bounce_BF21C4A0023_halcyon",
        subject="Delivery Status Notification (Failure)",
    ),
)

RAW_FILES = (
    Raw(
        "30_malformed_mime_broken_boundary.eml",
        "Message-ID: <BROKEN-MIME-0030@acme.com>\n"
        "Date: Mon, 16 Nov 2026 09:10:00 -0500\n"
        "From: Mia Russo <mia.russo@acme.com>\n"
        f"To: {OUR}\n"
        f"Subject: Automatic reply: {CAMPAIGN_SUBJECT}\n"
        f"In-Reply-To: {campaign_message_id(1030)}\n"
        "Auto-Submitted: auto-replied\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="==b0undary_0030"\n'
        "\n"
        "--==b0undary_0030\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        "I am out of the office until 1 December 2026 and will reply on my return.\n"
        "Mia Russo\n"
        "--==b0undary_0030\n"
        "Content-Type: text/html; charset=utf-8\n"
        "Content-Transfer-Encoding: base64\n"
        "\n"
        "PGh0bWw+PGJvZHk+PHA+SSBhbSBvdXQgb2YgdGhlIG9mZmljZSB1bnRpbCAxIERlY2VtYmVyIDIw\n"
        "MjY=!!truncated\n",
    ),
    Raw("31_empty_file.eml", b""),
)
