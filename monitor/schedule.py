"""Schedule stage: when each feed is checked next, and the APScheduler jobs that drive the daemon.

Which feed is due lives in the database (`next_check_at`); one tick job claims the due feeds. The
timing decisions are pure functions of (now, interval, errors, hints) so they are easy to test.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

JITTER = 0.1


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


def build_scheduler(
    tick: Callable[[], Awaitable[object]],
    deliver: Callable[[], Awaitable[object]],
    *,
    tick_seconds: float,
    deliver_seconds: float,
) -> AsyncIOScheduler:
    """The daemon's jobs. A job that runs long is never stacked on itself (max_instances=1) and
    missed runs collapse into one (coalesce)."""
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
    return scheduler
