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
from autoresponder.classify.rules.codes import bounce_kind, find_status, smtp_class
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
    r"配信不能|未配達|送信エラー|error sending|message (not )?(delivered|rejected)|rejected:|"
    r"mail could not be delivered|bounced|notice of delivery failure|permanent error", re.I)
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
    r"could not be delivered to|delivery to the following recipients? (was )?(aborted|failed)", re.I)
_DELAY_TEXT = re.compile(r"has been delayed|delivery .{0,20}delayed|will (continue|keep) (trying|to try)|"
                         r"still (not|un)delivered|temporarily (deferred|suspended)|warning: message", re.I)
_ADDR = re.compile(r"<?([A-Za-z0-9._%+'=/-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>?")
_DIAG_LINE = re.compile(
    r"(\b[45]\d\d[ -]|[45]\.\d{1,3}\.\d{1,3}|said:|smtp error|remote server returned|diagnostic|error:|"
    r"reason:|user unknown|unknown user|no such|does not exist|mailbox|quota|rejected|refused|denied|"
    r"blocked|expired|timed? ?out|host .{0,40}not found|retry)", re.I)
_CUT_ORIGINAL = re.compile(
    r"^(-+ ?(below this line is a copy|original message|this is a copy|the original message|"
    r"undelivered message|returned message)|.{0,20}original message follows|"
    r"-+ ?(transcript|header) of (the )?(original|sent) message|original message headers)",
    re.I | re.M)
_DAEMON_ADDR = re.compile(r"^(mailer-daemon|postmaster|bounce|noreply|no-reply|root|daemon)", re.I)


def _notice_text(text: str) -> str:
    m = _CUT_ORIGINAL.search(text)
    return text[: m.start()] if m else text


def diagnostic_from_text(text: str) -> str | None:
    """The server's own words: the first line that carries an SMTP reply or failure reason."""
    notice = _notice_text(text or "")
    lines = [ln.strip() for ln in notice.split("\n")]
    for i, line in enumerate(lines):
        if line and _DIAG_LINE.search(line) and not line.lower().startswith(("for further", "if you", "please")):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            joined = f"{line} {nxt}".strip() if nxt and not _ADDR.fullmatch(nxt) and len(line) < 200 else line
            return joined[:500]
    return None


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


def text_bounce(view: MessageView) -> Decision | None:
    """A human-readable non-delivery notice from a delivery system."""
    notice = _notice_text(view.own_text)
    subject = view.subject
    system = _from_system(view)
    subj_hit = _BOUNCE_SUBJECT.search(subject)
    fail = _FAILURE_TEXT.search(notice[:20000])
    if not fail or not (system or subj_hit):
        return None
    if not system and not (subj_hit and (view.original_headers or view.attached_text or find_status(notice)
                                         or smtp_class(notice))):
        return None
    diag = diagnostic_from_text(notice)
    status = find_status(diag or "") or find_status(notice[:5000])
    if status and status[:1] == "2":
        status = None
    kind, reason, status = bounce_kind(status, diag or fail.group(0))
    if reason in ("undefined", "filtered") or not diag:
        # the notice names the reason outside the line that carries the SMTP reply
        k2, r2, s2 = bounce_kind(status, notice[:4000])
        if r2 not in ("undefined", "filtered"):
            kind, reason, status = k2, r2, s2
    if _DELAY_TEXT.search(notice[:20000]) or (not status and smtp_class(diag or "") == "4"):
        kind = "soft"
    rcpt = _recipient(view, notice)
    evidence = f"Subject: {subject}" if subj_hit else f"From: {view.header('from')}"
    evidence = f"{evidence}; {fail.group(0)}" + (f"; {diag}" if diag else "")
    return Decision(
        determination="BOUNCE", reason=kind, category="BOUNCE", confidence=0.95, evidence=evidence[:500],
        bounce=Bounce(kind=kind, status=status, diagnostic=diag, recipient=rcpt), person_email=rcpt,
    )
