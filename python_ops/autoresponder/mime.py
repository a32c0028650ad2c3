"""One parse of one raw message, shared by landing and classification (standard library `email`).

`parse_message(raw)` reads the bytes once and returns a `ParsedMessage`: the decoded headers, the
addresses, the reply's own text apart from what it attaches (a returned original, rfc822-headers),
the RFC 3464 delivery-status blocks, and the landing facts (Message-ID, sha256, parse errors,
authentication verdict). Landing stores it (`to_json`) beside the raw bytes; classification reads
it back (`from_json`) instead of parsing the bytes again. The message tree is the standard library's
compat32 tree, built by `rawparse.message_tree` from the whole text at once (the feedparser's line
by line generator was most of a bounce's cost), else by `email.message_from_bytes`.

A broken message never raises here: what can be read is returned, and the defects are reported
in `parse_error` so the message still lands (DESIGN quality bar).
"""

from __future__ import annotations

import email
import email.header
import email.policy
import email.utils
import hashlib
import html
import json
import re
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from email.message import Message
from typing import Any

from autoresponder.rawparse import message_tree, message_tree_from_string
from autoresponder.sender_auth import default_status

# bump when what `parse_message` extracts changes: stored parses of another version are re-parsed
PARSER_VERSION = 2  # 2: raw UTF-8 in headers (RFC 6532) and in parts whose declared charset fails
MAX_TEXT = 200_000

_TAG_RE = re.compile(r"<[^>]+>")
_BLOCK_RE = re.compile(r"<\s*(br|/p|/div|/tr|/li|/h\d)\b[^>]*>", re.I)
_SCRIPT_RE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_WS_RE = re.compile(r"[ \t\f\v]+")
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
class ParsedMessage:
    """Everything read from one raw message's bytes (landing's columns and classification's view)."""

    message_id: str  # normalised Message-ID, else `sha256:<hex of the bytes>`
    message_id_raw: str | None
    sha256: str  # of the whole raw message
    body_sha256: str  # of the body (after the header block): tells a re-delivery from a different message
    fields: list[tuple[str, str]]  # every header as written, RFC 2047 decoded, in order
    headers: dict[str, str]  # lower-case name -> value(s), whitespace collapsed, repeated headers newline-joined
    subject: str
    from_email: str | None
    from_name: str | None
    to_emails: list[str]
    sent_at: datetime | None  # with the offset the Date header states
    content_type: str
    report_type: str | None
    own_text: str  # top-level text parts, not the attached original
    attached_text: str  # text of attached original / rfc822-headers parts
    dsn_per_message: dict[str, str] = field(default_factory=dict)
    dsn: list[DsnRecipient] = field(default_factory=list)
    attached_headers: dict[str, str] = field(default_factory=dict)  # headers of a MIME-attached original
    part_types: frozenset[str] = frozenset()
    auth_results: tuple[str, ...] = ()  # Authentication-Results values, topmost first (RFC 8601)
    auth_status: str = "none"  # landing's verdict under the default policy: pass | fail | none
    parse_error: str | None = None
    empty: bool = False  # the file held no bytes but whitespace

    @property
    def full_text(self) -> str:
        return f"{self.own_text}\n{self.attached_text}"

    @property
    def text(self) -> str:
        """The human-readable text landing stores: the reply's own text, then what it attaches."""
        return "\n".join(t for t in (self.own_text.strip(), self.attached_text.strip()) if t)

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    def field_values(self) -> dict[str, list[str]]:
        """Header name (as first written) -> every value, as landing stores them."""
        out: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for name, value in self.fields:
            out.setdefault(names.setdefault(name.lower(), name), []).append(value)
        return out

    def to_json(self) -> str:
        # field by field: `dataclasses.asdict` deep-copies every value and cost landing a quarter of its time
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["dsn"] = [r.__dict__ for r in self.dsn]
        d["sent_at"] = self.sent_at.isoformat() if self.sent_at else None
        d["part_types"] = sorted(self.part_types)
        d["parser_version"] = PARSER_VERSION
        return json.dumps(d, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> ParsedMessage | None:
        """A stored parse, or None when there is none or it was made by another parser version."""
        if not text:
            return None
        d: dict[str, Any] = json.loads(text)
        if d.pop("parser_version", None) != PARSER_VERSION:
            return None
        d["fields"] = [tuple(f) for f in d["fields"]]
        d["sent_at"] = datetime.fromisoformat(d["sent_at"]) if d["sent_at"] else None
        d["dsn"] = [DsnRecipient(**r) for r in d["dsn"]]
        d["part_types"] = frozenset(d["part_types"])
        d["auth_results"] = tuple(d["auth_results"])
        return cls(**d)


def normalize_message_id(value: str | None) -> str | None:
    """`<ABC@Host>` and ` abc@host ` are the same Message-ID: strip brackets, lowercase."""
    if not value:
        return None
    v = value.strip().strip("<>").strip().lower()
    return v or None


def decode_header_value(value: object) -> str:
    """RFC 2047 encoded words decoded (`=?utf-8?q?R=C3=A9ponse?=` -> `Réponse`); never raises."""
    if isinstance(value, email.header.Header):  # 8-bit bytes written raw in the header
        return _raw_header(value)
    text = str(value)
    if "=?" not in text:
        return text
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except Exception:  # noqa: BLE001 - a broken encoded word stays as written
        return text


def _raw_header(value: email.header.Header) -> str:
    """A header with raw 8-bit bytes: UTF-8 as RFC 6532 allows (Japanese carriers write it so), else as
    the standard library reads it."""
    try:
        chunks = email.header.decode_header(value)
    except Exception:  # noqa: BLE001 - as written
        return str(value)
    if not all(isinstance(b, bytes) and cs in (None, "unknown-8bit") for b, cs in chunks):
        return str(value)
    raw = b"".join(b for b, _ in chunks)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return str(value)


# one plain address, bare or in angle brackets, after an optional display name of plain words: what
# `getaddresses` returns for it is known without running its parser (a tenth of `classify` on bounces)
_ATOM = r"[A-Za-z0-9_+-]+"
_PLAIN = rf"{_ATOM}(?:\.{_ATOM})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
_PLAIN_ADDRESS_RE = re.compile(rf"[ \t]*(?:(?:([A-Za-z0-9]+(?: [A-Za-z0-9]+)*) )?<({_PLAIN})>|({_PLAIN}))[ \t]*")


def _addresses(value: str) -> list[tuple[str, str]]:
    """`email.utils.getaddresses([value])`, with a fast path for one plain address."""
    m = _PLAIN_ADDRESS_RE.fullmatch(value)
    if m is not None:
        return [(m.group(1) or "", m.group(2) or m.group(3))]
    return email.utils.getaddresses([value])


def first_address(value: str | None) -> tuple[str | None, str | None]:
    """(display name, lowercase address) of the first address in a header value."""
    for name, addr in _addresses(value or ""):
        addr = (addr or "").strip().strip("<>").lower()
        if "@" in addr:
            return name or None, addr
    return None, None


def address_of(value: str | None) -> str | None:
    return first_address(value)[1]


def addresses_of(value: str | None) -> list[str]:
    return [a.strip().lower() for _, a in _addresses(value or "") if a and "@" in a]


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
        text = payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")
    if "\ufffd" in text and charset != "utf-8":
        # the declared charset does not fit (UTF-8 bytes labelled ISO-2022-JP or ISO-8859-1): UTF-8 if it reads
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return text


# --- RFC 3464 delivery-status --------------------------------------------------------------------

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
            "\n".join(f"{k}: {v}" for k, v in _items(block)) for block in payload if isinstance(block, Message)
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
            rcpt_addr = address_of(rcpt)
            recips.append(DsnRecipient(
                recipient=rcpt_addr or (rcpt.lower() if rcpt and "@" in rcpt else None),
                original_recipient=address_of(_field_value(b.get("original-recipient"))),
                action=(b.get("action") or "").strip().lower() or None,
                status=(b.get("status") or "").strip() or None,
                diagnostic=_field_value(b.get("diagnostic-code")),
            ))
        else:
            per_message.update(b)
    return per_message, recips


# --- headers and body ----------------------------------------------------------------------------

def _collapse(value: str) -> str:
    return " ".join(value.split())


def _items(msg: Message) -> list[tuple[str, Any]]:
    """`msg.items()`: the policy turns only a value with raw 8-bit bytes into a `Header`."""
    fetch = msg.policy.header_fetch_parse
    return [(k, v if v.isascii() else fetch(k, v)) for k, v in msg._headers]


def _decoded_fields(msg: Message) -> list[tuple[str, str]]:
    return [(k, decode_header_value(v)) for k, v in _items(msg)]


def _header_map(fields: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in fields:
        key, val = k.lower(), _collapse(v)
        out[key] = f"{out[key]}\n{val}" if key in out else val
    return out


def _walk(msg: Message, acc: dict, depth: int = 0) -> None:
    """Collect own text (not inside an attached message), the attached original and DSN blocks."""
    ctype = msg.get_content_type()
    acc["types"].add(ctype)
    if ctype in _REPORT_TYPES:
        per, rec = _dsn_from_blocks(_parse_dsn_blocks(_dsn_text(msg)))
        acc["dsn_per_message"].update(per)
        acc["dsn"].extend(rec)
        return
    if ctype in _ORIGINAL_TYPES:
        inner = msg.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            if not acc["attached_headers"]:
                acc["attached_headers"] = _header_map(_decoded_fields(inner[0]))
            acc["attached"].append(_collect_text(inner[0]))
        else:
            text = part_text(msg)
            if not acc["attached_headers"]:
                headers = message_tree_from_string(text)
                if headers is None:
                    headers = email.message_from_string(text, policy=email.policy.compat32)
                acc["attached_headers"] = _header_map(_decoded_fields(headers))
            acc["attached"].append(text)
        return
    if msg.is_multipart():
        payload = msg.get_payload()
        if isinstance(payload, list):
            for sub in payload:
                if isinstance(sub, Message) and depth < 20:
                    _walk(sub, acc, depth + 1)
        return
    disp = str(msg.get("Content-Disposition") or "").lower()
    if ctype == "text/plain":
        if "attachment" in disp and acc["plain"]:
            acc["attached"].append(part_text(msg))
        else:
            acc["plain"].append(part_text(msg))
    elif ctype == "text/html":
        acc["html"].append(html_to_text(part_text(msg)))


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


def _split_head(raw: bytes) -> int:
    """Offset of the body: after the first blank line, else the end (a message of headers only)."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = raw.find(sep)
        if i >= 0:
            return i + len(sep)
    return len(raw)


def body_sha256(raw: bytes) -> str:
    """Hash of the body with line endings normalised: a re-delivery with other headers has the same."""
    body = raw[_split_head(raw):].replace(b"\r\n", b"\n").rstrip()
    return hashlib.sha256(body).hexdigest()


def _raw_body(raw: bytes) -> str:
    start = _split_head(raw)
    if start >= len(raw):
        return ""
    return raw[start:start + MAX_TEXT].decode("utf-8", errors="replace")


def _empty(sha: str, raw: bytes) -> ParsedMessage:
    return ParsedMessage(
        message_id=f"sha256:{sha}", message_id_raw=None, sha256=sha, body_sha256=body_sha256(raw), fields=[],
        headers={}, subject="", from_email=None, from_name=None, to_emails=[], sent_at=None,
        content_type="text/plain", report_type=None, own_text="", attached_text="", parse_error="empty file",
        empty=True,
    )


def parse_message(raw: bytes) -> ParsedMessage:
    """Parse one raw message, once; never raises (what cannot be read is named in `parse_error`)."""
    sha = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        return _empty(sha, raw)
    errors: list[str] = []
    # compat32 never raises on bad headers and is several times faster than `policy.default`; the
    # same tree is built by scanning the whole text when nothing unusual needs the stdlib's feed parse
    msg = message_tree(raw)
    if msg is None:
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    errors.extend(type(d).__name__ for d in getattr(msg, "defects", []) or [])
    fields = _decoded_fields(msg)
    headers = _header_map(fields)
    first = {}
    for k, v in fields:
        first.setdefault(k.lower(), v.strip() or None)
    mid_raw = first.get("message-id")
    # addresses are parsed before encoded words are decoded (RFC 2047 §5): `=?utf-8?q?K=C3=B6hler=2C_Stefan?=`
    # is one display name, not two addresses
    from_name, from_email = first_address(_collapse(str(msg.get("From") or "")))
    from_name = decode_header_value(from_name) if from_name else None
    sent_at = None
    if headers.get("date"):
        try:
            sent_at = email.utils.parsedate_to_datetime(headers["date"])
        except (TypeError, ValueError, IndexError):
            errors.append(f"unparseable Date: {headers['date'][:60]}")
    acc: dict = {"plain": [], "html": [], "attached": [], "dsn": [], "dsn_per_message": {},
                 "attached_headers": {}, "types": set()}
    try:
        _walk(msg, acc)
    except Exception as exc:  # noqa: BLE001 - a broken part must not lose the message
        errors.append(f"body not decodable: {exc}")
    own = "\n".join(t for t in acc["plain"] if t.strip()) or "\n".join(acc["html"])
    if not own.strip() and not acc["dsn"] and (msg.is_multipart() or not acc["plain"]):
        # a broken boundary leaves the whole body unparsed: read it as plain text
        own = _raw_body(raw)
    if not acc["dsn"] and "final-recipient:" in own.lower():
        _, rec = _dsn_from_blocks(_parse_dsn_blocks(own[own.lower().find("final-recipient:") - 1:][:20000]))
        acc["dsn"] = [r for r in rec if r.action or r.status]
    if not fields:
        errors.append("no RFC 822 headers")
    ctype = msg.get_content_type()
    report_type = msg.get_param("report-type") if ctype == "multipart/report" else None
    auth_results = tuple(str(v) for v in (msg.get_all("Authentication-Results") or []))
    return ParsedMessage(
        message_id=normalize_message_id(mid_raw) or f"sha256:{sha}",
        message_id_raw=mid_raw,
        sha256=sha,
        body_sha256=body_sha256(raw),
        fields=fields,
        headers=headers,
        subject=headers.get("subject", ""),
        from_email=from_email,
        from_name=from_name,
        to_emails=addresses_of(headers.get("to", "")),
        sent_at=sent_at,
        content_type=ctype,
        report_type=str(report_type).lower() if report_type else None,
        own_text=own.replace("\r\n", "\n")[:MAX_TEXT],
        attached_text="\n".join(acc["attached"]).replace("\r\n", "\n")[:MAX_TEXT],
        dsn_per_message=acc["dsn_per_message"],
        dsn=acc["dsn"],
        attached_headers=acc["attached_headers"],
        part_types=frozenset(acc["types"]),
        auth_results=auth_results,
        # DESIGN §10 verdict at landing under the default policy (only the topmost header, aligned with
        # From); classification re-evaluates it every run under the configured trusted authserv-ids
        auth_status=default_status(auth_results, from_email),
        parse_error="; ".join(dict.fromkeys(errors)) or None,
    )


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
