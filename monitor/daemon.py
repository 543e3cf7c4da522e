"""The long-running service: the store, the pipeline, one HTTP client and the scheduler.

`Daemon.poll_round` is what the scheduler's tick runs; `monitor poll --once` and `monitor demo`
call the same method, so every way of running the tool goes through one code path.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field

import httpx

from monitor.config import Config
from monitor.fetch import make_client
from monitor.pipeline import FeedReport, Pipeline, utcnow
from monitor.records import Alert
from monitor.schedule import build_scheduler
from monitor.store import Store

log = logging.getLogger("monitor.daemon")
TICK_SECONDS = 15.0
DELIVER_SECONDS = 10.0

AlertSink = Callable[[Alert], None]


def _ignore(_alert: Alert) -> None:
    return None


@dataclass
class Daemon:
    config: Config
    store: Store
    on_alert: AlertSink = _ignore
    pipeline: Pipeline = field(init=False)
    client: httpx.AsyncClient | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.pipeline = Pipeline(self.config, self.store)
        self.pipeline.sync_feeds(utcnow())

    @classmethod
    def open(cls, config: Config, on_alert: AlertSink = _ignore) -> Daemon:
        return cls(config, Store.open(config.database_url()), on_alert)

    async def __aenter__(self) -> Daemon:
        polling = self.config.polling
        self.client = make_client(polling.timeout_seconds, polling.max_redirects)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.client is not None:
            await self.client.aclose()
        self.store.close()

    async def poll_round(self, *, all_feeds: bool = False) -> list[FeedReport]:
        """Check the due feeds (or every feed) once, then send what the outbox holds."""
        assert self.client is not None, "use `async with Daemon(...)`"
        if all_feeds:
            self.store.make_all_due(utcnow())
        reports = await self.pipeline.poll_due(self.client, utcnow())
        for report in reports:
            for alert in report.alerts:
                self.on_alert(alert)
        await self.deliver()
        return reports

    async def deliver(self) -> None:
        await self.pipeline.deliver_due(utcnow())

    async def run(self, stop: asyncio.Event | None = None) -> None:
        """Run until SIGINT/SIGTERM (or `stop` is set). In-flight work is let finish."""
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        scheduler = build_scheduler(
            self.poll_round,
            self.deliver,
            tick_seconds=TICK_SECONDS,
            deliver_seconds=DELIVER_SECONDS,
        )
        scheduler.start()
        log.info(
            "daemon=started feeds=%d watches=%d", len(self.config.feeds), len(self.config.watches)
        )
        try:
            await stop.wait()
        finally:
            scheduler.shutdown(wait=False)
            await _drain()
            log.info("daemon=stopped")


async def _drain() -> None:
    """Wait for the jobs the scheduler had started (a tick in progress) to finish."""
    current = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    if pending:
        await asyncio.wait(pending, timeout=30)
