"""Bounce reason and hard/soft kind from an enhanced status code and the server's text.

Hard means the address itself is dead (unknown user, unknown host, moved, domain accepts no
mail): re-sending cannot work. Everything else (mailbox full, policy and spam blocks,
timeouts, rate limits, disabled accounts) is soft: the address may still be valid, so a
5.x.x code alone does not make a hard bounce (RFC 3463 class 5 covers policy refusals).
The reason names follow sisimai's vocabulary so the corpus figures compare directly.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # the stdlib's regex parse tree: no public API gives it
import re._parser as sre_parser

HARD_REASONS = frozenset({"userunknown", "hostunknown", "hasmoved", "notaccept"})

# order matters: the first pattern that matches the diagnostic wins. The patterns are lower case and
# searched in the lower-cased text: several times faster than `re.I` over a long notice
_TEXT_REASONS: list[tuple[str, re.Pattern[str]]] = [
    # the local delivery program failed (procmail, maildrop, a pipe): the address exists
    ("mailererror", re.compile(
        r"\b(procmail|maildrop)\b.{0,40}(couldn'?t|can'?t|cannot|error|failed)|unknown mailer error|"
        r"\bcommand (died|failed|output)\b|pipe to \|.{0,80}(failed|returned)|mailer .{0,20}(died|error)")),
    ("mailboxfull", re.compile(
        r"mailbox (is )?full|over ?quota|quota exceeded|exceed(ed|s)? (the |its |his |her )?(storage|quota)|"
        r"mailbox size limit|insufficient (disk )?space|out of storage|disk full|user.{0,20}over.{0,10}quota|"
        r"mail ?box.{0,20}(is )?full|maildir over|postfach (ist )?voll|boîte (aux lettres )?pleine")),
    ("rejected", re.compile(
        r"may not have permission to post|not (be )?(allowed|permitted) to post|sender address|"
        r"sender (was |is )?(rejected|refused|denied)|domain of sender|sender (domain|verify|verification)|after mail from|"
        r"mail from:?\s*<[^>]*>[^:]{0,30}:\s*5\d\d|5\.1\.[78]\b|5\.7\.27\b")),
    ("authfailure", re.compile(r"\b(spf|dkim|dmarc)\b|multiple authentication|unauthenticated")),
    ("requireptr", re.compile(r"reverse dns|ptr record|\brdns\b|ip name lookup failed|5\.7\.25")),
    ("mesgtoobig", re.compile(r"message (length|size) exceeds|message (is )?too (big|large)|5\.3\.4\b")),
    ("hasmoved", re.compile(r"\bhas moved\b|address .{0,40}has been replaced|user has moved|5\.1\.6")),
    ("notaccept", re.compile(r"not accepting (network )?messages|does not accept (e-?)?mail|accepts no mail|null mx|nullmx|"
                             r"indicated no smtp service|5\.1\.10")),
    ("hostunknown", re.compile(
        r"host (or domain name )?(not found|unknown)|unknown host|domain (name )?(not found|does ?n[o']t exist|"
        r"unknown)|name service error|no such domain|unrouteable (mail )?domain|nxdomain|no mx (record|host)|"
        r"host not found|unrouteable address|domain .{0,30}is not (a )?valid|dns error.{0,60}(domain|nxdomain)|"
        r"illegal host|unknown domain|5\.1\.2\b|\bhost.{0,20}could not be found")),
    ("suspend", re.compile(
        r"account (has been |is )?(disabled|suspended|inactive|locked|deactivated|expired|frozen)|"
        r"mailbox (has been |is )?(disabled|suspended|inactive|deactivated|frozen)|"
        r"user (account )?(is )?(disabled|suspended|inactive)|recipient (is )?suspended|"
        r"account that you tried to reach is disabled|temporarily disabled")),
    ("userunknown", re.compile(
        r"user(name)? (is )?unknown|unknown (user|recipient|local[- ]part|address|mailbox|alias)|no such (user|mailbox|"
        r"recipient|address|account|person|local user)|does ?n[o']t exist|does not exist|not exists?\b|"
        r"invalid (recipient|mailbox|address|user)|recipient (address )?(not found|unknown|invalid)|"
        r"user (not found|doesn't have)|mailbox (not found|unavailable|does not exist|not available)|"
        r"address(ee)? (unknown|not found|invalid)|not listed in (the )?(domino |public )?(directory|name)|no mailbox here|"
        r"recipnotfound|recipientnotfound|not our customer|illegal alias|no valid recipients|"
        r"bad recipient|is not a valid (mailbox|recipient|user)|mailbox .{0,30}not (found|exist)|"
        r"no account|unknown or illegal|user reject|this user doesn't have|not a known user|"
        r"destination address (rejected|does not exist)|address (is )?no longer valid|no longer (valid|exists?)|"
        r"unknown in (local|virtual|relay) recipient table|bad destination mailbox|5\.4\.1\b.{0,80}access denied|"
        r"recipient address rejected: access denied|(ユーザ|アドレス|ディレクトリ|宛先).{0,20}(存在しません|見つかりません|ありません)|"
        r"(recipient|e-?mail) (name|address) is not recognized|unknown\s+recipient|"
        r"ungültige|unbekannt|inconnu|5\.1\.1\b")),
    ("expired", re.compile(
        r"retry time(out)? (not reached|exceeded)|too long|given up|timed? ?out|expired|could not be delivered "
        r"within|delivery time expired|message has been in the queue|no answer from host|"
        r"connection (refused|timed out)|temporary failure")),
    ("spamdetected", re.compile(r"\bspam\b|junk mail|bulk mail|message (looks|content).{0,20}(spam|unsolicited)")),
    ("virusdetected", re.compile(r"virus|malware|infected")),
    ("blocked", re.compile(
        r"blocked|blacklist|blocklist|denylist|\brbl\b|spamhaus|reputation|client host .{0,40}rejected|"
        r"access denied|not authori[sz]ed|ip.{0,20}(rejected|listed)|reverse dns|ptr record|rdns")),
    ("mesgtoobig", re.compile(r"message (size|is too (big|large))|too large|exceeds? (the )?(maximum )?(message )?size")),
    ("norelaying", re.compile(r"relay(ing)? (access )?(denied|not permitted|prohibited)|not permitted to relay")),
    ("authfailure", re.compile(r"\bspf\b|\bdkim\b|\bdmarc\b|authentication")),
    ("toomanyconn", re.compile(r"too many (connections|messages|recipients)|rate limit|throttl")),
    ("filtered", re.compile(r"rejected|refused|denied|filter|policy|prohibited")),
]



def _required(items: list) -> set[str] | None:
    """Literal strings one of which every match of this parsed regex sequence contains (None: unknown).

    A sequence needs each of its elements, so any element's set will do (the most selective is kept);
    an alternation needs one of its branches' sets; a group or a repeat of at least one, its body's.
    """
    c = sre_constants
    found: list[set[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append({"".join(run)})
            run = []
        sub: set[str] | None = None
        if op is c.SUBPATTERN:
            sub = _required(av[-1].data)
        elif op is c.BRANCH:
            branches = [_required(b.data) for b in av[1]]
            sub = set().union(*branches) if all(branches) else None
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            sub = _required(av[2].data)
        if sub:
            found.append(sub)
    if not found:
        return None
    return max(found, key=lambda s: (min(map(len, s)), -len(s)))


def _anchors(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words a text must contain for `pattern` to match in it, or None (always search): a pattern
    of 50 alternatives costs ~15 µs a search; testing its few required words with `in` ~1 µs."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        words = _required(sre_parser.parse(pattern.pattern).data)
    except Exception:  # noqa: BLE001 - an unexpected parse tree: no shortcut, search as before
        return None
    if not words:
        return None
    # a word containing another required word is implied by it
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


_TEXT_ANCHORS = [(reason, pat, _anchors(pat)) for reason, pat in _TEXT_REASONS]

_STATUS_REASONS = {
    "5.1.1": "userunknown", "5.1.0": "userunknown", "5.1.3": "userunknown", "4.1.1": "userunknown",
    "5.1.2": "hostunknown", "4.1.2": "hostunknown", "5.1.6": "hasmoved", "5.1.10": "notaccept",
    "5.2.2": "mailboxfull", "4.2.2": "mailboxfull", "5.2.1": "suspend", "4.2.1": "suspend",
    "5.2.3": "mesgtoobig", "5.3.4": "mesgtoobig", "4.4.7": "expired", "5.4.7": "expired",
    "5.7.1": "blocked", "5.7.0": "blocked", "5.7.23": "authfailure", "5.7.26": "authfailure",
    "5.7.25": "requireptr", "5.1.7": "rejected", "5.1.8": "rejected", "5.4.4": "hostunknown", "5.4.1": "userunknown",
}
_REASON_STATUS = {
    "userunknown": "5.1.1", "hostunknown": "5.1.2", "hasmoved": "5.1.6", "notaccept": "5.1.10",
    "mailboxfull": "5.2.2", "suspend": "5.2.1", "mesgtoobig": "5.3.4", "expired": "4.4.7",
}
_STATUS_RE = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)")
_SMTP_RE = re.compile(r"(?<!\d)([45]\d\d)[ -]")


def find_status(text: str) -> str | None:
    """The first enhanced status code (`5.1.1`) written in a server text."""
    m = _STATUS_RE.search(text or "")
    return f"{m.group(1)}.{m.group(2)}.{m.group(3)}" if m else None


def smtp_class(text: str) -> str | None:
    """'5' or '4' from a basic SMTP reply code in the text (`550 ...`)."""
    m = _SMTP_RE.search(text or "")
    return m.group(1)[0] if m else None


def bounce_reason(status: str | None, diagnostic: str | None) -> str:
    """The most specific reason the text supports, then the status code's meaning."""
    text = (diagnostic or "").lower()
    for reason, pat, anchors in _TEXT_ANCHORS:
        if anchors is not None:
            for word in anchors:
                if word in text:
                    break
            else:
                continue  # no word the pattern requires is in the text: it cannot match
        if pat.search(text):
            return reason
    if status and status in _STATUS_REASONS:
        return _STATUS_REASONS[status]
    if status and status.startswith("4."):
        return "expired"
    return "undefined"


# the SMTP command a failure answered: Postfix "(in reply to end of DATA command)", Exim "after RCPT
# TO:<..>" / "after end of data", a Sendmail/Courier transcript ">>> DATA" followed by "<<< 550 ..."
_CMD_POSTFIX = re.compile(r"in reply to (?:the )?(?:end of )?(DATA|RCPT TO|MAIL FROM|RCPT|MAIL|HELO|EHLO)\b", re.I)
_CMD_EXIM = re.compile(r"\bafter (?:the )?(?:pipelined )?(end of data|DATA|RCPT(?: TO)?|MAIL(?: FROM)?|"
                       r"initial connection|HELO|EHLO)\b", re.I)
_CMD_TRANSCRIPT = re.compile(r"^\s*>>>\s*([A-Za-z]{4})\b[^\n]*\n(?:\s*<<<\s*[123]\d\d[^\n]*\n)*\s*<<<\s*[45]\d\d",
                             re.I | re.M)

_CMD_PATTERNS = ((_CMD_POSTFIX, "in reply to "), (_CMD_EXIM, "after "), (_CMD_TRANSCRIPT, ">>>"))


def smtp_command(text: str | None) -> str | None:
    """`DATA`, `RCPT`, `MAIL`, `CONN`: the command whose reply was the failure, when the text says."""
    if not text:
        return None
    # each pattern needs its words (in any case): skipped when an ASCII text lacks them (outside ASCII,
    # `re.I` also matches letters such as the Kelvin sign that `str.lower` keeps apart)
    low = text.lower() if text.isascii() else None
    for rx, word in _CMD_PATTERNS:
        if low is not None and word not in low:
            continue
        m = rx.search(text)
        if m:
            word = m.group(1).upper()
            if word.startswith(("DATA", "END OF DATA")):
                return "DATA"
            if word.startswith("RCPT"):
                return "RCPT"
            if word.startswith("MAIL"):
                return "MAIL"
            return "CONN"
    return None


def bounce_kind(status: str | None, diagnostic: str | None,
                command: str | None = None) -> tuple[str, str, str | None]:
    """(kind, reason, status) where status is filled in from the reason when the text gave none.

    A recipient refused only after DATA was accepted at RCPT time: the mailbox exists and a
    content filter answers with "user unknown" (common on mobile carriers), so that is
    `filtered`, soft, as sisimai has it, unless the status code itself names the address
    (`5.1.x`). A refusal at MAIL FROM is about the sender: `rejected`.
    """
    reason = bounce_reason(status, diagnostic)
    if command == "DATA" and reason == "userunknown" and not (status or "").startswith(("5.1.", "4.1.")):
        reason = "filtered"
    elif command == "MAIL" and reason in HARD_REASONS:
        reason = "rejected"  # refused at MAIL FROM: the sender was refused, not this address
    if status and status.startswith("4.") and reason not in ("mailboxfull",):
        return "soft", reason, status
    kind = "hard" if reason in HARD_REASONS else "soft"
    return kind, reason, status or _REASON_STATUS.get(reason)
