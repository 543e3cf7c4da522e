from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from monitor.schedule import (
    IntervalPolicy,
    adapt_interval,
    next_check_after_error,
    next_check_after_success,
    publishing_rhythm,
)

NOW = datetime(2021, 9, 6, 12, 0, tzinfo=UTC)


def test_success_waits_about_the_interval_with_jitter() -> None:
    rng = random.Random(1)
    delays = {
        (next_check_after_success(NOW, 600, rng=rng) - NOW).total_seconds() for _ in range(50)
    }
    assert all(540 <= d <= 660 for d in delays)
    assert len(delays) > 40, "jitter must spread feeds out"


def test_success_honours_a_longer_retry_after() -> None:
    assert next_check_after_success(NOW, 60, retry_after=3600) - NOW == timedelta(seconds=3600)


@pytest.mark.parametrize(("errors", "ceiling"), [(1, 600), (2, 1200), (3, 2400), (10, 7200)])
def test_errors_back_off_exponentially_up_to_the_cap(errors: int, ceiling: float) -> None:
    rng = random.Random(errors)
    for _ in range(20):
        delay = next_check_after_error(NOW, 600, errors, max_backoff=7200, rng=rng) - NOW
        assert ceiling / 2 <= delay.total_seconds() <= ceiling


POLICY = IntervalPolicy(base=900, minimum=60, maximum=21600)


@pytest.mark.parametrize(
    ("hints", "expected"),
    [
        ({}, 900),
        ({"rhythm": 900}, 900),
        ({"rhythm": 100}, 300),  # publishes every ~2 minutes: checked every 5
        ({"rhythm": 8100}, 2700),  # a few items a day: checked less often
        ({"rhythm": 1}, 60),  # never below the minimum
        ({"rhythm": 10_000_000}, 21600),  # never above the maximum
        ({"cache_seconds": 3600}, 3600),  # the server says the body stays fresh an hour
        ({"cache_seconds": 30}, 900),  # a short cache lifetime does not make us poll faster
        ({"ttl_seconds": 7200, "rhythm": 100}, 7200),  # RSS ttl is a floor too
        ({"cache_seconds": 10**7}, 21600),
    ],
)
def test_interval_adapts_to_rhythm_and_hints_within_bounds(
    hints: dict[str, float], expected: float
) -> None:
    assert adapt_interval(POLICY, **hints) == pytest.approx(expected)


def test_rhythm_is_the_median_gap_of_recent_items() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(20)]
    assert publishing_rhythm(hourly) == 3600
    bursty = [NOW, NOW - timedelta(minutes=1), NOW - timedelta(hours=5), NOW - timedelta(hours=6)]
    assert publishing_rhythm(bursty) == 3600
    assert publishing_rhythm([NOW, NOW, NOW - timedelta(hours=1)]) is None
