"""The alerts raised and where each delivery stands, as `monitor alerts` shows them; read
with SQLAlchemy Core (monitor/store/reading.py says why)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from sqlalchemy import Connection, Row, exists, func, select

from monitor.records import (
    Alert,
    AlertKind,
    Change,
    FactKind,
    Quote,
    Severity,
    alert_facts_json,
    fact_from_json,
)
from monitor.store.reading import EngineBase
from monitor.store.tables import alerts, articles, deliveries

if TYPE_CHECKING:
    from monitor.store.models import AlertRow


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


class AlertReads(EngineBase):
    def alerts(self, status: str | None = None, limit: int = 100) -> list[StoredAlert]:
        """The newest `limit` alerts, oldest first. With `status`, only alerts that have a
        delivery in that state ("recorded": alerts with no delivery at all)."""
        query = select(alerts).order_by(alerts.c.id.desc()).limit(limit)
        of_alert = deliveries.c.alert_id == alerts.c.id
        if status == "recorded":
            query = query.where(~exists().where(of_alert))
        elif status:
            query = query.where(exists().where(of_alert, deliveries.c.status == status))
        with self.reading() as c:
            rows = c.execute(query).all()
            return _stored_alerts(c, rows[::-1])

    def alert(self, alert_id: int) -> StoredAlert | None:
        with self.reading() as c:
            row = c.execute(select(alerts).where(alerts.c.id == alert_id)).first()
            return None if row is None else _stored_alerts(c, [row])[0]

    def delivery_counts(self) -> dict[str, int]:
        """How many outbox rows have each status (pending, sending, sent, failed, digest,
        digested...), held ones under their status: `delivery_counts_with_held` puts them apart."""
        query = select(deliveries.c.status, func.count()).group_by(deliveries.c.status)
        with self.reading() as c:
            return {status: int(count) for status, count in c.execute(query)}


def _stored_alerts(c: Connection, rows: Sequence[Row[Any]]) -> list[StoredAlert]:
    """The alerts of `rows`, in their order, each with its deliveries (by channel) and the
    outlets of its story (in the order they carried it): a query per few hundred alerts
    instead of two per alert."""
    ids = [row.id for row in rows]
    by_alert: dict[int, list[DeliveryState]] = defaultdict(list)
    for part in _parts(ids):
        for alert_id, *state in c.execute(_DELIVERY_STATES.where(deliveries.c.alert_id.in_(part))):
            by_alert[alert_id].append(DeliveryState(*state))
    outlets: dict[int, dict[str, None]] = defaultdict(dict)
    for part in _parts(sorted({row.story_id for row in rows if row.story_id is not None})):
        query = select(articles.c.story_id, articles.c.outlet).where(articles.c.story_id.in_(part))
        for story_id, outlet in c.execute(query.order_by(articles.c.id)):
            outlets[story_id][outlet] = None
    return [
        StoredAlert(
            row.id,
            alert_from_row(row),
            row.created_at,
            tuple(by_alert[row.id]),
            tuple(outlets[row.story_id]) if row.story_id is not None else (),
        )
        for row in rows
    ]


# Each alert's deliveries, by channel: the fields of DeliveryState after the alert's id.
_DELIVERY_STATES = select(
    deliveries.c.alert_id,
    deliveries.c.channel,
    deliveries.c.status,
    deliveries.c.attempts,
    deliveries.c.last_error,
    deliveries.c.id,
    deliveries.c.held_reason,
    deliveries.c.next_attempt_at,
    deliveries.c.digest_id,
).order_by(deliveries.c.alert_id, deliveries.c.channel)
_IDS_PER_QUERY = 500  # far below any database's limit on a statement's parameters


def _parts(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _IDS_PER_QUERY):
        yield ids[start : start + _IDS_PER_QUERY]


def alert_from_row(row: AlertRow | Row[Any]) -> Alert:
    """A stored alert, from its ORM row or from a result row of the alerts table."""
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


def _change_from_row(data: dict[str, Any] | None) -> Change | None:
    """The change stored with a fact alert (None for other alerts, and for alerts stored
    before migration 0009)."""
    if not data:
        return None
    before = None if data["before"] is None else fact_from_json(data["before"])
    return Change(data["change"], fact_from_json(data["after"]), before)
