"""MIME building blocks for generated messages: address and subject headers, text and HTML parts.

Messages are built with `email.message.EmailMessage` on the compat32 policy (10x faster to
serialise than the default policy; the output is ordinary RFC 5322 / MIME that any parser reads).
"""

from __future__ import annotations

import email.utils
from email.charset import QP, Charset
from email.header import Header
from email.message import EmailMessage
from email.policy import compat32

_QP_UTF8 = Charset("utf-8")
_QP_UTF8.body_encoding = QP
_QP_UTF8.header_encoding = QP
POLICY = compat32.clone(linesep="\n", max_line_length=78)


def display_addr(name: str, addr: str) -> str:
    """`Name <addr>`, with the name RFC 2047-encoded when it is not ASCII."""
    try:
        name.encode("ascii")
        return email.utils.formataddr((name, addr))
    except UnicodeEncodeError:
        return email.utils.formataddr((name, addr), charset="utf-8")


def encoded_header(value: str) -> str:
    """`value` as is when ASCII, else RFC 2047-encoded UTF-8."""
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, "utf-8").encode()


def text_part(text: str, subtype: str = "plain") -> EmailMessage:
    """A `text/<subtype>` part: 7bit us-ascii when it can be, else quoted-printable UTF-8."""
    if not text.endswith("\n"):
        text += "\n"
    part = EmailMessage(policy=POLICY)
    try:
        text.encode("ascii")
        part["Content-Type"] = f'text/{subtype}; charset="us-ascii"'
        part["Content-Transfer-Encoding"] = "7bit"
        part.set_payload(text)
    except UnicodeEncodeError:
        part.set_payload(text, _QP_UTF8)
        part.replace_header("Content-Type", f'text/{subtype}; charset="utf-8"')
    return part


def set_text_body(msg: EmailMessage, text: str) -> None:
    """Make `msg` a single-part plain-text message carrying `text`."""
    part = text_part(text)
    for k, v in part.items():
        if k.lower() != "mime-version":
            msg[k] = v
    msg.set_payload(part.get_payload())


def html(text: str) -> str:
    """The HTML alternative of a plain-text body (one `<p>` per non-blank line)."""
    paras = "".join(
        f"<p>{line.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>\n"
        for line in text.split("\n") if line.strip()
    )
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
            f'<body><div style="font-family:Calibri,sans-serif;font-size:11pt">\n{paras}</div></body></html>\n')
