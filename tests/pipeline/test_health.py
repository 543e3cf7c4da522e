"""Feed health: a source that fails for too long or goes quiet is reported once, and its
recovery once, through the configured channels."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from helpers import Item, rss, write_config

from monitor.config import load_config
from monitor.pipeline import Pipeline
from monitor.records import FeedTarget, FetchResult
from monitor.store import Store

T0 = datetime(2021, 9, 1, 12, 0, tzinfo=UTC)
HEALTH = """
[health]
failing_after_seconds = 86400
silent_factor = 10
silent_minimum_seconds = 86400
channels = ["ops"]
"""


def pipeline(tmp_path: Path) -> Pipeline:
    path = write_config(
        tmp_path,
        {"wire": "https://wire.example.com/rss"},
        channels={"ops": "json://localhost"},
        extra=HEALTH,
    )
    config = load_config(path)
    p = Pipeline(config, Store.open(config.database_url()))
    p.sync_feeds(T0)
    return p


def check(p: Pipeline, at: datetime, **outcome: object) -> tuple[str, ...]:
    target = FeedTarget("wire", "https://wire.example.com/rss")
    result = FetchResult("wire", target.url, at, **outcome)  # type: ignore[arg-type]
    report = asyncio.run(p.poller.process(target, result))
    return tuple(a.title for a in report.alerts if a.kind == "feed_health")


def hourly_feed(last: datetime, count: int = 12) -> bytes:
    items = [
        Item(
            f"g{i}",
            f"Market report {i}",
            "Prices were steady.",
            f"https://wire.example.com/{i}",
            last - timedelta(hours=i),
        )
        for i in range(count)
    ]
    return rss("Example Wire", items).encode()


def test_a_feed_failing_for_a_day_is_reported_once_and_its_recovery_once(tmp_path: Path) -> None:
    p = pipeline(tmp_path)
    error = {"status": 500, "error": "HTTP 500 Internal Server Error"}

    early = check(p, T0, **error)
    later = check(p, T0 + timedelta(hours=23), **error)
    day = check(p, T0 + timedelta(hours=25), **error)
    again = check(p, T0 + timedelta(hours=30), **error)
    back = check(p, T0 + timedelta(hours=31), status=304)

    assert (early, later, again) == ((), (), ())
    assert day == ("Feed wire is failing",)
    assert back == ("Feed wire is back",)
    [state] = p.store.feeds()
    assert state.state == "healthy" and state.first_error_at is None
    alerts = p.store.alerts()
    assert alerts[0].alert.body.startswith(
        "Feed wire: failing since 2021-09-01 12:00 UTC: HTTP 500"
    )
    assert all(d[0] == "ops" and d[1] == "pending" for a in alerts for d in a.deliveries)


def test_a_feed_quiet_for_far_longer_than_its_rhythm_is_silent_until_it_publishes(
    tmp_path: Path,
) -> None:
    p = pipeline(tmp_path)
    assert check(p, T0, status=200, body=hourly_feed(T0)) == ()
    [state] = p.store.feeds()
    assert state.rhythm_seconds == 3600
    assert state.poll_interval_seconds == round((900 * 3600) ** 0.5)

    assert check(p, T0 + timedelta(hours=20), status=304) == ()
    silent = check(p, T0 + timedelta(hours=30), status=304)
    still = check(p, T0 + timedelta(hours=40), status=304)
    assert silent == ("Feed Example Wire (wire) has gone silent",)
    assert still == ()
    assert p.store.feeds()[0].state == "silent"

    later = T0 + timedelta(hours=41)
    back = check(p, later, status=200, body=hourly_feed(later, count=13))
    assert back == ("Feed Example Wire (wire) is back",)


def test_backing_off_is_shown_before_failing(tmp_path: Path) -> None:
    p = pipeline(tmp_path)
    check(p, T0, status=503, error="HTTP 503 Service Unavailable", retry_after=7200)
    [state] = p.store.feeds()
    assert state.state == "backing off"
    assert state.next_check_at >= T0 + timedelta(seconds=7200)
