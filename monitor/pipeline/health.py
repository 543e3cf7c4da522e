"""Feed health: when to tell the user that a source has failed for too long or gone quiet, and
when to tell them it is back. Pure decisions over a feed's state; the pipeline records them.

A feed is told about once per episode: the state moves healthy -> failing or silent, with one
alert, and back to healthy, with one recovery alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.records import Health, HealthChange


@dataclass(frozen=True, slots=True)
class HealthPolicy:
    failing_after: timedelta
    silent_factor: float
    silent_minimum: timedelta


def after_failure(
    health: Health, first_error_at: datetime, now: datetime, policy: HealthPolicy, error: str
) -> HealthChange | None:
    """A check failed. The feed becomes `failing` once errors have lasted `failing_after`."""
    if health == "failing" or now - first_error_at < policy.failing_after:
        return None
    since = first_error_at.strftime("%Y-%m-%d %H:%M UTC")
    return HealthChange(health, "failing", f"failing since {since}: {error}")


def after_success(
    health: Health,
    *,
    now: datetime,
    last_new_entry_at: datetime | None,
    rhythm_seconds: float | None,
    policy: HealthPolicy,
) -> HealthChange | None:
    """A check worked. A failing feed has recovered; a feed whose newest entry is far older
    than its usual rhythm has gone silent; a silent feed with new entries is back."""
    quiet_for = now - last_new_entry_at if last_new_entry_at else None
    limit = silence_limit(rhythm_seconds, policy)
    silent = quiet_for is not None and limit is not None and quiet_for > limit
    if health == "failing":
        return HealthChange("failing", "healthy", "answering again")
    if health == "healthy" and silent and quiet_for is not None and rhythm_seconds:
        usual = _span(timedelta(seconds=rhythm_seconds))
        reason = f"nothing new for {_span(quiet_for)} (usually every {usual})"
        return HealthChange("healthy", "silent", reason)
    if health == "silent" and not silent:
        return HealthChange("silent", "healthy", "publishing again")
    return None


def silence_limit(rhythm_seconds: float | None, policy: HealthPolicy) -> timedelta | None:
    if not rhythm_seconds:
        return None
    return max(policy.silent_minimum, timedelta(seconds=rhythm_seconds * policy.silent_factor))


def _span(delta: timedelta) -> str:
    seconds = delta.total_seconds()
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = round(seconds / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{round(seconds)} seconds"
