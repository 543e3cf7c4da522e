"""Deliver the outbox: each (alert, channel) row is rendered and sent through apprise."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from monitor.alert.deliver import send
from monitor.alert.render import render
from monitor.config import Config
from monitor.records import Alert
from monitor.store import Store

log = logging.getLogger("monitor.delivery")
MAX_ATTEMPTS = 5
RETRY_BASE_SECONDS = 30


class Outbox:
    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store

    async def deliver_due(self, now: datetime) -> list[tuple[int, str, str | None]]:
        """Send every outbox row whose attempt is due; returns (alert id, channel, error).

        Each channel is sent on its own (in a worker thread: apprise blocks), so one failing
        channel delays nothing else. A failure is retried with exponential backoff, and after
        MAX_ATTEMPTS the row is marked failed, kept, and shown by `monitor alerts`."""
        outcomes = []
        for delivery_id, channel_name, stored in self.store.due_deliveries(now):
            error = await self._send(channel_name, stored.alert)
            attempts = stored.attempts(channel_name) + 1
            retry_at = None
            if error is not None and attempts < MAX_ATTEMPTS:
                retry_at = now + timedelta(seconds=RETRY_BASE_SECONDS * 2 ** (attempts - 1))
            self.store.record_delivery(
                delivery_id, now=datetime.now(UTC), error=error, retry_at=retry_at
            )
            level = logging.INFO if error is None else logging.WARNING
            log.log(
                level,
                "alert=%d channel=%s status=%s attempts=%d error=%r",
                stored.id,
                channel_name,
                "sent" if error is None else ("retry" if retry_at else "failed"),
                attempts,
                error,
            )
            outcomes.append((stored.id, channel_name, error))
        return outcomes

    async def _send(self, channel_name: str, alert: Alert) -> str | None:
        try:
            channel = self.config.channel(channel_name)
        except KeyError:
            return f"channel {channel_name!r} is no longer configured"
        rendered = render(alert, channel.format)
        result = await asyncio.to_thread(send, channel.url, rendered)
        return None if result.ok else (result.error or "not delivered")
