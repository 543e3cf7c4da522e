"""Pure helpers of the fetch stage: cache lifetime, Retry-After, redaction of URL secrets."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import httpx
import pytest

from monitor.fetch import parse_cache_lifetime, parse_retry_after, redact

NOW = datetime(2021, 9, 6, 12, 0, tzinfo=UTC)
DATE = "Mon, 06 Sep 2021 12:00:00 GMT"


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({}, None),
        ({"Cache-Control": "max-age=600"}, 600),
        ({"cache-control": "public, max-age=600"}, 600),
        ({"Cache-Control": 'max-age="300"'}, 300),
        ({"Cache-Control": "s-maxage=120"}, 120),
        ({"Cache-Control": "s-maxage=120, max-age=600"}, 600),
        ({"Cache-Control": "max-age=600", "Age": "100"}, 500),
        ({"Cache-Control": "max-age=60", "Age": "100"}, 0),
        ({"Cache-Control": "no-cache, max-age=600"}, None),
        ({"Cache-Control": "no-store"}, None),
        ({"Cache-Control": "max-age=soon"}, None),
        ({"Cache-Control": "max-age=-5"}, None),
        ({"Expires": "Mon, 06 Sep 2021 12:30:00 GMT"}, 1800),
        ({"Expires": "Mon, 06 Sep 2021 12:30:00 GMT", "Age": "600"}, 1200),
        ({"Expires": "Mon, 06 Sep 2021 11:00:00 GMT"}, 0),
        ({"Expires": "0"}, 0),  # an invalid date means already expired (RFC 9111, 5.3)
        (
            {"Expires": "Mon, 06 Sep 2021 12:30:00 GMT", "Date": "Mon, 06 Sep 2021 12:20:00 GMT"},
            600,
        ),
        ({"Expires": "Mon, 06 Sep 2021 12:30:00 GMT", "Cache-Control": "max-age=60"}, 60),
        ({"Date": DATE}, None),
    ],
)
def test_cache_lifetime(headers: dict[str, str], seconds: float | None) -> None:
    assert parse_cache_lifetime(headers, NOW) == seconds


def test_cache_lifetime_reads_httpx_headers_with_repeated_fields() -> None:
    headers = httpx.Headers([("Cache-Control", "public"), ("cache-control", "max-age=90")])
    assert parse_cache_lifetime(headers, NOW) == 90


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120),
        (" 120 ", 120),
        ("Mon, 06 Sep 2021 12:05:00 GMT", 300),
        ("Mon, 06 Sep 2021 11:00:00 GMT", 0),
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, NOW) == seconds


URL = "https://reader:hunter2@feeds.example.com/rss?token=abc123&lang=en"


@pytest.mark.parametrize(
    "message",
    [
        f"ConnectError: could not reach {URL}",
        "failed for https://feeds.example.com/rss?token=abc123&lang=en",
        "query was token=abc123&lang=en",
        "query was token%3Dabc123%26lang%3Den",
        "https%3A%2F%2Freader%3Ahunter2%40feeds.example.com%2Frss%3Ftoken%3Dabc123",
        "password hunter2 leaked alone, and abc123 too",
        "a URL we did not know: http://me:pw@other.example/x?k=v",
    ],
)
def test_secrets_in_feed_urls_never_reach_messages(message: str) -> None:
    text = redact(message, URL)
    for secret in ("hunter2", "abc123", ":pw@", "k=v"):
        assert secret not in text


def test_redaction_covers_every_hop_and_keeps_the_message_readable() -> None:
    hop = "https://cdn.example.net/r?sig=Zm9vYmFyYmF6"
    text = redact(f"redirect to {hop} refused; sig Zm9vYmFyYmF6 expired", URL, hop)
    assert text == "redirect to https://cdn.example.net/r?… refused; sig … expired"
    assert redact("HTTP 404 Not Found (en)", URL) == "HTTP 404 Not Found (en)"


def test_request_logs_do_not_carry_url_secrets(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="httpx"):
        logging.getLogger("httpx").info('HTTP Request: %s %s "%s"', "GET", URL, "HTTP/1.1 200 OK")
    assert caplog.messages == [
        'HTTP Request: GET https://…@feeds.example.com/rss?… "HTTP/1.1 200 OK"'
    ]
