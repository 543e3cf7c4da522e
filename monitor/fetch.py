"""Fetch stage: one shared httpx.AsyncClient, conditional GET, limits on time and size.

This module is the only one that talks HTTP to feeds. It never raises for a feed's fault: every
outcome, good or bad, comes back as a FetchResult so that one broken feed cannot stop the others.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from monitor import __version__
from monitor.records import FeedTarget, FetchResult

USER_AGENT = f"monitor/{__version__} (+https://github.com/monitor-news/monitor; feed reader)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


def make_client(timeout: float, max_redirects: int = 5) -> httpx.AsyncClient:
    """The one client the daemon shares across all fetches (connection pooling, HTTP keep-alive)."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
    )


def conditional_headers(target: FeedTarget) -> dict[str, str]:
    headers = {}
    if target.etag:
        headers["If-None-Match"] = target.etag
    if target.last_modified:
        headers["If-Modified-Since"] = target.last_modified
    return headers


async def fetch(
    client: httpx.AsyncClient, target: FeedTarget, *, max_bytes: int, deadline: float
) -> FetchResult:
    """GET one feed. `deadline` bounds the whole exchange, not just each read."""
    now = datetime.now(UTC)
    try:
        async with asyncio.timeout(deadline):
            await check_address(target.url, allow_private=target.allow_private)
            return await _get(client, target, now, max_bytes)
    except TimeoutError:
        return FetchResult(target.name, target.url, now, error=f"timed out after {deadline:g}s")
    except BlockedAddress as exc:
        return FetchResult(target.name, target.url, now, error=str(exc))
    except httpx.TooManyRedirects:
        return FetchResult(target.name, target.url, now, error="too many redirects")
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        reason = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        return FetchResult(target.name, target.url, now, error=redact(reason, target.url))


async def _get(
    client: httpx.AsyncClient, target: FeedTarget, now: datetime, max_bytes: int
) -> FetchResult:
    async with client.stream("GET", target.url, headers=conditional_headers(target)) as response:
        if response.url != httpx.URL(target.url):
            await check_address(str(response.url), allow_private=target.allow_private)
        if response.status_code == 304:
            return _result(target, now, response)
        if response.status_code >= 400:
            error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
            return _result(target, now, response, error=error)
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > max_bytes:
                return _result(target, now, response, error=f"body larger than {max_bytes} bytes")
        return _result(target, now, response, body=bytes(body))


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
    )


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


class BlockedAddress(Exception):
    """The feed's host resolves to an address the daemon must not reach."""


async def check_address(url: str, *, allow_private: bool) -> None:
    """Refuse hosts on loopback, private, link-local and other non-public addresses, unless the
    feed allows them: a feed URL must not become a way to probe the operator's own network."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedAddress(f"scheme {parts.scheme!r} is not allowed (http and https only)")
    if allow_private or not parts.hostname:
        return
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise BlockedAddress(f"cannot resolve host {parts.hostname!r}: {exc.strerror}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise BlockedAddress(
                f"host {parts.hostname!r} resolves to non-public address {address}; "
                "set allow_private = true for this feed to poll it"
            )


def redact(text: str, url: str) -> str:
    """Remove a URL's secrets (user:password, query string) from a message."""
    parts = urlsplit(url)
    if parts.query:
        text = text.replace(parts.query, "…")
    if parts.password:
        text = text.replace(parts.password, "…")
    return text
