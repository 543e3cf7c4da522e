"""Volume control around the outbox: hold rows back (digest, quiet hours, rate limit) before
the sender claims them, and turn each channel's held rows into one digest when its window ends.

`hold_due` is the one call the delivery round makes before claiming; `DigestJob.flush_due` is
a scheduler job of its own (and part of every `monitor poll --once`). Both read the clock they
are given, never the wall clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial

from monitor.alert.digest import DigestItem, compose_digest, digest_key
from monitor.alert.policy import ChannelPolicy, Hold, digest_may_go, last_boundary
from monitor.config import Config
from monitor.logs.events import get_logger
from monitor.records import Alert
from monitor.store import Store

log = get_logger("monitor.digests")


def channel_policies(config: Config) -> dict[str, ChannelPolicy]:
    """The channels that have any volume rule, with their rules."""
    return {c.name: c.volume for c in config.channels if c.digest or c.quiet_hours or c.rate_limit}


def hold_due(store: Store, config: Config, now: datetime) -> list[Hold]:
    """Before a delivery round: fold rows into digests, hold them for quiet hours, or fold
    what exceeds a rate limit, so that the sender claims only what may go now."""
    policies = channel_policies(config)
    holds = store.hold_due(now, policies) if policies else []
    for hold in holds:
        log.info(
            "delivery_held",
            delivery=hold.delivery_id,
            status=hold.status,
            held=hold.reason or "released",
            until=hold.until.isoformat() if hold.until else None,
        )
    return holds


class DigestJob:
    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store

    def flush_due(self, now: datetime) -> list[int]:
        """Store one digest per channel whose window has ended and that holds rows; returns
        the ids of the digest alerts created. Running it again for the same window creates
        nothing: the digest's dedup key is made of its channel and its window's end."""
        policies = channel_policies(self.config)
        windows = {name for name, policy in policies.items() if policy.fold_window is not None}
        released = self.store.release_held(windows)
        if released:
            log.warning("digest_rows_released", rows=released, reason="channel has no digest now")
        if not policies:
            return []
        self.store.hold_due(now, policies)  # rows written since the last round join in time
        created = []
        for channel, policy in policies.items():
            window = policy.fold_window
            if window is None:
                continue
            end = last_boundary(window, now)
            build = partial(_digest, channel, policy, end, now)
            alert_id = self.store.flush_digest(channel, end, digest_key(channel, end), now, build)
            if alert_id is not None:
                log.info("digest_stored", channel=channel, alert=alert_id, window_end=end)
                created.append(alert_id)
        return created


def _digest(
    channel: str, policy: ChannelPolicy, end: datetime, now: datetime, items: Sequence[DigestItem]
) -> Alert | None:
    """The digest, or None while quiet hours hold it (unless an alert in it may bypass them)."""
    if not digest_may_go(policy, now, [i.alert.severity for i in items]):
        return None
    return compose_digest(channel, end, items, policy.rate)
