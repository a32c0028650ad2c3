"""Sender authentication from `Authentication-Results` headers (RFC 8601, DESIGN §10).

A message can carry any number of `Authentication-Results` headers, and the sender can write
some of them itself. Only a header added by a receiving server we trust counts:

* `trusted_authserv_ids` set: headers whose authserv-id is one of them (any position);
* unset: only the topmost header, the one the final receiving server prepended.

Of a counted header, only results that speak for the From domain count (RFC 7489 relaxed
alignment: same organisational domain): `dmarc` with `header.from`, `dkim` with `header.d`,
`spf` with `smtp.mailfrom`. The outcome is

* `fail`: dmarc=fail, or spf=fail without an aligned dkim=pass;
* `pass`: dmarc=pass, or an aligned dkim=pass or spf=pass;
* `none`: nothing trusted and aligned was said.

Parsing is done by `authres` (the RFC 8601 reference parser); a header it cannot parse does
not count (and is named in the evidence).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import authres
import authres.core

from autoresponder.domains import host_org_domain, org_domain

_PROPERTY_FOR = {"dmarc": ("header", "from"), "dkim": ("header", "d"), "spf": ("smtp", "mailfrom")}


@dataclass(frozen=True)
class SenderAuth:
    """The policy's verdict on one message: `status` pass | fail | none, and why."""

    status: str
    evidence: str
    authserv_id: str | None = None


@functools.cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(r"^" + pattern, re.I)


class _Header(authres.core.AuthenticationResultsHeader):
    """authres' parser with each pattern compiled once: authres compiles a pattern on every use
    (the TODO in its `_parse_pattern`), ~150 look-ups in `re`'s cache per header. The same
    regular expressions, applied the same way, so the same parse."""

    def _parse_pattern(self, pattern):
        match = [None]

        def matched(m):
            match[0] = m
            return ""

        regexp = pattern if isinstance(pattern, re.Pattern) else _compiled(pattern)
        self._parse_text = regexp.sub(matched, self._parse_text, 1)
        return match[0]


def _parse(value: str) -> authres.core.AuthenticationResultsHeader | None:
    text = " ".join(str(value).split())
    if not text.lower().startswith("authentication-results:"):
        text = f"Authentication-Results: {text}"
    try:
        return _Header.parse(authres.core_features(), text)
    except Exception:  # noqa: BLE001 - authres raises its own SyntaxError subclasses; unparsable = not counted
        return None


def _named_domain(result: authres.AuthenticationResult) -> str | None:
    want = _PROPERTY_FOR.get(str(result.method).lower())
    if want is None:
        return None
    for p in result.properties or []:
        if (str(p.type).lower(), str(p.name).lower()) == want and p.value:
            return host_org_domain(str(p.value).split("@")[-1])
    return None


def counted_headers(values: Sequence[str], trusted_authserv_ids: Iterable[str] | None) -> list:
    """The parsed headers the policy believes, topmost first."""
    trusted = {t.strip().lower() for t in (trusted_authserv_ids or []) if t and t.strip()}
    if not trusted:
        first = _parse(values[0]) if values else None
        return [first] if first is not None else []
    out = []
    for v in values:
        h = _parse(v)
        if h is not None and str(h.authserv_id or "").lower() in trusted:
            out.append(h)
    return out


def sender_authentication(values: Sequence[str], from_email: str | None,
                          trusted_authserv_ids: Iterable[str] | None = None) -> SenderAuth:
    """The verdict for the From address's domain under the trust policy above."""
    if not values:
        return SenderAuth("none", "no Authentication-Results header")
    headers = counted_headers(values, trusted_authserv_ids)
    if not headers:
        why = ("topmost Authentication-Results header is not parsable" if not trusted_authserv_ids
               else f"no Authentication-Results header from a trusted authserv-id {sorted(trusted_authserv_ids)}")
        return SenderAuth("none", why)
    sender = org_domain(from_email)
    verdict, said, server = "none", [], None
    for h in headers:
        server = server or h.authserv_id
        results = {}
        for r in h.results:
            method = str(r.method).lower()
            if method not in _PROPERTY_FOR:
                continue
            named = _named_domain(r)
            # dmarc without header.from speaks for the From domain by definition; dkim/spf must name theirs
            aligned = (named == sender) if named else method == "dmarc"
            if sender and aligned:
                results[method] = str(r.result).lower()
                said.append(f"{h.authserv_id}: {method}={r.result}")
        dkim_pass = results.get("dkim") == "pass"
        if results.get("dmarc") == "fail" or (results.get("spf") in ("fail", "softfail") and not dkim_pass
                                              and results.get("dmarc") != "pass"):
            return SenderAuth("fail", "; ".join(said) or "fail", h.authserv_id)
        if "pass" in (results.get("dmarc"), results.get("dkim"), results.get("spf")):
            verdict = "pass"
    if verdict == "none":
        return SenderAuth("none", f"no result aligned with {sender or 'the sender'} in a trusted header", server)
    return SenderAuth(verdict, "; ".join(said), server)


def default_status(values: Sequence[str], from_email: str | None) -> str:
    """`sender_authentication(values, from_email).status` under the default policy (topmost header only),
    without parsing a header that cannot pass or fail: one naming no method, or naming neither DMARC nor
    the sender's domain (DKIM and SPF count only when they name it), or stating no pass and no fail."""
    top = values[0].lower() if values else ""
    sender = org_domain(from_email)
    if (not sender or not any(m in top for m in _PROPERTY_FOR) or ("dmarc" not in top and sender not in top)
            or ("pass" not in top and "fail" not in top)):
        return "none"
    return _default_verdict(values[0], sender)


# under the default policy the verdict depends only on the topmost header and the sender's organisation
# domain (`org_domain` of it is itself); a receiving server writes the same header for many messages
# of one domain, and parsing it is most of what landing spends on a message
@functools.lru_cache(maxsize=4096)
def _default_verdict(top: str, sender: str) -> str:
    return sender_authentication([top], sender).status
