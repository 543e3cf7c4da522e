"""Storage at the side of the pipeline: SQLAlchemy 2 over SQLite (default) or PostgreSQL."""

from __future__ import annotations

from monitor.store.base import open_engine
from monitor.store.digests import DigestQueries
from monitor.store.facts import FactQueries, claim_id
from monitor.store.feeds import FeedQueries, FeedState
from monitor.store.outbox import DeliveryState, OutboxQueries, StoredAlert
from monitor.store.queue import ClaimedDelivery, QueueQueries
from monitor.store.retention import Pruned, RetentionQueries
from monitor.store.stats import Activity, StatsQueries
from monitor.store.stories import StoredText, StoryQueries, StorySummary


class Store(
    DigestQueries,  # first: it extends OutboxQueries
    FeedQueries,
    FactQueries,
    OutboxQueries,
    QueueQueries,
    StoryQueries,
    RetentionQueries,
    StatsQueries,
):
    """Everything the pipeline and the CLI ask of the database. Each method opens its own short
    transaction, except those that take a `session`: the pipeline writes an article with its
    matches, facts, alerts and outbox rows in one transaction, so all of it lands or none."""

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and bring the schema up to date."""
        return cls(open_engine(url))


__all__ = [
    "Activity",
    "ClaimedDelivery",
    "DeliveryState",
    "FeedState",
    "Pruned",
    "Store",
    "StoredAlert",
    "StoredText",
    "StorySummary",
    "claim_id",
]
