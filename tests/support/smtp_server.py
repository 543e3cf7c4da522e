"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), reusable by any test module.

    from smtp_server import smtp_server

    with smtp_server() as (host, port, messages):
        send("mailto://{host}:{port}?from=monitor@example.com&to=ops@example.org", ...)
    assert messages[0]["Subject"] == "..."

`messages` fills with `email.message.EmailMessage` objects (parsed with `email.policy.default`)
as the server accepts them. Pass `credentials=("user", "password")` to offer AUTH PLAIN/LOGIN;
logging in stays optional either way, as on a typical relay. The server speaks plain SMTP: no
TLS, so apprise must use `mailto://` (not `mailtos://`).

Faults: pass `script=SmtpScript(...)` to answer DATA with scripted replies ("451 ..." refuses
the message, which is then not kept) and to run a hook at RCPT (before the message is sent) or
after a message is kept and before the 250 goes out (the "accepted but not yet recorded"
window). `silent_server()` accepts connections and never says a word; `closed_port()` is a
port nothing listens on.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass
class SmtpScript:
    """How the server misbehaves. `data_replies` are consumed one per DATA (when none are
    left, messages are accepted); hooks run on the server's thread and may block it."""

    data_replies: list[str] = field(default_factory=list)
    on_rcpt: Callable[[], None] | None = None
    on_accept: Callable[[EmailMessage], None] | None = None
    refused: int = 0


class _Collector:
    def __init__(self, script: SmtpScript) -> None:
        self.messages: list[EmailMessage] = []
        self.script = script

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if self.script.on_rcpt is not None:
            self.script.on_rcpt()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.script.data_replies:
            reply = self.script.data_replies.pop(0)
            if not reply.startswith("250"):
                self.script.refused += 1
                return reply
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        # Appended before the server answers 250, so it is there when the client returns.
        self.messages.append(message)
        if self.script.on_accept is not None:
            self.script.on_accept(message)
        return "250 OK"


class _Controller(Controller):
    """Binds port 0 and learns the port the kernel picked, so parallel runs never collide."""

    def _trigger_server(self) -> None:
        assert isinstance(self.server, asyncio.Server)
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


def _authenticator(credentials: tuple[str, str]) -> Any:
    def check(
        server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and (
                data.login.decode(),
                data.password.decode(),
            )
            == credentials
        )
        return AuthResult(success=ok, handled=False)

    return check


@contextmanager
def smtp_server(
    credentials: tuple[str, str] | None = None, script: SmtpScript | None = None
) -> Iterator[tuple[str, int, list[EmailMessage]]]:
    """Run an SMTP server on 127.0.0.1 on a free port; yield (host, port, received messages)."""
    collector = _Collector(script or SmtpScript())
    options: dict[str, Any] = {}
    if credentials is not None:
        # Offer AUTH without TLS (loopback only) but do not require it.
        options = {"authenticator": _authenticator(credentials), "auth_require_tls": False}
    controller = _Controller(collector, hostname="127.0.0.1", port=0, **options)
    controller.start()
    try:
        yield "127.0.0.1", controller.port, collector.messages
    finally:
        controller.stop()


@contextmanager
def silent_server() -> Iterator[tuple[str, int]]:
    """A TCP port on 127.0.0.1 whose kernel completes every connection (the listen backlog)
    while nobody ever reads or writes: an SMTP server that hangs before its greeting."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield "127.0.0.1", listener.getsockname()[1]


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
