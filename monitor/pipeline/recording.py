"""What a check decides, recorded: a failure (with backoff and health), a check that found
nothing new, a new document read, or one whose entries the database refused; the alerts a
change of a feed's health raises. Runs on the store thread, but for `unchanged_row`, which
needs no database."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta

from monitor import metrics
from monitor.alert.compose import health_alert
from monitor.config import Config
from monitor.fetch import redact
from monitor.logs.events import get_logger
from monitor.pipeline.health import HealthPolicy
from monitor.pipeline.ingest import Ingested
from monitor.pipeline.outcomes import (
    Checked,
    FeedReport,
    Success,
    after_failed_check,
    after_successful_check,
)
from monitor.records import Alert, FeedTarget, FetchResult, HealthChange
from monitor.schedule import IntervalPolicy
from monitor.store import FeedState, Store
from monitor.store import errors as store_errors
from monitor.store.feeds import UnchangedCheck

log = get_logger("monitor.pipeline")


class CheckRecorder:
    """The poller's decisions and their records, for the feeds of one configuration."""

    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        self.feeds = {f.name: f for f in config.feeds}
        health = config.health
        self.health_policy = HealthPolicy(
            timedelta(seconds=health.failing_after_seconds),
            health.silent_factor,
            timedelta(seconds=health.silent_minimum_seconds),
        )

    def _interval_policy(self, name: str) -> IntervalPolicy:
        polling = self.config.polling
        feed = self.feeds.get(name)
        base = (feed.interval_seconds if feed else None) or polling.interval_seconds
        return IntervalPolicy(base, polling.min_interval_seconds, polling.max_interval_seconds)

    def _unchanged(self, state: FeedState, result: FetchResult, status: str) -> Checked:
        """A check that found nothing new: its row is written with the batch's, unless its
        health changed. Then the row is written at once, right after the alert, so that a crash
        before the batch's write cannot make the same transition (and alert) happen twice."""
        success = self._success(state, result)
        now = result.fetched_at
        alerts = self._health_alerts(state, success.change, now=now, since=now)
        checked = unchanged_row(state, result, status, success)
        if success.change is not None and checked.unchanged is not None:
            self.store.record_unchanged([checked.unchanged])
            return Checked(result, replace(checked.report, alerts=alerts))
        return checked

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
        took: timedelta = timedelta(0),
    ) -> FeedReport:
        """Record a failed check; `took` is how long the fetch ran, so that the retry counts
        from its end."""
        error, now = redact(error, target.url), result.fetched_at
        failure = after_failed_check(
            state,
            result,
            error,
            self._interval_policy(state.name).base,
            self.config.polling.max_backoff_seconds,
            self.health_policy,
            known_at=result.fetched_at + took,
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


def body_digest(result: FetchResult) -> str | None:
    """The SHA-256 of a fetched body, or None when there is none to read (a 304)."""
    if result.not_modified or result.body is None:
        return None
    return hashlib.sha256(result.body).hexdigest()


def unchanged_status(state: FeedState, digest: str | None) -> str | None:
    """ "not_modified" (a 304: no `digest`), "unchanged" (the body read last time), or None:
    a new body."""
    if digest is None:
        return "not_modified"
    return "unchanged" if digest == state.body_hash else None


def unchanged_row(state: FeedState, result: FetchResult, status: str, success: Success) -> Checked:
    """A check that found nothing new, with the row it leaves for the batch's write."""
    row = UnchangedCheck(
        state.name,
        checked_at=result.fetched_at,
        status=result.status,
        next_check_at=success.next_at,
        poll_interval=success.interval,
        health=success.health,
        etag=result.etag,
        last_modified=result.last_modified,
    )
    return Checked(result, FeedReport(state.name, status), row)


def not_recorded(feed: str, exc: Exception) -> FeedReport:
    """A check that could not be recorded: a database error in a few words, a bug with its
    traceback in the log."""
    if not store_errors.is_store_error(exc):
        log.error("feed_process_failed", feed=feed, exc_info=exc)
        return FeedReport(feed, "error", error=f"internal error: {exc!r}")
    why = store_errors.reason(exc)
    log.warning("feed_process_failed", feed=feed, error=why)
    return FeedReport(feed, "error", error=f"could not store the check: {why}", store_error=why)
