"""Fetch stage: one shared httpx.AsyncClient, conditional GET, limits on time, size and redirects.

This module is the only one that talks HTTP to feeds. It never raises for a feed's fault: every
outcome, good or bad, comes back as a FetchResult whose `error` says what went wrong, with the
secrets of every URL involved redacted, so that one broken or hostile feed cannot stop the others.

Limits: `deadline` bounds the whole exchange (every redirect hop, every byte); `max_bytes` bounds
the body after decompression (see monitor.fetch.body); `max_redirects` (on the client) bounds the
hops, which are followed here, one by one, so that each is checked: http and https only, and the
address guard (monitor.fetch.netguard, applied at connect time by monitor.fetch.transport).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from monitor import __version__
from monitor.fetch.body import ACCEPT_ENCODING, BodyError, read_body
from monitor.fetch.freshness import parse_cache_lifetime, parse_retry_after
from monitor.fetch.netguard import AddressPolicy, BlockedAddress, Resolver, address_policy
from monitor.fetch.transport import GuardedBackend, PolicyTransport
from monitor.records import FeedTarget, FetchResult
from monitor.redact.urls import install_log_redaction, redact

__all__ = [
    "USER_AGENT",
    "fetch",
    "make_client",
    "parse_cache_lifetime",
    "parse_retry_after",
    "redact",
]

USER_AGENT = f"monitor/{__version__} (+https://github.com/monitor-news/monitor; feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
    " text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
SCHEMES = ("http", "https")
install_log_redaction()
REDIRECTS = frozenset({301, 302, 303, 307, 308})


def make_client(
    timeout: float,
    max_redirects: int = 5,
    *,
    resolver: Resolver | None = None,
    verify: ssl.SSLContext | None = None,
    http2: bool = True,
) -> httpx.AsyncClient:
    """The one client the daemon shares across all fetches (connection pooling, keep-alive,
    HTTP/2 where the server offers it). Redirects are followed by `fetch`, hop by hop.
    `resolver` replaces the system's DNS lookups and `verify` the TLS trust (default: certifi's
    CA bundle; environment variables such as SSL_CERT_FILE are not read)."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=False,
        max_redirects=max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        transport=PolicyTransport(GuardedBackend(resolver), verify=verify, http2=http2),
        trust_env=False,
    )


def conditional_headers(target: FeedTarget) -> dict[str, str]:
    headers = {}
    if target.etag:
        headers["If-None-Match"] = target.etag
    if target.last_modified:
        headers["If-Modified-Since"] = target.last_modified
    return headers


class FetchRefused(Exception):
    """A hop the fetch stage will not follow (scheme, redirect count)."""


async def fetch(
    client: httpx.AsyncClient,
    target: FeedTarget,
    *,
    max_bytes: int,
    deadline: float,
    allow_endpoints: Iterable[tuple[str, int]] = (),
) -> FetchResult:
    """GET one feed. `deadline` bounds the whole exchange, not just each read.
    `allow_endpoints` lets exact (IP address, port) pairs through the address guard even when
    the feed does not allow private addresses."""
    now = datetime.now(UTC)
    hops = [target.url]
    limit = asyncio.timeout(deadline)
    try:
        async with limit:
            with address_policy(AddressPolicy.of(target.allow_private, allow_endpoints)):
                result = await _follow(client, target, now, max_bytes, hops)
    except TimeoutError as exc:
        error = f"timed out after {deadline:g}s" if limit.expired() else _describe(exc)
    except (FetchRefused, BlockedAddress, BodyError) as exc:
        error = str(exc)
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        error = _describe(exc)
    except Exception as exc:  # a fetch never raises for a feed's fault
        error = "unexpected " + _describe(exc)
    else:
        if result.error is None:
            return result
        return replace(result, error=redact(result.error, *hops))
    return FetchResult(target.name, target.url, now, error=redact(error, *hops))


_TIMEOUTS: dict[type[Exception], str] = {
    httpx.ConnectTimeout: "could not connect in time",
    httpx.ReadTimeout: "the server stopped answering (read timeout)",
    httpx.WriteTimeout: "could not send the request in time",
    httpx.PoolTimeout: "no free connection in time",
}


def _describe(exc: BaseException) -> str:
    """What went wrong, in words a user reads in `monitor feeds`."""
    for kind, words in _TIMEOUTS.items():
        if isinstance(exc, kind):
            return words
    return type(exc).__name__ + (f": {exc}" if str(exc) else "")


async def _follow(
    client: httpx.AsyncClient, target: FeedTarget, now: datetime, max_bytes: int, hops: list[str]
) -> FetchResult:
    url = _allowed(httpx.URL(target.url), redirected=False)
    for _ in range(client.max_redirects + 1):
        request = client.build_request("GET", url, headers=conditional_headers(target))
        response = await _send(client, request)
        try:
            location = response.headers.get("Location")
            if response.status_code not in REDIRECTS or not location:
                return await _final(target, now, response, max_bytes)
        finally:
            await _release(response)
        hops.append(location)
        url = _allowed(url.join(_allowed_scheme(location)), redirected=True)
        hops.append(str(url))
    raise FetchRefused(f"too many redirects (more than {client.max_redirects})")


async def _release(response: httpx.Response, limit: int = 64 * 1024) -> None:
    """Close a response so that its connection can serve the next request: a 304, a redirect or
    an error page whose (small) body was not read would otherwise make httpcore drop the
    connection, and every unchanged feed would cost a new TCP and TLS handshake."""
    try:
        if not response.is_stream_consumed and _small_body(response, limit):
            async for _chunk in response.aiter_raw():
                pass
    except httpx.HTTPError:
        pass
    finally:
        await response.aclose()


def _small_body(response: httpx.Response, limit: int) -> bool:
    """Only a body known to be small is worth reading to keep the connection: a server that
    promises more than it sends must not hold us."""
    if response.status_code in (204, 304):
        return True
    declared = response.headers.get("Content-Length", "")
    return declared.isdigit() and int(declared) <= limit


async def _send(client: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
    try:
        return await client.send(request, stream=True)
    except httpx.InvalidURL as exc:
        # httpx prepares the next request of every redirect, even when not following it, and
        # fails on a Location it cannot build (e.g. `data:text/plain,x`); nothing else in a
        # send parses a URL.
        raise FetchRefused(
            f"redirect from {request.url} refused: invalid Location ({exc})"
        ) from None


def _allowed_scheme(location: str) -> str:
    """Refuse a Location naming another scheme before it is even parsed as an http URL."""
    scheme = urlsplit(location).scheme.lower()
    if scheme and scheme not in SCHEMES:
        reason = f"scheme {scheme!r} is not allowed (http and https only)"
        raise FetchRefused(f"redirect to {location} refused: {reason}")
    return location


def _allowed(url: httpx.URL, *, redirected: bool) -> httpx.URL:
    if url.scheme in SCHEMES:
        return url
    reason = f"scheme {url.scheme!r} is not allowed (http and https only)"
    raise FetchRefused(f"redirect to {url} refused: {reason}" if redirected else reason)


async def _final(
    target: FeedTarget, now: datetime, response: httpx.Response, max_bytes: int
) -> FetchResult:
    status = response.status_code
    if status == 304:
        return _result(target, now, response)
    if status >= 300:
        error = f"HTTP {status} {response.reason_phrase}".strip()
        if status in REDIRECTS:
            error += " without a Location header"
        return _result(target, now, response, error=error)
    try:
        body = await read_body(response, max_bytes)
    except BodyError as exc:
        return _result(target, now, response, error=str(exc))
    return _result(target, now, response, body=body)


def _result(
    target: FeedTarget,
    now: datetime,
    response: httpx.Response,
    *,
    body: bytes | None = None,
    error: str | None = None,
) -> FetchResult:
    headers = response.headers
    return FetchResult(
        feed=target.name,
        url=target.url,
        fetched_at=now,
        status=response.status_code,
        body=body,
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
        content_type=headers.get("Content-Type"),
        retry_after=parse_retry_after(headers.get("Retry-After"), now),
        error=error,
        cache_seconds=parse_cache_lifetime(headers, now),
    )
