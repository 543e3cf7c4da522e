"""Polling: claim due feeds, fetch them (capped per host and overall), process each response,
decide the next check and the feed's health. fetch -> parse -> (ingest)."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx

from monitor import metrics
from monitor.alert.compose import health_alert
from monitor.config import Config
from monitor.fetch import fetch, redact
from monitor.fulltext import Fetcher, with_full_text
from monitor.health import HealthChange, HealthPolicy
from monitor.instance import INSTANCE_ID
from monitor.logs import get_logger
from monitor.parse import parse_feed
from monitor.pipeline.ingest import Ingested, Ingestor
from monitor.pipeline.outcomes import (
    Checked,
    FeedReport,
    Success,
    after_failed_check,
    after_successful_check,
)
from monitor.records import Alert, Entry, FeedTarget, FetchResult
from monitor.schedule import IntervalPolicy, publishing_rhythm
from monitor.store import FeedState, Store
from monitor.store import errors as store_errors
from monitor.store.feeds import UnchangedCheck

__all__ = ["FeedReport", "Poller"]

log = get_logger("monitor.pipeline")
FULL_TEXT_PER_CHECK = 20


Claimed = tuple[FeedTarget, FeedState]


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
            claimed = self._claim_batch(now, timedelta(seconds=time.monotonic() - started))
            reports += await self._poll_batch(claimed, fetch_one, fetch_page)
            if len(claimed) < polling.claim_batch:  # nothing more was due
                return reports

    def _claim_batch(self, due_by: datetime, elapsed: timedelta) -> list[Claimed]:
        """The next batch of feeds due by the round's start, leased from now on (the round's
        start plus the time it has taken), each with its state as claimed: processing reads
        nothing more. Feeds that fall due during the round wait for the next tick, so a round
        always ends."""
        polling = self.config.polling
        claimed = self.store.claim_due_feeds(
            due_by + elapsed,
            timedelta(seconds=polling.lease_seconds),
            polling.claim_batch,
            instance_id=self.instance_id,
            due_by=due_by,
        )
        return [(self._with_policy(s.target), s) for s in claimed]

    async def _poll_batch(
        self,
        claimed: list[Claimed],
        fetch_one: Callable[[FeedTarget], Coroutine[Any, Any, FetchResult]],
        fetch_page: Fetcher,
    ) -> list[FeedReport]:
        """Checks that found nothing new are written together when the batch ends, also when
        it is cancelled (shutdown): what was decided is recorded, the rest is released."""
        tasks = [asyncio.create_task(fetch_one(target)) for target, _state in claimed]
        checked: list[Checked] = []
        try:
            for (target, state), task in zip(claimed, tasks, strict=True):
                checked.append(await self._check_safely(target, state, await task, fetch_page))
        finally:  # cancelled mid-round (shutdown): no fetch is left running unobserved
            for task in tasks:
                task.cancel()
            reports = self._settle(checked)
            await asyncio.gather(*tasks, return_exceptions=True)
        return reports

    async def _check_safely(
        self, target: FeedTarget, state: FeedState, result: FetchResult, fetch_page: Fetcher
    ) -> Checked:
        """A bug or a database hiccup while processing one feed must not stop the round. The
        feed keeps its claim lease, so it is retried when the lease runs out; nothing of the
        check was recorded, so its document is read again then."""
        try:
            return await self._check(target, state, result, fetch_page)
        except Exception as exc:
            if not store_errors.is_store_error(exc):
                log.exception("feed_process_failed", feed=target.name)
                return Checked(result, _internal_error(target.name, exc))
            why = store_errors.reason(exc)
            log.warning("feed_process_failed", feed=target.name, error=why)
            error = f"could not store the check: {why}"
            return Checked(result, FeedReport(target.name, "error", error=error, store_error=why))

    def _settle(self, checked: list[Checked]) -> list[FeedReport]:
        """Write the batch's unchanged checks in one statement and count every check. If that
        write fails, those feeds keep their leases (retried when the leases run out) and
        report the error, as a failure to record one feed does."""
        unchanged = [c.unchanged for c in checked if c.unchanged is not None]
        failed: Exception | None = None
        try:
            self.store.record_unchanged(unchanged)
        except Exception as exc:
            log.exception("feed_process_failed", feeds=[u.name for u in unchanged])
            failed = exc
        reports = []
        for check in checked:
            report = check.report
            if failed is not None and check.unchanged is not None:
                report = _internal_error(report.feed, failed)
            result = check.result
            labels = metrics.fetch_labels(report.status, result.status, result.error, report.error)
            metrics.fetches.labels(*labels).inc()
            reports.append(report)
        return reports

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
        checked = await self._check(target, self.store.feed_state(target.name), result, fetch_page)
        if checked.unchanged is not None:
            self.store.record_unchanged([checked.unchanged])
        return checked.report

    async def _check(
        self,
        target: FeedTarget,
        state: FeedState,
        result: FetchResult,
        fetch_page: Fetcher | None,
    ) -> Checked:
        """`process` given the feed's state; an unchanged check is left for the caller to write."""
        if result.error is not None:
            return Checked(result, self._failed(target, state, result, result.error))
        if result.not_modified or result.body is None:
            return self._unchanged(state, result, "not_modified")
        body_hash = hashlib.sha256(result.body).hexdigest()
        if body_hash == state.body_hash:
            return self._unchanged(state, result, "unchanged")
        parsed = parse_feed(
            result.body,
            feed=target.name,
            url=target.url,
            fetched_at=result.fetched_at,
            content_type=result.content_type,
        )
        if parsed.error is not None:
            return Checked(result, self._failed(target, state, result, parsed.error))
        entries = list(parsed.entries)
        feed = self.feeds.get(target.name)
        if feed is not None and feed.full_text and fetch_page is not None:
            entries = await self._full_text(target, entries, fetch_page)
        ingested = self.ingestor.ingest(entries, result.fetched_at, queue=True)
        if ingested.failed:
            return Checked(result, self._not_stored(target, state, result, ingested))
        new, alerts = ingested.new, ingested.alerts
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
            notice="; ".join(parsed.notes) or None,
        )
        log.info(
            "feed_checked",
            feed=target.name,
            status="new",
            entries=len(parsed.entries),
            new=new,
            alerts=len(alerts),
        )
        return Checked(result, replace(report, alerts=tuple(alerts) + report.alerts))

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

    def _unchanged(self, state: FeedState, result: FetchResult, status: str) -> Checked:
        """A check that found nothing new: its row is written with the batch's, unless its
        health changed. Then the row is written at once, right after the alert, so that a crash
        before the batch's write cannot make the same transition (and alert) happen twice."""
        success = self._success(state, result)
        now = result.fetched_at
        alerts = self._health_alerts(state, success.change, now=now, since=now)
        row = UnchangedCheck(
            state.name,
            checked_at=now,
            status=result.status,
            next_check_at=success.next_at,
            poll_interval=success.interval,
            health=success.health,
            etag=result.etag,
            last_modified=result.last_modified,
        )
        report = FeedReport(state.name, status, 0, alerts)
        if success.change is not None:
            self.store.record_unchanged([row])
            return Checked(result, report)
        return Checked(result, report, row)

    def _succeeded(
        self,
        state: FeedState,
        result: FetchResult,
        status: str,
        *,
        new: int,
        rhythm: float | None,
        ttl: int | None,
        body_hash: str,
        title: str | None,
        notice: str | None = None,
    ) -> FeedReport:
        success = self._success(state, result, new=new, rhythm=rhythm, ttl=ttl, new_body=True)
        now = result.fetched_at
        alerts = self._health_alerts(state, success.change, now=now, since=now)
        self.store.record_success(
            state.name,
            result,
            success.next_at,
            body_hash=body_hash,
            title=title,
            new_entries=new,
            poll_interval=success.interval,
            rhythm=success.rhythm,
            ttl=success.ttl,
            health=success.health,
            notice=notice,
        )
        return FeedReport(state.name, status, new, alerts)

    def _success(
        self,
        state: FeedState,
        result: FetchResult,
        *,
        new: int = 0,
        rhythm: float | None = None,
        ttl: int | None = None,
        new_body: bool = False,
    ) -> Success:
        return after_successful_check(
            state,
            result,
            self._interval_policy(state.name),
            self.health_policy,
            new=new,
            rhythm=rhythm,
            ttl=ttl,
            new_body=new_body,
        )

    def _not_stored(
        self, target: FeedTarget, state: FeedState, result: FetchResult, ingested: Ingested
    ) -> FeedReport:
        """Some entries could not be stored: the check counts as failed, and neither the body
        hash nor the cache validators are kept, so the same document is fetched and read
        again at the next check (the entries already stored are then known, not new)."""
        why = ingested.error or "unknown error"
        error = f"could not store {ingested.failed} new entries: {why}"
        try:
            report = self._failed(target, state, result, error, new_entries=ingested.new)
        except Exception as exc:  # the feed's row cannot be written either; its lease runs out
            if not store_errors.is_store_error(exc):
                raise
            report = FeedReport(target.name, "error", error=error)
        return replace(
            report,
            new_entries=ingested.new,
            alerts=tuple(ingested.alerts) + report.alerts,
            failed_entries=ingested.failed,
            store_error=why,
        )

    def _failed(
        self,
        target: FeedTarget,
        state: FeedState,
        result: FetchResult,
        error: str,
        *,
        new_entries: int = 0,
    ) -> FeedReport:
        error, now = redact(error, target.url), result.fetched_at
        failure = after_failed_check(
            state,
            result,
            error,
            self._interval_policy(state.name).base,
            self.config.polling.max_backoff_seconds,
            self.health_policy,
        )
        change = failure.change
        alerts = self._health_alerts(state, change, now=now, since=failure.first_error_at)
        self.store.record_failure(
            target.name,
            checked_at=now,
            next_check_at=failure.next_at,
            status=result.status,
            error=error,
            health=change.after if change else None,
            new_entries=new_entries,
        )
        log.warning(
            "feed_failed",
            feed=target.name,
            errors=failure.errors,
            retry_at=failure.next_at.isoformat(timespec="seconds"),
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


def _internal_error(feed: str, exc: Exception) -> FeedReport:
    return FeedReport(feed, "error", error=f"internal error: {exc!r}")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
