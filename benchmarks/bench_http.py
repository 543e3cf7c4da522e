"""The floor of a 304 in Python: CPU per conditional GET answered 304, on the loopback farm.

    .venv/bin/python -m benchmarks.bench_http [--feeds 200] [--repeat 3]

Three clients make the same conditional GETs (If-None-Match and If-Modified-Since from a first
read) with the same concurrency: `monitor.fetch.fetch` on the daemon's client (address guard,
redirects hop by hop, body cap), a bare httpx.AsyncClient, and a bare aiohttp ClientSession.
The daemon's fetch cannot cost less than the library under it; this shows which library floor
the "304 <= 0.5 ms" target meets.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable, Sequence

import aiohttp

from benchmarks.bench_polling import FarmProcess, bare_client
from monitor.fetch import fetch, make_client
from monitor.records import FeedTarget

CONCURRENCY = 10


async def cpu_per_call(
    call: Callable[[FeedTarget], Awaitable[int]], targets: Sequence[FeedTarget], repeat: int
) -> float:
    """Milliseconds of CPU per call, after one warm-up pass (connections open)."""
    gate = asyncio.Semaphore(CONCURRENCY)

    async def gated(target: FeedTarget) -> int:
        async with gate:
            return await call(target)

    await asyncio.gather(*(gated(t) for t in targets))
    start = time.process_time()
    for _ in range(repeat):
        statuses = await asyncio.gather(*(gated(t) for t in targets))
    if set(statuses) != {304}:
        raise RuntimeError(f"expected only 304 answers, got {sorted(set(statuses))}")
    return (time.process_time() - start) / (repeat * len(targets)) * 1000


def headers(target: FeedTarget) -> dict[str, str]:
    return {"If-None-Match": target.etag or "", "If-Modified-Since": target.last_modified or ""}


async def run(feeds: int, repeat: int) -> dict[str, float]:
    with FarmProcess(feeds, "20-50", 20, 1) as farm:
        daemon_client, httpx_client = make_client(30), bare_client(30)
        targets = []
        for feed in farm.feeds:
            first = await httpx_client.get(feed.url)
            if first.headers.get("ETag"):
                etag, modified = first.headers["ETag"], first.headers.get("Last-Modified")
                targets.append(FeedTarget(feed.name, feed.url, etag, modified, True))

        async def with_fetch(target: FeedTarget) -> int:
            result = await fetch(daemon_client, target, max_bytes=10**7, deadline=30)
            return result.status or 0

        async def with_httpx(target: FeedTarget) -> int:
            return (await httpx_client.get(target.url, headers=headers(target))).status_code

        connector = aiohttp.TCPConnector(limit=CONCURRENCY, limit_per_host=2)
        async with aiohttp.ClientSession(connector=connector) as session:

            async def with_aiohttp(target: FeedTarget) -> int:
                async with session.get(target.url, headers=headers(target)) as response:
                    await response.read()
                    return response.status

            figures = {
                "monitor.fetch (httpx + guard)": await cpu_per_call(with_fetch, targets, repeat),
                "bare httpx": await cpu_per_call(with_httpx, targets, repeat),
                "bare aiohttp": await cpu_per_call(with_aiohttp, targets, repeat),
            }
        await daemon_client.aclose()
        await httpx_client.aclose()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    figures = asyncio.run(run(args.feeds, args.repeat))
    print("CPU per 304, the HTTP layer alone (same farm, same concurrency)")
    for name, ms in figures.items():
        print(f"  {name:<32}{ms:>8.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
