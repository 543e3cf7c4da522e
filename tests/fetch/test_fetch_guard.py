"""The address guard: every spelling of a private address is refused, at connect time, for
every hop, and a connection opened for one feed's permission never serves another's."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Iterator

import pytest
from fetch_support import fake_resolver, get
from hostile_server import HostileServer, hostile_server, redirect, reply

from monitor.fetch import fetch, make_client
from monitor.fetch.netguard import (
    STRICT,
    AddressPolicy,
    BlockedAddress,
    checked_addresses,
    classify,
    refusal,
)
from monitor.fetch.transport import GuardedBackend
from monitor.records import FeedTarget, FetchResult

FEED = b"<rss/>"


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        running.route("feed", reply(200, FEED))
        yield running


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:8.8.8.8", None),
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("169.254.169.254", "cloud metadata service"),
        ("fd00:ec2::254", "cloud metadata service"),
        ("100.64.0.1", "shared address space (CGNAT)"),
        ("100.127.255.254", "shared address space (CGNAT)"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "broadcast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("192.0.2.1", "private"),  # documentation
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private"),
        ("::127.0.0.1", "loopback"),  # IPv4-compatible
        ("2002:7f00:1::", "loopback"),  # 6to4
        ("2002:a9fe:a9fe::", "cloud metadata service"),
        ("64:ff9b::7f00:1", "loopback"),  # NAT64
        ("64:ff9b::a00:1", "private"),
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"),  # Teredo client 127.0.0.1
    ],
)
def test_addresses_are_classified(address: str, kind: str | None) -> None:
    assert classify(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "2130706433",  # decimal
        "0x7f000001",  # hex
        "0177.0.0.1",  # octal
        "017700000001",  # octal, one number
        "0x7f.1",
        "127.1",  # short form
        "0",  # 0.0.0.0, which Linux connects to itself
        "localhost",
        "::1",
        "::ffff:127.0.0.1",
        "::ffff:7f00:1",
    ],
)
def test_every_spelling_of_loopback_is_refused_after_resolution(host: str) -> None:
    with pytest.raises(BlockedAddress, match="non-public address"):
        asyncio.run(checked_addresses(host, 80, STRICT))


@pytest.mark.parametrize(
    ("address", "port", "policy", "refused"),
    [
        ("10.0.0.1", 80, STRICT, "private"),
        ("10.0.0.1", 80, AddressPolicy(allow_private=True), None),
        ("127.0.0.1", 80, AddressPolicy(allow_private=True), None),
        ("fe80::1", 80, AddressPolicy(allow_private=True), None),
        ("100.64.0.1", 80, AddressPolicy(allow_private=True), None),
        ("169.254.169.254", 80, AddressPolicy(allow_private=True), "cloud metadata service"),
        ("224.0.0.1", 80, AddressPolicy(allow_private=True), "multicast"),
        ("0.0.0.0", 80, AddressPolicy(allow_private=True), "unspecified"),
        ("127.0.0.1", 8080, AddressPolicy.of(False, [("127.0.0.1", 8080)]), None),
        ("127.0.0.1", 8081, AddressPolicy.of(False, [("127.0.0.1", 8080)]), "loopback"),
        ("10.0.0.1", 8080, AddressPolicy.of(False, [("127.0.0.1", 8080)]), "private"),
        ("93.184.215.14", 443, STRICT, None),
    ],
)
def test_policies_allow_what_they_say(
    address: str, port: int, policy: AddressPolicy, refused: str | None
) -> None:
    assert refusal(ipaddress.ip_address(address), port, policy) == refused


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "2130706433", "0x7f000001", "127.1", "017700000001", "localhost"]
)
def test_spellings_of_loopback_are_not_fetched(server: HostileServer, host: str) -> None:
    url = f"http://{host}:{server.port}/feed"
    refused = get(FeedTarget("f", url))
    assert refused.error is not None and "non-public address 127.0.0.1 (loopback)" in refused.error
    assert server.hits("feed") == []
    allowed = get(FeedTarget("f", url, allow_private=True))  # the same URL does reach the server
    assert (allowed.error, allowed.body) == (None, FEED)


@pytest.mark.parametrize("host", ["0177.0.0.1", "[::ffff:127.0.0.1]", "[::1]"])
def test_other_spellings_of_loopback_are_not_fetched(server: HostileServer, host: str) -> None:
    result = get(FeedTarget("f", f"http://{host}:{server.port}/feed"))
    assert result.error is not None and server.hits("feed") == []


def test_a_public_looking_name_that_resolves_to_loopback_is_refused(
    server: HostileServer,
) -> None:
    calls: list[str] = []
    resolver = fake_resolver({"feeds.example.com": [["93.184.215.14", "127.0.0.1"]]}, calls)
    result = get(FeedTarget("f", f"http://feeds.example.com:{server.port}/feed"), resolver=resolver)
    assert result.error == (
        "host 'feeds.example.com' resolves to non-public address 127.0.0.1 (loopback); "
        "set allow_private = true for this feed to poll it"
    )
    assert calls == ["feeds.example.com"]


def test_the_connection_goes_to_the_checked_address_with_the_hostname(
    server: HostileServer,
) -> None:
    calls: list[str] = []
    resolver = fake_resolver({"feed.test": [["127.0.0.1"]]}, calls)
    url = f"http://feed.test:{server.port}/feed"
    result = get(FeedTarget("f", url), allow=[("127.0.0.1", server.port)], resolver=resolver)
    assert (result.error, result.body) == (None, FEED)
    assert server.hits("feed")[0]["Host"] == f"feed.test:{server.port}"
    assert calls == ["feed.test"]  # the system resolver was never asked


def test_an_answer_that_changes_between_hops_is_checked_again(server: HostileServer) -> None:
    calls: list[str] = []
    resolver = fake_resolver({"feed.test": [["127.0.0.1"], ["10.0.0.1"]]}, calls)
    server.route("start", redirect(f"http://feed.test:{server.port}/feed"))
    url = f"http://feed.test:{server.port}/start"
    result = get(FeedTarget("f", url), allow=[("127.0.0.1", server.port)], resolver=resolver)
    assert result.error is not None and "non-public address 10.0.0.1 (private)" in result.error
    assert calls == ["feed.test", "feed.test"] and server.hits("feed") == []


def test_a_connection_opened_for_a_private_feed_never_serves_a_public_one(
    server: HostileServer,
) -> None:
    server.route("kept", reply(200, FEED, keep_alive=True))
    resolver = fake_resolver({"intranet.test": [["127.0.0.1"]]}, [])
    url = f"http://intranet.test:{server.port}/kept"

    async def go() -> tuple[FetchResult, FetchResult, FetchResult]:
        async with make_client(5, resolver=resolver) as client:
            runs = [
                fetch(client, FeedTarget("f", url, allow_private=allow), max_bytes=99, deadline=5)
                for allow in (True, False, True)
            ]
            return (await runs[0], await runs[1], await runs[2])

    private, public, private_again = asyncio.run(go())
    assert private.body == FEED and private_again.body == FEED
    assert public.error is not None and "non-public address 127.0.0.1" in public.error
    ports = server.connections()
    assert len(ports) == 2 and ports[0] == ports[1]  # the private feeds did share a connection


def test_environment_proxies_are_ignored(
    server: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with hostile_server() as proxy:
        for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
            monkeypatch.setenv(name, proxy.base_url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        result = get(FeedTarget("f", f"{server.base_url}/feed", allow_private=True))
        assert (result.error, result.body) == (None, FEED)
        assert proxy.requests == []


def test_unix_sockets_are_refused() -> None:
    with pytest.raises(BlockedAddress, match="unix sockets"):
        asyncio.run(GuardedBackend().connect_unix_socket("/run/docker.sock"))
