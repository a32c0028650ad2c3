"""Organisation domains of addresses: the part of a host an organisation owns, and webmail hosts.

Used wherever the classifier asks "same organisation?": sender authentication alignment
(RFC 7489 relaxed alignment compares organisational domains), identity binding and address
changes (DESIGN §5 gates).
"""

from __future__ import annotations

_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "gv", "or", "ne", "edu", "gob", "gouv"})

FREEMAIL = frozenset(
    "gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de yahoo.es yahoo.it yahoo.co.jp hotmail.com "
    "hotmail.co.uk hotmail.fr hotmail.de hotmail.es hotmail.it outlook.com live.com msn.com icloud.com me.com aol.com "
    "proton.me protonmail.com gmx.de gmx.net gmx.at web.de t-online.de freenet.de orange.fr wanadoo.fr free.fr "
    "laposte.net sfr.fr libero.it virgilio.it tiscali.it alice.it telefonica.net ziggo.nl kpnmail.nl hetnet.nl "
    "planet.nl sapo.pt uol.com.br bol.com.br terra.com.br docomo.ne.jp ezweb.ne.jp softbank.ne.jp".split())


def host_org_domain(host: str | None) -> str | None:
    """"mail.acme.co.uk" -> "acme.co.uk"; "eu.acme.com" -> "acme.com"."""
    if not host:
        return None
    labels = host.strip().strip(".").lower().split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def org_domain(addr: str | None) -> str | None:
    """The organisation part of an address's host, or of a bare host."""
    if not addr:
        return None
    return host_org_domain(addr.rsplit("@", 1)[-1])


def same_org(a: str | None, b: str | None) -> bool:
    """Both addresses (or hosts) belong to one organisation domain (webmail is nobody's organisation)."""
    da, db = org_domain(a), org_domain(b)
    return bool(da and da == db and da not in FREEMAIL)


def other_org(addr: str | None, sender: str | None) -> bool:
    """True when the address is at a different organisation than the sender's (a private webmail address
    is nobody's organisation)."""
    a, b = org_domain(addr), org_domain(sender)
    return bool(a and b and a != b and a not in FREEMAIL)
