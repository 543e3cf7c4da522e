"""The outbox as a work queue: claim due rows under a lease, record what happened, hand rows
back on shutdown, and put failed rows back in line when the user asks.

A row moves pending -> sending (claimed, leased to one instance) -> sent | pending (retry
later) | failed (attempts used up, or an error that cannot heal). The routing stage's states
("digest": waiting for its digest window; "digested": folded into a digest delivery) are never
claimed here; a pending row held for quiet hours simply has a `next_attempt_at` in the future.

Claiming is atomic. On PostgreSQL one transaction selects the due rows FOR UPDATE SKIP LOCKED
(rows another daemon is claiming at that moment are skipped, not waited for) and marks them;
the selection is its own statement because PostgreSQL may run a locking sub-select inside an
UPDATE more than once, and so claim more rows than asked. SQLite has no row locks: there the
claim is one UPDATE whose WHERE picks the rows through a sub-select, run under the database
write lock, with the due condition repeated as a guard.

A claim whose lease ran out (its holder was killed) is due again: the row is sent again, with
the same idempotency key, so the receiving side can tell it is a repeat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, or_, select, update

from monitor.records import Alert
from monitor.store.base import StoreBase
from monitor.store.models import AlertRow, Delivery
from monitor.store.outbox import alert_from_row

Outcome = Literal["sent", "retry", "failed"]


@dataclass(frozen=True, slots=True)
class ClaimedDelivery:
    """One outbox row this instance holds the lease on, with the alert to send."""

    id: int
    alert_id: int
    channel: str
    attempts: int  # attempts started before this claim (the last may have been cut short)
    idempotency_key: str
    alert: Alert


def _due(now: datetime) -> ColumnElement[bool]:
    return or_(
        and_(Delivery.status == "pending", Delivery.next_attempt_at <= now),
        and_(Delivery.status == "sending", Delivery.lease_until < now),
    )


class QueueQueries(StoreBase):
    def due_channels(self, now: datetime) -> list[str]:
        """The channels that have at least one row to send now."""
        with self.session() as s:
            query = select(Delivery.channel).where(_due(now)).distinct()
            return sorted(s.scalars(query))

    def claim_due(
        self,
        now: datetime,
        instance_id: str,
        lease_until: datetime,
        *,
        channel: str | None = None,
        limit: int = 1,
    ) -> list[ClaimedDelivery]:
        """Lease up to `limit` due rows (oldest first) to `instance_id`, in one statement."""
        pick = select(Delivery.id).where(_due(now)).order_by(Delivery.id).limit(limit)
        if channel is not None:
            pick = pick.where(Delivery.channel == channel)
        with self.session() as s:
            if s.get_bind().dialect.name == "postgresql":
                chosen: Any = list(s.scalars(pick.with_for_update(skip_locked=True)))
            else:
                chosen = pick.scalar_subquery()
            claim = (
                update(Delivery)
                .where(Delivery.id.in_(chosen), _due(now))
                .values(status="sending", claimed_by=instance_id, lease_until=lease_until)
                .returning(Delivery.id)
                .execution_options(synchronize_session=False)
            )
            ids = sorted(s.scalars(claim))
            rows = s.execute(
                select(Delivery, AlertRow)
                .join(AlertRow, AlertRow.id == Delivery.alert_id)
                .where(Delivery.id.in_(ids))
                .order_by(Delivery.id)
            ).all()
            return [
                ClaimedDelivery(
                    d.id, d.alert_id, d.channel, d.attempts, d.idempotency_key, alert_from_row(a)
                )
                for d, a in rows
            ]

    def start_attempt(self, delivery_id: int, instance_id: str) -> bool:
        """Count an attempt before the send starts, while this instance holds the row: a send
        cut short by a crash or a kill has then been counted, and `max_attempts` stops a row
        whose sends never come back. Returns whether the row is still this instance's."""
        with self.session() as s:
            changed = s.execute(
                update(Delivery)
                .where(
                    Delivery.id == delivery_id,
                    Delivery.status == "sending",
                    Delivery.claimed_by == instance_id,
                )
                .values(attempts=Delivery.attempts + 1)
            )
            return bool(changed.rowcount)  # type: ignore[attr-defined]

    def record_attempt(
        self,
        delivery_id: int,
        instance_id: str,
        *,
        outcome: Outcome,
        now: datetime,
        error: str | None = None,
        retry_at: datetime | None = None,
    ) -> bool:
        """Record how an attempt (counted by `start_attempt`) ended. A success is recorded
        whoever holds the row now (it went out; nobody should send it again); a failure only
        while this instance still holds the lease, so a late answer never overwrites a peer's
        newer claim. Returns whether a row changed."""
        values: dict[str, object] = {
            "last_error": error,
            "claimed_by": None,
            "lease_until": None,
        }
        guard = [Delivery.id == delivery_id]
        if outcome == "sent":
            values |= {"status": "sent", "sent_at": now}
            guard.append(Delivery.status.in_(("sending", "pending")))
        else:
            guard += [Delivery.status == "sending", Delivery.claimed_by == instance_id]
            values["status"] = "pending" if outcome == "retry" else "failed"
            if outcome == "retry":
                if retry_at is None:
                    raise ValueError("a retry needs retry_at")
                values["next_attempt_at"] = retry_at
        with self.session() as s:
            changed = s.execute(update(Delivery).where(*guard).values(values))
            return bool(changed.rowcount)  # type: ignore[attr-defined]

    def defer_channel(self, channel: str, until: datetime) -> int:
        """Push every pending row of `channel` due before `until` back to `until` (no attempt
        is counted): after a failure the whole queue of a channel waits, not just one row."""
        with self.session() as s:
            changed = s.execute(
                update(Delivery)
                .where(
                    Delivery.channel == channel,
                    Delivery.status == "pending",
                    Delivery.next_attempt_at < until,
                )
                .values(next_attempt_at=until)
            )
            return int(changed.rowcount)  # type: ignore[attr-defined]

    def release_leases(self, instance_id: str) -> int:
        """Hand back every row this instance holds (a clean shutdown): pending again, due at
        once. An attempt already started stays counted. Returns how many rows were released."""
        with self.session() as s:
            changed = s.execute(
                update(Delivery)
                .where(Delivery.status == "sending", Delivery.claimed_by == instance_id)
                .values(status="pending", claimed_by=None, lease_until=None)
            )
            return int(changed.rowcount)  # type: ignore[attr-defined]

    def requeue_failed(
        self,
        now: datetime,
        *,
        alert_id: int | None = None,
        delivery_id: int | None = None,
        channel: str | None = None,
    ) -> list[tuple[int, int, str]]:
        """Put failed rows back in line, due now with a fresh count of attempts: all channels
        of one alert (or only `channel`), or one delivery. Returns (delivery id, alert id,
        channel) of the rows re-queued."""
        if (alert_id is None) == (delivery_id is None):
            raise ValueError("give exactly one of alert_id and delivery_id")
        where = [Delivery.status == "failed"]
        if alert_id is not None:
            where.append(Delivery.alert_id == alert_id)
        if delivery_id is not None:
            where.append(Delivery.id == delivery_id)
        if channel is not None:
            where.append(Delivery.channel == channel)
        with self.session() as s:
            rows = s.execute(
                update(Delivery)
                .where(*where)
                .values(status="pending", attempts=0, next_attempt_at=now, last_error=None)
                .returning(Delivery.id, Delivery.alert_id, Delivery.channel)
            ).all()
            return sorted((r[0], r[1], r[2]) for r in rows)
