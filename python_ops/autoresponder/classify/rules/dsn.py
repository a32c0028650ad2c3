"""RFC 3464 delivery-status reports (DESIGN §4 step 2); feedback reports are in `feedback.py`.

A machine-readable report settles a message outright: a failed or delayed recipient is a
BOUNCE; a success notice (Action: delivered, relayed, expanded) is never a bounce.
"""

from __future__ import annotations

from autoresponder.classify.decision import Decision
from autoresponder.classify.message import DsnRecipient, MessageView
from autoresponder.classify.rules.codes import find_status
from autoresponder.classify.rules.esp import json_notification
from autoresponder.classify.rules.mta import (
    _excluded,
    _notice_text,
    diagnostic_from_text,
    make_bounce,
    recipient_blocks,
    recipient_command,
)
from autoresponder.models import Bounce

_SUCCESS_ACTIONS = ("delivered", "relayed", "expanded")


def _failed(r: DsnRecipient) -> bool:
    if r.action:
        return r.action not in _SUCCESS_ACTIONS and not (r.status or "").startswith("2.")
    return bool(r.status and r.status[:1] in "45")


def _status_of(r: DsnRecipient) -> str | None:
    status = r.status if r.status and find_status(r.status) == r.status else find_status(r.diagnostic or "")
    if status and status[:1] not in "45":
        status = find_status(r.diagnostic or "") or None
    return status


def delivery_status(view: MessageView) -> Decision | None:
    """A message/delivery-status part: BOUNCE for failed/delayed, not-a-reply for success.

    Every failed recipient gets its own Bounce; one without a Diagnostic-Code takes the words
    of its own paragraph in the human-readable part, then the part's single diagnostic.
    """
    if not view.dsn:
        return json_notification(view)
    failed = [r for r in view.dsn if _failed(r)]
    if not failed:
        r = view.dsn[0]
        if (r.action and r.action in _SUCCESS_ACTIONS) or (r.status or "").startswith("2."):
            return Decision(
                determination="UNKNOWN", reason="not_an_auto_reply", category="DELIVERY_NOTICE", confidence=0.99,
                evidence=f"Action: {r.action or ''}; Status: {r.status or ''}".strip(),
            )
        return None

    notice = _notice_text(view.own_text)[:20000]
    blocks = recipient_blocks(notice, _excluded(view)) if notice.strip() else {}
    seen: set[str] = set()
    bounces: list[Bounce] = []
    text_diag: str | None = None
    for r in failed:
        rcpt = r.recipient or r.original_recipient
        if rcpt and rcpt in seen:
            continue
        seen.add(rcpt or "")
        block = blocks.get(rcpt or "", "")
        if len(failed) == 1:  # the whole notice speaks of this recipient (a transcript names the command)
            block = f"{block}\n{notice[:4000]}".strip()
        diag = r.diagnostic
        if not diag:
            diag = diagnostic_from_text(block) if block else None
            if not diag and len(failed) == 1:
                text_diag = text_diag or _text_diagnostic(view)
                diag = text_diag
        b = make_bounce(rcpt, _status_of(r), diag, block, delayed=bool(r.action and r.action.startswith("delayed")),
                        command=recipient_command(notice, rcpt))
        bounces.append(b)
    r, first = failed[0], bounces[0]
    evidence = "; ".join(x for x in (
        f"Final-Recipient: {r.recipient}" if r.recipient else "",
        f"Action: {r.action}" if r.action else "",
        f"Status: {r.status}" if r.status else "",
        f"Diagnostic-Code: {r.diagnostic}" if r.diagnostic else "",
        f"{len(bounces)} recipients" if len(bounces) > 1 else "",
    ) if x)
    return Decision(
        determination="BOUNCE", reason=first.kind, category="BOUNCE", confidence=0.99, evidence=evidence[:500],
        bounce=first, bounces=bounces, person_email=r.original_recipient or r.recipient,
    )


def _text_diagnostic(view: MessageView) -> str | None:
    return diagnostic_from_text(view.own_text)
