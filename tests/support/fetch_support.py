"""Run one fetch the way the daemon does (a fresh shared client), from synchronous tests."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from monitor.fetch import fetch, make_client
from monitor.fetch.netguard import Resolver
from monitor.records import FeedTarget, FetchResult


def get(
    target: FeedTarget,
    *,
    max_bytes: int = 1_000_000,
    deadline: float = 5,
    allow: Iterable[tuple[str, int]] = (),
    resolver: Resolver | None = None,
) -> FetchResult:
    async def go() -> FetchResult:
        async with make_client(5, resolver=resolver) as client:
            return await fetch(
                client, target, max_bytes=max_bytes, deadline=deadline, allow_endpoints=allow
            )

    return asyncio.run(go())


def fake_resolver(answers: dict[str, list[list[str]]], calls: list[str]) -> Resolver:
    """A resolver that gives each host its answers in turn (the last one repeats)."""

    async def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        turns = answers[host]
        return turns.pop(0) if len(turns) > 1 else turns[0]

    return resolve
