"""The long-running service: the store, the pipeline, one HTTP client and the scheduler.

`Daemon.poll_round` is what the scheduler's tick runs; `monitor poll --once` and `monitor demo`
call the same method, so every way of running the tool goes through one code path.

`Daemon.run` is the service: it tells systemd when it is ready (and, while healthy, that it is
alive), reloads the configuration on SIGHUP, and on SIGTERM stops claiming work, lets what is in
flight finish within a grace period, and hands back its leases.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from monitor import metrics
from monitor.config import Config, ConfigError, load_config
from monitor.instance import INSTANCE_ID
from monitor.logs.events import get_logger, remember_urls
from monitor.pipeline import Attempt, FeedReport, Pipeline, utcnow
from monitor.pipeline.fetching import http_client
from monitor.pipeline.offloop import off_loop
from monitor.records import Alert
from monitor.schedule import build_scheduler
from monitor.service import retention
from monitor.service.lifecycle import (
    DatabaseProbe,
    FailingTicks,
    Health,
    JobFailed,
    Jobs,
    drain,
    tick_problem,
)
from monitor.service.sdnotify import Notifier
from monitor.store import Store
from monitor.store.errors import is_store_error
from monitor.store.errors import reason as store_reason

if TYPE_CHECKING:
    from monitor.web.server import WebServer

log = get_logger("monitor.service.daemon")
DELIVER_SECONDS = 10.0
PROBE_SECONDS = 5.0
# Read once at start: a reload that changes them is applied otherwise, with a warning.
RESTART_ONLY = ("storage", "logging", "http")

AlertSink = Callable[[Alert], None]


def _ignore(_alert: Alert) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Round:
    """What one round did: each feed's check, each send, and (for `poll_once`) how many
    deliveries are still in the outbox (to be retried, or held for quiet hours)."""

    reports: list[FeedReport]
    deliveries: list[Attempt]
    queued: int = 0


@dataclass
class Daemon:
    config: Config
    store: Store
    on_alert: AlertSink = _ignore
    notifier: Notifier = field(default_factory=Notifier)
    instance_id: str = INSTANCE_ID
    pipeline: Pipeline = field(init=False)
    client: httpx.AsyncClient | None = field(init=False, default=None)
    jobs: Jobs = field(init=False, default_factory=Jobs)
    scheduler: AsyncIOScheduler | None = field(init=False, default=None)
    stopping: bool = field(init=False, default=False)
    failing_ticks: FailingTicks | None = field(init=False, default=None)
    stragglers: set[asyncio.Task[FeedReport]] = field(init=False, default_factory=set)
    _round_again: bool = field(init=False, default=False)
    _reloading: asyncio.Lock = field(init=False, default_factory=asyncio.Lock)
    _background: set[asyncio.Task[object]] = field(init=False, default_factory=set)
    web: WebServer | None = field(init=False, default=None)  # the [http] endpoint, when serving

    def __post_init__(self) -> None:
        _remember_secrets(self.config)
        self.pipeline = self._pipeline_for(self.config)
        self.pipeline.sync_feeds(utcnow())
        self.probe = DatabaseProbe(self.store.engine, PROBE_SECONDS)

    def _pipeline_for(self, config: Config) -> Pipeline:
        """The stages wired for `config` (at start, and for each reload). Checks still running
        from a round are kept in one set whatever the configuration, for the shutdown."""
        pipeline = Pipeline(config, self.store)
        pipeline.poller.stragglers = self.stragglers
        return pipeline

    @classmethod
    def open(cls, config: Config, on_alert: AlertSink = _ignore) -> Daemon:
        return cls(config, Store.open(config.database_url()), on_alert)

    async def __aenter__(self) -> Daemon:
        self.client = http_client(self.config.polling)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.client is not None:
            await self.client.aclose()
        self.store.close()

    async def poll_round(self, *, all_feeds: bool = False) -> list[FeedReport]:
        """Check the due feeds (or every feed) once, then send what the outbox holds (up to
        `[delivery] batch_size` rows a channel: the delivery job sends the rest). The whole
        round uses the configuration in force when it began, even if a reload lands meanwhile."""
        return (await self._round(all_feeds, until_empty=False, patience=None)).reports

    async def poll_once(self, *, all_feeds: bool = False) -> Round:
        """`poll_round` for a command that runs once: every delivery due is attempted, and
        what is still in the outbox afterwards is counted."""
        done = await self._round(all_feeds, until_empty=True, patience=None)
        counts = await asyncio.to_thread(self.store.delivery_counts)
        return replace(done, queued=counts.get("pending", 0) + counts.get("sending", 0))

    async def _round(self, all_feeds: bool, *, until_empty: bool, patience: float | None) -> Round:
        """One round; with `patience`, the fetches still running after it are left to end in
        the background (see `Poller.poll_due`), their reports handled by `_late_report`."""
        assert self.client is not None, "use `async with Daemon(...)`"
        pipeline = self.pipeline
        if all_feeds:
            await off_loop(self.store.make_all_due, utcnow())
        late = self._late_report if patience is not None else None
        reports = await pipeline.poll_due(self.client, utcnow(), patience=patience, late=late)
        for report in reports:
            for alert in report.alerts:
                self.on_alert(alert)
        await off_loop(pipeline.flush_digests, utcnow())
        deliveries = await pipeline.deliver_due(utcnow(), until_empty=until_empty)
        return Round(reports, deliveries)

    async def deliver(self) -> None:
        await self.pipeline.deliver_due(utcnow())

    async def flush_digests(self) -> None:
        """Store the digests whose window has ended; the deliver job sends them."""
        await off_loop(self.pipeline.flush_digests, utcnow())

    async def prune(self) -> None:
        """Retention, in batches, in a worker thread: the loop keeps serving meanwhile."""
        limits = retention.cutoffs(self.config.retention, utcnow())
        await asyncio.to_thread(retention.prune, self.store, limits)

    async def _start_web(self) -> None:
        """Serve [http] when enabled. An address that cannot be bound is logged, not fatal:
        alerting matters more than the daemon's metrics."""
        http = self.config.http
        if not http.enabled:
            return
        from monitor.web.server import WebServer, make_app  # aiohttp only when serving

        app = make_app(self.store, self.health, lambda: self.config)
        server = WebServer(app, *http.address)
        try:
            await server.start()
        except OSError as exc:
            log.error("http_unavailable", listen=http.listen, error=str(exc))
            return
        self.web = server

    async def _stop_web(self) -> None:
        if self.web is not None:
            await self.web.stop()
            self.web = None

    async def tick(self) -> None:
        """The scheduler's tick: one round (another if a reload added feeds meanwhile), then a
        status line for `systemctl status`. A round that could not store what it fetched
        fails the tick, and the daemon is unhealthy until a later round stores its feeds
        (a round with nothing due changes nothing)."""
        patience = self.config.polling.tick_seconds
        try:
            reports = (await self._round(False, until_empty=False, patience=patience)).reports
            while self._round_again and not self.stopping:
                self._round_again = False
                again = await self._round(False, until_empty=False, patience=patience)
                reports = again.reports
        except Exception as exc:
            if is_store_error(exc):
                self._tick_failed(store_reason(exc))
            raise
        self.notifier.status(self.status_line(reports))
        refused = [r for r in reports if r.store_error]
        if refused:
            self._tick_failed(_not_stored(len(refused), refused[0].store_error))
            raise JobFailed(self.failing_ticks.problem if self.failing_ticks else "")
        if reports:
            self.failing_ticks = None
        metrics.tick_completed()

    def _late_report(self, report: FeedReport) -> None:
        """A check that ended after its round (a slow feed): its alerts are passed on like the
        round's; a failure to store it makes the daemon unhealthy as a failed tick does, and a
        check stored makes it healthy again, as a tick that stores its feeds does."""
        for alert in report.alerts:
            self.on_alert(alert)
        if report.store_error:
            self._tick_failed(_not_stored(1, report.store_error))
        else:
            self.failing_ticks = None

    def _tick_failed(self, why: str) -> None:
        failing = self.failing_ticks
        self.failing_ticks = failing.then(why) if failing else FailingTicks(utcnow(), 1, why)

    def status_line(self, reports: list[FeedReport]) -> str:
        now = datetime.now(UTC).strftime("%H:%M:%S")
        return (
            f"{len(self.config.feeds)} feeds; last tick {now} UTC: {len(reports)} checked, "
            f"{sum(r.new_entries for r in reports)} new entries, "
            f"{sum(len(r.alerts) for r in reports)} alerts, "
            f"{sum(r.status == 'error' for r in reports)} errors"
        )

    async def health(self) -> Health:
        """Healthy: the database answers, the last round that checked feeds could store them,
        and ticks complete (see `lifecycle.tick_problem`)."""
        failing = self.failing_ticks.problem if self.failing_ticks else None
        problem = (
            await self.probe.problem()
            or failing
            or tick_problem(
                self.jobs.clock(), self.jobs.progress_at("tick"), self.config.daemon.stall_seconds
            )
        )
        return Health(problem)

    async def reload(self, path: Path) -> bool:
        """Read `path` again and switch to it in one step; a configuration with errors is
        rejected (each error logged) and the running one is kept."""
        async with self._reloading:
            self.notifier.reloading()
            try:
                return await self._switch_to(path)
            finally:
                self.notifier.ready(f"running: {len(self.config.feeds)} feeds")

    async def _switch_to(self, path: Path) -> bool:
        try:
            config = load_config(path)
        except ConfigError as exc:
            for problem in exc.problems:
                log.error("reload_rejected", file=exc.path, problem=problem)
            return False
        try:
            pipeline = self._pipeline_for(config)
            await asyncio.to_thread(pipeline.sync_feeds, utcnow())
        except Exception:
            log.exception("reload_rejected", file=str(path), problem="could not be put in place")
            return False
        for section in RESTART_ONLY:
            if getattr(config, section) != getattr(self.config, section):
                log.warning("reload_needs_restart", section=section)
        before = self.config
        _remember_secrets(config)
        self.config, self.pipeline = config, pipeline
        added = {f.name for f in config.feeds} - {f.name for f in before.feeds}
        if added:
            self._check_new_feeds_now()
        log.info(
            "config_reloaded",
            file=str(path),
            feeds=len(config.feeds),
            feeds_added=len(added),
            watches=len(config.watches),
            channels=len(config.channels),
        )
        return True

    async def run(
        self, stop: asyncio.Event | None = None, *, config_path: Path | None = None
    ) -> None:
        """Run until SIGINT/SIGTERM (or `stop` is set); SIGHUP reloads `config_path`."""
        stop = stop or asyncio.Event()
        scheduler = self.scheduler = self._scheduler()
        with self._signals(stop, config_path):
            scheduler.start()
            watchdog = self._start_watchdog()
            await self._start_web()
            self.notifier.ready(f"running: {len(self.config.feeds)} feeds")
            log.info(
                "daemon_started",
                feeds=len(self.config.feeds),
                watches=len(self.config.watches),
                instance=self.instance_id,
                **(
                    {"watchdog_seconds": self.notifier.watchdog.interval_seconds}
                    if self.notifier.watchdog
                    else {}
                ),
            )
            try:
                await stop.wait()
            finally:
                try:
                    await self._shutdown(scheduler, watchdog)
                finally:
                    await self._stop_web()

    def _check_new_feeds_now(self) -> None:
        """New feeds are due at once: the tick in progress runs another round, or the next
        tick is brought forward to now."""
        if self.jobs.is_running("tick"):
            self._round_again = True
        elif self.scheduler is not None:
            self.scheduler.modify_job("tick", next_run_time=datetime.now(UTC))

    def _scheduler(self) -> AsyncIOScheduler:
        """The jobs, each tracked (in flight, last success) by `self.jobs`."""
        return build_scheduler(
            self.jobs.track("tick", self.tick),
            self.jobs.track("deliver", self.deliver),
            tick_seconds=self.config.polling.tick_seconds,
            deliver_seconds=DELIVER_SECONDS,
            prune=self.jobs.track("prune", self.prune),
            digests=self.jobs.track("digests", self.flush_digests),
        )

    @contextmanager
    def _signals(self, stop: asyncio.Event, config_path: Path | None) -> Iterator[None]:
        """SIGINT/SIGTERM stop (a second one cuts the grace period short); SIGHUP reloads."""
        loop = asyncio.get_running_loop()

        def on_stop() -> None:
            if stop.is_set():
                log.warning("shutdown_hurried", in_flight=len(self.jobs.running))
                self.jobs.cancel_all()
            stop.set()

        def on_hangup() -> None:
            if config_path is None:
                log.warning("reload_unavailable", reason="no configuration file to read")
                return
            task: asyncio.Task[object] = loop.create_task(self.reload(config_path))
            self._background.add(task)
            task.add_done_callback(self._background.discard)

        handlers = {signal.SIGINT: on_stop, signal.SIGTERM: on_stop, signal.SIGHUP: on_hangup}
        installed = []
        for sig, handler in handlers.items():
            with suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, handler)
                installed.append(sig)
        try:
            yield
        finally:
            for sig in installed:
                loop.remove_signal_handler(sig)

    def _start_watchdog(self) -> asyncio.Task[None] | None:
        if self.notifier.watchdog is None or not self.notifier.enabled:
            return None
        return asyncio.create_task(self._feed_watchdog(self.notifier.watchdog.ping_every))

    async def _feed_watchdog(self, every: float) -> None:
        """WATCHDOG=1 only while healthy: a stuck daemon is then restarted by systemd."""
        self.probe.timeout = max(0.5, min(PROBE_SECONDS, every / 2))
        healthy = True
        while True:
            started = time.monotonic()
            health = await self.health()
            if health.ok:
                self.notifier.ping()
                if not healthy:
                    log.info("daemon_healthy")
            elif healthy:
                log.error("daemon_unhealthy", problem=health.problem, watchdog="withheld")
                self.notifier.status(f"unhealthy: {health.problem}")
            healthy = health.ok
            await asyncio.sleep(max(0.0, every - (time.monotonic() - started)))

    async def _shutdown(
        self, scheduler: AsyncIOScheduler, watchdog: asyncio.Task[None] | None
    ) -> None:
        """Stop claiming work, give in-flight jobs the grace period, then release leases."""
        grace = self.config.daemon.shutdown_grace_seconds
        in_flight = len(self.jobs.running)
        self.notifier.stopping(f"stopping: {in_flight} jobs in flight, at most {grace:g} s")
        log.info("daemon_stopping", in_flight=in_flight, grace_seconds=grace)
        self.stopping = True
        scheduler.pause()  # no new job runs; shutdown() would cancel the running ones at once
        started = time.monotonic()
        cancelled = await self.jobs.drain(grace)
        cancelled += await drain(self.stragglers, grace - (time.monotonic() - started))
        scheduler.shutdown(wait=False)
        for task in [watchdog, *self._background]:
            if task is not None:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
        released = await self._release_leases()
        log.info("daemon_stopped", cancelled=cancelled, **released)

    async def _release_leases(self) -> dict[str, int]:
        """Feeds and deliveries this instance claimed go back at once instead of waiting for
        their leases to expire; if the database cannot be reached, the leases simply run out."""
        released = {}
        releases = {
            "released_feeds": self.store.release_feed_leases,
            "released_deliveries": self.store.release_leases,
        }
        for what, release in releases.items():
            try:
                released[what] = await asyncio.to_thread(release, self.instance_id)
            except Exception as exc:
                log.warning("leases_not_released", what=what, error=f"{type(exc).__name__}: {exc}")
        return released


def _remember_secrets(config: Config) -> None:
    remember_urls((f.url for f in config.feeds), (c.url for c in config.channels))


def _not_stored(count: int, error: str | None) -> str:
    """The problem health reports when a round's checks could not be stored."""
    return f"{count} feed{'' if count == 1 else 's'} not stored: {error}"
