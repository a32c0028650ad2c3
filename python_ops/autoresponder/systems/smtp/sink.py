"""A local SMTP server (aiosmtpd) on 127.0.0.1 for the demo and the tests: it accepts mail for
any address and keeps every message, in memory and, when given a mailbox folder, as one `.eml`
file per message (readable by any mail program) plus `index.jsonl` with the SMTP envelope.

It can also speak STARTTLS and AUTH (tests of the TLS path) and answer a number of DATA
commands with a failure first (tests of retry and backoff).
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    path: Path | None = None

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.data, policy=policy.default)  # type: ignore[return-value]


class MailboxHandler:
    """aiosmtpd handler: keeps messages; `fail_next` DATA commands are answered `fail_reply`."""

    def __init__(self, mailbox: Path | None = None, *, fail_next: int = 0,
                 fail_reply: str = "451 4.3.0 Temporary failure, try again later") -> None:
        self.mailbox = Path(mailbox) if mailbox else None
        self.received: list[Received] = []
        self.fail_next = fail_next
        self.fail_reply = fail_reply
        self.data_commands = 0
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd hook name
        with self._lock:
            self.data_commands += 1
            if self.fail_next != 0:  # negative: fail for ever
                self.fail_next -= 1 if self.fail_next > 0 else 0
                return self.fail_reply
            data = envelope.original_content or envelope.content
            if isinstance(data, str):
                data = data.encode("utf-8")
            item = Received(mail_from=envelope.mail_from, rcpt_tos=list(envelope.rcpt_tos), data=data)
            if self.mailbox is not None:
                self.mailbox.mkdir(parents=True, exist_ok=True)
                n = len(list(self.mailbox.glob("*.eml"))) + 1
                item.path = self.mailbox / f"{n:04d}.eml"
                item.path.write_bytes(data)
                with (self.mailbox / "index.jsonl").open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps({"file": item.path.name, "mail_from": item.mail_from,
                                         "rcpt_tos": item.rcpt_tos,
                                         "subject": str(item.message.get("Subject", ""))}) + "\n")
            self.received.append(item)
        return "250 2.0.0 Message accepted for delivery"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class MailSink:
    """`with MailSink(mailbox) as sink:` a running SMTP server at `sink.host`, `sink.port`."""

    def __init__(self, mailbox: Path | None = None, *, host: str = "127.0.0.1", fail_next: int = 0,
                 fail_reply: str = "451 4.3.0 Temporary failure, try again later",
                 tls_context: ssl.SSLContext | None = None, users: dict[str, str] | None = None) -> None:
        self.host = host
        self.port = 0
        self.handler = MailboxHandler(mailbox, fail_next=fail_next, fail_reply=fail_reply)
        self.tls_context = tls_context
        self.users = users
        self._controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if isinstance(auth_data, LoginPassword) and self.users is not None:
            login = auth_data.login.decode()
            if self.users.get(login) == auth_data.password.decode():
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def start(self) -> MailSink:
        kwargs: dict = {}
        if self.tls_context is not None:
            kwargs.update(tls_context=self.tls_context, require_starttls=True)
        if self.users is not None:
            kwargs.update(authenticator=self._authenticate, auth_required=True,
                          auth_require_tls=self.tls_context is not None)
        last: Exception | None = None
        for _ in range(5):  # a free port may be taken between the probe and the bind
            port = _free_port(self.host)
            controller = Controller(self.handler, hostname=self.host, port=port,
                                    server_hostname="localhost", ready_timeout=10, **kwargs)
            try:
                controller.start()
            except Exception as exc:  # noqa: BLE001
                last = exc
                continue
            self._controller, self.port = controller, port
            return self
        raise RuntimeError(f"could not start the local SMTP server: {last}")

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
