"""A read-once view of one reply that every rule shares (DESIGN §4 step 2).

Parsing happens here exactly once per message. The view separates the reply's own text
(what the auto-responder wrote) from what it quotes or attaches (our original message, a
returned copy), because only the former may drive a decision.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from email.header import decode_header, make_header
from email.message import Message

from autoresponder.classify.splitter import split_reply
from autoresponder.mime import html_to_text, normalize_message_id, part_text

_REPORT_TYPES = ("message/delivery-status", "message/global-delivery-status")
_ORIGINAL_TYPES = ("message/rfc822", "text/rfc822-headers", "message/rfc822-headers", "message/global")


@dataclass
class DsnRecipient:
    """One per-recipient block of an RFC 3464 delivery-status part."""

    recipient: str | None
    original_recipient: str | None
    action: str | None
    status: str | None
    diagnostic: str | None


@dataclass
class MessageView:
    """What the rules read: decoded headers, own text, DSN blocks, the returned original."""

    message_id: str
    sha256: str
    headers: dict[str, str]
    subject: str
    from_email: str | None
    from_name: str | None
    to_emails: list[str]
    sent_at: datetime | None
    content_type: str
    report_type: str | None
    own_text: str  # top-level text parts, not the attached original
    reply_text: str  # own_text without quoted history and signature
    quoted_text: str  # what own_text quotes
    attached_text: str  # text of attached original / rfc822-headers parts
    dsn_per_message: dict[str, str] = field(default_factory=dict)
    dsn: list[DsnRecipient] = field(default_factory=list)
    original_headers: dict[str, str] = field(default_factory=dict)
    parse_error: str | None = None
    part_types: frozenset[str] = frozenset()
    auth_results: tuple[str, ...] = ()  # Authentication-Results values, topmost first (RFC 8601)

    @property
    def full_text(self) -> str:
        return f"{self.own_text}\n{self.attached_text}"

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


def decode_header_value(value: object) -> str:
    """RFC 2047 decoded header text; never raises on broken encodings."""
    if value is None:
        return ""
    s = str(value)
    if "=?" not in s:
        return " ".join(s.split())
    try:
        return " ".join(str(make_header(decode_header(s))).split())
    except Exception:  # noqa: BLE001 - a bad encoded-word keeps its raw form
        return " ".join(s.split())


def _headers(msg: Message) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in msg.items():
        key = k.lower()
        val = decode_header_value(v)
        out[key] = f"{out[key]}\n{val}" if key in out else val
    return out


def _address(value: str) -> tuple[str | None, str | None]:
    for name, addr in email.utils.getaddresses([value]):
        addr = (addr or "").strip().strip("<>").lower()
        if "@" in addr:
            return name or None, addr
    return None, None


def _addresses(value: str) -> list[str]:
    return [a.strip().lower() for _, a in email.utils.getaddresses([value]) if a and "@" in a]


def _field_value(v: str | None) -> str | None:
    """`rfc822; a@b` -> `a@b`; `smtp; 550 ...` -> `550 ...`."""
    if not v:
        return None
    v = " ".join(str(v).split())
    if "\x1b" in v:  # raw ISO-2022-JP in a DSN field
        v = v.encode("ascii", errors="ignore").decode("iso-2022-jp", errors="replace")
    if ";" in v:
        typ, _, rest = v.partition(";")
        if typ.strip().lower() in ("rfc822", "smtp", "x-unix", "x-local", "x-postfix", "utf-8", "x-smtp",
                                   "x-notes", "x-exchange", "dns", "x-qmail") or " " not in typ.strip():
            v = rest.strip()
    return v or None


def _parse_dsn_blocks(text: str) -> list[dict[str, str]]:
    """Split a delivery-status body into field blocks (blank-line separated, folded lines)."""
    blocks: list[dict[str, str]] = []
    cur: dict[str, str] = {}
    last: str | None = None
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            if cur:
                blocks.append(cur)
                cur, last = {}, None
            continue
        if line[0] in " \t" and last:
            cur[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if sep and name.strip() and " " not in name.strip():
            last = name.strip().lower()
            cur[last] = cur.get(last) or value.strip()
    if cur:
        blocks.append(cur)
    return blocks


def _dsn_text(part: Message) -> str:
    payload = part.get_payload()
    if isinstance(payload, list):  # the stdlib parses delivery-status into header blocks
        return "\n\n".join(
            "\n".join(f"{k}: {v}" for k, v in block.items()) for block in payload if isinstance(block, Message)
        )
    raw = part.get_payload(decode=True)
    if isinstance(raw, bytes):
        return raw.decode("utf-8", errors="replace")
    return payload if isinstance(payload, str) else ""


def _dsn_from_blocks(blocks: list[dict[str, str]]) -> tuple[dict[str, str], list[DsnRecipient]]:
    per_message: dict[str, str] = {}
    recips: list[DsnRecipient] = []
    for b in blocks:
        if any(k in b for k in ("final-recipient", "original-recipient", "action", "status")):
            rcpt = _field_value(b.get("final-recipient")) or _field_value(b.get("original-recipient"))
            _, rcpt_addr = _address(rcpt or "")
            orig = _field_value(b.get("original-recipient"))
            recips.append(DsnRecipient(
                recipient=rcpt_addr or (rcpt.lower() if rcpt and "@" in rcpt else None),
                original_recipient=_address(orig or "")[1],
                action=(b.get("action") or "").strip().lower() or None,
                status=(b.get("status") or "").strip() or None,
                diagnostic=_field_value(b.get("diagnostic-code")),
            ))
        else:
            per_message.update(b)
    return per_message, recips


def _walk(msg: Message, view: dict, depth: int = 0) -> None:
    """Collect own text (not inside an attached message) and the attached original."""
    ctype = msg.get_content_type()
    view["types"].add(ctype)
    if ctype in _REPORT_TYPES:
        per, rec = _dsn_from_blocks(_parse_dsn_blocks(_dsn_text(msg)))
        view["dsn_per_message"].update(per)
        view["dsn"].extend(rec)
        return
    if ctype in _ORIGINAL_TYPES:
        inner = msg.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            if not view["original_headers"]:
                view["original_headers"] = _headers(inner[0])
            view["attached"].append(_collect_text(inner[0]))
        else:
            text = part_text(msg)
            if not view["original_headers"]:
                view["original_headers"] = _headers(email.message_from_string(text, policy=email.policy.compat32))
            view["attached"].append(text)
        return
    if msg.is_multipart():
        payload = msg.get_payload()
        if isinstance(payload, list):
            for sub in payload:
                if isinstance(sub, Message) and depth < 20:
                    _walk(sub, view, depth + 1)
        return
    disp = str(msg.get("Content-Disposition") or "").lower()
    if ctype == "text/plain":
        if "attachment" in disp and view["plain"]:
            view["attached"].append(part_text(msg))
        else:
            view["plain"].append(part_text(msg))
    elif ctype == "text/html":
        view["html"].append(html_to_text(part_text(msg)))


def _collect_text(msg: Message) -> str:
    parts: list[str] = []
    for p in msg.walk():
        if p.is_multipart():
            continue
        if p.get_content_type() == "text/plain":
            parts.append(part_text(p))
        elif p.get_content_type() == "text/html":
            parts.append(html_to_text(part_text(p)))
    return "\n".join(parts)


MAX_TEXT = 200_000


def build_view(raw: bytes) -> MessageView:
    """Parse raw bytes into a `MessageView`; never raises (errors land in `parse_error`)."""
    sha = hashlib.sha256(raw).hexdigest()
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    headers = _headers(msg)
    from_name, from_email = _address(headers.get("from", ""))
    sent_at = None
    if headers.get("date"):
        try:
            sent_at = email.utils.parsedate_to_datetime(headers["date"])
        except (TypeError, ValueError, IndexError):
            sent_at = None
    acc: dict = {"plain": [], "html": [], "attached": [], "dsn": [], "dsn_per_message": {}, "original_headers": {}, "types": set()}
    error = None
    try:
        _walk(msg, acc)
    except Exception as exc:  # noqa: BLE001 - a broken part must not lose the message
        error = f"body: {exc}"
    own = "\n".join(t for t in acc["plain"] if t.strip()) or "\n".join(acc["html"])
    if not own.strip() and not acc["dsn"] and (msg.is_multipart() or not acc["plain"]):
        # a broken boundary leaves the whole body unparsed: read it as plain text
        own = _raw_body(raw)
    if not acc["dsn"] and "final-recipient:" in own.lower():
        per, rec = _dsn_from_blocks(_parse_dsn_blocks(own[own.lower().find("final-recipient:") - 1:][:20000]))
        acc["dsn"] = [r for r in rec if r.action or r.status]
    own = own.replace("\r\n", "\n")[:MAX_TEXT]
    attached = "\n".join(acc["attached"]).replace("\r\n", "\n")[:MAX_TEXT]
    reply, quoted = split_reply(own)
    # an inline-forwarded original without a MIME wrapper still yields its To: header
    original_headers = acc["original_headers"] or _quoted_headers(quoted)
    ctype = msg.get_content_type()
    report_type = msg.get_param("report-type") if ctype == "multipart/report" else None
    return MessageView(
        message_id=normalize_message_id(headers.get("message-id")) or f"sha256:{sha}",
        sha256=sha,
        headers=headers,
        subject=headers.get("subject", ""),
        from_email=from_email,
        from_name=from_name,
        to_emails=_addresses(headers.get("to", "")),
        sent_at=sent_at,
        content_type=ctype,
        report_type=str(report_type).lower() if report_type else None,
        own_text=own,
        reply_text=reply,
        quoted_text=quoted,
        attached_text=attached,
        dsn_per_message=acc["dsn_per_message"],
        dsn=acc["dsn"],
        original_headers=original_headers,
        parse_error=error if msg.keys() else (error or "no RFC 822 headers"),
        part_types=frozenset(acc["types"]),
        auth_results=tuple(str(v) for v in (msg.get_all("Authentication-Results") or [])),
    )


def _raw_body(raw: bytes) -> str:
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = raw.find(sep)
        if i >= 0:
            return raw[i + len(sep):i + len(sep) + MAX_TEXT].decode("utf-8", errors="replace")
    return ""


def _quoted_headers(quoted: str) -> dict[str, str]:
    """`From:`/`To:`/`Subject:` lines of a quoted original (`> To: x` or Outlook's block)."""
    out: dict[str, str] = {}
    for line in quoted.split("\n")[:80]:
        s = line.lstrip("> ").strip()
        name, sep, value = s.partition(":")
        key = name.strip().lower()
        if sep and key in ("to", "an", "à", "a", "para", "aan", "宛先", "from", "von", "de", "van", "差出人"):
            norm = {"an": "to", "à": "to", "a": "to", "para": "to", "aan": "to", "宛先": "to",
                    "von": "from", "de": "from", "van": "from", "差出人": "from"}.get(key, key)
            out.setdefault(norm, value.strip())
    return out


def address_of(value: str) -> str | None:
    return _address(value)[1]


def addresses_of(value: str) -> list[str]:
    return _addresses(value)
