"""Compose, keep and send notifications (DESIGN §9, issue 10).

`send_run_notifications` runs after the run folder is written: each notify function of
`roles.py` that has something to say gives one message, composed with its recipients from
`Settings`, written to `runs/<run_id>/notifications/<role>.eml` first, logged in
`ops.notifications`, then sent over SMTP with retries. Nothing is ever lost on a failed send:
the `.eml` (with its attachments) stays and `autoresponder notify RUN_ID` sends it later. A
message already `sent` is never sent again.

A `plan` run composes and keeps its messages (status `preview`) without sending: its documents
are a preview and are carried into the next apply run's.

A message carries at most `Settings.notify_attachment_max_bytes` of documents (file bytes, in the
order the role lists them; relays refuse messages past ~25 MB and at 1M replies one document is
hundreds of MB). A document that does not fit is not attached: the body names it with its path,
size and SHA-256, so the reader fetches it from the run folder and can check what they got.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from email import message_from_bytes, policy
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from autoresponder.fingerprint import file_sha256
from autoresponder.notify import log as nlog
from autoresponder.notify import roles
from autoresponder.notify.roles import Notification, RunFiles
from autoresponder.systems.smtp.sender import SmtpConfig, deliver

# CRLF, headers folded only past RFC 5322's 998 characters (Python folds a long Subject oddly at 78)
WIRE = policy.SMTP.clone(max_line_length=998)

RUN_FUNCTIONS: tuple[Callable[..., Notification | None], ...] = (
    roles.notify_cupola_audit_files,
    roles.notify_multipub_subscriber_followup_batch,
    roles.notify_undetermined_sender_review,
    roles.notify_action_items,
    roles.notify_hodor_prospect_import,
    roles.notify_run_audit,
    roles.notify_marketing_suppression,
)


def _dedupe(addresses: list[str], exclude: list[str] = ()) -> list[str]:
    seen = {a.strip().lower() for a in exclude}
    out = []
    for a in addresses:
        if a and a.strip().lower() not in seen:
            seen.add(a.strip().lower())
            out.append(a.strip())
    return out


def recipients(settings, role: str) -> tuple[list[str], list[str]]:
    """(To, Cc) of `role` from `Settings`: the role's own Cc plus the global Cc list."""
    to = _dedupe(list((settings.notify_to or {}).get(role) or []))
    cc = _dedupe([*((settings.notify_cc or {}).get(role) or []), *(settings.notify_global_cc or [])], exclude=to)
    return to, cc


def fit_attachments(paths: list[Path], max_bytes: int) -> tuple[list[Path], list[Path]]:
    """(attached, not attached): each document in order is attached while the attached total stays
    within `max_bytes` (file bytes); one that would pass it is left out, and a smaller one after it
    may still fit."""
    attach, left_out, total = [], [], 0
    for p in paths:
        size = p.stat().st_size
        if total + size <= max_bytes:
            attach.append(p)
            total += size
        else:
            left_out.append(p)
    return attach, left_out


def compose(n: Notification, settings) -> EmailMessage | None:
    """The message of `n`, or None when no To address is configured for its role."""
    to, cc = recipients(settings, n.role)
    if not to:
        return None
    msg = EmailMessage(policy=WIRE)
    msg["From"] = settings.notify_from
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = n.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(idstring=n.role, domain=settings.notify_from.rpartition("@")[2] or None)
    msg["X-AutoResponder-Role"] = n.role
    msg["X-AutoResponder-Function"] = n.function
    msg["X-AutoResponder-Scope"] = n.scope
    attach, left_out = fit_attachments(n.attachments, settings.notify_attachment_max_bytes)
    lines = [*n.summary, "", f"Attached: {', '.join(p.name for p in attach) or 'none'}"]
    if left_out:
        lines += ["", f"Not attached (a message carries at most {settings.notify_attachment_max_bytes:,} bytes of "
                      "documents); read them from the run folder:"]
        for p in left_out:
            lines += [f"* {p.name}: {p.stat().st_size:,} bytes, sha256 {file_sha256(p)}", f"  {p.resolve()}"]
    msg.set_content("\n".join([*lines, "",
                               "-- sent by AutoResponder; recipients of this role are set in its configuration"]))
    for p in attach:
        ctype, _ = mimetypes.guess_type(p.name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(p.read_bytes(), maintype=maintype, subtype=subtype, filename=p.name,
                           params={"charset": "utf-8"} if maintype == "text" else None)
    return msg


def send(conn: Any, settings, n: Notification, out_dir: Path, *, mode: str = "apply",
         run_id: str | None = None) -> dict[str, Any]:
    """Keep, log and (apply mode, relay configured) send one notification; returns its outcome."""
    msg = compose(n, settings)
    if msg is None:
        return {"role": n.role, "status": "no_recipients", "subject": n.subject}
    nlog.ensure(conn)
    key = n.key()
    previous = nlog.status_of(conn, key)
    out_dir.mkdir(parents=True, exist_ok=True)
    eml = out_dir / f"{n.role}.eml"
    if previous in nlog.FINAL:
        return {"role": n.role, "status": "already_sent", "subject": n.subject, "eml": str(eml)}
    if previous is not None and eml.is_file():  # the same message again (same Message-ID), not a new one
        msg = message_from_bytes(eml.read_bytes(), policy=WIRE)  # type: ignore[assignment]
    else:
        with eml.open("wb") as fh:  # what msg.as_bytes() gives, without holding the message's bytes too
            BytesGenerator(fh, mangle_from_=False, policy=msg.policy).flatten(msg)
    to, cc = recipients(settings, n.role)
    nlog.upsert(conn, key=key, run_id=run_id, role=n.role, function=n.function, recipients=to, cc=cc,
                subject=n.subject, status="pending",
                attachments=[p.get_filename() for p in msg.iter_attachments()],
                eml_path=str(eml))
    return _deliver_logged(conn, settings, key, msg, n.role, n.subject, eml, mode)


def _deliver_logged(conn: Any, settings, key: str, msg: EmailMessage, role: str, subject: str, eml: Path,
                    mode: str) -> dict[str, Any]:
    cfg = SmtpConfig.from_settings(settings)
    if mode != "apply":
        nlog.mark(conn, key, "preview", f"{mode} run: kept, not sent", 0)
        return {"role": role, "status": "preview", "subject": subject, "eml": str(eml)}
    if not cfg.configured:
        reply = "no SMTP relay configured (AUTORESPONDER_SMTP_PORT=0); kept for `autoresponder notify`"
        nlog.mark(conn, key, "not_sent", reply, 0)
        return {"role": role, "status": "not_sent", "subject": subject, "eml": str(eml), "reply": reply}
    result = deliver(cfg, msg, sender=settings.notify_from)
    nlog.mark(conn, key, result.status, result.reply, result.attempts)
    return {"role": role, "status": result.status, "subject": subject, "eml": str(eml), "reply": result.reply,
            "attempts": result.attempts, "to": msg.get_all("To"), "cc": msg.get_all("Cc") or []}


def send_run_notifications(ctx, conn: Any) -> list[dict[str, Any]]:
    """Every run notification of `ctx`'s run folder (after it is written)."""
    settings = ctx.settings
    files = RunFiles(ctx.run_dir, ctx.run_id, review_url=settings.review_url)
    out_dir = ctx.run_dir / "notifications"
    outcomes = []
    for fn in RUN_FUNCTIONS:
        n = fn(files, out_dir) if fn is roles.notify_marketing_suppression else fn(files)
        if n is None:
            continue
        outcomes.append(send(conn, settings, n, out_dir, mode=ctx.mode, run_id=ctx.run_id))
    return outcomes


def resend(conn: Any, settings, run_id: str) -> list[dict[str, Any]]:
    """Send again every kept message of `run_id` not yet delivered (failed, not_sent, pending)."""
    nlog.ensure(conn)
    out = []
    for r in nlog.rows(conn, run_id=run_id):
        if r["status"] in nlog.FINAL or r["status"] == "preview":
            continue
        eml = Path(r["eml_path"])
        msg = message_from_bytes(eml.read_bytes(), policy=WIRE)
        out.append(_deliver_logged(conn, settings, r["notification_key"], msg, r["role"], r["subject"], eml,
                                   "apply"))  # type: ignore[arg-type]
    return out
