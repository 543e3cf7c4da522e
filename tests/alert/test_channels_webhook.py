"""Webhooks end to end: apprise's json:// and form:// plugins post to a real HTTP server on
127.0.0.1, and the receiver gets the alert contract (JSON) or a plain text message."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs

from loopback import serve_on_loopback

from monitor.alert.deliver import send
from monitor.alert.render import RenderContext, render_for
from monitor.alert.samples import CONTESTED, SAMPLES
from monitor.config import ChannelConfig


@contextmanager
def _receiver() -> Iterator[tuple[int, list[tuple[str, str, bytes]]]]:
    """An HTTP server on 127.0.0.1 that records (method, path, body) and answers 200."""
    received: list[tuple[str, str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            received.append(("POST", self.path, self.rfile.read(length)))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            return

    with serve_on_loopback(Handler) as port:
        yield port, received


def test_json_webhook_receives_the_alert_contract() -> None:
    with _receiver() as (port, received):
        channel = ChannelConfig(name="hook", url=f"json://127.0.0.1:{port}/alerts")
        rendered = render_for(CONTESTED, channel, None, RenderContext(9, ("Kabul Wire", "AP")))
        assert send(channel.url, rendered, timeout=5).ok
    [(method, path, raw)] = received
    assert (method, path) == ("POST", "/alerts")
    payload = json.loads(raw)
    assert payload["title"] == f"[panjshir] {CONTESTED.title}"
    alert = json.loads(payload["message"])
    assert alert["id"] == 9 and alert["kind"] == "contested" and alert["watch"] == "panjshir"
    assert (alert["before_text"], alert["after_text"]) == (CONTESTED.before, CONTESTED.after)
    assert (alert["change"], alert["key"]) == ("contested", ["territorial_control", "Bazarak"])
    assert (alert["before"]["status"], alert["before"]["controller"]) == (
        "holds",
        "National Resistance Front",
    )
    assert (alert["after"]["status"], alert["after"]["claimed_by"]) == (
        "captured",
        "Taliban spokesman",
    )
    assert alert["after"]["quote"] == CONTESTED.evidence[0].text
    assert alert["evidence"][0] == {
        "quote": CONTESTED.evidence[0].text,
        "url": "https://news.example.org/asia/bazarak-claim",
        "outlet": "Kabul Wire",
    }
    assert alert["severity"] == "high" and alert["fact_kind"] == "territorial_control"
    assert alert["outlets"] == ["Kabul Wire", "AP"]


def test_form_webhook_receives_plain_text_for_every_sample() -> None:
    with _receiver() as (port, received):
        channel = ChannelConfig(name="hook", url=f"form://127.0.0.1:{port}/in")
        for alert in SAMPLES:
            assert send(channel.url, render_for(alert, channel), timeout=5).ok
    assert len(received) == len(SAMPLES)
    fields = {k: v[0] for k, v in parse_qs(received[1][2].decode()).items()}
    assert fields["title"] == f"[panjshir] {SAMPLES[1].title}"
    message = fields["message"]
    assert message.startswith(SAMPLES[1].body)
    assert "Before: National Resistance Front: at most 2,500 fighters" in message
    assert "<https://news.example.org/asia/panjshir-nrf-strength>" in message
