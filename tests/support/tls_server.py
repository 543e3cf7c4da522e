"""A TLS feed server on 127.0.0.1 that speaks HTTP/2 when the client offers it (ALPN), with a
certificate for one host name from a throwaway CA (trustme)."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import h2.config
import h2.connection
import h2.events
import trustme


@dataclass
class TLSServer:
    port: int
    client_context: ssl.SSLContext
    body: bytes
    protocols: list[str] = field(default_factory=list)


def _answer_h2(conn: ssl.SSLSocket, body: bytes) -> None:
    h2c = h2.connection.H2Connection(h2.config.H2Configuration(client_side=False))
    h2c.initiate_connection()
    conn.sendall(h2c.data_to_send())
    while data := conn.recv(65535):
        for event in h2c.receive_data(data):
            if isinstance(event, h2.events.RequestReceived) and event.stream_id is not None:
                fields = [(":status", "200"), ("content-length", str(len(body)))]
                h2c.send_headers(event.stream_id, fields)
                h2c.send_data(event.stream_id, body, end_stream=True)
        conn.sendall(h2c.data_to_send())


def _answer_http11(conn: ssl.SSLSocket, body: bytes) -> None:
    request = b""
    while b"\r\n\r\n" not in request and (data := conn.recv(65535)):
        request += data
    head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    conn.sendall(head.encode() + body)


def _serve(raw: socket.socket, context: ssl.SSLContext, state: TLSServer) -> None:
    try:
        with context.wrap_socket(raw, server_side=True) as conn:
            protocol = conn.selected_alpn_protocol() or "http/1.1"
            state.protocols.append(protocol)
            (_answer_h2 if protocol == "h2" else _answer_http11)(conn, state.body)
    except (ssl.SSLError, OSError):
        pass  # the client refused our certificate, or went away


@contextmanager
def tls_server(hostname: str, body: bytes) -> Iterator[TLSServer]:
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(hostname).configure_cert(server_context)
    server_context.set_alpn_protocols(["h2", "http/1.1"])
    client_context = ssl.create_default_context()
    ca.configure_trust(client_context)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    state = TLSServer(listener.getsockname()[1], client_context, body)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except TimeoutError:
                continue
            raw.settimeout(5)
            threading.Thread(target=_serve, args=(raw, server_context, state), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        stop.set()
        thread.join()
        listener.close()
