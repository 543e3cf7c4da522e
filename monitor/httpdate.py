"""HTTP dates and the Retry-After header (RFC 9110), read the same way for feeds (the fetch
stage) and for channels that answer "slow down" (the alert stage): at the bottom of the layers,
so that neither stage imports the other."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = http_date(value)
    return None if when is None else max(0.0, (when - now).total_seconds())


def http_date(value: str) -> datetime | None:
    """An HTTP date as an aware datetime (UTC when it names no zone), or None."""
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when
