"""A real HTTP server on 127.0.0.1 that receives webhooks (apprise's json://, and what hosted
chat and SMS APIs would receive), answering each request from a script.

    with webhook_server() as hook:
        hook.replies.append(Reply(429, {"Retry-After": "120"}))   # the first POST
        ...                                                        # later ones: 200
    hook.received  # [(path, headers, JSON body), ...] in arrival order, refused ones included
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from loopback import serve_on_loopback


@dataclass(frozen=True)
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: Any
    status: int  # what the server answered


@dataclass
class WebhookServer:
    base: str = ""
    replies: list[Reply] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str, scheme: str = "json") -> str:
        """An apprise URL for `path` on this server (json://127.0.0.1:PORT/path)."""
        return f"{scheme}://{self.base}/{path.lstrip('/')}"

    def accepted(self) -> list[Received]:
        return [r for r in self.received if 200 <= r.status < 300]


def _handler(state: WebhookServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            with state.lock:
                reply = state.replies.pop(0) if state.replies else Reply()
                body = json.loads(raw) if raw else None
                state.received.append(Received(self.path, dict(self.headers), body, reply.status))
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def webhook_server() -> Iterator[WebhookServer]:
    state = WebhookServer()
    with serve_on_loopback(_handler(state)) as port:
        state.base = f"127.0.0.1:{port}"
        yield state
