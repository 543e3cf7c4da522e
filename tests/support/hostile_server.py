"""A raw-socket HTTP server on 127.0.0.1 that misbehaves on purpose.

Each path runs a behaviour: a function that writes whatever bytes it likes (lying headers,
bodies that never end, nothing at all) to the connection. Behaviours that wait give up when the
server shuts down, so a test never waits for a hung handler. Every request is logged with its
headers and the client port, so tests can tell which connection carried it.
"""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import BinaryIO


@dataclass
class Exchange:
    """One request, and the means to answer it."""

    path: str
    headers: dict[str, str]
    wfile: BinaryIO
    closing: threading.Event
    keep_alive: bool = False

    def send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def wait(self, seconds: float | None = None) -> bool:
        """Sleep; True when the server is shutting down and the behaviour should stop."""
        return self.closing.wait(seconds)


Behaviour = Callable[[Exchange], None]


def head(status: int, headers: Mapping[str, str]) -> bytes:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Odd"
    lines = [f"HTTP/1.1 {status} {phrase}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def reply(
    status: int = 200,
    body: bytes = b"",
    headers: Mapping[str, str] | None = None,
    *,
    keep_alive: bool = False,
    length: int | None = None,
) -> Behaviour:
    """A response; `length` is the Content-Length to claim (the truth unless set)."""

    def run(exchange: Exchange) -> None:
        exchange.keep_alive = keep_alive
        fields = {
            "Content-Length": str(len(body) if length is None else length),
            "Connection": "keep-alive" if keep_alive else "close",
            **(headers or {}),
        }
        exchange.send(head(status, fields) + body)

    return run


def redirect(location: str, status: int = 302) -> Behaviour:
    return reply(status, headers={"Location": location})


def never_answer(exchange: Exchange) -> None:
    """Accept the request, then say nothing until the server shuts down."""
    exchange.wait()


def drip(body: bytes, interval: float = 0.2) -> Behaviour:
    """A 200 whose body arrives one byte per `interval`."""

    def run(exchange: Exchange) -> None:
        exchange.send(head(200, {"Content-Length": str(len(body))}))
        for byte in body:
            if exchange.wait(interval):
                return
            exchange.send(bytes([byte]))

    return run


def then_hang(behaviour: Behaviour) -> Behaviour:
    """Run `behaviour`, then keep the connection open and silent."""

    def run(exchange: Exchange) -> None:
        behaviour(exchange)
        exchange.wait()

    return run


@dataclass
class HostileServer:
    port: int = 0
    routes: dict[str, Behaviour] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str], int]] = field(default_factory=list)
    closing: threading.Event = field(default_factory=threading.Event)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def route(self, path: str, behaviour: Behaviour) -> str:
        self.routes["/" + path.lstrip("/")] = behaviour
        return f"{self.base_url}/{path.lstrip('/')}"

    def hits(self, path: str) -> list[dict[str, str]]:
        return [h for p, h, _ in self.requests if p == "/" + path.lstrip("/")]

    def connections(self) -> list[int]:
        """The client port of each request, in order (equal ports: a reused connection)."""
        return [port for _, _, port in self.requests]


def _handler(state: HostileServer) -> type[socketserver.StreamRequestHandler]:
    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            try:
                while self._one_request():
                    pass
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on us, as it should

        def _one_request(self) -> bool:
            line = self.rfile.readline(8192).decode("latin-1")
            if not line.strip():
                return False
            headers = {}
            while (field_line := self.rfile.readline(8192).decode("latin-1").strip()) != "":
                name, _, value = field_line.partition(":")
                headers[name.strip()] = value.strip()
            path = line.split(" ")[1]
            state.requests.append((path, headers, self.client_address[1]))
            exchange = Exchange(path, headers, self.wfile, state.closing)  # type: ignore[arg-type]
            state.routes.get(path, reply(404))(exchange)
            return exchange.keep_alive

    return Handler


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True


@contextmanager
def hostile_server() -> Iterator[HostileServer]:
    state = HostileServer()
    server = _Server(("127.0.0.1", 0), _handler(state))
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.closing.set()
        server.shutdown()
        server.server_close()
        thread.join()
