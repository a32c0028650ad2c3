"""Feedback about a message that is neither a bounce nor an auto-reply (DESIGN §4 step 2).

* ARF abuse / opt-out reports (RFC 5965, `multipart/report; report-type=feedback-report`).
* Complaint reports in a mailbox provider's own format: the complained-of message attached as
  `message/rfc822`, with the provider's feedback-loop header on it (Microsoft's JMRP writes
  `X-HmXmrOriginalRecipient`) or a complaint subject ("complaint about message from <ip>").
* Automatic unsubscribe requests a mail client sends to a `List-Unsubscribe` mailto address
  (Apple Mail marks them `X-Apple-Unsubscribe: true`; others send the bare subject
  "unsubscribe" to an opt-out address).

Each is settled as UNKNOWN `not_an_auto_reply` (category FEEDBACK_REPORT): nothing about the
person's job changes, and none of them may ever count as a bounce.
"""

from __future__ import annotations

import re

from autoresponder.classify.decision import Decision
from autoresponder.classify.message import MessageView

_FEEDBACK_TYPES = ("message/feedback-report",)
_LOOP_HEADERS = ("x-hmxmroriginalrecipient",)
_COMPLAINT_SUBJECT = re.compile(r"^\s*(complaint about (a )?message from|abuse report\b|spam (complaint|report)\b|"
                                r"fbl (report|complaint)\b|feedback loop report)", re.I)
_UNSUBSCRIBE_SUBJECT = re.compile(r"^\s*unsubscribe\b", re.I)
_OPT_OUT_LOCAL = re.compile(r"unsubscribe|opt-?out|optout|leave|remove", re.I)


def _decision(evidence: str) -> Decision:
    return Decision(determination="UNKNOWN", reason="not_an_auto_reply", category="FEEDBACK_REPORT",
                    confidence=0.99, evidence=evidence[:300])


def _complaint(view: MessageView) -> str | None:
    if "message/rfc822" not in view.part_types or not view.attached_headers:
        return None
    for name in _LOOP_HEADERS:
        if view.attached_headers.get(name):
            return f"attached original with {name}: {view.attached_headers[name]}"
    if _COMPLAINT_SUBJECT.search(view.subject):
        return f"Subject: {view.subject}; the complained-of message attached"
    return None


def _unsubscribe(view: MessageView) -> str | None:
    if not _UNSUBSCRIBE_SUBJECT.search(view.subject):
        return None
    if view.header("x-apple-unsubscribe").strip().lower() == "true":
        return f"X-Apple-Unsubscribe: true; Subject: {view.subject}"
    auto = view.header("auto-submitted").strip().lower()
    to_opt_out = any(_OPT_OUT_LOCAL.search(a.split("@")[0]) for a in view.to_emails)
    if to_opt_out and auto and auto != "no":
        return f"Subject: {view.subject}; To: {', '.join(view.to_emails)}; Auto-Submitted: {auto}"
    return None


def feedback_report(view: MessageView) -> Decision | None:
    """An abuse / opt-out report or an automatic unsubscribe request: not an auto-reply, never a bounce."""
    if view.report_type == "feedback-report" or any(t in view.part_types for t in _FEEDBACK_TYPES):
        return _decision(f"Content-Type: multipart/report; report-type={view.report_type or 'feedback-report'}")
    why = _complaint(view) or _unsubscribe(view)
    return _decision(why) if why else None
