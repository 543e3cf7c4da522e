"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), reusable by any test module.

    from smtp_server import smtp_server

    with smtp_server() as (host, port, messages):
        send("mailto://{host}:{port}?from=monitor@example.com&to=ops@example.org", ...)
    assert messages[0]["Subject"] == "..."

`messages` fills with `email.message.EmailMessage` objects (parsed with `email.policy.default`)
as the server accepts them. Pass `credentials=("user", "password")` to offer AUTH PLAIN/LOGIN;
logging in stays optional either way, as on a typical relay. The server speaks plain SMTP: no
TLS, so apprise must use `mailto://` (not `mailtos://`).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


class _Collector:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        # Appended before the server answers 250, so it is there when the client returns.
        self.messages.append(message)
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
    credentials: tuple[str, str] | None = None,
) -> Iterator[tuple[str, int, list[EmailMessage]]]:
    """Run an SMTP server on 127.0.0.1 on a free port; yield (host, port, received messages)."""
    collector = _Collector()
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
