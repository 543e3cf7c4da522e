from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import httpx
from feed_server import FeedServer
from fetch_support import fake_resolver
from tls_server import TLSServer, tls_server

from monitor.fetch import USER_AGENT, fetch, make_client, parse_retry_after, redact
from monitor.records import FeedTarget, FetchResult


def get(t: FeedTarget, *, max_bytes: int = 1_000_000, deadline: float = 5) -> FetchResult:
    async def go() -> FetchResult:
        async with make_client(5) as client:
            return await fetch(client, t, max_bytes=max_bytes, deadline=deadline)

    return asyncio.run(go())


def local(url: str, etag: str | None = None, last_modified: str | None = None) -> FeedTarget:
    return FeedTarget("f", url, etag, last_modified, allow_private=True)


def test_conditional_get_sends_validators_and_gets_304(feeds: FeedServer) -> None:
    url = feeds.set("a.xml", "<rss/>")
    first = get(local(url))
    assert (first.status, first.body, first.error) == (200, b"<rss/>", None)
    second = get(local(url, first.etag, first.last_modified))
    assert second.not_modified and second.error is None
    sent = feeds.hits("a.xml")
    assert sent[1]["If-None-Match"] == first.etag
    assert sent[0]["User-Agent"] == USER_AGENT


def test_http_errors_are_results_not_exceptions(feeds: FeedServer) -> None:
    result = get(local(feeds.set("gone.xml", "", status=410)))
    assert result.error == "HTTP 410 Gone" and not result.ok


def test_a_body_over_the_limit_is_cut_off(feeds: FeedServer) -> None:
    result = get(local(feeds.set("big.xml", b"x" * 50_000)), max_bytes=10_000)
    assert result.error == "body too large: more than 10000 bytes" and result.body is None


def test_an_unreachable_server_gives_a_clear_error() -> None:
    result = get(local("http://127.0.0.1:9/feed.xml"))
    assert result.error is not None and result.error.startswith("ConnectError")


def test_private_addresses_are_refused_unless_allowed(feeds: FeedServer) -> None:
    url = feeds.set("a.xml", "<rss/>")
    result = get(FeedTarget("f", url))
    assert result.error is not None and "non-public address 127.0.0.1" in result.error
    assert feeds.hits("a.xml") == []


def test_only_http_and_https_are_fetched() -> None:
    result = get(FeedTarget("f", "file:///etc/passwd", allow_private=True))
    assert result.error == "scheme 'file' is not allowed (http and https only)"


def test_retry_after_in_seconds_and_as_a_date() -> None:
    now = datetime(2021, 9, 6, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120", now) == 120
    assert parse_retry_after("Mon, 06 Sep 2021 12:05:00 GMT", now) == 300
    assert parse_retry_after("soon", now) is None


def test_secrets_in_feed_urls_never_reach_messages() -> None:
    url = "https://user:hunter2@feeds.example.com/rss?token=abc123"
    text = redact(f"ConnectError: could not reach {url}", url)
    assert "hunter2" not in text and "abc123" not in text


def test_one_client_is_shared_and_has_limits() -> None:
    client = make_client(7)
    assert isinstance(client, httpx.AsyncClient)
    assert client.timeout.read == 7 and client.max_redirects == 5
    assert not client.follow_redirects and not client.trust_env  # fetch checks every hop
    assert client.headers["Accept-Encoding"].startswith("gzip, deflate")
    asyncio.run(client.aclose())


def test_tls_verifies_the_hostname_and_negotiates_http2() -> None:
    calls: list[str] = []
    resolver = fake_resolver({"feed.test": [["127.0.0.1"]], "other.test": [["127.0.0.1"]]}, calls)

    async def go(server: TLSServer, host: str) -> FetchResult:
        client = make_client(5, resolver=resolver, verify=server.client_context)
        async with client:
            target = FeedTarget("f", f"https://{host}:{server.port}/feed")
            allow = [("127.0.0.1", server.port)]
            return await fetch(client, target, max_bytes=1000, deadline=5, allow_endpoints=allow)

    with tls_server("feed.test", b"<rss/>") as server:
        good = asyncio.run(go(server, "feed.test"))
        wrong = asyncio.run(go(server, "other.test"))
    assert (good.error, good.body) == (None, b"<rss/>")
    assert server.protocols[0] == "h2"
    assert wrong.error is not None and "CERTIFICATE_VERIFY_FAILED" in wrong.error
