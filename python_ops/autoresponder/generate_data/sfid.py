"""Salesforce-style record Ids (15-char body + the 3-char case-safe checksum = 18 chars)."""

from __future__ import annotations

_SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def to18(id15: str) -> str:
    """The 18-character case-insensitive form of a 15-character Salesforce Id."""
    if len(id15) != 15:
        raise ValueError(f"need 15 chars, got {id15!r}")
    out = []
    for chunk in range(3):
        bits = 0
        for i, ch in enumerate(id15[chunk * 5 : chunk * 5 + 5]):
            if "A" <= ch <= "Z":
                bits |= 1 << i
        out.append(_SUFFIX[bits])
    return id15 + "".join(out)


def sf_id(prefix: str, n: int, pod: str = "Dn") -> str:
    """Deterministic 18-char Id: key prefix (001/003/00Q), pod, base-62 serial."""
    digits = []
    v = n
    for _ in range(10):
        digits.append(_ALNUM[v % 62])
        v //= 62
    body = prefix + pod + "".join(reversed(digits))
    return to18(body[:15])
