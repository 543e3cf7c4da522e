"""Digest windows, quiet hours and rate limits as pure functions of (policy, now, counts)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from monitor.alert.policy import (
    ChannelPolicy,
    DailyAt,
    DueRow,
    Every,
    Hold,
    QuietHours,
    RateLimit,
    digest_may_go,
    last_boundary,
    next_boundary,
    parse_digest,
    parse_quiet_hours,
    parse_rate_limit,
    plan_holds,
    quiet_until,
)

LONDON = ZoneInfo("Europe/London")
KABUL = ZoneInfo("Asia/Kabul")  # UTC+4:30, no daylight saving
NEW_YORK = ZoneInfo("America/New_York")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15m", Every(timedelta(minutes=15))),
        ("2h", Every(timedelta(hours=2))),
        ("1d", Every(timedelta(days=1))),
        ("daily 07:00 Europe/London", DailyAt(time(7, 0), LONDON)),
        ("daily 7:30", DailyAt(time(7, 30), ZoneInfo("UTC"))),
    ],
)
def test_digest_windows_parse(text: str, expected: object) -> None:
    assert parse_digest(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("15 minutes", "is not a duration"),
        ("30s", "between 1 minute and 7 days"),
        ("daily 25:00 UTC", "is not a time of day"),
        ("daily 07:00 Europe/Londn", "unknown time zone 'Europe/Londn'"),
        ("daily", "expected 'daily HH:MM ZONE'"),
    ],
)
def test_bad_digest_windows_say_what_is_expected(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_digest(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10/hour", RateLimit(10, timedelta(hours=1))),
        ("3/15m", RateLimit(3, timedelta(minutes=15))),
        ("100/day", RateLimit(100, timedelta(days=1))),
    ],
)
def test_rate_limits_parse(text: str, expected: RateLimit) -> None:
    assert parse_rate_limit(text) == expected


@pytest.mark.parametrize("text", ["0/hour", "ten/hour", "10", "10/fortnight", "-1/hour"])
def test_bad_rate_limits_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"N/WINDOW|not a duration"):
        parse_rate_limit(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("22:00 to 07:00", "expected 'HH:MM-HH:MM ZONE'"),
        ("22:00-22:00 UTC", "start and end are the same"),
        ("22:00-07:00 Mars/Olympus", "unknown time zone"),
    ],
)
def test_bad_quiet_hours_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_quiet_hours(text)


@pytest.mark.parametrize(
    ("now", "last", "following"),
    [
        ("2026-03-10 09:07", "2026-03-10 09:00", "2026-03-10 09:15"),
        ("2026-03-10 09:15", "2026-03-10 09:15", "2026-03-10 09:30"),
        ("2026-03-10 23:59", "2026-03-10 23:45", "2026-03-11 00:00"),
    ],
)
def test_interval_windows_fall_on_quarter_hours(now: str, last: str, following: str) -> None:
    window = Every(timedelta(minutes=15))
    assert last_boundary(window, utc(now)) == utc(last)
    assert next_boundary(window, utc(now)) == utc(following)


@pytest.mark.parametrize(
    ("now", "last"),
    [
        ("2026-01-15 06:59", "2026-01-14 07:00"),  # winter: 07:00 London is 07:00 UTC
        ("2026-01-15 07:00", "2026-01-15 07:00"),
        ("2026-07-15 06:30", "2026-07-15 06:00"),  # summer: 07:00 BST is 06:00 UTC
        ("2026-07-15 05:59", "2026-07-14 06:00"),
    ],
)
def test_daily_window_follows_the_wall_clock(now: str, last: str) -> None:
    assert last_boundary(DailyAt(time(7, 0), LONDON), utc(now)) == utc(last)


@pytest.mark.parametrize(
    ("zone", "at", "days"),
    [
        (LONDON, time(7, 0), ("2026-03-28", "2026-04-01")),  # spring forward on 29 March
        (LONDON, time(7, 0), ("2026-10-24", "2026-10-28")),  # fall back on 25 October
        (LONDON, time(1, 30), ("2026-03-28", "2026-04-01")),  # 01:30 does not exist on 29 Mar
        (LONDON, time(1, 30), ("2026-10-24", "2026-10-28")),  # 01:30 happens twice on 25 Oct
        (NEW_YORK, time(2, 30), ("2026-03-07", "2026-03-11")),
        (NEW_YORK, time(1, 15), ("2026-10-31", "2026-11-04")),
    ],
)
def test_daylight_saving_never_skips_or_doubles_a_daily_digest(
    zone: ZoneInfo, at: time, days: tuple[str, str]
) -> None:
    """Walk minute by minute across the change: exactly one digest boundary per local day."""
    window = DailyAt(at, zone)
    start, end = utc(days[0] + " 00:00"), utc(days[1] + " 00:00")
    boundaries = set()
    now = start
    while now < end:
        boundary = last_boundary(window, now)
        assert boundary <= now < next_boundary(window, now)
        boundaries.add(boundary)
        now += timedelta(minutes=1)
    local_days = sorted(b.astimezone(zone).date() for b in boundaries)
    assert len(local_days) == len(set(local_days))  # never two on one day
    first, last = local_days[0], local_days[-1]
    assert len(local_days) == (last - first).days + 1  # never a day without one


@pytest.mark.parametrize(
    ("now", "until"),
    [
        ("2026-05-01 17:29", None),  # 21:59 in Kabul
        ("2026-05-01 17:30", "2026-05-02 02:30"),  # 22:00 in Kabul, until 07:00 next day
        ("2026-05-01 21:00", "2026-05-02 02:30"),  # 01:30 in Kabul, past midnight
        ("2026-05-02 02:29", "2026-05-02 02:30"),
        ("2026-05-02 02:30", None),  # 07:00: the end is not quiet
    ],
)
def test_quiet_hours_cross_midnight_in_their_zone(now: str, until: str | None) -> None:
    quiet = QuietHours(time(22, 0), time(7, 0), KABUL)
    assert quiet_until(quiet, utc(now)) == (utc(until) if until else None)


def test_quiet_hours_within_one_day() -> None:
    quiet = QuietHours(time(12, 0), time(14, 0), ZoneInfo("UTC"))
    assert quiet_until(quiet, utc("2026-05-01 11:59")) is None
    assert quiet_until(quiet, utc("2026-05-01 13:00")) == utc("2026-05-01 14:00")


def test_quiet_hours_end_on_the_wall_clock_across_a_daylight_saving_change() -> None:
    quiet = QuietHours(time(23, 0), time(7, 0), LONDON)
    # The night of 28-29 March 2026: 23:00 GMT, then clocks go forward; 07:00 BST is 06:00 UTC.
    assert quiet_until(quiet, utc("2026-03-28 23:30")) == utc("2026-03-29 06:00")
    # The night of 24-25 October: 23:00 BST is 22:00 UTC; 07:00 GMT is 07:00 UTC.
    assert quiet_until(quiet, utc("2026-10-24 22:30")) == utc("2026-10-25 07:00")


NIGHT = QuietHours(time(22, 0), time(7, 0), ZoneInfo("UTC"))
AT_NIGHT = utc("2026-05-01 23:00")
MORNING = utc("2026-05-02 07:00")


def row(n: int, severity: str = "normal", *, kind: str = "new_fact", attempts: int = 0) -> DueRow:
    return DueRow(n, kind, severity, attempts)  # type: ignore[arg-type]


def test_quiet_hours_hold_everything_below_the_bypass_until_the_end() -> None:
    policy = ChannelPolicy(quiet=NIGHT, bypass="urgent")
    rows = [row(1, "low"), row(2, "high"), row(3, "urgent")]
    assert plan_holds(policy, rows, AT_NIGHT, 0) == [
        Hold(1, "pending", "quiet hours", MORNING),
        Hold(2, "pending", "quiet hours", MORNING),
    ]


def test_without_a_bypass_even_urgent_alerts_wait() -> None:
    policy = ChannelPolicy(quiet=NIGHT)
    assert plan_holds(policy, [row(1, "urgent")], AT_NIGHT, 0) == [
        Hold(1, "pending", "quiet hours", MORNING)
    ]


def test_a_row_held_for_quiet_hours_is_released_when_they_end() -> None:
    policy = ChannelPolicy(quiet=NIGHT)
    held = DueRow(1, "new_fact", "normal", 0, "quiet hours")
    assert plan_holds(policy, [held], MORNING, 0) == [Hold(1, "pending", None)]


def test_a_digest_channel_folds_new_rows_but_never_a_digest_or_a_retry() -> None:
    policy = ChannelPolicy(digest=Every(timedelta(minutes=15)))
    rows = [row(1), row(2, kind="digest"), row(3, attempts=2)]
    assert plan_holds(policy, rows, MORNING, 0) == [Hold(1, "digest", "digest")]


@pytest.mark.parametrize(
    ("sent", "through"),
    [(0, {1, 2, 3}), (2, {1}), (3, set()), (7, set())],
)
def test_rate_limit_lets_through_what_the_window_has_room_for(sent: int, through: set[int]) -> None:
    policy = ChannelPolicy(rate=RateLimit(3, timedelta(hours=1)))
    rows = [row(n) for n in range(1, 6)]
    folded = {h.delivery_id for h in plan_holds(policy, rows, MORNING, sent)}
    assert folded == {1, 2, 3, 4, 5} - through
    assert all(
        h == Hold(h.delivery_id, "digest", "rate limit")
        for h in plan_holds(policy, rows, MORNING, sent)
    )


def test_over_the_rate_limit_the_most_severe_go_first() -> None:
    policy = ChannelPolicy(rate=RateLimit(2, timedelta(hours=1)))
    rows = [row(1, "low"), row(2, "normal"), row(3, "urgent"), row(4, "normal")]
    folded = {h.delivery_id for h in plan_holds(policy, rows, MORNING, 0)}
    assert folded == {1, 4}


def test_rate_limit_neither_limits_digests_nor_counts_retries_again() -> None:
    policy = ChannelPolicy(rate=RateLimit(1, timedelta(hours=1)))
    rows = [row(1, kind="digest"), row(2, attempts=1), row(3), row(4)]
    assert [h.delivery_id for h in plan_holds(policy, rows, MORNING, 0)] == [4]


def test_rows_released_from_quiet_hours_still_meet_the_rate_limit() -> None:
    policy = ChannelPolicy(quiet=NIGHT, rate=RateLimit(1, timedelta(hours=1)))
    rows = [DueRow(n, "new_fact", "normal", 0, "quiet hours") for n in (1, 2)]
    assert plan_holds(policy, rows, MORNING, 0) == [
        Hold(1, "pending", None),
        Hold(2, "digest", "rate limit"),
    ]


def test_fold_window_is_the_digest_else_the_rate_limit_window() -> None:
    hourly = RateLimit(3, timedelta(hours=1))
    daily = DailyAt(time(7, 0), LONDON)
    assert ChannelPolicy(rate=hourly).fold_window == Every(timedelta(hours=1))
    assert ChannelPolicy(digest=daily, rate=hourly).fold_window == daily
    assert ChannelPolicy().fold_window is None


def test_a_digest_waits_for_quiet_hours_to_end_unless_it_carries_a_bypass() -> None:
    policy = ChannelPolicy(quiet=NIGHT, bypass="urgent")
    assert not digest_may_go(policy, AT_NIGHT, ["low", "high"])
    assert digest_may_go(policy, AT_NIGHT, ["low", "urgent"])
    assert digest_may_go(policy, MORNING, ["low"])
