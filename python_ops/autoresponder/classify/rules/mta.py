"""Bounces without a delivery-status part: the text formats of real MTAs (DESIGN §4 step 2).

Exchange/Office 365 NDRs, Exim, Postfix, Sendmail, qmail, Courier, Domino, Gmail, Amazon
SES, Barracuda and others write a human-readable failure notice. A message is a bounce when
it comes from a delivery system (null or daemon sender, bounce subject) AND its own text
states a delivery failure: either signal alone is not enough.
"""

from __future__ import annotations

import re

from autoresponder.classify.decision import Decision
from autoresponder.classify.message import MessageView
from autoresponder.classify.rules.codes import (
    bounce_kind,
    bounce_reason,
    find_status,
    smtp_class,
    smtp_command,
)
from autoresponder.models import Bounce

_DAEMON_FROM = re.compile(
    r"mailer-daemon|postmaster|mail delivery (system|subsystem)|mail ?delivery|bounce|"
    r"microsoftexchange|mdaemon|\bnoreply-?dsn|mail administrator|mailadmin|mail ?router|smtp gateway|"
    r"nobody@|daemon@|returned ?mail|notification|post_?master", re.I)
_BOUNCE_SUBJECT = re.compile(
    r"undeliver|undelivered|not (be )?delivered|delivery (status notification|failure|failed|has failed|problem|"
    r"notification|report)|failure notice|mail delivery failed|returned mail|returned to sender|nondeliverable|"
    r"non-delivery|mail system error|delivery status|could not (be )?(send|deliver)|failed delivery|"
    r"warning: (message|could not)|delayed mail|delivery (delayed|delay)|unzustellbar|nicht zustellbar|"
    r"non remis|non distribuable|échec de (la )?(remise|distribution)|no se puede entregar|no entregado|"
    r"non recapitabile|mancato recapito|onbestelbaar|niet afgeleverd|não (foi )?entreg|"
    r"配信不能|未配達|送信エラー|メールエラー|エラー通知|error sending|message (not )?(delivered|rejected)|rejected:|"
    r"mail could not be delivered|bounced|notice of delivery failure|permanent error", re.I)
# _FAILURE_TEXT, _DELAY_TEXT and _DIAG_LINE are lower case, searched in lower-cased text (`_find`, `_diag_line`):
# several times faster than `re.I` over a long notice
_FAILURE_TEXT = re.compile(
    r"could not be delivered|couldn'?t be delivered|was not delivered|wasn'?t delivered|has not been delivered|"
    r"delivery (to the following )?(recipients?|addresses?)? ?(has )?failed|delivery has failed|"
    r"permanent (error|failure|fatal)|fatal errors?|undeliverable|unable to deliver|failed to deliver|"
    r"not able to deliver|wasn'?t able to deliver|delivery failed|could not deliver|cannot be delivered|"
    r"message (was )?(rejected|refused|bounced)|returned to sender|delivery problem|did not reach|"
    r"couldn'?t reach|non-delivery|delivery .{0,20}(temporarily )?(suspended|delayed)|has been delayed|"
    r"still (not|un)delivered|will (continue|keep) (trying|to try)|could not be sent|"
    r"smtp error from remote|remote (server|host) (said|returned|replied)|(host|server) .{0,80} said:|"
    r"error (message )?(was|is):|user unknown|unknown user|no such user|mailbox (is )?full|"
    r"rejected (your|the) message|address (was )?rejected|recipient address rejected|"
    r"nicht zugestellt|konnte nicht zugestellt|n'a (pas )?pu être (remis|distribué)|no se (ha )?pudo entregar|"
    r"non è stato (possibile )?recapitat|kon niet worden afgeleverd|não (pôde|foi possível) (ser )?entreg|"
    r"配信できませんでした|届きませんでした|配送できません|送信できませんでした|"
    r"error (has )?occurred while (trying|attempting) to deliver|there was an error delivering|"
    r"did not like our|is delayed for more than|temporary failure report|failure reasons|"
    r"transcript of session follows|host unknown|was aborted after|could not find a gateway|"
    r"rejected by (a|the) remote|incorrectly constructed|malformed (recipient )?address|"
    r"weren'?t able to post|may not exist, or you may not have permission|"
    r"could not be delivered to|delivery to the following recipients? (was )?(aborted|failed)|"
    # delay notices: "Message not delivered yet", "temporary problem delivering", in the eight languages
    r"not (been )?delivered yet|temporary problem delivering|will retry (for|until)|noch nicht zugestellt|"
    r"zustellung (wurde |ist )?verzögert|pas encore (été )?(remis|distribué)|remise (a été )?retardée|"
    r"(aún|todavía) no (se ha )?(podido )?entregad|entrega (se ha )?retrasad|non (è )?ancora (stato )?recapitat|"
    r"recapito ritardato|nog niet (afgeleverd|bezorgd)|bezorging vertraagd|ainda não (foi )?entreg|entrega atrasad|"
    r"配信が遅延|まだ配信されていません")
_DELAY_TEXT = re.compile(r"has been delayed|delivery .{0,20}delayed|will (continue|keep) (trying|to try)|"
                         r"still (not|un)delivered|temporarily (deferred|suspended)|warning: message|"
                         r"not (been )?delivered yet|temporary problem delivering|will retry (for|until)|"
                         r"noch nicht zugestellt|verzögert|pas encore (été )?(remis|distribué)|retardée|"
                         r"(aún|todavía) no (se ha )?(podido )?entregad|retrasad|non (è )?ancora (stato )?recapitat|"
                         r"ritardat|nog niet (afgeleverd|bezorgd)|vertraagd|ainda não (foi )?entreg|atrasad|遅延")
_ADDR = re.compile(r"<?([A-Za-z0-9._%+'=/-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>?")
_DIAG_LINE = re.compile(
    r"(\b[45]\d\d[ -]|[45]\.\d{1,3}\.\d{1,3}|said:|smtp error|remote server returned|diagnostic|error:|"
    r"reason:|user unknown|unknown user|no such|does not exist|mailbox|quota|rejected|refused|denied|"
    r"blocked|expired|timed? ?out|host .{0,40}not found|retry)")
_CUT_ORIGINAL = re.compile(
    r"^(-+ ?(below this line is a copy|original message|this is a copy|the original message|"
    r"undelivered message|returned message)|.{0,20}original message follows|"
    r"-+ ?(transcript|header) of (the )?(original|sent) message|original message headers)",
    re.I | re.M)
_DAEMON_ADDR = re.compile(r"^(mailer-daemon|postmaster|bounce|noreply|no-reply|root|daemon)", re.I)


def _find(rx: re.Pattern[str], text: str) -> str | None:
    """The words the lower-case pattern finds in `text`, ignoring case, as the text writes them."""
    low = text.lower()
    m = rx.search(low)
    if m is None:
        return None
    if len(low) == len(text):
        return text[m.start():m.end()]
    found = re.compile(rx.pattern, re.I).search(text)  # a letter whose lower case is longer: search as written
    return found.group(0) if found else m.group(0)


def _diag_line(text: str) -> bool:
    return _DIAG_LINE.search(text.lower()) is not None


def _notice_text(text: str) -> str:
    m = _CUT_ORIGINAL.search(text)
    return text[: m.start()] if m else text


_SMTP_REPLY_LINE = re.compile(r"(?<![\d.])([45]\d\d[ :-]|[45]\.\d{1,3}\.\d{1,3}\b)")


def diagnostic_from_text(text: str) -> str | None:
    """The server's own words: the first line that carries an SMTP reply or failure reason.

    A line with an SMTP reply code ("<<< 550 ... User unknown") is preferred over a line that
    only names a failure in prose ("was rejected by a remote mail server").
    """
    notice = _notice_text(text or "")
    lines = [ln.strip() for ln in notice.split("\n")]
    first: str | None = None
    for i, line in enumerate(lines):
        if line and _diag_line(line) and not line.lower().startswith(("for further", "if you", "please")):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            joined = f"{line} {nxt}".strip() if nxt and not _ADDR.fullmatch(nxt) and len(line) < 200 else line
            if first is None:
                first = joined[:500]
            if _SMTP_REPLY_LINE.search(line) and not line.startswith(">>>"):
                return joined[:500]
    return first


# a line that starts a per-recipient block of a text notice: `  addr`, `"addr":`, `<addr>: host said ...`,
# `addr: 550 ...`, `Recipient: <addr>`, `addr on <date>` (Exchange 2003), `addr [User unknown]`
_RCPT_LEAD = re.compile(
    r"^[ \t]{0,8}(?:(?:final-)?recipient(?: address)?:\s*)?[\"'<(]?"
    r"([A-Za-z0-9._%+'=/-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})[\"'>)]?(?:\.\.\.)?"
    r"(?=\s*$|\s*[:\[(]|\s+on\s|\s+[<(]?[45]\d\d\b|\s+\w)(.*)$", re.I)


def recipient_blocks(notice: str, exclude: set[str]) -> dict[str, str]:
    """Per-recipient text of a notice that lists several failed addresses, each with its reason.

    A block runs from an address-led line to the next address-led line or a blank line, and
    counts only when it states a failure. The first block of an address wins (Mail.Ru and
    others print the list twice, in two languages).
    """
    blocks: dict[str, str] = {}
    cur: str | None = None
    buf: list[str] = []

    def close() -> None:
        if cur and cur not in blocks:
            blocks[cur] = "\n".join(buf).strip()

    for line in notice.split("\n"):
        m = _RCPT_LEAD.match(line)
        if m and not line.lstrip().startswith((">>>", "<<<")):
            addr = m.group(1).lower().strip(".")
            if addr in exclude or _DAEMON_ADDR.match(addr):
                close()
                cur, buf = None, []
                continue
            close()
            cur, buf = addr, [m.group(2).strip(" :")]
            continue
        if cur is None:
            continue
        if not line.strip():
            close()
            cur, buf = None, []
            continue
        buf.append(line.strip())
    close()
    return {a: t for a, t in blocks.items() if t and (_diag_line(t) or bounce_reason(None, t) != "undefined")}


def recipient_command(notice: str, addr: str | None) -> str | None:
    """The SMTP command a transcript shows refused this address (`>>> DATA` ... `<<< 550 <addr>...`)."""
    if not addr or ">>>" not in notice:
        return None
    last: str | None = None
    for line in notice.split("\n"):
        s = line.strip()
        if s.startswith(">>>"):
            last = s
        elif s.startswith("<<<") and addr in s.lower() and last:
            return smtp_command(f"{last}\n{s}")
    return None


def _excluded(view: MessageView) -> set[str]:
    ours = {a for a in (view.to_emails or [])} | ({view.from_email} if view.from_email else set())
    for name in ("from", "return-path", "sender"):  # the original's sender is never a failed recipient
        value = view.original_headers.get(name)
        if value:
            ours |= {m.group(1).lower() for m in _ADDR.finditer(value)}
    return ours


def _recipient(view: MessageView, notice: str) -> str | None:
    ours = {a for a in (view.to_emails or [])} | ({view.from_email} if view.from_email else set())
    for m in _ADDR.finditer(notice):
        addr = m.group(1).lower().strip(".")
        if addr in ours or _DAEMON_ADDR.match(addr):
            continue
        return addr
    orig_to = view.original_headers.get("to")
    if orig_to:
        m = _ADDR.search(orig_to)
        if m:
            return m.group(1).lower()
    return None


def _from_system(view: MessageView) -> bool:
    rp = view.header("return-path").strip()
    frm = view.header("from")
    return rp in ("<>", "") and bool(view.header("return-path")) or bool(_DAEMON_FROM.search(frm))


def make_bounce(recipient: str | None, status: str | None, diagnostic: str | None, context: str,
                delayed: bool = False, command: str | None = None) -> Bounce:
    """One recipient's Bounce from its status, the server's words and the text around them."""
    command = command or smtp_command(f"{diagnostic or ''}\n{context}")
    kind, reason, status = bounce_kind(status, diagnostic or context, command)
    read_context = bool(diagnostic) or len(context) > 4000  # else the first call read these very words
    if reason in ("undefined", "filtered") and context and context != diagnostic and read_context:
        # the notice names the reason outside the line that carries the SMTP reply
        k2, r2, s2 = bounce_kind(status, context[:4000], command)
        if r2 not in ("undefined", "filtered"):
            kind, reason, status = k2, r2, s2
    if delayed or (not status and smtp_class(diagnostic or "") == "4"):
        kind = "soft"
    return Bounce(kind=kind, status=status, diagnostic=(diagnostic or None) and diagnostic[:500],
                  recipient=recipient, reason=reason)


def _block_status(text: str) -> str | None:
    status = find_status(text)
    return None if status and status[:1] == "2" else status


def failed_recipients_header(view: MessageView) -> list[str]:
    """`X-Failed-Recipients` (Exim, Gmail): the delivery system's own list of failed addresses."""
    raw = view.header("x-failed-recipients")
    return list(dict.fromkeys(m.group(1).lower() for m in _ADDR.finditer(raw))) if raw else []


def text_bounce(view: MessageView) -> Decision | None:
    """A human-readable non-delivery notice from a delivery system."""
    subject = view.subject
    system = _from_system(view)
    subj_hit = _BOUNCE_SUBJECT.search(subject)
    if not (system or subj_hit):  # cheap header test first: most replies stop here
        return None
    notice = _notice_text(view.own_text)
    fail = _find(_FAILURE_TEXT, notice[:20000])
    failed_hdr = failed_recipients_header(view) if system else []
    if not fail and not (failed_hdr and subj_hit):
        return None
    if not system and not (subj_hit and (view.original_headers or view.attached_text or find_status(notice)
                                         or smtp_class(notice))):
        return None
    delayed = _find(_DELAY_TEXT, notice[:20000]) is not None
    diag = diagnostic_from_text(notice)
    status = _block_status(diag or "") or _block_status(notice[:5000])
    blocks = recipient_blocks(notice[:20000], _excluded(view))
    bounces: list[Bounce] = []
    if len(blocks) >= 2 or (blocks and failed_hdr):
        for addr, text in blocks.items():
            bdiag = diagnostic_from_text(text) or (text[:500] if text else None)
            if len(blocks) == 1 and not _diag_line(text or ""):
                bdiag = diag
            bounces.append(make_bounce(addr, _block_status(bdiag or "") or (status if len(blocks) == 1 else None),
                                       bdiag, text if len(blocks) > 1 else notice[:4000], delayed,
                                       recipient_command(notice[:20000], addr)))
    for addr in failed_hdr:  # listed by the system but not described in its text
        if addr not in {b.recipient for b in bounces}:
            bounces.append(make_bounce(addr, status, diag, notice[:4000], delayed))
    if not bounces:
        rcpt = _recipient(view, notice)
        if blocks and rcpt in blocks and _diag_line(blocks[rcpt]):
            bdiag = diagnostic_from_text(blocks[rcpt]) or diag
            bounces.append(make_bounce(rcpt, _block_status(bdiag or "") or status, bdiag,
                                       f"{blocks[rcpt]}\n{notice[:4000]}", delayed))
        else:
            bounces.append(make_bounce(rcpt, status, diag or fail, notice[:4000],
                                       delayed))
    first = bounces[0]
    evidence = f"Subject: {subject}" if subj_hit else f"From: {view.header('from')}"
    cue = fail if fail else f"X-Failed-Recipients: {view.header('x-failed-recipients')}"
    evidence = f"{evidence}; {cue}" + (f"; {first.diagnostic}" if first.diagnostic else "")
    if len(bounces) > 1:
        evidence += f"; {len(bounces)} recipients"
    return Decision(
        determination="BOUNCE", reason=first.kind, category="BOUNCE", confidence=0.95, evidence=evidence[:500],
        bounce=first, bounces=bounces, person_email=first.recipient,
    )
