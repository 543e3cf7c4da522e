"""Alerts and the outbox: one delivery row per (alert, channel), written with the alert."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.records import Alert, AlertKind, FactKind, Quote, Severity
from monitor.store.base import StoreBase
from monitor.store.models import AlertRow, Article, Delivery


@dataclass(frozen=True, slots=True)
class StoredAlert:
    """An alert with its id and the state of each of its deliveries."""

    id: int
    alert: Alert
    created_at: datetime
    deliveries: tuple[tuple[str, str, int, str | None], ...]
    outlets: tuple[str, ...] = ()  # every outlet that has carried the alert's story so far

    def attempts(self, channel: str) -> int:
        return next((n for c, _s, n, _e in self.deliveries if c == channel), 0)

    def to_json(self) -> dict[str, Any]:
        a = self.alert
        return {
            "id": self.id,
            "kind": a.kind,
            "watch": a.watch,
            "title": a.title,
            "body": a.body,
            "before": a.before,
            "after": a.after,
            "evidence": [{"quote": q.text, "url": q.url, "outlet": q.outlet} for q in a.evidence],
            "channels": list(a.channels),
            "status": _overall_status([d[1] for d in self.deliveries]),
            "deliveries": [
                {"channel": c, "status": s, "attempts": n, "last_error": e}
                for c, s, n, e in self.deliveries
            ],
            "created_at": self.created_at.isoformat(),
            "story": None
            if a.story_id is None
            else {"id": a.story_id, "outlets": list(self.outlets)},
        }


def _overall_status(statuses: list[str]) -> str:
    for status in ("failed", "pending"):
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
        with self.session() as s:
            rows = s.scalars(select(AlertRow).order_by(AlertRow.id.desc()).limit(limit)).all()
            result = [self._stored_alert(s, row) for row in reversed(rows)]
        if status:
            result = [a for a in result if a.to_json()["status"] == status]
        return result

    def alert(self, alert_id: int) -> StoredAlert | None:
        with self.session() as s:
            row = s.get(AlertRow, alert_id)
            return None if row is None else self._stored_alert(s, row)

    def _stored_alert(self, s: Session, row: AlertRow) -> StoredAlert:
        deliveries = s.execute(
            select(Delivery.channel, Delivery.status, Delivery.attempts, Delivery.last_error)
            .where(Delivery.alert_id == row.id)
            .order_by(Delivery.channel)
        ).all()
        outlets: tuple[str, ...] = ()
        if row.story_id is not None:
            query = select(Article.outlet).where(Article.story_id == row.story_id)
            outlets = tuple(dict.fromkeys(s.scalars(query.order_by(Article.id))))
        return StoredAlert(
            row.id,
            _alert_from_row(row),
            row.created_at,
            tuple((d[0], d[1], d[2], d[3]) for d in deliveries),
            outlets,
        )

    def due_deliveries(self, now: datetime, limit: int = 100) -> list[tuple[int, str, StoredAlert]]:
        """Outbox rows whose attempt is due: (delivery id, channel, alert)."""
        with self.session() as s:
            rows = s.execute(
                select(Delivery.id, Delivery.channel, Delivery.alert_id)
                .where(Delivery.status == "pending", Delivery.next_attempt_at <= now)
                .order_by(Delivery.id)
                .limit(limit)
            ).all()
            out = []
            for delivery_id, channel, alert_id in rows:
                alert_row = s.get_one(AlertRow, alert_id)
                out.append((delivery_id, channel, self._stored_alert(s, alert_row)))
            return out

    def record_delivery(
        self, delivery_id: int, *, now: datetime, error: str | None, retry_at: datetime | None
    ) -> None:
        """Mark a delivery sent, or count a failed attempt: pending again at `retry_at`, or
        failed for good when `retry_at` is None."""
        with self.session() as s:
            row = s.get_one(Delivery, delivery_id)
            row.attempts += 1
            row.last_error = error
            if error is None:
                row.status, row.sent_at = "sent", now
            elif retry_at is None:
                row.status = "failed"
            else:
                row.next_attempt_at = retry_at

    def pending_count(self) -> int:
        with self.session() as s:
            query = select(func.count()).select_from(Delivery).where(Delivery.status == "pending")
            return s.execute(query).scalar_one()


def _alert_from_row(row: AlertRow) -> Alert:
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
    )


def idempotency_key(dedup_key: str, channel: str) -> str:
    """Stable per (alert, channel): the same alert to the same channel always has the same key,
    on every instance and after every restart. Migration 0006 computes it the same way."""
    return hashlib.sha256(f"{dedup_key}\x1f{channel}".encode()).hexdigest()[:40]
