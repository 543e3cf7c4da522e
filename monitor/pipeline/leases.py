"""Feed leases kept while this instance's checks run.

A claimed feed is leased to the instance for `[polling] lease_seconds`, long enough for a fetch
(the configuration requires it to outlast the fetch deadline). But a fetch is only the start of
a check: a new document is parsed, matched and, where it matches a watch, its facts extracted,
which has no deadline (the first extraction in a process also loads the language model). So
while a round runs, the instance renews the leases it still holds every third of a lease: a
slow check keeps its feed, and a crashed instance, which renews nothing, loses its feeds when
their leases run out, as before.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from datetime import datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError

from monitor.logs.events import get_logger

log = get_logger("monitor.pipeline")

Renew = Callable[[datetime, timedelta], int]


class LeaseKeeper:
    """Renews this instance's leases at most every third of a lease, while a round runs."""

    def __init__(self, renew: Renew, lease_seconds: float) -> None:
        self.renew = renew
        self.lease = timedelta(seconds=lease_seconds)
        self.every = lease_seconds / 3
        self.renewed_at = time.monotonic()

    @asynccontextmanager
    async def during_round(self, now: datetime, started: float) -> AsyncIterator[None]:
        """Keep the leases for as long as the block runs; `now` is the round's time at the
        monotonic instant `started` (the store's clock for the leases)."""
        task = asyncio.create_task(self._keep(now, started))
        try:
            yield
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    async def _keep(self, now: datetime, started: float) -> None:
        while True:
            wait = self.every - (time.monotonic() - self.renewed_at)
            if wait > 0:
                await asyncio.sleep(wait)
            self.renewed_at = time.monotonic()
            at = now + timedelta(seconds=self.renewed_at - started)
            try:  # its own thread: the store thread may be busy extracting for a while
                await asyncio.to_thread(self.renew, at, self.lease)
            except SQLAlchemyError as exc:
                log.warning("lease_renewal_failed", error=str(exc))


__all__ = ["LeaseKeeper"]
