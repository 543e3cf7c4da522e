"""When a channel's outbox rows go out: digest windows, quiet hours and rate limits.

Everything here is a pure function of (policy, rows, now, counts): the clock is always passed
in, so tests can stand at any instant, in any time zone, across daylight-saving changes.

- A **digest window** is either an interval ("15m", "2h"), whose boundaries fall on multiples
  of the interval counted from midnight UTC, or a daily time in a zone ("daily 07:00
  Europe/London"), which is 07:00 on the wall clock whatever the season: one boundary per local
  day, never two, never none (a time that a spring-forward skips falls an hour later that day).
- **Quiet hours** ("22:00-07:00 Asia/Kabul") may cross midnight; the end is exclusive.
- A **rate limit** ("10/hour", "3/15m") counts what the channel sent in the last window
  (sliding, not calendar-aligned); what exceeds it folds into the next digest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from monitor.records import SEVERITIES, Severity

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_UNIT_WORDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_DURATION = re.compile(r"^(\d+)\s*([smhd])$")
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
MIN_WINDOW = timedelta(minutes=1)
MAX_WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Every:
    """A digest every `step`, on boundaries counted from midnight UTC (15m: :00, :15, ...)."""

    step: timedelta


@dataclass(frozen=True, slots=True)
class DailyAt:
    """A digest once a day at a wall-clock time in a zone."""

    at: time
    zone: ZoneInfo


DigestWindow = Every | DailyAt


@dataclass(frozen=True, slots=True)
class QuietHours:
    start: time
    end: time
    zone: ZoneInfo


@dataclass(frozen=True, slots=True)
class RateLimit:
    count: int
    window: timedelta

    def describe(self) -> str:
        return f"{self.count} per {describe_span(self.window)}"


@dataclass(frozen=True, slots=True)
class ChannelPolicy:
    """What one channel's configuration says about volume. `bypass` is the lowest severity
    that is delivered even in quiet hours (None: nothing is)."""

    digest: DigestWindow | None = None
    quiet: QuietHours | None = None
    bypass: Severity | None = None
    rate: RateLimit | None = None

    @property
    def fold_window(self) -> DigestWindow | None:
        """The window of the digest that collects this channel's held rows: the configured
        digest, else (for rows over the rate limit) one digest per rate-limit window."""
        if self.digest is not None:
            return self.digest
        return Every(self.rate.window) if self.rate is not None else None

    def bypasses(self, severity: Severity) -> bool:
        return self.bypass is not None and rank(severity) >= rank(self.bypass)


def rank(severity: Severity) -> int:
    return SEVERITIES.index(severity)


# -- parsing (used by the configuration's validators; errors say what is expected) ---------


def parse_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r} (expected e.g. Europe/London)") from None


def parse_clock(text: str) -> time:
    match = _CLOCK.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a time of day (expected HH:MM, e.g. 07:00)")
    return time(int(match.group(1)), int(match.group(2)))


def parse_span(text: str) -> timedelta:
    """'15m', '2h', '1d', '90s' -> a timedelta between one minute and seven days."""
    match = _DURATION.match(text.strip().lower())
    if match is None:
        raise ValueError(f"{text!r} is not a duration (expected a number and s, m, h or d: 15m)")
    span = timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])
    if not MIN_WINDOW <= span <= MAX_WINDOW:
        raise ValueError(f"{text!r} must be between 1 minute and 7 days")
    return span


def parse_digest(text: str) -> DigestWindow:
    """'15m' (an interval) or 'daily 07:00 Europe/London' (zone optional, UTC by default)."""
    words = text.split()
    if words and words[0].lower() == "daily":
        if len(words) not in (2, 3):
            raise ValueError(
                f"{text!r}: expected 'daily HH:MM ZONE', e.g. daily 07:00 Europe/London"
            )
        zone = parse_zone(words[2]) if len(words) == 3 else ZoneInfo("UTC")
        return DailyAt(parse_clock(words[1]), zone)
    try:
        return Every(parse_span(text))
    except ValueError as error:
        raise ValueError(f"{error}; or 'daily HH:MM ZONE'") from None


def parse_quiet_hours(text: str) -> QuietHours:
    """'22:00-07:00 Asia/Kabul' (zone optional, UTC by default; may cross midnight)."""
    words = text.split()
    span = words[0].split("-") if words else []
    if len(words) not in (1, 2) or len(span) != 2:
        raise ValueError(f"{text!r}: expected 'HH:MM-HH:MM ZONE', e.g. 22:00-07:00 Asia/Kabul")
    try:
        start, end = parse_clock(span[0]), parse_clock(span[1])
    except ValueError as error:
        raise ValueError(f"{text!r}: {error}") from None
    if start == end:
        raise ValueError(f"{text!r}: start and end are the same time")
    return QuietHours(start, end, parse_zone(words[1]) if len(words) == 2 else ZoneInfo("UTC"))


def parse_rate_limit(text: str) -> RateLimit:
    """'10/hour', '3/15m', '100/day': at most N deliveries in any such window."""
    count, _, per = text.partition("/")
    if not count.strip().isdigit() or int(count) < 1 or not per.strip():
        raise ValueError(f"{text!r}: expected 'N/WINDOW' with N >= 1, e.g. 10/hour or 3/15m")
    word = per.strip().lower()
    seconds = _UNIT_WORDS.get(word)
    return RateLimit(int(count), timedelta(seconds=seconds) if seconds else parse_span(word))


def describe_span(span: timedelta) -> str:
    seconds = int(span.total_seconds())
    for word, size in reversed(_UNIT_WORDS.items()):
        if seconds == size:
            return word
        if seconds % size == 0:
            return f"{seconds // size} {word}s"
    return f"{seconds} seconds"


# -- time decisions --------------------------------------------------------------------------


def last_boundary(window: DigestWindow, now: datetime) -> datetime:
    """The latest window end at or before `now` (UTC): the digest due now closes here."""
    if isinstance(window, Every):
        return _EPOCH + window.step * ((now - _EPOCH) // window.step)
    today = now.astimezone(window.zone).date()
    for day in (today, today - timedelta(days=1)):
        boundary = _wall(day, window.at, window.zone)
        if boundary <= now:
            return boundary
    raise AssertionError("the previous local day's boundary is always in the past")


def next_boundary(window: DigestWindow, now: datetime) -> datetime:
    """The first window end strictly after `now` (UTC)."""
    if isinstance(window, Every):
        return last_boundary(window, now) + window.step
    today = now.astimezone(window.zone).date()
    for day in (today, today + timedelta(days=1), today + timedelta(days=2)):
        boundary = _wall(day, window.at, window.zone)
        if boundary > now:
            return boundary
    raise AssertionError("the next local day's boundary is always in the future")


def quiet_until(quiet: QuietHours, now: datetime) -> datetime | None:
    """The end (UTC) of the quiet period `now` falls in, or None when it is not quiet."""
    local = now.astimezone(quiet.zone)
    clock = local.time().replace(tzinfo=None)
    day = local.date()
    if quiet.start < quiet.end:
        inside = quiet.start <= clock < quiet.end
    else:  # crosses midnight: from start to the end of the day, and from midnight to end
        inside = clock >= quiet.start or clock < quiet.end
        if clock >= quiet.start:
            day += timedelta(days=1)
    if not inside:
        return None
    end = _wall(day, quiet.end, quiet.zone)
    return end if end > now else None


def _wall(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A wall-clock time on a local day, in UTC. A time skipped by a spring-forward change is
    read with the offset before the change (so it lands an hour later on the new clock); a
    time that a fall-back change repeats is its first occurrence."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


# -- what to do with the rows that are due ---------------------------------------------------

HeldStatus = Literal["pending", "digest"]


@dataclass(frozen=True, slots=True)
class DueRow:
    """An outbox row whose time has come, as the hold decision sees it."""

    delivery_id: int
    alert_kind: str
    severity: Severity
    attempts: int
    held_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Hold:
    """A change to one due row: fold it into the digest, hold it until `until`, or (reason
    None, status pending) release it from a hold that has ended."""

    delivery_id: int
    status: HeldStatus
    reason: str | None
    until: datetime | None = None


def plan_holds(
    policy: ChannelPolicy, rows: Sequence[DueRow], now: datetime, sent_in_window: int
) -> list[Hold]:
    """Decide, for one channel, which due rows wait. In order:

    1. a digest channel folds every new row into its digest (digests themselves excepted);
    2. quiet hours hold rows below the bypass severity until the quiet period ends;
    3. the rate limit lets through what the window still has room for, most severe first
       (then oldest first), and folds the rest into the next digest.

    Rows already tried (attempts > 0) were let through before: retries are not counted twice.
    Rows not in the result go out as they are."""
    quiet_end = quiet_until(policy.quiet, now) if policy.quiet else None
    holds: list[Hold] = []
    candidates: list[DueRow] = []
    for row in rows:
        fresh = row.alert_kind != "digest" and row.attempts == 0
        if fresh and policy.digest is not None:
            holds.append(Hold(row.delivery_id, "digest", "digest"))
        elif quiet_end is not None and not policy.bypasses(row.severity):
            holds.append(Hold(row.delivery_id, "pending", "quiet hours", quiet_end))
        else:
            if row.held_reason == "quiet hours":
                holds.append(Hold(row.delivery_id, "pending", None))
            if fresh:
                candidates.append(row)
    if policy.rate is not None:
        room = max(0, policy.rate.count - sent_in_window)
        ranked = sorted(candidates, key=lambda r: (-rank(r.severity), r.delivery_id))
        over = {r.delivery_id for r in ranked[room:]}
        holds = [h for h in holds if h.delivery_id not in over]
        holds += [Hold(r.delivery_id, "digest", "rate limit") for r in ranked[room:]]
    return holds


def digest_may_go(policy: ChannelPolicy, now: datetime, severities: Sequence[Severity]) -> bool:
    """A digest waits out quiet hours like any delivery, unless one of its alerts is severe
    enough to bypass them."""
    if policy.quiet is None or quiet_until(policy.quiet, now) is None:
        return True
    return any(policy.bypasses(s) for s in severities)
