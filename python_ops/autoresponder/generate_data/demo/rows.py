"""The shapes of the demo's reply rows and the campaign they answer.

Every reply answers one message of the Q4 2026 campaign sent from `OUR` on 16 November 2026;
`campaign_message_id(n)` is that message's Message-ID for recipient number `n`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

AS_OF = "2026-11-25"
OUR = "research@example-research.com"
CAMPAIGN_SUBJECT = "Q4 2026 Research Outlook: rates, credit and insurance-linked securities"
AUTOMATIC_REPLY = "Automatic reply: " + CAMPAIGN_SUBJECT
RE_CAMPAIGN = f"RE: {CAMPAIGN_SUBJECT}"


def campaign_message_id(n: int) -> str:
    """The Message-ID of the campaign message sent to recipient `n` (what a reply refers to)."""
    return f"<20261116.Q4OUTLOOK.{n:04d}@mail.example-research.com>"


@dataclass(frozen=True)
class Quote:
    """The campaign message quoted under a reply: Outlook style names the recipient, Gmail's does not."""

    style: Literal["outlook", "gmail"]
    to_name: str = ""
    to_addr: str = ""


OUTLOOK_QUOTE_DATE = "Monday, November 16, 2026 9:00 AM"
GMAIL_QUOTE = Quote("gmail")


@dataclass(frozen=True)
class Reply:
    """A text/plain reply to campaign message `orig` (an auto-reply unless `auto` is False).

    `auth_domain` adds a passing Authentication-Results header for that domain; `extra` headers
    follow the standard ones; `prefix` is raw header text put before everything (a relay's trail).
    """

    file: str
    mid: str
    date: str
    frm: str
    subject: str
    orig: int
    body: str
    auto: bool = True
    auth_domain: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    quote: Quote | None = None
    prefix: str = ""


@dataclass(frozen=True)
class Bounce:
    """An RFC 3464 delivery status notification for campaign message `orig`."""

    file: str
    mid: str
    date: str
    reporting_mta: str
    recipient: str
    action: str
    status: str
    diagnostic: str
    human: str
    orig: int
    boundary: str
    subject: str


@dataclass(frozen=True)
class Raw:
    """A message given exactly as its file holds it (malformed MIME, an empty file)."""

    file: str
    content: str | bytes
