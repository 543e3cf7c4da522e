"""Schedule stage: when each feed is checked next, and the APScheduler jobs that drive the daemon.

Which feed is due lives in the database (`next_check_at`); one tick job claims the due feeds. The
timing decisions are pure functions of (now, interval, errors, hints) so they are easy to test.
"""

from __future__ import annotations

import itertools
import math
import random
import statistics
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

JITTER = 0.1
PRUNE_SECONDS = 6 * 3600
DIGEST_SECONDS = 30.0  # how late after its window's end a digest may be stored, at most


def next_check_after_success(
    now: datetime,
    interval: float,
    *,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> datetime:
    """The interval, spread by ±10% so that feeds added together do not fire in lockstep,
    and never sooner than the server asked for."""
    spread = (rng or random).uniform(1 - JITTER, 1 + JITTER)
    return now + timedelta(seconds=max(interval * spread, retry_after or 0))


def next_check_after_error(
    now: datetime,
    interval: float,
    errors: int,
    *,
    max_backoff: float,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> datetime:
    """Exponential backoff: the interval doubles with each consecutive error (`errors` counts
    this one), capped at `max_backoff`, with full jitter in the upper half so that feeds on one
    broken host do not retry together. A feed is never given up: success resets the count."""
    ceiling = min(max_backoff, interval * 2 ** max(0, errors - 1))
    delay = (rng or random).uniform(ceiling / 2, ceiling)
    return now + timedelta(seconds=max(delay, retry_after or 0))


@dataclass(frozen=True, slots=True)
class IntervalPolicy:
    """How often one feed may be checked: its configured interval and the global bounds."""

    base: float
    minimum: float
    maximum: float


def adapt_interval(
    policy: IntervalPolicy,
    *,
    rhythm: float | None = None,
    cache_seconds: float | None = None,
    ttl_seconds: float | None = None,
) -> float:
    """The interval until the next check after a successful one.

    A feed that publishes every few minutes is checked more often than the configured interval,
    a feed that publishes once a day less often: the geometric mean of the configured interval
    and the feed's publishing rhythm moves smoothly between the two. The publisher's own hints
    (HTTP cache lifetime, RSS `ttl`) are honoured as a floor: nothing new is expected sooner.
    The result always stays within [minimum, maximum]."""
    target = policy.base if not rhythm else math.sqrt(policy.base * rhythm)
    hints = [h for h in (cache_seconds, ttl_seconds) if h]
    if hints:
        target = max(target, *hints)
    return min(policy.maximum, max(policy.minimum, target))


def publishing_rhythm(published: Iterable[datetime], *, sample: int = 10) -> float | None:
    """The median gap, in seconds, between a feed's most recent distinct publication times;
    None when fewer than three items carry distinct dates."""
    times = sorted(set(published), reverse=True)[: sample + 1]
    if len(times) < 3:
        return None
    gaps = [(a - b).total_seconds() for a, b in itertools.pairwise(times)]
    return max(1.0, statistics.median(gaps))


def build_scheduler(
    tick: Callable[[], Awaitable[object]],
    deliver: Callable[[], Awaitable[object]],
    *,
    tick_seconds: float,
    deliver_seconds: float,
    prune: Callable[[], Awaitable[object]] | None = None,
    prune_seconds: float = PRUNE_SECONDS,
    digests: Callable[[], Awaitable[object]] | None = None,
    digest_seconds: float = DIGEST_SECONDS,
) -> AsyncIOScheduler:
    """The daemon's jobs. A job that runs long is never stacked on itself (max_instances=1) and
    missed runs collapse into one (coalesce). Retention (`prune`) first runs a minute after
    start, so that a daemon restarted often still prunes, then every `prune_seconds`."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    defaults = {"max_instances": 1, "coalesce": True, "misfire_grace_time": None}
    scheduler.add_job(
        tick,
        "interval",
        seconds=tick_seconds,
        id="tick",
        next_run_time=datetime.now(UTC),
        **defaults,
    )
    scheduler.add_job(deliver, "interval", seconds=deliver_seconds, id="deliver", **defaults)
    if prune is not None:
        first = datetime.now(UTC) + timedelta(seconds=60)
        scheduler.add_job(
            prune, "interval", seconds=prune_seconds, id="prune", next_run_time=first, **defaults
        )
    if digests is not None:  # stores each channel's digest once its window has ended
        scheduler.add_job(digests, "interval", seconds=digest_seconds, id="digests", **defaults)
    return scheduler
