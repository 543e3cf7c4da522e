"""The poller's fetches under their caps: at most `concurrency` requests at once and at most
`per_host_concurrency` to one origin (scheme, host and port: two servers on one host name are
two origins), so that a slow origin holds few slots. The caps outlive a round, because a slow
fetch may still be running when the next round starts."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from urllib.parse import urlsplit

import httpx

from monitor import metrics
from monitor.config.service import PollingConfig
from monitor.fetch import fetch, make_client
from monitor.records import FeedTarget, FetchResult

DEFAULT_PORTS = {"http": 80, "https": 443}


def http_client(polling: PollingConfig) -> httpx.AsyncClient:
    """The one client a daemon fetches with, under the configured time and redirect limits."""
    return make_client(polling.timeout_seconds, polling.max_redirects)


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of `url`, the port filled in for http and https."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:  # a port out of range: the fetch will say so
        port = None
    return scheme, (parts.hostname or "").lower(), port or DEFAULT_PORTS.get(scheme)


class Caps:
    """The semaphores of one event loop (a CLI command runs a loop per call)."""

    def __init__(self, polling: PollingConfig) -> None:
        self.loop = asyncio.get_running_loop()
        self.overall = asyncio.Semaphore(polling.concurrency)
        self.per_origin: defaultdict[tuple[str, str, int | None], asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(polling.per_host_concurrency)
        )


class FeedFetcher:
    """Fetches feeds and article pages through one client, within the caps."""

    def __init__(self, polling: PollingConfig) -> None:
        self.polling = polling
        self._caps: Caps | None = None

    def caps(self) -> Caps:
        if self._caps is None or self._caps.loop is not asyncio.get_running_loop():
            self._caps = Caps(self.polling)
        return self._caps

    async def feed(self, client: httpx.AsyncClient, target: FeedTarget) -> FetchResult:
        caps = self.caps()
        async with caps.per_origin[origin(target.url)], caps.overall:
            sent_at = time.perf_counter()
            result = await self._get(client, target)
            metrics.fetch_seconds.observe(time.perf_counter() - sent_at)
            return result

    async def page(self, client: httpx.AsyncClient, target: FeedTarget) -> FetchResult:
        """An article page (full text): within its origin's cap, beside the feed's own slot."""
        async with self.caps().per_origin[origin(target.url)]:
            return await self._get(client, target)

    async def _get(self, client: httpx.AsyncClient, target: FeedTarget) -> FetchResult:
        polling = self.polling
        return await fetch(
            client, target, max_bytes=polling.max_body_bytes, deadline=polling.deadline
        )
