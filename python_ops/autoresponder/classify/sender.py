"""Who the reply is about: the true sender behind relays and delivery systems (DESIGN §4)."""

from __future__ import annotations

import re

from autoresponder.classify.decision import Decision
from autoresponder.classify.extract import valid_email
from autoresponder.classify.message import MessageView, addresses_of

_SYSTEM_LOCAL = re.compile(r"^(mailer-daemon|postmaster|bounces?|no-?reply|donotreply|do-not-reply|root|daemon|"
                           r"autoreply|auto-reply|notifications?)([+@]|$)", re.I)


def in_domains(addr: str | None, domains: list[str] | tuple[str, ...]) -> bool:
    """True when the address is at one of the domains or a subdomain of one."""
    if not addr or "@" not in addr:
        return False
    host = addr.rsplit("@", 1)[1].lower()
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in domains if d)


def identify_auto_response_source_email(view: MessageView, decision: Decision | None,
                                        our_domains: list[str]) -> str | None:
    """DSN recipient, then the quoted original's To:, then an address the text names as the
    person's own, then From. Our own domains, alternates and system mailboxes never qualify."""
    exclude = set()
    if decision:
        exclude |= {r.email for r in decision.replacements if r.email}
        if decision.new_email:
            exclude.add(decision.new_email)

    def ok(a: str | None, strict: bool = True) -> str | None:
        a = valid_email(a)
        if not a or (strict and a in exclude) or in_domains(a, our_domains) or _SYSTEM_LOCAL.match(a):
            return None
        return a

    if decision and decision.bounce and ok(decision.person_email or decision.bounce.recipient):
        return ok(decision.person_email or decision.bounce.recipient)
    for r in view.dsn:
        if ok(r.original_recipient or r.recipient):
            return ok(r.original_recipient or r.recipient)
    for a in addresses_of(view.original_headers.get("to", "")):
        if ok(a):
            return ok(a)
    if decision and ok(decision.person_email):
        return ok(decision.person_email)
    if decision and decision.determination == "BOUNCE":
        return None
    return ok(view.from_email, strict=False)
