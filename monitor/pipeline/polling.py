"""Polling: claim due feeds, fetch them (capped per host and overall), process each response,
decide the next check and the feed's health. fetch -> parse -> (ingest)."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, cast
from urllib.parse import urlsplit

import httpx

from monitor import metrics
from monitor.alert.compose import health_alert
from monitor.config import Config
from monitor.fetch import fetch, redact
from monitor.fulltext import Fetcher, with_full_text
from monitor.health import Health, HealthChange, HealthPolicy, after_failure, after_success
from monitor.instance import INSTANCE_ID
from monitor.logs import get_logger
from monitor.parse import parse_feed
from monitor.pipeline.ingest import Ingestor
from monitor.records import Alert, Entry, FeedTarget, FetchResult
from monitor.schedule import (
    IntervalPolicy,
    adapt_interval,
    next_check_after_error,
    next_check_after_success,
    publishing_rhythm,
)
from monitor.store import FeedState, Store

log = get_logger("monitor.pipeline")
FULL_TEXT_PER_CHECK = 20


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one check of one feed did."""

    feed: str
    status: str  # "new", "unchanged", "not_modified", "error"
    new_entries: int = 0
    alerts: tuple[Alert, ...] = ()
    error: str | None = None


class Poller:
    def __init__(
        self, config: Config, store: Store, ingestor: Ingestor, instance_id: str = INSTANCE_ID
    ) -> None:
        self.config = config
        self.instance_id = instance_id  # whose name the feeds this poller claims are leased in
        self.store = store
        self.ingestor = ingestor
        self.feeds = {f.name: f for f in config.feeds}
        health = config.health
        self.health_policy = HealthPolicy(
            timedelta(seconds=health.failing_after_seconds),
            health.silent_factor,
            timedelta(seconds=health.silent_minimum_seconds),
        )

    async def poll_due(self, client: httpx.AsyncClient, now: datetime) -> list[FeedReport]:
        """Check every feed that is due at `now` and not leased to another instance. Feeds are
        claimed (leased to this instance) `claim_batch` at a time, so that several instances
        share the due feeds and a batch is done well within its lease. Within a batch, fetching
        is concurrent and the responses are processed in claim order (due time, then feed id)
        as they arrive: the order in which facts are compared is the same on every run and the
        same as `replay` over the same files. At most `per_host_concurrency` requests go to one
        host at a time, so a slow host holds few of the `concurrency` slots."""
        polling = self.config.polling
        overall = asyncio.Semaphore(polling.concurrency)
        per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(polling.per_host_concurrency)
        )

        async def fetch_one(target: FeedTarget) -> FetchResult:
            async with per_host[_host(target.url)], overall:
                sent_at = time.perf_counter()
                result = await fetch(
                    client,
                    target,
                    max_bytes=polling.max_body_bytes,
                    deadline=polling.deadline,
                )
                metrics.fetch_seconds.observe(time.perf_counter() - sent_at)
                return result

        async def fetch_page(target: FeedTarget) -> FetchResult:
            async with per_host[_host(target.url)]:
                return await fetch(
                    client,
                    target,
                    max_bytes=polling.max_body_bytes,
                    deadline=polling.deadline,
                )

        reports: list[FeedReport] = []
        started = time.monotonic()
        while True:
            targets = self._claim_batch(now, timedelta(seconds=time.monotonic() - started))
            reports += await self._poll_batch(targets, fetch_one, fetch_page)
            if len(targets) < polling.claim_batch:  # nothing more was due
                return reports

    def _claim_batch(self, due_by: datetime, elapsed: timedelta) -> list[FeedTarget]:
        """The next batch of feeds due by the round's start, leased from now on (the round's
        start plus the time it has taken). Feeds that fall due during the round wait for the
        next tick, so a round always ends."""
        polling = self.config.polling
        claimed = self.store.claim_due_feeds(
            due_by + elapsed,
            timedelta(seconds=polling.lease_seconds),
            polling.claim_batch,
            instance_id=self.instance_id,
            due_by=due_by,
        )
        return [self._with_policy(t) for t in claimed]

    async def _poll_batch(
        self,
        targets: list[FeedTarget],
        fetch_one: Callable[[FeedTarget], Coroutine[Any, Any, FetchResult]],
        fetch_page: Fetcher,
    ) -> list[FeedReport]:
        tasks = [asyncio.create_task(fetch_one(t)) for t in targets]
        reports = []
        try:
            for target, task in zip(targets, tasks, strict=True):
                reports.append(await self._process_safely(target, await task, fetch_page))
        finally:  # cancelled mid-round (shutdown): no fetch is left running unobserved
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return reports

    async def _process_safely(
        self, target: FeedTarget, result: FetchResult, fetch_page: Fetcher | None = None
    ) -> FeedReport:
        """A bug or a database hiccup while processing one feed must not stop the round. The
        feed keeps its claim lease, so it is retried when the lease runs out."""
        try:
            report = await self.process(target, result, fetch_page)
        except Exception as exc:
            log.exception("feed_process_failed", feed=target.name)
            report = FeedReport(target.name, "error", error=f"internal error: {exc!r}")
        labels = metrics.fetch_labels(report.status, result.status, result.error, report.error)
        metrics.fetches.labels(*labels).inc()
        return report

    def _with_policy(self, target: FeedTarget) -> FeedTarget:
        feed = self.feeds.get(target.name)
        allow = self.config.polling.allow_private
        if feed is not None and feed.allow_private is not None:
            allow = feed.allow_private
        return replace(target, allow_private=allow)

    def _interval_policy(self, name: str) -> IntervalPolicy:
        polling = self.config.polling
        feed = self.feeds.get(name)
        base = (feed.interval_seconds if feed else None) or polling.interval_seconds
        return IntervalPolicy(base, polling.min_interval_seconds, polling.max_interval_seconds)

    async def process(
        self, target: FeedTarget, result: FetchResult, fetch_page: Fetcher | None = None
    ) -> FeedReport:
        """Everything after the fetch: record it, parse, ingest new entries, decide when to
        look again and whether the feed's health changed. With `fetch_page`, feeds configured
        with `full_text` get their new entries' article pages read."""
        state = self.store.feed_state(target.name)
        if result.error is not None:
            return self._failed(target, state, result, result.error)
        if result.not_modified or result.body is None:
            return self._succeeded(state, result, "not_modified")
        body_hash = hashlib.sha256(result.body).hexdigest()
        if body_hash == state.body_hash:
            return self._succeeded(state, result, "unchanged")
        parsed = parse_feed(
            result.body,
            feed=target.name,
            url=target.url,
            fetched_at=result.fetched_at,
            content_type=result.content_type,
        )
        if parsed.error is not None:
            return self._failed(target, state, result, parsed.error)
        entries = list(parsed.entries)
        feed = self.feeds.get(target.name)
        if feed is not None and feed.full_text and fetch_page is not None:
            entries = await self._full_text(target, entries, fetch_page)
        new, alerts = self.ingestor.ingest(entries, result.fetched_at, queue=True)
        dated = (e.published for e in parsed.entries if e.published != result.fetched_at)
        rhythm = publishing_rhythm(dated)
        report = self._succeeded(
            state,
            result,
            "new",
            new=new,
            rhythm=rhythm,
            ttl=parsed.ttl_seconds,
            body_hash=body_hash,
            title=parsed.title,
        )
        log.info(
            "feed_checked",
            feed=target.name,
            status="new",
            entries=len(parsed.entries),
            new=new,
            alerts=len(alerts),
        )
        return replace(report, alerts=tuple(alerts) + report.alerts)

    async def _full_text(
        self, target: FeedTarget, entries: list[Entry], fetch_page: Fetcher
    ) -> list[Entry]:
        """Only entries not seen before pay for a page fetch."""
        unseen = self.store.unseen_guids(target.name, [e.guid for e in entries])
        fresh = [e for e in entries if e.guid in unseen]
        read = await with_full_text(
            fresh, fetch_page, allow_private=target.allow_private, limit=FULL_TEXT_PER_CHECK
        )
        by_guid = {e.guid: e for e in read}
        return [by_guid.get(e.guid, e) for e in entries]

    def _succeeded(
        self,
        state: FeedState,
        result: FetchResult,
        status: str,
        *,
        new: int = 0,
        rhythm: float | None = None,
        ttl: int | None = None,
        body_hash: str | None = None,
        title: str | None = None,
    ) -> FeedReport:
        now = result.fetched_at
        rhythm = rhythm or state.rhythm_seconds
        ttl = ttl if body_hash is not None else state.ttl_seconds
        interval = adapt_interval(
            self._interval_policy(state.name),
            rhythm=rhythm,
            cache_seconds=result.cache_seconds,
            ttl_seconds=ttl,
        )
        next_at = next_check_after_success(now, interval, retry_after=result.retry_after)
        change = after_success(
            _health(state.health),
            now=now,
            last_new_entry_at=now if new else state.last_new_entry_at,
            rhythm_seconds=rhythm,
            policy=self.health_policy,
        )
        alerts = self._health_alerts(state, change, now=now, since=now)
        self.store.record_success(
            state.name,
            result,
            next_at,
            body_hash=body_hash,
            title=title,
            new_entries=new,
            poll_interval=interval,
            rhythm=rhythm,
            ttl=ttl,
            health=change.after if change else state.health,
        )
        return FeedReport(state.name, status, new, alerts)

    def _failed(
        self, target: FeedTarget, state: FeedState, result: FetchResult, error: str
    ) -> FeedReport:
        error, now = redact(error, target.url), result.fetched_at
        errors = state.error_count + 1
        next_at = next_check_after_error(
            now,
            state.poll_interval_seconds or self._interval_policy(state.name).base,
            errors,
            max_backoff=self.config.polling.max_backoff_seconds,
            retry_after=result.retry_after,
        )
        first_error_at = state.first_error_at or now
        change = after_failure(
            _health(state.health), first_error_at, now, self.health_policy, error
        )
        alerts = self._health_alerts(state, change, now=now, since=first_error_at)
        self.store.record_failure(
            target.name,
            checked_at=now,
            next_check_at=next_at,
            status=result.status,
            error=error,
            health=change.after if change else None,
        )
        log.warning(
            "feed_failed",
            feed=target.name,
            errors=errors,
            retry_at=next_at.isoformat(timespec="seconds"),
            error=error,
        )
        return FeedReport(target.name, "error", error=error, alerts=alerts)

    def _health_alerts(
        self, state: FeedState, change: HealthChange | None, *, now: datetime, since: datetime
    ) -> tuple[Alert, ...]:
        if change is None:
            return ()
        channels = self.config.health.channels
        alert = health_alert(state.name, state.title, change, channels, since.isoformat())
        emit = log.info if change.after == "healthy" else log.warning
        emit("feed_health_changed", feed=state.name, health=change.after, reason=change.reason)
        with self.store.session() as session:
            stored = self.store.add_alert(session, alert, now, queue=True)
        if stored is None:
            return ()
        metrics.alerts.labels(alert.kind).inc()
        return (alert,)


def _health(value: str) -> Health:
    return cast(Health, value) if value in ("healthy", "failing", "silent") else "healthy"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
