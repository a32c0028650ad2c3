"""Hard bounces recorded in HubSpot's own contact properties: a factual write that deactivates nothing.

HubSpot keeps a contact's hard bounce in `hs_email_hard_bounce_reason_enum` (enumeration) and
`hs_email_hard_bounce_reason` (text). HubSpot itself sets them for its marketing sends; a portal
that marks them read-only answers HTTP 400 `READ_ONLY_VALUE`, which the writer reports as a
terminal failure with that message (point `AUTORESPONDER_HUBSPOT_BOUNCE_PROPERTIES` at custom
properties then). Values come from the delivery-status report (RFC 3464 status and diagnostic),
never from text a person wrote.
"""

from __future__ import annotations

from typing import Any

REASON_ENUM = "hs_email_hard_bounce_reason_enum"
REASON_TEXT = "hs_email_hard_bounce_reason"
# RFC 3463 status (prefix match, longest first) -> HubSpot's hard bounce reason option
STATUS_REASONS = (
    ("5.1.1", "UNKNOWN_USER"), ("5.1.0", "UNKNOWN_USER"), ("5.1.10", "UNKNOWN_USER"), ("5.2.1", "UNKNOWN_USER"),
    ("5.1.2", "DNS_FAILURE"), ("5.4.4", "DNS_FAILURE"), ("5.4.7", "TIMEOUT"), ("5.2.2", "MAILBOX_FULL"),
    ("5.7.26", "DMARC"), ("5.7.1", "POLICY"), ("5.7", "POLICY"), ("5.3", "MAILBOX_MISCONFIGURATION"),
    ("5.4", "ISP_MISCONFIGURATION"), ("4.", "TEMPORARY_PROBLEM"),
)
# the order a status is matched in (also int_route__bounce's, through the dbt var `hubspot_bounce`)
BY_LONGEST_PREFIX = tuple(sorted(STATUS_REASONS, key=lambda p: -len(p[0])))


def reason_option(status: str | None) -> str:
    text = (status or "").strip()
    for prefix, option in BY_LONGEST_PREFIX:
        if text.startswith(prefix):
            return option
    return "OTHER"


def bounce_payload(status: str | None, diagnostic: str | None,
                   properties: tuple[str, str] = (REASON_ENUM, REASON_TEXT)) -> dict[str, Any]:
    """The `record_bounce` payload: the reason option and `"<status> <diagnostic>"` (<= 255 chars)."""
    enum_prop, text_prop = properties
    text = " ".join(x for x in ((status or "").strip(), " ".join((diagnostic or "").split())) if x)
    return {enum_prop: reason_option(status), text_prop: text[:255] or None}
