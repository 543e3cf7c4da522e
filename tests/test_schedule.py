from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from monitor.schedule import next_check_after_error, next_check_after_success

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
