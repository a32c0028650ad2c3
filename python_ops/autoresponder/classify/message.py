"""A read-once view of one reply that every rule shares (DESIGN §4 step 2).

The bytes are parsed once, by `autoresponder.mime.parse_message` (landing stores that parse;
classification reads it back). The view adds what classification alone needs: the reply's own
words apart from the history they quote (and the headers of a quoted original), because only
the reply's own words may drive a decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from autoresponder.classify.splitter import split_reply
from autoresponder.mime import DsnRecipient, ParsedMessage, address_of, addresses_of

# DsnRecipient and the address helpers are re-exported for the rules that import them from here
__all__ = ["DsnRecipient", "MessageView", "address_of", "addresses_of", "view_of"]


@dataclass
class MessageView(ParsedMessage):
    """What the rules read: the parsed message plus its own words split from what they quote."""

    reply_text: str = ""  # own_text without quoted history and signature
    quoted_text: str = ""  # what own_text quotes
    original_headers: dict[str, str] = field(default_factory=dict)  # attached, else quoted, original's headers


def view_of(parsed: ParsedMessage) -> MessageView:
    """The rules' view of one parsed message (no parsing of bytes here)."""
    reply, quoted = split_reply(parsed.own_text)
    # an inline-forwarded original without a MIME wrapper still yields its To: header
    original = parsed.attached_headers or _quoted_headers(quoted)
    return MessageView(**parsed.__dict__, reply_text=reply, quoted_text=quoted, original_headers=original)


_QUOTED_TO = {"an": "to", "à": "to", "a": "to", "para": "to", "aan": "to", "宛先": "to",
              "von": "from", "de": "from", "van": "from", "差出人": "from"}


def _quoted_headers(quoted: str) -> dict[str, str]:
    """`From:`/`To:`/`Subject:` lines of a quoted original (`> To: x` or Outlook's block)."""
    out: dict[str, str] = {}
    for line in quoted.split("\n")[:80]:
        s = line.lstrip("> ").strip()
        name, sep, value = s.partition(":")
        key = name.strip().lower()
        if sep and (key in ("to", "from") or key in _QUOTED_TO):
            out.setdefault(_QUOTED_TO.get(key, key), value.strip())
    return out
