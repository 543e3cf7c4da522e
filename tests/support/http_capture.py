"""Catch the HTTP requests apprise makes to hosted services that cannot run here (Slack,
Twilio, Vonage, AWS SNS...), at the last step before the network: `requests`' transport
adapter. Everything above it (the plugin, its payload, its headers, requests' encoding) runs
for real; the request is recorded and answered with a canned response instead of being sent.

    def test_x(monkeypatch: pytest.MonkeyPatch) -> None:
        capture = intercept(monkeypatch)
        send("slack://...", rendered)
        [request] = capture.requests
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from requests import PreparedRequest, Response
from requests.adapters import HTTPAdapter


@dataclass
class HttpCapture:
    """The requests caught so far, and the answer every request gets."""

    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    requests: list[PreparedRequest] = field(default_factory=list)

    def answer(self, request: PreparedRequest) -> Response:
        self.requests.append(request)
        response = Response()
        response.status_code = self.status
        response._content = self.body
        response.headers.update(self.headers)
        response.request = request
        response.url = request.url or ""
        return response


def body_text(request: PreparedRequest) -> str:
    body = request.body or b""
    return body.decode() if isinstance(body, bytes) else str(body)


def json_body(request: PreparedRequest) -> Any:
    return json.loads(body_text(request))


def form_body(request: PreparedRequest) -> dict[str, str]:
    """A form-encoded body (or query string) as {field: value}; each field once."""
    text = body_text(request) or urlsplit(request.url or "").query
    return {key: values[0] for key, values in parse_qs(text, keep_blank_values=True).items()}


def intercept(monkeypatch: pytest.MonkeyPatch) -> HttpCapture:
    """Answer every request made through `requests` from a new HttpCapture, for this test."""
    capture = HttpCapture()

    def send(adapter: HTTPAdapter, request: PreparedRequest, **_: Any) -> Any:
        return capture.answer(request)

    monkeypatch.setattr(HTTPAdapter, "send", send)
    return capture
