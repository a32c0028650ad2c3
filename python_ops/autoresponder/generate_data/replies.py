"""Replies to our campaign mail: the kind's text plus relays, spoofs, quotes, headers and MIME."""

from __future__ import annotations

import email.utils
from datetime import datetime
from email.message import EmailMessage

from autoresponder.generate_data import words as W
from autoresponder.generate_data.envelope import OUR_DOMAIN, Envelope
from autoresponder.generate_data.expected import Label
from autoresponder.generate_data.mime_parts import (
    POLICY,
    display_addr,
    encoded_header,
    html,
    set_text_body,
    text_part,
)
from autoresponder.generate_data.reply_texts import compose_reply
from autoresponder.generate_data.rng import Rng
from autoresponder.generate_data.world import World, case_variant


def message_id(m: int, r: Rng, domain: str, when: datetime) -> str:
    """A Message-ID in the style of Outlook, Gmail or a plain MTA (without the angle brackets)."""
    h = r.u64()
    style = r.below(3)
    if style == 0:
        pod = f"{'ABCDEFGHJKLMNPQRSTUVWXYZ'[h % 24]}{'ABCDEFGHJKLMNPQRSTUVWXYZ'[(h >> 5) % 24]}" \
              f"{(h >> 10) % 9 + 1}PR{(h >> 14) % 20:02d}MB{(h >> 20) % 9000 + 1000}"
        return f"{pod}{(h >> 34) & 0xFFFFFFF:07X}{m:07d}@{pod}.namprd{(h >> 40) % 20:02d}.prod.outlook.com"
    if style == 1:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        tok = "".join(alphabet[(h >> (6 * j)) % 62] for j in range(10))
        return f"CA{tok}{m:07d}@mail.gmail.com"
    return f"{when:%Y%m%d%H%M%S}.{h & 0xFFFFFFFF:08x}.{m}@{domain}"


def build_reply(world: World, m: int, kind: str, r: Rng, env: Envelope) -> tuple[bytes, str, Label]:
    """Message `m` of a non-bounce `kind` answering `env`: (raw bytes, Message-ID, label)."""
    full, first, addr, org_name, state = env.full, env.first, env.addr, env.org_name, env.state
    domain, when, campaign, our, orig_id = env.domain, env.when, env.campaign, env.our, env.orig_id
    text, label, auto, lang = compose_reply(world, kind, r, env)
    flags: list[str] = []
    relay = auto and kind in ("ooo", "inactive", "replacement") and state != "ambiguous" and r.chance(0.015)
    spoof = kind in ("inactive", "email_update", "title_update", "replacement") and r.chance(0.007)
    if not auto:
        text = f"Hi,\n\n{text}\n\n{r.choice(W.SIGNOFFS)},\n{first}"
    elif r.chance(0.5) and kind != "inactive":
        text = f"{text}\n\n{full}\n{org_name}"
    quote = r.chance(0.4 if not auto else 0.1) or relay
    if relay:
        text = ("This is an automated response on behalf of the recipient of your message.\n\n" + text)
        flags.append("relay")
    if quote:
        if relay or r.chance(0.6):
            text += (f"\n\n-----Original Message-----\nFrom: Example Research <{our}>\n"
                     f"Sent: Monday, November 16, 2026 9:00 AM\nTo: {full} <{addr}>\nSubject: {campaign}\n\n"
                     "Dear client,\n\nPlease find our latest research attached.\n\nKind regards,\nExample Research\n")
        else:
            text += (f"\n\nOn Mon, 16 Nov 2026 at 09:00, Example Research <{our}> wrote:\n"
                     "> Dear client,\n>\n> Please find our latest research attached.\n")
    msg = EmailMessage(policy=POLICY)
    if spoof:
        msg["Authentication-Results"] = (f"mx.{OUR_DOMAIN}; spf=fail smtp.mailfrom={domain}; dkim=none; "
                                         f"dmarc=fail (p=REJECT) header.from={domain}")
        flags.append("spoofed")
    elif r.chance(0.7):
        d = f"relay.{domain}" if relay else domain
        msg["Authentication-Results"] = (f"mx.{OUR_DOMAIN}; spf=pass smtp.mailfrom={d}; dkim=pass "
                                         f"header.d={d}; dmarc=pass header.from={d}")
    mid = message_id(m, r, f"relay.{domain}" if relay else domain, when)
    msg["Message-ID"] = f"<{mid}>"
    msg["Date"] = email.utils.format_datetime(when)
    if relay:
        msg["From"] = display_addr(f"{org_name} Mail Gateway", f"no-reply@relay.{domain}")
    else:
        sent_addr = case_variant(r, addr) if r.chance(0.08) else addr
        msg["From"] = display_addr(full, sent_addr)
    msg["To"] = our
    if auto:
        prefix = r.choice(W.SUBJECT_PREFIX[lang])
    else:
        prefix = r.choice(("RE: ", "Re: ", "AW: " if lang == "de" else "RE: "))
    msg["Subject"] = encoded_header(prefix + campaign)
    msg["In-Reply-To"] = orig_id
    msg["References"] = orig_id
    msg["MIME-Version"] = "1.0"
    if auto:
        h = r.below(4)
        if h in (0, 1):
            msg["Auto-Submitted"] = "auto-replied"
        if h in (1, 2):
            msg["X-Autoreply"] = "yes"
        if h == 3:
            msg["X-Auto-Response-Suppress"] = "All"
            if not relay:
                msg["X-MS-Exchange-Inbox-Rules-Loop"] = addr
        if relay:
            msg["Precedence"] = "auto_reply"
    if r.chance(0.25):
        boundary = f"_000_{r.u64():016x}{m:07d}_"
        msg["Content-Type"] = "multipart/alternative"
        msg.set_payload([text_part(text), text_part(html(text), "html")])
        msg.set_boundary(boundary)
        flags.append("html")
    else:
        set_text_body(msg, text)
    raw = msg.as_bytes(policy=POLICY)
    if flags:
        label = label._replace(flags=" ".join([label.flags, *flags]).strip())
    return raw, mid, label
