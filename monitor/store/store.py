"""The Store: everything the pipeline and the CLI ask of the database (monitor/store/__init__.py
exports it)."""

from __future__ import annotations

from monitor.store.digests import DigestQueries
from monitor.store.facts import FactQueries
from monitor.store.feeds import FeedQueries
from monitor.store.outbox import OutboxQueries
from monitor.store.queue import QueueQueries
from monitor.store.reading import open_engine
from monitor.store.retention import RetentionQueries
from monitor.store.stats import StatsQueries
from monitor.store.stories import StoryQueries


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
