"""The routing side of the outbox: holding rows back (digest, quiet hours, rate limit) and
flushing a channel's held rows into one digest delivery.

The decisions are pure (`monitor.alert.policy`, `monitor.alert.digest`); this module only reads
the rows they need and writes what they decided. The sender (`monitor.store.queue`) claims only
"pending" rows that are due, so a row in "digest", or pending with a later `next_attempt_at`,
simply waits here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from monitor.alert.digest import DigestItem
from monitor.alert.policy import ChannelPolicy, DueRow, Hold, plan_holds
from monitor.records import Alert, Severity
from monitor.store.models import AlertRow, Delivery, Story
from monitor.store.outbox import OutboxQueries, alert_from_row

_CHUNK = 1000  # ids per UPDATE: well under every database's limit on bound parameters
DigestBuilder = Callable[[Sequence[DigestItem]], Alert | None]


class DigestQueries(OutboxQueries):
    def hold_due(self, now: datetime, policies: Mapping[str, ChannelPolicy]) -> list[Hold]:
        """Apply digest, quiet-hour and rate-limit holds to every due pending row of the
        channels in `policies`, in one transaction. Returns the holds applied."""
        with self.session() as s:
            return self._hold(s, now, policies, alert_id=None)

    def hold_new(
        self, session: Session, alert_id: int, now: datetime, policies: Mapping[str, ChannelPolicy]
    ) -> list[Hold]:
        """Hold the rows of an alert just written (in the caller's transaction), so that no
        sender ever sees them as pending when they must wait: a digest channel's row, a row
        in quiet hours, a row over a rate limit that is full already (counting the rows
        waiting to go out as well as those sent)."""
        return self._hold(session, now, policies, alert_id=alert_id)

    def _hold(
        self,
        s: Session,
        now: datetime,
        policies: Mapping[str, ChannelPolicy],
        *,
        alert_id: int | None,
    ) -> list[Hold]:
        query = (
            select(
                Delivery.id,
                Delivery.channel,
                Delivery.attempts,
                Delivery.held_reason,
                AlertRow.kind,
                AlertRow.severity,
            )
            .join(AlertRow, AlertRow.id == Delivery.alert_id)
            .where(
                Delivery.status == "pending",
                Delivery.next_attempt_at <= now,
                Delivery.channel.in_(list(policies)),
            )
            .order_by(Delivery.id)
            .with_for_update(skip_locked=True, of=Delivery)
        )
        if alert_id is not None:
            query = query.where(Delivery.alert_id == alert_id)
        due: dict[str, list[DueRow]] = {}
        for row_id, channel, attempts, held, kind, severity in s.execute(query):
            row = DueRow(row_id, kind, cast(Severity, severity), attempts, held)
            due.setdefault(channel, []).append(row)
        applied: list[Hold] = []
        for channel, rows in due.items():
            policy = policies[channel]
            used = self._counted(s, channel, policy, now, alert_id)
            applied += plan_holds(policy, rows, now, used)
        alike: dict[tuple[str, str | None, datetime | None], list[int]] = {}
        for hold in applied:  # one UPDATE per kind of hold, not one per row
            alike.setdefault((hold.status, hold.reason, hold.until), []).append(hold.delivery_id)
        for (status, reason, until), ids in alike.items():
            values: dict[str, object] = {"status": status, "held_reason": reason}
            if until is not None:
                values["next_attempt_at"] = until
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                s.execute(
                    update(Delivery)
                    .where(Delivery.id.in_(chunk), Delivery.status == "pending")
                    .values(values)
                )
        return applied

    def _counted(
        self,
        s: Session,
        channel: str,
        policy: ChannelPolicy,
        now: datetime,
        new_alert: int | None,
    ) -> int:
        """Rows of `channel` that count against its rate limit: sent within the window, or
        being sent now; for a new alert's row, also the rows due and waiting to be sent (the
        delivery round under way may be about to send them). Digests neither count nor are
        limited."""
        if policy.rate is None:
            return 0
        since = now - policy.rate.window
        counted = [and_(Delivery.status == "sent", Delivery.sent_at > since)]
        counted.append(Delivery.status == "sending")
        if new_alert is not None:
            waiting = and_(
                Delivery.status == "pending",
                Delivery.attempts == 0,
                Delivery.next_attempt_at <= now,
                Delivery.alert_id != new_alert,
            )
            counted.append(waiting)
        query = (
            select(func.count())
            .select_from(Delivery)
            .join(AlertRow, AlertRow.id == Delivery.alert_id)
            .where(
                Delivery.channel == channel,
                AlertRow.kind != "digest",
                or_(*counted),
            )
        )
        return int(s.execute(query).scalar_one())

    def release_held(self, digest_channels: Collection[str]) -> int:
        """Rows held for a digest on a channel that no longer has one (its `digest` and
        `rate_limit` were removed from the configuration) go back in line to be sent alone,
        rather than wait for a digest that will never come. Returns how many."""
        with self.session() as s:
            released = s.execute(
                update(Delivery)
                .where(Delivery.status == "digest", Delivery.channel.not_in(list(digest_channels)))
                .values(status="pending", held_reason=None)
            )
            return int(released.rowcount)  # type: ignore[attr-defined]

    def flush_digest(
        self,
        channel: str,
        window_end: datetime,
        key: str,
        now: datetime,
        build: DigestBuilder,
    ) -> int | None:
        """Bundle the rows of `channel` held for a digest whose alerts are older than
        `window_end` into one digest alert (`build` composes it; it may return None to wait),
        with one pending delivery row, and mark the rows "digested" with the digest's row id:
        all in one transaction. `key` is the digest's dedup key: when it exists already (a
        second run, a second instance) nothing is created. Returns the digest's alert id."""
        try:
            with self.session() as s:
                if s.scalar(select(AlertRow.id).where(AlertRow.dedup_key == key)) is not None:
                    return None
                members = self._members(s, channel, window_end)
                alert = build([item for _row, item in members]) if members else None
                if alert is None:
                    return None
                alert_id = self.add_alert(s, alert, now, queue=True)
                if alert_id is None:
                    return None
                digest_row = s.scalar(
                    select(Delivery.id).where(
                        Delivery.alert_id == alert_id, Delivery.channel == channel
                    )
                )
                ids = [row for row, _item in members]
                for start in range(0, len(ids), _CHUNK):
                    s.execute(
                        update(Delivery)
                        .where(Delivery.id.in_(ids[start : start + _CHUNK]))
                        .where(Delivery.status == "digest")
                        .values(status="digested", digest_id=digest_row)
                    )
                return alert_id
        except IntegrityError:  # another instance stored this very digest a moment earlier
            return None

    def _members(
        self, s: Session, channel: str, window_end: datetime
    ) -> list[tuple[int, DigestItem]]:
        rows = s.execute(
            select(Delivery.id, Delivery.held_reason, AlertRow, Story.title)
            .join(AlertRow, AlertRow.id == Delivery.alert_id)
            .outerjoin(Story, Story.id == AlertRow.story_id)
            .where(
                Delivery.channel == channel,
                Delivery.status == "digest",
                AlertRow.created_at < window_end,
            )
            .order_by(AlertRow.id)
            .with_for_update(skip_locked=True, of=Delivery)
        ).all()
        return [
            (row_id, DigestItem(alert.id, alert_from_row(alert), title, held))
            for row_id, held, alert, title in rows
        ]
