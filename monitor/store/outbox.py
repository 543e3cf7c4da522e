"""Alerts and the outbox: one delivery row per (alert, channel), written with the alert."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from monitor.records import (
    Alert,
    AlertKind,
    Change,
    FactKind,
    Quote,
    Severity,
    alert_facts_json,
    fact_from_json,
    fact_to_json,
)
from monitor.store.base import StoreBase
from monitor.store.models import AlertRow, Article, Delivery


class DeliveryState(NamedTuple):
    """Where one (alert, channel) row stands; `id` is what `monitor alerts retry dID` takes."""

    channel: str
    status: str
    attempts: int
    last_error: str | None
    id: int
    held_reason: str | None = None
    next_attempt_at: datetime | None = None
    digest_id: int | None = None  # for a "digested" row: the delivery of the digest it went in


# What the whole alert says, from the states of its rows: the first of these that any row is
# in. "digest" rows wait for their digest window, "digested" ones went out inside a digest.
_OVERALL_ORDER = ("failed", "sending", "pending", "digest")


@dataclass(frozen=True, slots=True)
class StoredAlert:
    """An alert with its id and the state of each of its deliveries."""

    id: int
    alert: Alert
    created_at: datetime
    deliveries: tuple[DeliveryState, ...]
    outlets: tuple[str, ...] = ()  # every outlet that has carried the alert's story so far

    def attempts(self, channel: str) -> int:
        return next((d.attempts for d in self.deliveries if d.channel == channel), 0)

    def to_json(self) -> dict[str, Any]:
        a = self.alert
        return {
            "id": self.id,
            "kind": a.kind,
            "watch": a.watch,
            "title": a.title,
            "body": a.body,
            **alert_facts_json(a),
            "evidence": [{"quote": q.text, "url": q.url, "outlet": q.outlet} for q in a.evidence],
            "channels": list(a.channels),
            "severity": a.severity,
            "fact_kind": a.fact_kind,
            "entities": list(a.entities),
            "status": overall_status([d.status for d in self.deliveries]),
            "deliveries": [
                {
                    "id": d.id,
                    "channel": d.channel,
                    "status": d.status,
                    "attempts": d.attempts,
                    "last_error": d.last_error,
                }
                for d in self.deliveries
            ],
            "created_at": self.created_at.isoformat(),
            "story": None
            if a.story_id is None
            else {"id": a.story_id, "outlets": list(self.outlets)},
        }


def overall_status(statuses: list[str]) -> str:
    """One word for an alert: failed, sending, pending, digest (all that is left waits for a
    digest), sent (every row went out, alone or in a digest) or recorded (no channel)."""
    for status in _OVERALL_ORDER:
        if status in statuses:
            return status
    return "sent" if statuses else "recorded"


class OutboxQueries(StoreBase):
    def add_alert(
        self, session: Session, alert: Alert, now: datetime, *, queue: bool
    ) -> int | None:
        """Store an alert and, when `queue`, one outbox row per channel. Returns None when an
        alert with the same dedup key exists already (it was raised before)."""
        exists = session.execute(select(AlertRow.id).where(AlertRow.dedup_key == alert.dedup_key))
        if exists.first() is not None:
            return None
        evidence = {
            "quotes": [{"text": q.text, "url": q.url, "outlet": q.outlet} for q in alert.evidence],
            "channels": list(alert.channels),
        }
        row = AlertRow(
            severity=alert.severity,
            fact_kind=alert.fact_kind,
            entities=list(alert.entities),
            dedup_key=alert.dedup_key,
            kind=alert.kind,
            watch=alert.watch,
            title=alert.title,
            body=alert.body,
            before=alert.before,
            after=alert.after,
            evidence=evidence,
            created_at=now,
            story_id=alert.story_id,
            facts=_change_to_row(alert.change),
        )
        session.add(row)
        session.flush()
        if queue:
            for channel in alert.channels:
                session.add(
                    Delivery(
                        alert_id=row.id,
                        channel=channel,
                        status="pending",
                        attempts=0,
                        next_attempt_at=now,
                        idempotency_key=idempotency_key(alert.dedup_key, channel),
                    )
                )
        return row.id

    def alerts(self, status: str | None = None, limit: int = 100) -> list[StoredAlert]:
        """The newest `limit` alerts, oldest first. With `status`, only alerts that have a
        delivery in that state ("recorded": alerts with no delivery at all)."""
        query = select(AlertRow).order_by(AlertRow.id.desc()).limit(limit)
        if status == "recorded":
            query = query.where(~exists().where(Delivery.alert_id == AlertRow.id))
        elif status:
            rows_in_state = exists().where(
                Delivery.alert_id == AlertRow.id, Delivery.status == status
            )
            query = query.where(rows_in_state)
        with self.session() as s:
            rows = s.scalars(query).all()
            return [self._stored_alert(s, row) for row in reversed(rows)]

    def alert(self, alert_id: int) -> StoredAlert | None:
        with self.session() as s:
            row = s.get(AlertRow, alert_id)
            return None if row is None else self._stored_alert(s, row)

    def _stored_alert(self, s: Session, row: AlertRow) -> StoredAlert:
        deliveries = s.execute(
            select(
                Delivery.channel,
                Delivery.status,
                Delivery.attempts,
                Delivery.last_error,
                Delivery.id,
                Delivery.held_reason,
                Delivery.next_attempt_at,
                Delivery.digest_id,
            )
            .where(Delivery.alert_id == row.id)
            .order_by(Delivery.channel)
        ).all()
        outlets: tuple[str, ...] = ()
        if row.story_id is not None:
            query = select(Article.outlet).where(Article.story_id == row.story_id)
            outlets = tuple(dict.fromkeys(s.scalars(query.order_by(Article.id))))
        return StoredAlert(
            row.id,
            alert_from_row(row),
            row.created_at,
            tuple(DeliveryState(*d) for d in deliveries),
            outlets,
        )


def alert_from_row(row: AlertRow) -> Alert:
    quotes = tuple(Quote(q["text"], q["url"], q["outlet"]) for q in row.evidence.get("quotes", []))
    return Alert(
        kind=cast(AlertKind, row.kind),
        watch=row.watch,
        title=row.title,
        body=row.body,
        channels=tuple(row.evidence.get("channels", [])),
        evidence=quotes,
        before=row.before,
        after=row.after,
        dedup_key=row.dedup_key,
        story_id=row.story_id,
        severity=cast(Severity, row.severity),
        fact_kind=cast(FactKind | None, row.fact_kind),
        entities=tuple(row.entities or ()),
        change=_change_from_row(row.facts),
    )


def _change_to_row(change: Change | None) -> dict[str, Any] | None:
    if change is None:
        return None
    before = None if change.before is None else fact_to_json(change.before)
    return {"change": change.kind, "before": before, "after": fact_to_json(change.after)}


def _change_from_row(data: dict[str, Any] | None) -> Change | None:
    """The change stored with a fact alert (None for other alerts, and for alerts stored
    before migration 0009)."""
    if not data:
        return None
    before = None if data["before"] is None else fact_from_json(data["before"])
    return Change(data["change"], fact_from_json(data["after"]), before)


def idempotency_key(dedup_key: str, channel: str) -> str:
    """Stable per (alert, channel): the same alert to the same channel always has the same key,
    on every instance and after every restart. Migration 0006 computes it the same way."""
    return hashlib.sha256(f"{dedup_key}\x1f{channel}".encode()).hexdigest()[:40]
