"""When to try a failed delivery again, and whether to try at all: pure functions, with the
clock and the random source passed in.

- **Backoff**: "full jitter" (a uniform random delay between 0 and base * 2^(attempt-1), capped):
  after an outage, the rows of many alerts and instances spread out instead of retrying in
  lockstep. No retry library fits here: they drive a loop inside one process, while our
  schedule outlives the process (it is `next_attempt_at` in the outbox).
- **Retry-After** (429 Too Many Requests, 503 Service Unavailable), in seconds or as an HTTP
  date, is a floor under the next attempt, honoured up to `MAX_RETRY_AFTER`.
- **Errors that cannot heal** fail the row at once instead of using up attempts: a URL apprise
  cannot use, a channel no longer configured, and HTTP 4xx other than 408 (timeout), 425 (too
  early) and 429 (too many requests). After the user fixes the cause, `monitor alerts retry`
  puts the row back in line. Everything else (connection refused, timeouts, SMTP 4xx and 5xx,
  HTTP 5xx) is retried: a mail server's 5xx is often an overloaded or misconfigured relay
  that recovers, and apprise does not tell us the SMTP code.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from monitor.alert.apprise_hooks import HttpAnswer
from monitor.httpdate import parse_retry_after

MAX_RETRY_AFTER = 86400.0  # a server asking for more than a day is not taken at its word
_HEALING_4XX = frozenset({408, 425, 429})
_BUSY = frozenset({429, 503})


@dataclass(frozen=True, slots=True)
class HttpVerdict:
    """What the HTTP answers of one send say about retrying it."""

    retry_after: float | None = None  # seconds the server asked us to wait
    permanent: bool = False
    status: int | None = None


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Seconds to wait after failed attempt number `attempt` (1 for the first)."""
    if attempt < 1:
        raise ValueError(f"attempt counts from 1, not {attempt}")
    ceiling = min(cap, base * 2.0 ** min(attempt - 1, 60))
    return rng.uniform(0, ceiling)


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """A Retry-After header as seconds from `now`: "120" or "Wed, 21 Oct 2026 07:28:00 GMT",
    read as feeds' headers are (monitor.httpdate), capped at MAX_RETRY_AFTER. None when
    absent or unreadable; a date in the past is 0."""
    seconds = parse_retry_after(value, now)
    return None if seconds is None else min(seconds, MAX_RETRY_AFTER)


def judge_http(answers: Sequence[HttpAnswer], now: datetime) -> HttpVerdict:
    """The verdict of the last HTTP answer a failed send got (redirects come before it)."""
    if not answers:
        return HttpVerdict()
    last = answers[-1]
    wait = retry_after_seconds(last.retry_after, now) if last.status in _BUSY else None
    permanent = 400 <= last.status < 500 and last.status not in _HEALING_4XX
    return HttpVerdict(wait, permanent, last.status)
