"""MIME helpers shared by landing and classification (standard library `email` package).

A broken message never raises here: what can be read is returned, and the first defect
is reported as `parse_error` so the message still lands (DESIGN quality bar).
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message

from autoresponder.sender_auth import sender_authentication

_TAG_RE = re.compile(r"<[^>]+>")
_BLOCK_RE = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", re.I)
_SCRIPT_RE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_WS_RE = re.compile(r"[ \t\f\v]+")


@dataclass
class ParsedEmail:
    """What landing keeps of one raw message."""

    message_id: str
    message_id_raw: str | None
    sha256: str
    from_email: str | None
    from_name: str | None
    to_emails: list[str]
    subject: str | None
    sent_at: datetime | None
    headers: dict[str, list[str]]
    text: str
    auth_status: str  # pass | fail | none
    parse_error: str | None = None
    msg: Message | None = field(default=None, repr=False)


def normalize_message_id(value: str | None) -> str | None:
    """`<ABC@Host>` and ` abc@host ` are the same Message-ID: strip brackets, lowercase."""
    if not value:
        return None
    v = value.strip().strip("<>").strip().lower()
    return v or None


def parse_bytes(raw: bytes) -> Message:
    """Parse with the compat32 policy: it never raises on bad headers and is several times faster
    than `policy.default` (whose header objects dominated landing time); encoded words are
    decoded where a header is read (`decode_header_value`)."""
    return email.message_from_bytes(raw, policy=email.policy.compat32)


def decode_header_value(value: object) -> str:
    """RFC 2047 encoded words decoded (`=?utf-8?q?R=C3=A9ponse?=` -> `Réponse`); never raises."""
    text = str(value)
    if "=?" not in text:
        return text
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except Exception:  # noqa: BLE001 - a broken encoded word stays as written
        return text


def header_str(msg: Message, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - malformed header values raise lazily
        raw = msg.get_all(name, failobj=None) if hasattr(msg, "get_all") else None
        value = raw[0] if raw else None
    if value is None:
        return None
    return decode_header_value(value).strip() or None


def first_address(value: str | None) -> tuple[str | None, str | None]:
    """(display name, lowercase address) of the first address in a header value."""
    if not value:
        return None, None
    pairs = email.utils.getaddresses([value])
    for name, addr in pairs:
        addr = (addr or "").strip().lower()
        if "@" in addr:
            return (name or None), addr
    return None, None


def all_addresses(value: str | None) -> list[str]:
    if not value:
        return []
    return [a.strip().lower() for _, a in email.utils.getaddresses([value]) if a and "@" in a]


def html_to_text(markup: str) -> str:
    """Readable text from an HTML body: drop script/style, break on blocks, unescape."""
    s = _SCRIPT_RE.sub(" ", markup)
    s = _BLOCK_RE.sub("\n", s)
    s = _TAG_RE.sub(" ", s)
    s = html.unescape(s)
    lines = [_WS_RE.sub(" ", line).strip() for line in s.splitlines()]
    return "\n".join(line for line in lines if line)


def part_text(part: Message) -> str:
    """Decoded text of one leaf part, tolerant of wrong or unknown charsets."""
    payload = part.get_payload(decode=True)
    if payload is None:
        p = part.get_payload()
        return p if isinstance(p, str) else ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def body_text(msg: Message) -> str:
    """The human-readable text of a message: text/plain parts, else HTML converted to text.

    Attached original messages (message/rfc822) are included after the main text, since
    bounces quote the original there; classification decides what to trust.
    """
    plain: list[str] = []
    htmls: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        disp = (part.get("Content-Disposition") or "").lower()
        if "attachment" in disp and not ctype.startswith("text/"):
            continue
        if ctype == "text/plain":
            plain.append(part_text(part))
        elif ctype == "text/html":
            htmls.append(html_to_text(part_text(part)))
        elif ctype in ("message/delivery-status", "text/rfc822-headers", "message/rfc822-headers"):
            plain.append(part_text(part) if not part.is_multipart() else "")
    if plain:
        return "\n".join(t for t in plain if t).strip()
    return "\n".join(htmls).strip()


def auth_status(msg: Message, from_email: str | None = None) -> str:
    """DESIGN §10 verdict at landing (`pass | fail | none`): `sender_auth.sender_authentication` under the
    default policy (only the topmost `Authentication-Results`, aligned with the From domain).
    Classification re-evaluates it every run under the configured trusted authserv-ids."""
    values = [str(v) for v in (msg.get_all("Authentication-Results") or [])]
    return sender_authentication(values, from_email).status


def parse_email(raw: bytes, *, fallback_id: str | None = None) -> ParsedEmail:
    """Parse one raw message into what landing stores; never raises."""
    sha = hashlib.sha256(raw).hexdigest()
    errors: list[str] = []
    if not raw.strip():
        return ParsedEmail(
            message_id=f"sha256:{sha}", message_id_raw=None, sha256=sha, from_email=None,
            from_name=None, to_emails=[], subject=None, sent_at=None, headers={}, text="",
            auth_status="none", parse_error="empty file",
        )
    msg = parse_bytes(raw)
    for d in getattr(msg, "defects", []) or []:
        errors.append(type(d).__name__)
    headers: dict[str, list[str]] = {}
    for k in msg.keys():
        try:
            vals = [decode_header_value(v) for v in msg.get_all(k) or []]
        except Exception as exc:  # noqa: BLE001
            vals = []
            errors.append(f"bad header {k}: {exc}")
        headers.setdefault(k, vals)
    mid_raw = header_str(msg, "Message-ID")
    mid = normalize_message_id(mid_raw) or (fallback_id or f"sha256:{sha}")
    raw_from = msg.get("From")
    from_name, from_email_ = first_address(str(raw_from) if raw_from is not None else None)
    from_name = decode_header_value(from_name) if from_name else None
    sent_at = None
    date_raw = header_str(msg, "Date")
    if date_raw:
        try:
            sent_at = email.utils.parsedate_to_datetime(date_raw)
            if sent_at.tzinfo is not None:
                sent_at = sent_at.astimezone(UTC).replace(tzinfo=None)
        except (TypeError, ValueError, IndexError):
            errors.append(f"unparseable Date: {date_raw[:60]}")
    try:
        text = body_text(msg)
    except Exception as exc:  # noqa: BLE001
        text = raw.decode("utf-8", errors="replace")
        errors.append(f"body not decodable: {exc}")
    if not msg.keys():
        errors.append("no RFC 822 headers")
    return ParsedEmail(
        message_id=mid,
        message_id_raw=mid_raw,
        sha256=sha,
        from_email=from_email_,
        from_name=from_name,
        to_emails=all_addresses(header_str(msg, "To")),
        subject=header_str(msg, "Subject"),
        sent_at=sent_at,
        headers=headers,
        text=text,
        auth_status=auth_status(msg, from_email_),
        parse_error="; ".join(dict.fromkeys(errors)) or None,
        msg=msg,
    )




def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
