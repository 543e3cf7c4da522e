"""The fetch stage against servers that misbehave on purpose: what the user sees is a clear
error, no hang, and bounded memory."""

from __future__ import annotations

import asyncio
import gzip
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from email.utils import formatdate

import pytest
from fetch_support import get
from hostile_server import (
    Exchange,
    HostileServer,
    drip,
    hostile_server,
    never_answer,
    redirect,
    reply,
    then_hang,
)

from monitor.fetch import body as body_module
from monitor.fetch import fetch, make_client
from monitor.records import FeedTarget, FetchResult

FEED = b"<rss><channel><title>caf\xc3\xa9</title></channel></rss>"


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def via(server: HostileServer, url: str, **options: object) -> FetchResult:
    """Fetch with only the test server's own endpoint let through the address guard."""
    return get(FeedTarget("f", url), allow=[("127.0.0.1", server.port)], **options)  # type: ignore[arg-type]


def test_304_with_etag_keeps_the_validators(server: HostileServer) -> None:
    def conditional(exchange: Exchange) -> None:
        fresh = exchange.headers.get("If-None-Match") == '"v1"'
        reply(304 if fresh else 200, b"" if fresh else FEED, {"ETag": '"v1"'})(exchange)

    url = server.route("feed", conditional)
    first = via(server, url)
    second = get(FeedTarget("f", url, etag=first.etag), allow=[("127.0.0.1", server.port)])
    assert (first.status, first.body, first.etag) == (200, FEED, '"v1"')
    assert second.not_modified and second.body is None and second.error is None


@pytest.mark.parametrize(
    ("retry_after", "low", "high"),
    [(lambda: "120", 120, 120), (lambda: formatdate(time.time() + 600, usegmt=True), 540, 600)],
    ids=["seconds", "http-date"],
)
def test_429_says_so_and_when_to_come_back(
    server: HostileServer, retry_after: Callable[[], str], low: float, high: float
) -> None:
    """The date is made when the test runs, not when it is collected (a long suite would
    otherwise eat into its margin)."""
    url = server.route("feed", reply(429, headers={"Retry-After": retry_after()}))
    result = via(server, url)
    assert result.error == "HTTP 429 Too Many Requests" and result.status == 429
    assert result.retry_after is not None and low <= result.retry_after <= high


def test_500_is_an_error_without_a_body(server: HostileServer) -> None:
    result = via(server, server.route("feed", reply(500, b"<html>oops</html>")))
    assert result.error == "HTTP 500 Internal Server Error" and result.body is None


@pytest.mark.parametrize(
    "behaviour",
    [
        never_answer,
        drip(FEED * 10, interval=0.2),
        then_hang(reply(200, b"<rss>", length=1000, keep_alive=True)),
    ],
    ids=["never-answers", "drips-a-byte-at-a-time", "promises-more-than-it-sends"],
)
def test_a_server_that_stalls_is_cut_off_at_the_deadline(
    server: HostileServer, behaviour: object
) -> None:
    url = server.route("feed", behaviour)  # type: ignore[arg-type]
    result = via(server, url, deadline=1)
    assert result.error == "timed out after 1s" and result.body is None, "the client's 5 s not hit"


def _gzip_of_zeros(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    return b"".join(packer.compress(block) for _ in range(size >> 20)) + packer.flush()


def test_a_gzip_bomb_stops_at_the_cap_without_expanding_in_memory(server: HostileServer) -> None:
    expanded = 50 << 20
    bomb = _gzip_of_zeros(expanded)
    url = server.route("feed", reply(200, bomb, {"Content-Encoding": "gzip"}))

    async def go() -> tuple[FetchResult, int]:
        async with make_client(5) as client:
            tracemalloc.start()
            try:
                result = await fetch(
                    client,
                    FeedTarget("f", url),
                    max_bytes=1_000_000,
                    deadline=10,
                    allow_endpoints=[("127.0.0.1", server.port)],
                )
                return result, tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    result, peak = asyncio.run(go())
    assert result.error == "body too large: more than 1000000 bytes after decompression"
    assert result.body is None
    assert peak < 6_000_000, f"peak {peak} bytes while refusing a {expanded}-byte expansion"


@pytest.mark.parametrize(
    ("encoding", "packed"),
    [
        ("gzip", gzip.compress(FEED)),
        ("x-gzip", gzip.compress(FEED)),
        ("deflate", zlib.compress(FEED)),
        ("deflate", zlib.compress(FEED, wbits=-zlib.MAX_WBITS)),  # raw deflate, as IIS sends
        ("gzip, gzip", gzip.compress(gzip.compress(FEED))),
        ("identity", FEED),
    ],
)
def test_compressed_bodies_come_back_decoded(
    server: HostileServer, encoding: str, packed: bytes
) -> None:
    url = server.route("feed", reply(200, packed, {"Content-Encoding": encoding}))
    result = via(server, url)
    assert (result.error, result.body) == (None, FEED)


def test_brotli_is_decoded_and_bounded_when_installed(server: HostileServer) -> None:
    if "br" not in body_module.ACCEPT_ENCODING:
        pytest.skip("brotli>=1.2 is not installed: br is neither asked for nor decoded")
    brotli = pytest.importorskip("brotli")
    url = server.route("feed", reply(200, brotli.compress(FEED), {"Content-Encoding": "br"}))
    assert via(server, url).body == FEED
    bomb = brotli.compress(bytes(20 << 20))
    url = server.route("bomb", reply(200, bomb, {"Content-Encoding": "br"}))
    assert via(server, url).error == "body too large: more than 1000000 bytes after decompression"


@pytest.mark.parametrize(
    ("encoding", "packed", "error"),
    [
        ("zstd", FEED, "unsupported Content-Encoding 'zstd'"),
        ("gzip", b"not gzip at all", "corrupt gzip body: Error -3 while decompressing data:"),
        ("gzip, gzip, gzip, gzip", FEED, "too many content encodings"),
    ],
)
def test_undecodable_bodies_give_a_clear_error(
    server: HostileServer, encoding: str, packed: bytes, error: str
) -> None:
    url = server.route("feed", reply(200, packed, {"Content-Encoding": encoding}))
    result = via(server, url)
    assert result.error is not None and result.error.startswith(error) and result.body is None


def test_a_content_length_longer_than_the_body_is_an_incomplete_body(
    server: HostileServer,
) -> None:
    result = via(server, server.route("feed", reply(200, FEED, length=len(FEED) + 100)))
    assert result.error is not None and result.body is None
    assert result.error.startswith("RemoteProtocolError: peer closed connection")


def test_a_content_length_shorter_than_the_body_gives_the_declared_bytes(
    server: HostileServer,
) -> None:
    result = via(server, server.route("feed", reply(200, FEED, length=10)))
    assert (result.error, result.body) == (None, FEED[:10])


def test_a_declared_length_over_the_cap_is_refused_before_reading(server: HostileServer) -> None:
    url = server.route("feed", then_hang(reply(200, b"", length=10**12, keep_alive=True)))
    result = via(server, url, max_bytes=1000, deadline=3)
    assert result.error == "body too large: more than 1000 bytes"


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("application/rss+xml; charset=utf-8", "<rss>café</rss>".encode("latin-1")),
        ("text/xml; charset=us-ascii", "<rss>Пандшер</rss>".encode()),
        ("text/xml; charset=klingon", "<rss>x</rss>".encode("utf-16")),
    ],
)
def test_wrong_charset_headers_leave_the_body_byte_exact(
    server: HostileServer, content_type: str, data: bytes
) -> None:
    result = via(server, server.route("feed", reply(200, data, {"Content-Type": content_type})))
    assert (result.error, result.body, result.content_type) == (None, data, content_type)


def test_a_redirect_loop_is_cut_after_max_redirects(server: HostileServer) -> None:
    url = server.route("loop", redirect("/loop"))
    result = via(server, url)
    assert result.error == "too many redirects (more than 5)"
    assert len(server.hits("loop")) == 6


def test_redirects_are_followed_with_the_validators(server: HostileServer) -> None:
    server.route("old", redirect("/new", 301))
    server.route("new", reply(200, FEED))
    result = get(
        FeedTarget("f", f"{server.base_url}/old", etag='"e"'), allow=[("127.0.0.1", server.port)]
    )
    assert (result.error, result.body) == (None, FEED)
    assert server.hits("new")[0]["If-None-Match"] == '"e"'


@pytest.mark.parametrize(
    "location",
    [
        "file:///etc/passwd",
        "ftp://ftp.example.com/feed.xml",
        "gopher://127.0.0.1:70/1",
        "dict://127.0.0.1:11211/stat",
    ],
)
def test_redirects_to_other_schemes_are_refused(server: HostileServer, location: str) -> None:
    result = via(server, server.route("feed", redirect(location)))
    scheme = location.split(":")[0]
    assert result.error == (
        f"redirect to {location} refused: scheme {scheme!r} is not allowed (http and https only)"
    )


@pytest.mark.parametrize(
    "location", ["data:text/plain,hi", "javascript:alert(1)", "mailto:a@b", "jar:file:///a!/"]
)
def test_redirects_to_unbuildable_locations_are_refused(
    server: HostileServer, location: str
) -> None:
    url = server.route("feed", redirect(location))
    result = via(server, url)
    assert result.error is not None
    assert result.error.startswith(f"redirect from {url} refused: invalid Location")


@pytest.mark.parametrize(
    ("location", "address", "allow_private", "why"),
    [
        ("http://10.0.0.1/feed", "10.0.0.1 (private)", False, "set allow_private = true"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254", False, "set allow_"),
        ("http://169.254.169.254/latest/", "169.254.169.254 (cloud metadata", True, "even when"),
        ("http://[::ffff:10.0.0.1]/", "::ffff:a00:1 (private)", False, "set allow_private"),
        ("http://0x0a000001/", "10.0.0.1 (private)", False, "set allow_private"),
    ],
)
def test_a_redirect_to_a_private_address_is_refused(
    server: HostileServer, location: str, address: str, allow_private: bool, why: str
) -> None:
    url = server.route("feed", redirect(location))
    target = FeedTarget("f", url, allow_private=allow_private)
    result = get(target, allow=[("127.0.0.1", server.port)], deadline=3)
    assert result.error is not None
    assert f"non-public address {address}" in result.error and why in result.error


def test_secrets_of_every_hop_stay_out_of_the_error(server: HostileServer) -> None:
    server.route("feed?token=abc123secret", redirect("http://10.0.0.1/x?key=s%40uce-99"))
    url = f"http://reader:hunter2pw@127.0.0.1:{server.port}/feed?token=abc123secret"
    result = via(server, url)
    assert result.error is not None and "non-public address 10.0.0.1" in result.error
    for secret in ("hunter2pw", "abc123secret", "s%40uce-99", "s@uce-99"):
        assert secret not in result.error


def test_any_other_failure_is_a_result_not_an_exception(
    server: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object) -> bytes:
        raise RuntimeError("decoder exploded")

    monkeypatch.setattr("monitor.fetch.read_body", broken)
    result = via(server, server.route("feed", reply(200, FEED)))
    assert result.error == "unexpected RuntimeError: decoder exploded"


def test_unchanged_feeds_reuse_one_connection(server: HostileServer) -> None:
    """A 304 (and a small error page) must leave its connection reusable: on the web every
    unchanged feed would otherwise pay a new TCP and TLS handshake."""
    headers = {"ETag": '"v1"'}
    urls = [
        server.route("/a", reply(304, b"", headers, keep_alive=True)),
        server.route("/b", reply(304, b"", headers, keep_alive=True)),
        server.route("/c", reply(404, b"not here", keep_alive=True)),
        server.route("/d", reply(304, b"", headers, keep_alive=True)),
    ]

    async def round_trip() -> None:
        async with make_client(5) as client:
            for url in urls:
                target = FeedTarget("f", url, etag='"v1"', allow_private=True)
                await fetch(client, target, max_bytes=10_000, deadline=5)

    asyncio.run(round_trip())

    assert len(server.connections()) == 4
    assert len(set(server.connections())) == 1
