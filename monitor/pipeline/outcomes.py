"""What a check of a feed decides, as pure functions of the feed's state and the fetch's
result: when to look again, and whether the feed's health changed. The poller records the
decisions and raises the alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from monitor.pipeline.health import HealthPolicy, after_failure, after_success
from monitor.records import Alert, FetchResult, Health, HealthChange
from monitor.schedule import (
    IntervalPolicy,
    adapt_interval,
    next_check_after_error,
    next_check_after_success,
)
from monitor.store import FeedState
from monitor.store.feeds import UnchangedCheck


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one check of one feed did. `failed_entries` counts the entries the database
    refused, and `store_error` says why the database refused a write (the feed's entries or
    its own row): the document is then read again at the next check."""

    feed: str
    status: str  # "new", "unchanged", "not_modified", "error"
    new_entries: int = 0
    alerts: tuple[Alert, ...] = ()
    error: str | None = None
    failed_entries: int = 0
    store_error: str | None = None


@dataclass(frozen=True, slots=True)
class Checked:
    """One processed check within a batch: its report and, for a check that found nothing new,
    the row it leaves, written with the batch's others once the batch is done."""

    result: FetchResult
    report: FeedReport
    unchanged: UnchangedCheck | None = None


@dataclass(frozen=True, slots=True)
class Success:
    """What a check that worked decides: the interval in force and the next check, the rhythm
    and ttl that set them, and the feed's health (with the change, if any)."""

    interval: float
    next_at: datetime
    rhythm: float | None
    ttl: int | None
    change: HealthChange | None
    health: str


@dataclass(frozen=True, slots=True)
class Failure:
    """What a failed check decides: the errors in a row so far, when the run of errors began,
    when to try again, and the health change, if any."""

    errors: int
    first_error_at: datetime
    next_at: datetime
    change: HealthChange | None


def after_successful_check(
    state: FeedState,
    result: FetchResult,
    intervals: IntervalPolicy,
    health: HealthPolicy,
    *,
    new: int = 0,
    rhythm: float | None = None,
    ttl: int | None = None,
    new_body: bool = False,
) -> Success:
    """A check worked and brought `new` entries. The measured rhythm replaces the known one
    when there is one; only a new document's ttl (or its lack of one) replaces the known ttl."""
    now = result.fetched_at
    rhythm = rhythm or state.rhythm_seconds
    ttl = ttl if new_body else state.ttl_seconds
    interval = adapt_interval(
        intervals, rhythm=rhythm, cache_seconds=result.cache_seconds, ttl_seconds=ttl
    )
    change = after_success(
        as_health(state.health),
        now=now,
        last_new_entry_at=now if new else state.last_new_entry_at,
        rhythm_seconds=rhythm,
        policy=health,
    )
    return Success(
        interval,
        next_check_after_success(now, interval, retry_after=result.retry_after),
        rhythm,
        ttl,
        change,
        change.after if change else state.health,
    )


def after_failed_check(
    state: FeedState,
    result: FetchResult,
    error: str,
    base_interval: float,
    max_backoff: float,
    health: HealthPolicy,
    known_at: datetime | None = None,
) -> Failure:
    """A check failed: back off from the interval in force (or `base_interval`), counted from
    `known_at`, when the failure became known (a fetch that timed out after 40 s is retried
    40 s later than one refused at once), by default the start of the fetch."""
    now = result.fetched_at
    errors = state.error_count + 1
    next_at = next_check_after_error(
        known_at or now,
        state.poll_interval_seconds or base_interval,
        errors,
        max_backoff=max_backoff,
        retry_after=result.retry_after,
    )
    first_error_at = state.first_error_at or now
    change = after_failure(as_health(state.health), first_error_at, now, health, error)
    return Failure(errors, first_error_at, next_at, change)


def as_health(value: str) -> Health:
    """A stored health value; anything unknown reads as healthy."""
    return cast(Health, value) if value in ("healthy", "failing", "silent") else "healthy"
