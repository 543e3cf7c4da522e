"""A real HTTP server on 127.0.0.1 that serves feeds to the daemon under test.

Each path serves a body the test sets (or a status code); ETag and Last-Modified are honoured
with 304, as a well-behaved publisher does; every request is logged so tests can assert what the
daemon asked for.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler

from loopback import serve_on_loopback


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    validators: bool = True
    modified: float = 1_630_000_000.0
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedServer:
    base_url: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    def set(self, path: str, body: bytes | str, **options: object) -> str:
        data = body.encode() if isinstance(body, str) else body
        key = "/" + path.lstrip("/")
        previous = self.routes.get(key)
        route = Route(data, **options)  # type: ignore[arg-type]
        if previous is not None and previous.body != data:
            route.modified = previous.modified + 3600  # a new body is newer
        self.routes[key] = route
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers in self.requests if p == "/" + path.lstrip("/")]


def _handler(state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with state.lock:
                state.in_flight += 1
                state.max_in_flight = max(state.max_in_flight, state.in_flight)
            try:
                self._answer()
            finally:
                with state.lock:
                    state.in_flight -= 1

        def _answer(self) -> None:
            state.requests.append((self.path, dict(self.headers)))
            route = state.routes.get(self.path)
            if route is not None and route.delay:
                time.sleep(route.delay)
            if route is None:
                self.send_error(404)
                return
            if route.status != 200:
                self.send_response(route.status)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
                return
            etag = '"' + hashlib.sha1(route.body).hexdigest() + '"'
            modified = formatdate(route.modified, usegmt=True)
            if route.validators and (
                self.headers.get("If-None-Match") == etag
                or self.headers.get("If-Modified-Since") == modified
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.validators:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()
    with serve_on_loopback(_handler(state)) as port:
        state.base_url = f"http://127.0.0.1:{port}"
        yield state
