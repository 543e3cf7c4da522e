"""When a failed delivery is tried again: pure functions, a seeded random source, a fixed now."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from monitor.alert.apprise_hooks import HttpAnswer
from monitor.alert.deliver import DeliveryResult
from monitor.alert.retry import MAX_RETRY_AFTER, backoff_delay, judge_http, retry_after_seconds
from monitor.config.service import DeliveryConfig
from monitor.pipeline.delivery import plan_retry

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def test_full_jitter_stays_under_a_doubling_ceiling_and_the_cap() -> None:
    rng = random.Random(1)
    for attempt, ceiling in [(1, 30), (2, 60), (3, 120), (7, 1920), (8, 3600), (40, 3600)]:
        delays = [backoff_delay(attempt, 30, 3600, rng) for _ in range(300)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > 0.9 * ceiling  # the whole range is used: full jitter
        assert min(delays) < 0.1 * ceiling


def test_backoff_counts_attempts_from_one() -> None:
    with pytest.raises(ValueError, match="attempt counts from 1"):
        backoff_delay(0, 30, 3600, random.Random(0))


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Sun, 01 Mar 2026 08:05:00 GMT", 300.0),
        ("Sun, 01 Mar 2026 07:00:00 GMT", 0.0),  # already past
        ("999999999", MAX_RETRY_AFTER),
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_in_seconds_or_as_an_http_date(header: str | None, seconds: float) -> None:
    assert retry_after_seconds(header, NOW) == seconds


@pytest.mark.parametrize(
    ("answers", "retry_after", "permanent"),
    [
        ([], None, False),
        ([HttpAnswer(429, "90")], 90.0, False),
        ([HttpAnswer(503, "Sun, 01 Mar 2026 08:01:00 GMT")], 60.0, False),
        ([HttpAnswer(500, "90")], None, False),  # Retry-After only means something on 429/503
        ([HttpAnswer(404, None)], None, True),
        ([HttpAnswer(401, None)], None, True),
        ([HttpAnswer(408, None)], None, False),
        ([HttpAnswer(425, None)], None, False),
        ([HttpAnswer(302, None), HttpAnswer(400, None)], None, True),  # the last answer counts
    ],
)
def test_the_last_http_answer_decides(
    answers: list[HttpAnswer], retry_after: float | None, permanent: bool
) -> None:
    verdict = judge_http(answers, NOW)
    assert (verdict.retry_after, verdict.permanent) == (retry_after, permanent)


SETTINGS = DeliveryConfig(max_attempts=4, backoff_base_seconds=10, backoff_cap_seconds=100)


def test_plan_retry_backs_off_then_gives_up() -> None:
    failure = DeliveryResult(False, "down")
    rng = random.Random(3)
    for attempt in (1, 2, 3):
        outcome, when = plan_retry(SETTINGS, attempt, failure, NOW, rng)
        assert outcome == "retry" and when is not None
        assert NOW <= when <= NOW + timedelta(seconds=10 * 2 ** (attempt - 1))
    assert plan_retry(SETTINGS, 4, failure, NOW, rng) == ("failed", None)


def test_retry_after_is_a_floor_and_a_permanent_error_fails_at_once() -> None:
    busy = DeliveryResult(False, "429", retry_after=500)
    assert plan_retry(SETTINGS, 1, busy, NOW, random.Random(0)) == (
        "retry",
        NOW + timedelta(seconds=500),
    )
    broken = DeliveryResult(False, "404", permanent=True)
    assert plan_retry(SETTINGS, 1, broken, NOW, random.Random(0)) == ("failed", None)


def test_delivery_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="lease_seconds must be longer than timeout_seconds"):
        DeliveryConfig(timeout_seconds=60, lease_seconds=30)
    with pytest.raises(ValueError, match="backoff_base_seconds is larger"):
        DeliveryConfig(backoff_base_seconds=600, backoff_cap_seconds=60)
