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


# characters and pairs a reader takes for others in a host name: "thornvaIe" (capital I), "m0ntebelo", "alrnirante"
_CONFUSABLE = str.maketrans({"0": "o", "1": "l", "i": "l", "3": "e", "5": "s", "_": "-"})


def _skeleton(label: str) -> str:
    return label.lower().replace("rn", "m").replace("vv", "w").replace("cl", "d").translate(_CONFUSABLE)


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by exactly one inserted, deleted or replaced character."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def imitates(host: str | None, genuine: str | None) -> bool:
    """True when `host` passes itself off as `genuine` without being it: a look-alike organisation label
    ("thornvaIe-energy" for "thornvale-energy", one character off on a long name) or the genuine name
    worn as a subdomain of somebody else's ("kroneberg-ag.example.mailservice-eu.example")."""
    if not host or not genuine:
        return False
    host, genuine = host.lower().strip("."), genuine.lower().strip(".")
    a, b = host_org_domain(host), host_org_domain(genuine)
    if not a or not b or a == b or a in FREEMAIL or b in FREEMAIL:
        return False
    if host.startswith(genuine + ".") or host.startswith(b + "."):
        return True
    la, ta = a.split(".", 1)
    lb, tb = b.split(".", 1)
    if ta != tb or len(lb) < 6 or la.replace("-", "") == lb.replace("-", ""):
        return False  # a hyphen dropped or added is a rebrand's new domain ("amazonia-seguros" -> "amazoniaseguros")
    return _skeleton(la) == _skeleton(lb) or _one_edit(la, lb)
