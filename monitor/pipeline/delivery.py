"""Deliver the outbox: claim due rows, send each through apprise, record what happened.

Its database work runs on the store thread (`offloop`), as the poller's does. Each channel has
its own worker, and up to `[delivery] concurrency` workers run at once, so one
failing or hanging channel never blocks or repeats the others. A worker takes its channel's due
rows one at a time (oldest first): it claims the row under a lease (so no other daemon sends it
meanwhile), sends it, and records the outcome. After a failure that may heal it stops for this
round and moves the rest of its channel's queue to the retry time, so a channel that is down
costs one attempt per backoff step, not one per queued alert.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from monitor.alert.deliver import DeliveryResult, send
from monitor.alert.render import RenderContext, render_for
from monitor.alert.retry import backoff_delay
from monitor.config import Config
from monitor.config.service import DeliveryConfig
from monitor.instance import INSTANCE_ID
from monitor.logs.events import get_logger
from monitor.pipeline.digests import hold_due
from monitor.pipeline.offloop import off_loop
from monitor.store import ClaimedDelivery, Store
from monitor.store.queue import Outcome

log = get_logger("monitor.delivery")


@dataclass(frozen=True, slots=True)
class Attempt:
    """What one send of one (alert, channel) row came to."""

    alert_id: int
    delivery_id: int
    channel: str
    outcome: Outcome
    error: str | None = None
    retry_at: datetime | None = None


def _utcnow() -> datetime:
    return datetime.now(UTC)


def plan_retry(
    settings: DeliveryConfig,
    attempts: int,
    result: DeliveryResult,
    now: datetime,
    rng: random.Random,
) -> tuple[Outcome, datetime | None]:
    """After attempt number `attempts` failed: retry (and when) or give up. Pure."""
    if result.permanent or attempts >= settings.max_attempts:
        return "failed", None
    delay = backoff_delay(
        attempts, settings.backoff_base_seconds, settings.backoff_cap_seconds, rng
    )
    return "retry", now + timedelta(seconds=max(delay, result.retry_after or 0.0))


class Outbox:
    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        clock: Callable[[], datetime] = _utcnow,
        rng: random.Random | None = None,
        instance_id: str = INSTANCE_ID,
    ) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.rng = rng or random.Random()
        self.instance_id = instance_id

    async def deliver_due(self, now: datetime, *, until_empty: bool = False) -> list[Attempt]:
        """Send the rows due at `now`, channel by channel in parallel; returns the attempts
        made, in the order they finished. A channel sends at most `batch_size` rows a call (the
        daemon's next delivery run takes the rest), or with `until_empty` every row due, until
        its queue is empty or a failure defers the rest (`poll` and `replay`, which run once)."""
        settings = self.config.delivery
        gate = asyncio.Semaphore(settings.concurrency)
        attempts: list[Attempt] = []

        async def worker(channel: str) -> None:
            async with gate:
                while True:
                    done = await self._deliver_channel(channel, now)
                    attempts.extend(done)
                    if not until_empty or len(done) < settings.batch_size:
                        return

        await off_loop(hold_due, self.store, self.config, now)  # digests, quiet hours, rates
        channels = await off_loop(self.store.due_channels, now)
        await asyncio.gather(*(worker(channel) for channel in channels))
        return attempts

    async def _deliver_channel(self, channel: str, now: datetime) -> list[Attempt]:
        settings = self.config.delivery
        done: list[Attempt] = []
        while len(done) < settings.batch_size:
            lease_until = self.clock() + timedelta(seconds=settings.lease_seconds)
            claimed = await off_loop(
                self.store.claim_due, now, self.instance_id, lease_until, channel=channel
            )
            if not claimed:
                break
            attempt = await self._attempt(claimed[0])
            if attempt is None:
                continue
            done.append(attempt)
            if attempt.outcome == "retry" and attempt.retry_at is not None:
                await off_loop(self.store.defer_channel, channel, attempt.retry_at)
                break
        return done

    async def _attempt(self, row: ClaimedDelivery) -> Attempt | None:
        """Count the attempt, send, record the outcome. A row whose attempts are used up
        although it was never marked failed had its last send cut short (a crash, a kill):
        it fails now instead of going out once more."""
        settings = self.config.delivery
        number = row.attempts + 1
        if row.attempts >= settings.max_attempts:
            number = row.attempts
            result = DeliveryResult(False, _cut_short(row.attempts), permanent=True)
        elif not await off_loop(self.store.start_attempt, row.id, self.instance_id):
            return None  # another instance took the row over meanwhile
        else:
            result = await self._send(row)
        now = self.clock()
        if result.ok:
            outcome: Outcome = "sent"
            retry_at = None
        else:
            outcome, retry_at = plan_retry(settings, number, result, now, self.rng)
        await off_loop(
            self.store.record_attempt,
            row.id,
            self.instance_id,
            outcome=outcome,
            now=now,
            error=result.error,
            retry_at=retry_at,
        )
        attempt = Attempt(row.alert_id, row.id, row.channel, outcome, result.error, retry_at)
        _log(attempt, number)
        return attempt

    async def _send(self, row: ClaimedDelivery) -> DeliveryResult:
        try:
            channel = self.config.channel(row.channel)
        except KeyError:
            error = f"channel {row.channel!r} is no longer configured"
            return DeliveryResult(False, error, permanent=True)
        if channel.unusable_reason:  # secrets not in the environment: retried, then failed
            return DeliveryResult(False, channel.unusable_reason)
        # The story's outlets so far: the message can name those it does not quote.
        stored = None
        if row.alert.story_id is not None:
            stored = await off_loop(self.store.alert, row.alert_id)
        context = RenderContext(row.alert_id, stored.outlets if stored else ())
        rendered = render_for(row.alert, channel, self.config.template_dir(channel), context)
        return await asyncio.to_thread(
            send,
            channel.url,
            rendered,
            timeout=self.config.delivery.timeout_seconds,
            idempotency_key=row.idempotency_key,
            clock=self.clock,
        )


def _cut_short(attempts: int) -> str:
    return (
        f"gave up after {attempts} attempts: the last was cut short (a crash or a kill)"
        " before its outcome was recorded"
    )


def _log(attempt: Attempt, number: int) -> None:
    level = logging.INFO if attempt.outcome == "sent" else logging.WARNING
    log.log(
        level,
        "delivery_attempted",
        alert=attempt.alert_id,
        delivery=attempt.delivery_id,
        channel=attempt.channel,
        status=attempt.outcome,
        attempt=number,
        retry_at=f"{attempt.retry_at:%Y-%m-%dT%H:%M:%SZ}" if attempt.retry_at else None,
        error=attempt.error,
    )
