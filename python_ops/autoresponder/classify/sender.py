"""Who the reply is about: the true sender behind relays and delivery systems (DESIGN §4)."""

from __future__ import annotations

import re

from autoresponder.classify.decision import Decision
from autoresponder.classify.extract import is_service_mailbox, valid_email
from autoresponder.classify.message import MessageView
from autoresponder.domains import imitates, same_org
from autoresponder.mime import addresses_of

_SYSTEM_LOCAL = re.compile(r"^(mailer-daemon|postmaster|bounces?|no-?reply|donotreply|do-not-reply|root|daemon|"
                           r"autoreply|auto-reply|notifications?)([+@]|$)", re.I)


def in_domains(addr: str | None, domains: list[str] | tuple[str, ...]) -> bool:
    """True when the address is at one of the domains or a subdomain of one."""
    if not addr or "@" not in addr:
        return False
    host = addr.rsplit("@", 1)[1].lower()
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in domains if d)


def identify_source(view: MessageView, decision: Decision | None,
                    our_domains: list[str]) -> tuple[str | None, str]:
    """(person's address, basis): DSN recipient (`dsn`), then the quoted or attached original's
    To: (`quoted`), then an address the text names as the person's own (`text`), then From
    (`from`); `none` when nothing qualifies. Our own domains, alternates and system mailboxes
    never qualify. The basis decides whether a write may follow (IDENTITY_MISMATCH, DESIGN §5)."""
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

    def basis(a: str, named: str) -> tuple[str, str]:
        return a, "from" if a == (view.from_email or "").lower() else named

    if decision and decision.bounce and ok(decision.person_email or decision.bounce.recipient):
        return basis(ok(decision.person_email or decision.bounce.recipient), "dsn")
    for r in view.dsn:
        if ok(r.original_recipient or r.recipient):
            return basis(ok(r.original_recipient or r.recipient), "dsn")
    for a in addresses_of(view.original_headers.get("to", "")):
        if ok(a):
            return basis(ok(a), "quoted")
    if decision and ok(decision.person_email):
        return basis(ok(decision.person_email), "text")
    if decision and decision.determination == "BOUNCE":
        return None, "none"
    a = ok(view.from_email, strict=False)
    return (a, "from") if a else (None, "none")


def identify_auto_response_source_email(view: MessageView, decision: Decision | None,
                                        our_domains: list[str]) -> str | None:
    """The person's address only (see `identify_source`)."""
    return identify_source(view, decision, our_domains)[0]


def identity_bound(view: MessageView, source: str | None, basis: str, speaks_for: str | None,
                   sender_auth: str, person_change: bool = False) -> bool:
    """May a write about `source` follow from this message? Only for the authenticated sender's own
    record: From itself, or a machine field (DSN recipient) on the sender's own authenticated
    organisation domain. Quoted text, free text and a reply speaking for someone else never bind;
    nor does a departure, new address or title sent from a role mailbox (system-info@, info@): such a
    mailbox has no person, so the person the news is about is somebody it does not name by address."""
    if not source or speaks_for:
        return False
    if basis == "from":
        return not (person_change and is_service_mailbox(source))
    if basis == "dsn":
        return sender_auth == "pass" and same_org(source, view.from_email)
    return False


_HOST_IN_TEXT = re.compile(r"(?<![\w.-])(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w-])", re.I)


def imitated_domain(view: MessageView) -> str | None:
    """A domain the reply's own text names that its From domain imitates (a look-alike or the genuine name worn as a
    subdomain): "please remove callum@thornvale-energy…" sent from thornvaIe-energy. Such a message is somebody
    passing for the person; nothing it says binds to a record."""
    host = (view.from_email or "").rpartition("@")[2]
    if not host:
        return None
    # every host the text names, bare ("www.acme.example") or in an address (after the "@")
    named = {m.group(1).lower() for m in _HOST_IN_TEXT.finditer(view.reply_text[:6000])}
    return next((d for d in sorted(named) if imitates(host, d)), None)
