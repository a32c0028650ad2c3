"""Send one message over SMTP with smtplib: STARTTLS or implicit TLS and AUTH when configured,
transient failures retried with exponential backoff, the server's own reply kept (DESIGN §9).

Transient (retried): connection refused / reset / timed out, a server that disconnects, and any
4xx reply (RFC 5321 "transient negative completion"). Permanent (not retried): 5xx replies,
authentication refused, a relay without STARTTLS when it is required, a certificate that does
not verify. Recipients refused one by one do not fail the message while one is accepted; they
are listed in the reply.
"""

from __future__ import annotations

import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    starttls: bool = False
    ssl: bool = False
    username: str | None = None
    password: str | None = None
    ca_file: Path | None = None
    timeout_s: float = 30.0
    retries: int = 4
    backoff_s: float = 2.0

    @classmethod
    def from_settings(cls, s) -> SmtpConfig:
        return cls(host=s.smtp_host, port=int(s.smtp_port), starttls=s.smtp_starttls, ssl=s.smtp_ssl,
                   username=s.smtp_username,
                   password=s.smtp_password.get_secret_value() if s.smtp_password is not None else None,
                   ca_file=s.smtp_ca_file, timeout_s=s.smtp_timeout_s, retries=s.smtp_retries,
                   backoff_s=s.smtp_backoff_s)

    @property
    def configured(self) -> bool:
        return bool(self.host) and self.port > 0

    def where(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass
class SendResult:
    status: str  # sent | failed
    reply: str  # the server's last reply (or the error), for ops.notifications
    attempts: int
    refused: dict[str, str] = field(default_factory=dict)


class _Transient(Exception):
    pass


def envelope_recipients(msg: EmailMessage) -> list[str]:
    """Every address of To, Cc and Bcc, once each, in order."""
    seen: dict[str, None] = {}
    for header in ("To", "Cc", "Bcc"):
        for _, addr in getaddresses(msg.get_all(header, [])):
            if addr:
                seen.setdefault(addr, None)
    return list(seen)


def _tls_context(cfg: SmtpConfig) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cfg.ca_file) if cfg.ca_file else None)


def _reply(code: int, resp: bytes | str) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return f"{code} {' '.join(text.split())}"


def _send_once(cfg: SmtpConfig, msg: EmailMessage, sender: str, rcpts: list[str]) -> tuple[str, dict[str, str]]:
    if cfg.ssl:
        client: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout_s,
                                                context=_tls_context(cfg))
    else:
        client = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout_s)
    with client as smtp:
        smtp.ehlo()
        if cfg.starttls and not cfg.ssl:
            smtp.starttls(context=_tls_context(cfg))
            smtp.ehlo()
        if cfg.username:
            smtp.login(cfg.username, cfg.password or "")
        code, resp = smtp.mail(sender)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, resp, sender)
        refused: dict[str, str] = {}
        codes: list[int] = []
        for r in rcpts:
            code, resp = smtp.rcpt(r)
            if code not in (250, 251):
                refused[r] = _reply(code, resp)
                codes.append(code)
        if len(refused) == len(rcpts):
            smtp.rset()
            reply = "; ".join(f"{r}: {v}" for r, v in refused.items())
            if all(400 <= c < 500 for c in codes):
                raise _Transient(f"every recipient refused: {reply}")
            raise smtplib.SMTPRecipientsRefused(refused)  # type: ignore[arg-type]
        # CRLF line ends on the wire (smtplib converts only str bodies)
        code, resp = smtp.data(msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))
        if code != 250:
            raise smtplib.SMTPDataError(code, resp)
        return _reply(code, resp), refused


def describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "every recipient refused: " + "; ".join(
            f"{r}: {_reply(*v) if isinstance(v, tuple) else v}" for r, v in exc.recipients.items())
    return f"{type(exc).__name__}: {exc}"


def _is_transient(exc: BaseException) -> bool:
    if isinstance(exc, _Transient | smtplib.SMTPServerDisconnected | smtplib.SMTPConnectError):
        return True
    if isinstance(exc, smtplib.SMTPAuthenticationError | smtplib.SMTPNotSupportedError):
        return False
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, ssl.SSLCertVerificationError):
        return False
    return isinstance(exc, OSError)  # refused, reset, timed out


def deliver(cfg: SmtpConfig, msg: EmailMessage, *, sender: str | None = None,
            sleep: Callable[[float], None] = time.sleep) -> SendResult:
    """Send `msg` to every To/Cc/Bcc address; retry transient failures `cfg.retries` times in
    all, waiting `backoff_s`, then twice that, and so on."""
    sender = sender or msg["From"]
    rcpts = envelope_recipients(msg)
    if not rcpts:
        return SendResult("failed", "no recipients", 0)
    last = ""
    for attempt in range(1, cfg.retries + 1):
        try:
            reply, refused = _send_once(cfg, msg, sender, rcpts)
        except Exception as exc:  # noqa: BLE001 - classified below, never raised to the run
            last = describe(exc)
            if not _is_transient(exc):
                return SendResult("failed", last, attempt)
            if attempt < cfg.retries:
                sleep(cfg.backoff_s * (2 ** (attempt - 1)))
            continue
        if refused:
            reply += " (refused: " + "; ".join(f"{r}: {v}" for r, v in refused.items()) + ")"
        return SendResult("sent", reply, attempt, refused)
    return SendResult("failed", f"gave up after {cfg.retries} attempts: {last}", cfg.retries)
