"""JSON bounce notifications of sending services (DESIGN §4 step 2): Amazon SES, SendGrid, Mailgun.

These services report a failed delivery as a JSON document rather than a DSN: SES publishes
it to SNS (e-mail subscriptions carry it as the body, HTTP ones wrap it in an SNS envelope
whose `Message` is the JSON string), SendGrid's event webhook posts an array of events and
Mailgun's webhook posts `{"signature": ..., "event-data": {...}}`. When such a document is the
message body it settles the message like a DSN does: a bounce event is a BOUNCE for each
recipient it lists; a delivery, complaint, open or click event is never a bounce.

Schemas (documented by each vendor):
* SES: `notificationType` (or `eventType` with event publishing) `Bounce`, `bounce.bounceType`
  Permanent | Transient | Undetermined, `bounce.bounceSubType`, `bounce.bouncedRecipients[]`
  with `emailAddress`, `action`, `status`, `diagnosticCode`.
* SendGrid: `event` bounce | dropped | deferred, `email`, `status` (`5.0.0`), `reason` (server
  text or the drop reason), `type` bounce | blocked.
* Mailgun: `event` failed, `severity` permanent | temporary, `recipient`, `reason`,
  `delivery-status` {`code`, `enhanced-code`, `message`, `description`}.
"""

from __future__ import annotations

import json
import re
from typing import Any

from autoresponder.classify.decision import Decision
from autoresponder.classify.message import MessageView
from autoresponder.classify.rules.codes import bounce_kind, find_status
from autoresponder.models import Bounce

_KEYS = re.compile(r'"(notificationType|eventType|event|event-data|Type)"\s*:')
_ADDR = re.compile(r"[A-Za-z0-9._%+'=/-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_NOT_BOUNCE_EVENTS = frozenset({
    "delivery", "complaint", "send", "open", "click", "reject", "renderingfailure", "subscription",
    "delivered", "processed", "spamreport", "unsubscribe", "group_unsubscribe", "group_resubscribe",
    "accepted", "opened", "clicked", "unsubscribed", "complained", "stored",
})
_SES_SUBTYPE_REASON = {
    "noemail": "userunknown", "mailboxfull": "mailboxfull", "messagetoolarge": "mesgtoobig",
    "contentrejected": "filtered", "attachmentrejected": "filtered", "suppressed": "suppressed",
    "onaccountsuppressionlist": "suppressed",
}


def _documents(text: str) -> list[Any]:
    """The JSON value that opens the body (after at most a short preamble), unwrapped from SNS."""
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if start < 0 or start > 300:
        return []
    try:
        doc, _ = json.JSONDecoder(strict=False).raw_decode(text[start:])  # SNS folds long lines
    except ValueError:
        return []
    if isinstance(doc, dict) and doc.get("Type") == "Notification" and isinstance(doc.get("Message"), str):
        try:  # an SNS HTTP envelope: the SES notification is the Message string
            doc = json.loads(doc["Message"], strict=False)
        except ValueError:
            return []
    return doc if isinstance(doc, list) else [doc]


def _email(value: Any) -> str | None:
    m = _ADDR.search(str(value or ""))
    return m.group(0).lower() if m else None


def _diag(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    if text.lower().startswith(("smtp;", "smtp ;")):
        text = text.split(";", 1)[1].strip()
    return text[:500] or None


def _bounce(recipient: str | None, status: str | None, diag: str | None, transient: bool,
            reason_hint: str | None = None) -> Bounce:
    status = status if status and find_status(status) == status and status[:1] in "45" else find_status(diag or "")
    if status and status[:1] not in "45":
        status = None
    kind, reason, status = bounce_kind(status, diag)
    if reason == "undefined" and reason_hint:
        reason = reason_hint
        kind = "hard" if reason == "userunknown" else "soft"
    if transient:
        kind = "soft"
    return Bounce(kind=kind, status=status, diagnostic=diag, recipient=recipient, reason=reason)


def _ses(doc: dict[str, Any]) -> tuple[str, list[Bounce]] | None:
    kind = str(doc.get("notificationType") or doc.get("eventType") or "")
    if not kind:
        return None
    if kind.lower() != "bounce":
        return kind, []
    b = doc.get("bounce") or {}
    btype = str(b.get("bounceType") or "").lower()
    hint = _SES_SUBTYPE_REASON.get(str(b.get("bounceSubType") or "").lower())
    out = []
    for r in b.get("bouncedRecipients") or []:
        if isinstance(r, dict):
            out.append(_bounce(_email(r.get("emailAddress")), r.get("status"), _diag(r.get("diagnosticCode")),
                               transient=btype != "permanent", reason_hint=hint))
    return "Bounce", out


def _sendgrid(doc: dict[str, Any]) -> tuple[str, list[Bounce]] | None:
    event = str(doc.get("event") or "")
    if not event or "email" not in doc:
        return None
    if event not in ("bounce", "dropped", "deferred"):
        return event, []
    diag = _diag(doc.get("reason") or doc.get("response"))
    soft = event in ("deferred", "dropped") or str(doc.get("type") or "") == "blocked"
    # a drop names a suppression ("Bounced Address", "Unsubscribed Address"), not a delivery answer
    hint = "suppressed" if event == "dropped" else ("blocked" if doc.get("type") == "blocked" else None)
    b = _bounce(_email(doc.get("email")), str(doc.get("status") or "") or None, diag, transient=soft,
                reason_hint=hint)
    if event == "dropped" and b.reason not in ("userunknown", "hostunknown"):
        b = Bounce(kind="soft", status=b.status, diagnostic=b.diagnostic, recipient=b.recipient, reason="suppressed")
    return event, [b]


def _mailgun(doc: dict[str, Any]) -> tuple[str, list[Bounce]] | None:
    data = doc.get("event-data") if isinstance(doc.get("event-data"), dict) else doc
    event = str(data.get("event") or "")
    if not event or "recipient" not in data:
        return None
    if event not in ("failed", "bounced", "dropped"):
        return event, []
    ds = data.get("delivery-status") or {}
    words = " ".join(str(x) for x in (ds.get("code") or "", ds.get("message") or "", ds.get("description") or "")
                     if x).strip()
    hint = "suppressed" if str(data.get("reason") or "").startswith("suppress") else None
    b = _bounce(_email(data.get("recipient")), str(ds.get("enhanced-code") or "") or None, _diag(words),
                transient=str(data.get("severity") or "").lower() != "permanent", reason_hint=hint)
    return event, [b]


_SERVICE_LOCAL = re.compile(r"^(no-?reply|do-?not-?reply|notifications?|bounces?|webhooks?|events?|"
                            r"mailer-daemon|postmaster)\b", re.I)


def _automated(view: MessageView) -> bool:
    """Sent by a service, not typed by a person: SNS headers, Auto-Submitted, a service mailbox."""
    if view.header("x-amz-sns-message-id") or view.header("return-path").strip() == "<>":
        return True
    auto = view.header("auto-submitted").strip().lower()
    if auto and auto != "no":
        return True
    return bool(view.from_email and _SERVICE_LOCAL.match(view.from_email.split("@")[0]))


def json_notification(view: MessageView) -> Decision | None:
    """A sending service's JSON event as the message body: BOUNCE per bounced recipient.

    Only from a service (see `_automated`): a person who pastes such a document into a reply
    does not bounce anyone.
    """
    text = view.own_text
    if not text or not _KEYS.search(text[:5000]) or not _automated(view):
        return None
    events: list[str] = []
    bounces: list[Bounce] = []
    source = ""
    for doc in _documents(text):
        if not isinstance(doc, dict):
            continue
        for name, parse in (("Amazon SES", _ses), ("Mailgun", _mailgun), ("SendGrid", _sendgrid)):
            got = parse(doc)
            if got is not None:
                events.append(got[0])
                bounces.extend(b for b in got[1] if b.recipient)
                source = source or name
                break
    if not events:
        return None
    if not bounces:
        if all(e.lower() in _NOT_BOUNCE_EVENTS for e in events):
            return Decision(determination="UNKNOWN", reason="not_an_auto_reply", category="DELIVERY_NOTICE",
                            confidence=0.99, evidence=f"{source} notification: {', '.join(events)}"[:300])
        return None
    first = bounces[0]
    evidence = f"{source} notification: {events[0]}; {first.recipient}; {first.status or ''} {first.diagnostic or ''}"
    if len(bounces) > 1:
        evidence += f"; {len(bounces)} recipients"
    return Decision(
        determination="BOUNCE", reason=first.kind, category="BOUNCE", confidence=0.97, evidence=evidence.strip()[:500],
        bounce=first, bounces=bounces, person_email=first.recipient,
    )
