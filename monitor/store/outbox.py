"""Alerts and the outbox: one delivery row per (alert, channel), written with the alert."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.records import (
    Alert,
    Change,
    fact_to_json,
)
from monitor.store.alert_reads import AlertReads
from monitor.store.alert_reads import alert_from_row as alert_from_row
from monitor.store.base import StoreBase
from monitor.store.models import AlertRow, Delivery


class OutboxQueries(AlertReads, StoreBase):
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


def _change_to_row(change: Change | None) -> dict[str, Any] | None:
    if change is None:
        return None
    before = None if change.before is None else fact_to_json(change.before)
    return {"change": change.kind, "before": before, "after": fact_to_json(change.after)}


def idempotency_key(dedup_key: str, channel: str) -> str:
    """Stable per (alert, channel): the same alert to the same channel always has the same key,
    on every instance and after every restart. Migration 0006 computes it the same way."""
    return hashlib.sha256(f"{dedup_key}\x1f{channel}".encode()).hexdigest()[:40]
