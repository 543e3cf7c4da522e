"""Delivery through apprise: a real SMTP server on 127.0.0.1, and a custom apprise sink.

The SMTP URL shape that works against a plain (no TLS) server, as the README quotes it:

    mailto://HOST:PORT?from=monitor@example.com&to=ops@example.org
    mailto://USER:PASSWORD@HOST:PORT?from=monitor@example.com&to=ops@example.org

`mailto://` is plain SMTP; logging in happens only when the URL has a user and a password.
"""

from __future__ import annotations

import dataclasses
import logging
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from typing import Any

import apprise
import pytest
from apprise.decorators import notify
from smtp_server import smtp_server
from webhook_server import Reply, webhook_server

from monitor.alert.deliver import DeliveryResult, check_url, redact, send
from monitor.alert.render import Rendered, render
from monitor.records import Alert, Quote

# apprise's email plugin imports `imghdr` (for PGPy) when apprise first loads its plugins, and
# Python 3.11/3.12 deprecate that module. It is apprise's import, not ours, and harmless.
pytestmark = pytest.mark.filterwarnings(
    "ignore:'imghdr' is deprecated and slated for removal:DeprecationWarning"
)

ALERT = Alert(
    kind="changed",
    watch="panjshir",
    title="Force size changed: National Resistance Front ~9,000 (was ≤2,500)",
    body="National Resistance Front: about 9,000 fighters, according to Tolo News.",
    channels=("email",),
    evidence=(
        Quote(
            "The NRF now has about 9,000 fighters, its spokesman said.",
            "https://tolonews.com/afghanistan-190001?a=1&b=2",
            "Tolo News",
        ),
    ),
    before="at most 2,500 fighters — BBC",
    after="about 9,000 fighters — Tolo News",
)
FROM_TO = "from=monitor@example.com&to=ops@example.org"
PASSWORD = "hunter2-S3cret"


def _parts(message: EmailMessage) -> dict[str, str]:
    return {
        part.get_content_type(): str(part.get_content())
        for part in message.walk()
        if not part.is_multipart()
    }


def test_html_email_arrives_with_subject_text_and_html_parts() -> None:
    with smtp_server() as (host, port, messages):
        result = send(f"mailto://{host}:{port}?{FROM_TO}", render(ALERT, "html"), timeout=10)
    assert result == DeliveryResult(True, None)
    [message] = messages
    assert message["Subject"] == (
        "[panjshir] Force size changed: National Resistance Front ~9,000 (was ≤2,500)"
    )
    assert message["From"] == "monitor@example.com"
    assert message["To"] == "ops@example.org"
    parts = _parts(message)
    assert set(parts) == {"text/plain", "text/html"}
    quote = "The NRF now has about 9,000 fighters, its spokesman said."
    assert quote in parts["text/html"]
    assert '<a href="https://tolonews.com/afghanistan-190001?a=1&amp;b=2">' in parts["text/html"]
    assert quote in parts["text/plain"]
    assert "https://tolonews.com/afghanistan-190001?a=1&b=2" in parts["text/plain"]
    assert "Before: at most 2,500 fighters — BBC" in parts["text/plain"]


def test_text_email_is_one_plain_part_and_hostile_title_stays_text() -> None:
    hostile = dataclasses.replace(ALERT, title="<script>alert(1)</script> & more")
    with smtp_server() as (host, port, messages):
        result = send(f"mailto://{host}:{port}?{FROM_TO}", render(hostile, "text"), timeout=10)
    assert result.ok
    [message] = messages
    assert message["Subject"] == "[panjshir] <script>alert(1)</script> & more"
    assert message.get_content_type() == "text/plain"
    assert str(message.get_content()).replace("\r\n", "\n").strip() == (
        render(hostile, "text").body.strip()
    )


def test_login_is_used_when_the_url_has_credentials() -> None:
    url = "mailto://monitor:{}@{}:{}?" + FROM_TO
    with smtp_server(credentials=("monitor", PASSWORD)) as (host, port, messages):
        good = send(url.format(PASSWORD, host, port), render(ALERT, "html"), timeout=10)
        bad = send(url.format("wrong-Passw0rd", host, port), render(ALERT, "html"), timeout=10)
    assert good.ok and len(messages) == 1
    assert not bad.ok and bad.error is not None
    assert "wrong-Passw0rd" not in bad.error


def test_unreachable_server_fails_without_leaking_the_password() -> None:
    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"mailto://monitor:{PASSWORD}@127.0.0.1:{port}?{FROM_TO}"
    result = send(url, render(ALERT, "html"), timeout=10)
    assert not result.ok
    assert result.error is not None
    assert "Connection error" in result.error and "127.0.0.1" in result.error
    assert PASSWORD not in result.error and url not in result.error


def test_unknown_scheme_is_a_clear_error() -> None:
    assert send("foo://user:pw@host/x", render(ALERT, "text")) == DeliveryResult(
        False, "apprise cannot use this URL (unknown scheme 'foo')", permanent=True
    )
    assert check_url("foo://user:pw@host/x") == (
        "apprise cannot use this URL (unknown scheme 'foo')"
    )


@pytest.mark.parametrize(
    ("url", "expected", "secret"),
    [
        (
            "mailto://127.0.0.1:25?from=a@example.com&to=b@example.org&mode=bogus",
            "apprise cannot use this E-Mail URL: The secure mode specified (bogus) is invalid.",
            None,
        ),
        (
            "slack://T1JJ3T3L2/A1BRTD4JD/TIiajk!dnlazkcOXrIdevi7F",
            "apprise cannot use this Slack URL: "
            "An invalid Slack (third) Token (***) was specified.",
            "TIiajk!dnlazkcOXrIdevi7F",
        ),
        (
            "tgram://123456789:AAbb%20CCdd/",
            "apprise cannot use this Telegram URL: "
            "The Telegram Bot Token specified (***:***) is invalid.",
            "AAbb CCdd",
        ),
        ("json://", "apprise cannot parse this JSON URL (json://)", None),
        ("no-scheme-here", "not an apprise URL (expected scheme://...)", None),
    ],
)
def test_check_url_reports_unusable_urls_without_secrets(
    url: str, expected: str, secret: str | None
) -> None:
    error = check_url(url)
    assert error == expected
    assert secret is None or secret not in error


def test_check_url_accepts_working_urls() -> None:
    assert check_url(f"mailto://127.0.0.1:2525?{FROM_TO}") is None
    assert check_url(f"mailtos://user:{PASSWORD}@smtp.example.com?{FROM_TO}") is None
    assert check_url("json://localhost:8080/hook") is None


def test_redact_masks_credentials_tokens_and_recipients() -> None:
    url = "mailto://bob:p%40ss-word@mail.example.com?to=ops@example.org&token=abc123xyz"
    said = (
        "login as bob with p@ss-word failed at mailto://bob:p%40ss-word@mail.example.com; "
        "sending to ops@example.org with https://api.example.com/x?token=abc123xyz&a=b"
    )
    masked = redact(said, url)
    for secret in ("p@ss-word", "p%40ss-word", "bob", "ops@example.org", "abc123xyz"):
        assert secret not in masked
    assert "mail.example.com" in masked


# -- a custom apprise sink: the non-email path without a network ----------------------------


@pytest.fixture
def sink() -> Iterator[list[dict[str, Any]]]:
    """`monitortest://ok` records each notification; `monitortest://fail` refuses it with a
    warning; `monitortest://slow` takes a second; `monitortest://boom` raises."""
    received: list[dict[str, Any]] = []

    @notify(on="monitortest", name="Monitor test sink")  # type: ignore[untyped-decorator, no-untyped-call]
    def monitortest(
        body: str, title: str, notify_type: str, body_format: str, meta: dict[str, Any], **_: Any
    ) -> bool:
        host = meta.get("host")
        if host == "slow":
            time.sleep(1)
        if host == "boom":
            raise RuntimeError("sink exploded")
        if host == "fail":
            logging.getLogger("apprise").warning("sink refused %r", title)
            return False
        received.append(
            {
                "title": title,
                "body": body,
                "body_format": getattr(body_format, "value", body_format),
            }
        )
        return True

    try:
        yield received
    finally:
        apprise.NotificationManager().remove("monitortest")  # type: ignore[no-untyped-call]


@pytest.mark.parametrize("fmt", ["html", "text", "markdown"])
def test_custom_sink_receives_exact_title_body_and_format(
    sink: list[dict[str, Any]], fmt: str
) -> None:
    rendered = render(ALERT, fmt)  # type: ignore[arg-type]
    assert send("monitortest://ok", rendered) == DeliveryResult(True, None)
    [got] = sink
    assert (got["title"], got["body"], got["body_format"]) == (
        rendered.title,
        rendered.body,
        fmt,
    )


def test_refusal_is_a_failure_with_the_reason(sink: list[dict[str, Any]]) -> None:
    result = send("monitortest://fail", Rendered("t7", "b", "text"))
    assert result == DeliveryResult(False, _refused("t7"))


def test_plugin_exception_is_a_failure(sink: list[dict[str, Any]]) -> None:
    result = send("monitortest://boom", Rendered("t", "b", "text"))
    assert not result.ok and result.error


def test_timeout_is_a_failure(sink: list[dict[str, Any]]) -> None:
    result = send("monitortest://slow", Rendered("t", "b", "text"), timeout=0.2)
    assert not result.ok and result.error is not None
    assert result.error.startswith("delivery failed (timeout)")
    time.sleep(1)  # let apprise's abandoned worker finish before the sink is unregistered


def test_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="timeout must be a positive"):
        send("monitortest://ok", Rendered("t", "b", "text"), timeout=0)


def test_concurrent_sends_keep_their_own_errors(sink: list[dict[str, Any]]) -> None:
    def one(i: int) -> DeliveryResult:
        if i % 2:
            return send("monitortest://fail", Rendered(f"t{i}", "b", "text"))
        return send("monitortest://ok", Rendered(f"t{i}", "b", "text"))

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(one, range(16)))
    for i, result in enumerate(results):
        if i % 2:
            assert result == DeliveryResult(False, _refused(f"t{i}"))
        else:
            assert result == DeliveryResult(True, None)
    assert sorted(r["title"] for r in sink) == sorted(f"t{i}" for i in range(0, 16, 2))


def _refused(title: str) -> str:
    """The error for a refusal: the sink's own warning, then apprise's summary line."""
    return (
        f"delivery failed (failure): sink refused {title!r}; "
        "Failed to send Monitor test sink notification."
    )


# -- idempotency keys and what a failed webhook answered ------------------------------------

KEY = "0123456789abcdef0123456789abcdef01234567"


def test_email_message_id_is_made_from_the_idempotency_key() -> None:
    url = f"mailto://127.0.0.1:{{}}?{FROM_TO}"
    with smtp_server() as (_host, port, messages):
        assert send(url.format(port), render(ALERT, "html"), idempotency_key=KEY).ok
        assert send(url.format(port), render(ALERT, "html"), idempotency_key=KEY).ok
        assert send(url.format(port), render(ALERT, "html")).ok
    first, again, plain = (m.get_all("Message-ID") for m in messages)
    assert first == again == [f"<{KEY}@127.0.0.1>"]  # one Message-ID, the same each time
    assert plain is not None and len(plain) == 1 and KEY not in plain[0]


def test_webhook_gets_the_key_as_a_header_and_its_answer_is_read() -> None:
    with webhook_server() as hook:
        hook.replies += [Reply(429, {"Retry-After": "30"}), Reply(404), Reply(500)]
        busy = send(hook.url("x"), Rendered("t", "b", "text"), idempotency_key=KEY)
        gone = send(hook.url("x"), Rendered("t", "b", "text"), idempotency_key=KEY)
        broken = send(hook.url("x"), Rendered("t", "b", "text"), idempotency_key=KEY)
        fine = send(hook.url("x"), Rendered("t", "b", "text"))
    assert (busy.ok, busy.retry_after, busy.permanent) == (False, 30.0, False)
    assert (gone.ok, gone.retry_after, gone.permanent) == (False, None, True)
    assert (broken.ok, broken.retry_after, broken.permanent) == (False, None, False)
    assert fine == DeliveryResult(True, None)
    assert [r.headers.get("Idempotency-Key") for r in hook.received] == [KEY, KEY, KEY, None]
    assert hook.received[0].body["message"] == "b"  # a header, so the body is untouched


def test_without_headers_the_key_ends_a_multi_line_body(sink: list[dict[str, Any]]) -> None:
    assert send(
        "monitortest://ok", Rendered("t", "line one\nline two", "text"), idempotency_key=KEY
    ).ok
    assert send(
        "monitortest://ok", Rendered("t", "<p>a</p>\n<p>b</p>", "html"), idempotency_key=KEY
    ).ok
    assert send(
        "monitortest://ok", Rendered("", "SMS: one short line", "text"), idempotency_key=KEY
    ).ok
    assert [r["body"] for r in sink] == [
        f"line one\nline two\n\nref: {KEY}",
        f"<p>a</p>\n<p>b</p>\n<p>ref: {KEY}</p>",
        "SMS: one short line",
    ]
